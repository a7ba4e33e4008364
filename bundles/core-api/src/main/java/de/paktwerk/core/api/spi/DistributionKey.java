package de.paktwerk.core.api.spi;

import de.paktwerk.core.api.KeyTarget;
import java.time.LocalDate;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * The distribution key of a key-based area ("money follows the refugee"), registered as an OSGi service with
 * {@link FundingArea#ID_PROPERTY}. With it, approvals of the area never exceed the applicant's share in the current
 * distribution; without it, approvals are checked against the area's budget only (rate per position, settlement on
 * actuals, competitive call). The weights are the core's key figures ({@code KeyFigures}) of
 * {@link #keyFigureType()}; a single run may use another type (e.g. population for a top-up).
 */
@ConsumerType
public interface DistributionKey {

    /** The key figures the key shares by, e.g. {@code refugees}. */
    String keyFigureType();

    /** Which bodies receive shares. */
    KeyTarget target();

    /** German description, e.g. "Geflüchtete in Anschlussunterbringung zum Stichtag". */
    String description();

    /** Default reference date, e.g. 2017-09-15. */
    LocalDate defaultReferenceDate();
}
