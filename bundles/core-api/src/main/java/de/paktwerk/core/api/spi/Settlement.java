package de.paktwerk.core.api.spi;

import com.fasterxml.jackson.databind.JsonNode;
import de.paktwerk.core.api.Assessment;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Settlement on actuals at proof of use (e.g. teaching units delivered and attendance), registered as an OSGi
 * service with {@link FundingArea#ID_PROPERTY}. The area computes the accepted amount from the actuals; the core
 * caps it at what was spent and approved and books the final payment, reclaim and release.
 */
@ConsumerType
public interface Settlement {

    /**
     * @param context the application and its money so far
     * @param actuals what the applicant reports, validated here (German {@code InvalidInputException} if invalid)
     * @return the lines and the accepted amount
     */
    Assessment settle(SettlementContext context, JsonNode actuals);
}
