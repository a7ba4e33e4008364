package de.paktwerk.youthcareer.internal;

import de.paktwerk.core.api.Application;
import de.paktwerk.core.api.DecisionRequest;
import de.paktwerk.core.api.RuleViolatedException;
import de.paktwerk.core.api.spi.DecisionPolicy;
import de.paktwerk.core.api.spi.FundingArea;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The area's say in decisions: each programme's own approval office is named on its decisions (school social work:
 * KVJS, AVdual: the economics ministry, youth career helpers: the education ministry), and an AVdual application with
 * more FTE than the caseload guideline allows for its pupils is approved only after the approval office has set the
 * guideline aside for it with a reason ({@code POST applications/{id}/caseload-override}).
 */
@Component(service = DecisionPolicy.class, property = FundingArea.ID_PROPERTY + "=" + YcRules.AREA)
public class YcDecisionPolicy implements DecisionPolicy {

    private final YcStore store;
    private final YcRules rules;

    @Activate
    public YcDecisionPolicy(@Reference YcStore store, @Reference YcRules rules) {
        this.store = store;
        this.rules = rules;
    }

    @Override
    public void check(Application application, DecisionRequest decision, String approver) {
        rules.get().caseloadAboveGuideline(YcStore.payload(application.payload())).ifPresent(above -> {
            if (store.override(application.id()).isEmpty()) {
                throw new RuleViolatedException("AVdual-Begleitung: " + above + ". Die Bewilligungsstelle begründet die Abweichung vor der"
                        + " Entscheidung (POST /api/youth-career/applications/" + application.id() + "/caseload-override mit reason).");
            }
        });
    }

    @Override
    public String approvalOffice(Application application) {
        return YcStore.payload(application.payload()).programme().office();
    }
}
