package de.paktwerk.core.api.spi;

import com.fasterxml.jackson.databind.JsonNode;
import de.paktwerk.core.api.AreaDescriptor;
import de.paktwerk.core.api.Assessment;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A funding area (Förderbereich), registered as an OSGi service by its module with the service property
 * {@link #ID_PROPERTY}. The core discovers the installed areas through the whiteboard; an area that is not
 * installed takes no new applications. This is the only service an area must register; a key-based area also
 * registers a {@link DistributionKey}, an area that settles on actuals a {@link Settlement}.
 */
@ConsumerType
public interface FundingArea {

    /**
     * Service property every plug service of an area ({@code FundingArea}, {@code DistributionKey},
     * {@code Settlement}) carries, with the area's id. The core lists areas by this property and obtains the
     * service only when it needs it, so that an area may itself use the core's services without a circular
     * activation.
     */
    String ID_PROPERTY = "paktwerk.area.id";

    /** Id, German title, instrument, approval office and payload schema version; the same for the service's life. */
    AreaDescriptor descriptor();

    /**
     * Validates an application's area-specific payload and assesses it from what it contains and what the
     * context says (applicant, period, budget and share), without calling core services.
     *
     * @return the lines and the eligible amount
     * @throws de.paktwerk.core.api.InvalidInputException with a German message if the payload is invalid
     * @throws de.paktwerk.core.api.ConflictException if the applicant is not eligible
     */
    Assessment assess(AssessmentContext context, JsonNode payload);
}
