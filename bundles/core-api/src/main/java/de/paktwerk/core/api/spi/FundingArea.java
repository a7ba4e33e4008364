package de.paktwerk.core.api.spi;

import com.fasterxml.jackson.databind.JsonNode;
import de.paktwerk.core.api.Money;
import de.paktwerk.core.api.NewApplication;
import java.time.LocalDate;
import java.util.Map;

/**
 * A funding area (Förderbereich), registered as an OSGi service by its module with the service property
 * {@link #ID_PROPERTY}. The core discovers the installed areas through the whiteboard; an area that is not
 * installed takes no new applications.
 */
public interface FundingArea {

    /**
     * Service property every {@code FundingArea} service carries, with the value of {@link #id()}. The core
     * lists areas by this property and obtains the service only when it needs it, so that an area may itself
     * use the core's services (e.g. {@code DistributionService}) without a circular activation.
     */
    String ID_PROPERTY = "paktwerk.area.id";

    /** Stable id, used in REST paths and the database, e.g. {@code integration-management}. */
    String id();

    /** German title, e.g. "Integrationsmanagement". */
    String title();

    /**
     * Validates an application's area-specific payload and prices it.
     *
     * @return the eligible amount
     * @throws de.paktwerk.core.api.InvalidInputException with a German message if the payload is invalid
     * @throws de.paktwerk.core.api.ConflictException if the applicant is not eligible
     */
    Money price(NewApplication application, JsonNode payload);

    /** German description of the distribution key, e.g. "Geflüchtete in Anschlussunterbringung zum Stichtag". */
    String distributionKeyDescription();

    /**
     * The distribution key: a non-negative weight per municipality (official key) at the reference date.
     * The core moves the weight of a delegating municipality to its district.
     */
    Map<String, Long> distributionWeights(LocalDate referenceDate);

    /** Default reference date of the key, e.g. 2017-09-15. */
    LocalDate defaultReferenceDate();
}
