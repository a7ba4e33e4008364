package de.paktwerk.core.api.spi;

import de.paktwerk.core.api.Application;
import de.paktwerk.core.api.Decision;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * What an area keeps of a decision in force — its funded positions, courses, grants —, registered with the service
 * property {@link FundingArea#ID_PROPERTY} (usually by the area's {@link FundingArea} component itself). The core calls
 * it, so that no area writes its own event handler: once a decision of the area has come into force (after the
 * commit), when it was changed if {@link #followsAmendments()}, and when the service appears, for every decision of the
 * area in force — what was decided while the module was not installed. It must be idempotent: called again for a
 * decision it already recorded, it records nothing twice.
 *
 * @since 2.3
 */
@ConsumerType
public interface DecisionRecorder {

    /**
     * Records what the decision grants.
     *
     * @param application the decided application
     * @param decision the decision in force
     * @return how many records were created or changed (0 if all were there)
     */
    int record(Application application, Decision decision);

    /** True if a changed decision (Änderungsbescheid) is to be recorded again, e.g. to split its amount anew. */
    default boolean followsAmendments() {
        return false;
    }
}
