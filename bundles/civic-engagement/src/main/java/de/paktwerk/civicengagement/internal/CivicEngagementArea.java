package de.paktwerk.civicengagement.internal;

import com.fasterxml.jackson.databind.JsonNode;
import de.paktwerk.core.api.ApplicantKind;
import de.paktwerk.core.api.ApplicationService;
import de.paktwerk.core.api.AreaDescriptor;
import de.paktwerk.core.api.Assessment;
import de.paktwerk.core.api.InvalidInputException;
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
 * The funding area "Bürgerschaftliches Engagement und Zivilgesellschaft": competitive calls in which local authorities
 * and providers in their own name (associations, church parishes, welfare associations, host organisations) apply
 * for neighbourhood dialogues, alliances, projects or FSJ places; the jury's ranking decides; the proof of use is
 * settled on the actual financing.
 */
@Component(service = {FundingArea.class, Settlement.class, DecisionRecorder.class}, property = FundingArea.ID_PROPERTY + "=" + CeRules.AREA)
public class CivicEngagementArea implements FundingArea, Settlement, DecisionRecorder {

    static final AreaDescriptor DESCRIPTOR = new AreaDescriptor(CeRules.AREA, "Bürgerschaftliches Engagement und Zivilgesellschaft",
            Instrument.COMPETITIVE_CALL, "Ministerium für Soziales, Gesundheit und Integration Baden-Württemberg", 1, EnumSet.allOf(ApplicantKind.class));

    private final CeStore store;
    private final CeRules rules;
    private final ApplicationService applications;

    @Activate
    public CivicEngagementArea(@Reference CeStore store, @Reference CeRules rules, @Reference ApplicationService applications) {
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
        Model.Payload p = CeStore.payload(payload);
        if (p.callId() == null) {
            throw new InvalidInputException("Der Aufruf fehlt (callId).", "payload.callId");
        }
        Rules.Facts facts = store.facts(context.applicant().key(), context.applicantKind(), context.provider(), context.applicant().population(),
                p.callId(), context.asOfOr(store.today()));
        return rules.get().price(p, facts);
    }

    @Override
    public Assessment settle(SettlementContext context, JsonNode actualsJson) {
        Model.Actuals actuals = CeStore.actuals(actualsJson);
        Model.Payload applied = CeStore.payload(context.application().payload());
        Assessment settled = rules.get().settle(applied, actuals, store.call(applied.callId()));
        Money accepted = Money.min(Money.min(settled.amount(), context.approved()), context.spent());
        // the grant comes from the decision's lifecycle event; a proof right after the decision may be first
        applications.decision(context.application().id()).ifPresent(d -> store.recordGrant(context.application(), d));
        store.recordProof(context.application().id(), actuals, accepted);
        return settled;
    }

    /** What a decision in force grants: called by the core after the decision and on start for what was decided meanwhile. */
    @Override
    public int record(de.paktwerk.core.api.Application application, de.paktwerk.core.api.Decision decision) {
        return store.recordGrant(application, decision);
    }
}
