package de.paktwerk.civicengagement.internal;

import de.paktwerk.core.api.Application;
import de.paktwerk.core.api.ApplicationState;
import de.paktwerk.core.api.DecisionRequest;
import de.paktwerk.core.api.Money;
import de.paktwerk.core.api.RuleViolatedException;
import de.paktwerk.core.api.spi.DecisionPolicy;
import de.paktwerk.core.api.spi.FundingArea;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The area's say in every approval, whether by the ranking run or one by one: the call's budget is never exceeded
 * (its row locked, so concurrent decisions in a call queue), and a project does not start before its decision.
 */
@Component(service = DecisionPolicy.class, property = FundingArea.ID_PROPERTY + "=" + CeRules.AREA)
public class CeDecisionPolicy implements DecisionPolicy {

    private final CeStore store;

    @Activate
    public CeDecisionPolicy(@Reference CeStore store) {
        this.store = store;
    }

    @Override
    public void check(Application application, DecisionRequest decision, String approver) {
        Model.Payload p = CeStore.payload(application.payload());
        if (p.kind() == Model.Kind.PROJECT && p.project() != null && p.project().start() != null && p.project().start().isBefore(store.today())) {
            throw new RuleViolatedException("Das Projekt beginnt am " + Rules.german(p.project().start()) + ", vor dem Bescheid; ein Projekt beginnt nicht"
                    + " vor der Bewilligung (neuen Beginn beantragen).");
        }
        Money amount = decision.amount() != null ? decision.amount()
                : decision.outcome() == ApplicationState.APPROVED ? application.requested() : Money.ZERO;
        store.requireWithinCall(application, amount);
    }
}
