package de.paktwerk.languagecourses.internal;

import com.fasterxml.jackson.databind.JsonNode;
import de.paktwerk.core.api.ApplicantKind;
import de.paktwerk.core.api.ApplicationService;
import de.paktwerk.core.api.AreaDescriptor;
import de.paktwerk.core.api.Assessment;
import de.paktwerk.core.api.Instrument;
import de.paktwerk.core.api.Money;
import de.paktwerk.core.api.spi.AssessmentContext;
import de.paktwerk.core.api.spi.DecisionRecorder;
import de.paktwerk.core.api.spi.FundingArea;
import de.paktwerk.core.api.spi.Settlement;
import de.paktwerk.core.api.spi.SettlementContext;
import java.util.EnumSet;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The funding area "Spracherwerb (VwV Deutsch)": Stadt- and Landkreise apply with a course plan per course period,
 * priced per participant and teaching unit; at proof of use the courses are settled on the course days actually held,
 * with their signed attendance lists. Municipalities inside a Landkreis take part through it (the core refuses their
 * own applications with that advice, from the descriptor's applicants).
 */
@Component(service = {FundingArea.class, Settlement.class, DecisionRecorder.class}, property = FundingArea.ID_PROPERTY + "=" + LcRules.AREA)
public class LanguageCoursesArea implements FundingArea, Settlement, DecisionRecorder {

    static final AreaDescriptor DESCRIPTOR = new AreaDescriptor(LcRules.AREA, "Spracherwerb (VwV Deutsch)", Instrument.SETTLEMENT_ON_ACTUALS,
            "Ministerium für Soziales, Gesundheit und Integration Baden-Württemberg", 1, EnumSet.of(ApplicantKind.STADTKREIS, ApplicantKind.LANDKREIS),
            de.paktwerk.core.api.Term.Kind.COURSE_PERIOD);

    private final LcStore store;
    private final LcRules rules;
    private final ApplicationService applications;

    @Activate
    public LanguageCoursesArea(@Reference LcStore store, @Reference LcRules rules, @Reference ApplicationService applications) {
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
        Model.CoursePlan plan = LcStore.plan(payload);
        int year = LcStore.period(context.term());
        return rules.get().price(plan, store.facts(context.applicant().key(), year, context.asOfOr(store.today())));
    }

    @Override
    public Assessment settle(SettlementContext context, JsonNode actuals) {
        LcStore.requireNoActuals(actuals);
        long id = context.application().id();
        // the courses come from the decision's lifecycle event; a proof right after the decision may be first
        applications.decision(id).ifPresent(d -> store.recordCourses(context.application(), d));
        Assessment settled = store.settleApplication(id);
        Money accepted = Money.min(Money.min(settled.amount(), context.approved()), context.spent());
        store.recordProof(id, settled.amount(), accepted, "system");
        return settled;
    }

    /** What a decision in force grants: called by the core after the decision and on start for what was decided meanwhile. */
    @Override
    public int record(de.paktwerk.core.api.Application application, de.paktwerk.core.api.Decision decision) {
        return store.recordCourses(application, decision);
    }
}
