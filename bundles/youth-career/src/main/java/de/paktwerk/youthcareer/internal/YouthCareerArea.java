package de.paktwerk.youthcareer.internal;

import com.fasterxml.jackson.databind.JsonNode;
import de.paktwerk.core.api.ApplicantKind;
import de.paktwerk.core.api.AreaDescriptor;
import de.paktwerk.core.api.Assessment;
import de.paktwerk.core.api.Instrument;
import de.paktwerk.core.api.Money;
import de.paktwerk.core.api.spi.AssessmentContext;
import de.paktwerk.core.api.spi.DecisionRecorder;
import de.paktwerk.core.api.spi.FundingArea;
import de.paktwerk.core.api.spi.Settlement;
import de.paktwerk.core.api.spi.SettlementContext;
import de.paktwerk.youthcareer.internal.Model.Actuals;
import de.paktwerk.youthcareer.internal.Model.Payload;
import java.util.EnumSet;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The funding area "Junge Flüchtlinge in Schule und Beruf": a rate or a capped share per position, applied for per
 * school year, and settled on the months and FTE actually filled. It has no distribution key: the programmes are
 * application-driven against their budgets, so the core's budget of the area and period is the only core ceiling.
 */
@Component(service = {FundingArea.class, Settlement.class, DecisionRecorder.class}, property = FundingArea.ID_PROPERTY + "=" + YcRules.AREA)
public class YouthCareerArea implements FundingArea, Settlement, DecisionRecorder {

    static final AreaDescriptor DESCRIPTOR = new AreaDescriptor(YcRules.AREA, "Junge Flüchtlinge in Schule und Beruf",
            Instrument.RATE_PER_POSITION, "je Teilprogramm: KVJS, Wirtschaftsministerium, Kultusministerium", 1,
            EnumSet.allOf(ApplicantKind.class), de.paktwerk.core.api.Term.Kind.SCHOOL_YEAR);

    private final YcStore store;
    private final YcRules rules;
    private final de.paktwerk.core.api.ApplicationService applications;

    @Activate
    public YouthCareerArea(@Reference YcStore store, @Reference YcRules rules, @Reference de.paktwerk.core.api.ApplicationService applications) {
        this.store = store;
        this.rules = rules;
        this.applications = applications;
    }

    @Override
    public AreaDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Assessment assess(AssessmentContext context, JsonNode payload) {
        Payload p = YcStore.payload(payload);
        int schoolYear = YcStore.schoolYear(context.term());
        return rules.get().price(p, store.facts(context.applicant().key(), kind(context, p), schoolYear, p, context.asOfOr(store.today())));
    }

    /**
     * Who applies, as the programmes see it: the core says whether a provider applies in its own name (core-api
     * 2.1); youth career helpers are also applied for by a provider named as the one carrying out the work.
     */
    static ApplicantKind kind(AssessmentContext context, Payload p) {
        ApplicantKind kind = context.applicantKind();
        if (p.programme() == Programme.YOUTH_CAREER_HELPER && context.provider() != null && kind == ApplicantKind.GEMEINDE) {
            return ApplicantKind.PROVIDER;
        }
        return kind;
    }

    @Override
    public Assessment settle(SettlementContext context, JsonNode actualsJson) {
        Payload applied = YcStore.payload(context.application().payload());
        Actuals actuals = YcStore.actuals(actualsJson);
        Assessment settled = rules.get().settle(applied, actuals);
        Money accepted = Money.min(Money.min(settled.amount(), context.approved()), context.spent());
        // the positions come from the decision's lifecycle event; a proof right after the decision may be first
        applications.decision(context.application().id()).ifPresent(d -> store.recordFunding(context.application(), d));
        store.recordProof(context.application().id(), actuals, accepted, "system");
        return settled;
    }

    /** What a decision in force grants: called by the core after the decision and on start for what was decided meanwhile. */
    @Override
    public int record(de.paktwerk.core.api.Application application, de.paktwerk.core.api.Decision decision) {
        return store.recordFunding(application, decision);
    }

    /** A changed decision splits its amount anew over the positions. */
    @Override
    public boolean followsAmendments() {
        return true;
    }
}
