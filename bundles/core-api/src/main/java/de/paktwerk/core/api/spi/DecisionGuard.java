package de.paktwerk.core.api.spi;

import de.paktwerk.core.api.Application;
import de.paktwerk.core.api.DecisionRequest;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * An area's own check of a decision, registered as an OSGi service with {@link FundingArea#ID_PROPERTY} (optional):
 * for a rule only the area knows that the approval office must explicitly set aside, e.g. a caseload above the
 * programme's guideline that an approver confirms with a reason. The core calls it inside the decision's transaction
 * before anything is written; refusing (a {@link de.paktwerk.core.api.PaktwerkException} with a German message)
 * leaves everything as it was. A rejection is never guarded.
 *
 * @since 2.1
 */
@ConsumerType
public interface DecisionGuard {

    /**
     * @param application the application as submitted, with its payload and assessment
     * @param decision what the approver decides (approval or partial approval)
     * @param approver who decides
     */
    void check(Application application, DecisionRequest decision, String approver);
}
