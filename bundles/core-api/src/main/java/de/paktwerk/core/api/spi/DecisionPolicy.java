package de.paktwerk.core.api.spi;

import de.paktwerk.core.api.Application;
import de.paktwerk.core.api.DecisionRequest;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * An area's say in a decision, registered as an OSGi service with {@link FundingArea#ID_PROPERTY} (optional).
 *
 * @since 2.1
 */
@ConsumerType
public interface DecisionPolicy {

    /**
     * Checks an approval for a rule only the area knows that the approval office must explicitly set aside, e.g. a
     * caseload above the programme's guideline that an approver confirms with a reason. Called inside the decision's
     * transaction before anything is written; refusing (a {@link de.paktwerk.core.api.PaktwerkException} with a German
     * message) leaves everything as it was. A rejection is never checked.
     *
     * @param application the application as submitted, with its payload and assessment
     * @param decision what the approver decides (approval or partial approval)
     * @param approver who decides
     */
    void check(Application application, DecisionRequest decision, String approver);

    /**
     * The approval office that decides this application, where an area's programmes have different offices (school
     * social work: KVJS; AVdual: the economics ministry). Null: the area's office ({@link de.paktwerk.core.api.AreaDescriptor#approvalOffice()}).
     * An office configured for the area by the administrator takes precedence.
     *
     * @param application the application
     * @return the office's name, or null
     */
    default String approvalOffice(Application application) {
        return null;
    }
}
