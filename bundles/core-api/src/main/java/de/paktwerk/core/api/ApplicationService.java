package de.paktwerk.core.api;

import java.util.List;
import java.util.Optional;

/** Applications (Anträge), decisions, drawdowns and proofs of use. */
@org.osgi.annotation.versioning.ProviderType
public interface ApplicationService {

    Application create(NewApplication application, String actor);

    /**
     * The price of a draft: what {@link #create} would assess for the same body — the same checks, the same
     * {@code AssessmentContext}, the area's own {@code assess} — without recording anything. The one door for a price,
     * for every area: the form's price is the decision's.
     *
     * @param application the draft, as it would be filed
     * @return the assessment
     * @since 2.2
     */
    Assessment price(NewApplication application);

    /**
     * The price of a draft as it would have been assessed on a given day: deadlines are checked against {@code asOf}
     * instead of today, nothing else changes and nothing is recorded. Without a term and a period the draft is priced in
     * the period containing that day; the amount asked for may be missing.
     *
     * @param application the draft, as it would be filed ({@code requested} optional)
     * @param asOf the day, or null for today
     * @return the assessment
     * @since 2.3
     */
    Assessment price(NewApplication application, java.time.LocalDate asOf);

    Application get(long id);

    Page<Application> list(String applicantKey, String areaId, ApplicationState state, int offset, int limit);

    /**
     * The applications a query selects, in its order, one page of them.
     *
     * @since 2.3
     */
    Page<Application> search(ApplicationQuery query, int offset, int limit);

    /**
     * The decisions on an application that the second person gave back, oldest first.
     *
     * @since 2.3
     */
    List<ReturnedDecision> returnedDecisions(long applicationId);

    /**
     * The applications a provider made in its own name.
     *
     * @since 2.0
     */
    Page<Application> listOfProvider(long providerId, String areaId, ApplicationState state, int offset, int limit);

    Application submit(long id, String actor);

    Application withdraw(long id, String actor);

    /**
     * Decides a submitted application. Approved sums never exceed the applicant's share in the current
     * distribution nor the area budget; above the four-eyes threshold the decision waits for a second approver.
     */
    Decision decide(long id, DecisionRequest decision, String approver);

    /** A second, different approver confirms a decision above the threshold. */
    Decision confirm(long id, String approver);

    /**
     * The second approver returns a decision that waits for confirmation, with a reason: the decision is gone
     * (kept as a returned decision), its reservation goes back to the budget and the applicant's share, and
     * the application waits for a new decision. Refusing an approval is returning it and deciding REJECTED.
     *
     * @since 1.1
     */
    Application returnDecision(long id, String reason, String approver);

    /**
     * Decisions waiting for a second approver that {@code approver} did not make.
     *
     * @since 1.1
     */
    List<Decision> awaitingConfirmation(String approver);

    Optional<Decision> decision(long applicationId);

    /**
     * Changes a decision in force before the proof of use (Änderungsbescheid): the approved amount goes down, never
     * below what is paid out, and/or the conditions are replaced, with a reason. What is no longer approved goes back
     * to the area budget and the applicant's share; the decision keeps its number, the change gets its own and its own
     * letter, which names the letter it changes. A lower amount needs no second approver; whoever may not decide the
     * application (its applicant's side) may not change the decision either. Posts {@link ApplicationEvents#AMENDED}.
     *
     * @return the decision as it is in force now
     * @since 2.2
     */
    Decision amendDecision(long id, DecisionAmendment amendment, String approver);

    /**
     * Calls {@code action} with every application of the area whose decision is in force (approved or partially
     * approved) and that decision, page by page. Lifecycle events are not stored: a module that turns decisions into
     * its own records reconciles with this on start what was decided while it was not installed.
     *
     * @return the sum of what the action returned (e.g. the records it created)
     * @since 2.1
     */
    default int forEachDecided(String areaId, java.util.function.ToIntBiFunction<Application, Decision> action) {
        int total = 0;
        for (ApplicationState state : new ApplicationState[] {ApplicationState.APPROVED, ApplicationState.PARTIALLY_APPROVED}) {
            int offset = 0;
            Page<Application> page;
            do {
                page = list(null, areaId, state, offset, 500);
                for (Application app : page.items()) {
                    Optional<Decision> decision = decision(app.id());
                    if (decision.isPresent()) {
                        total += action.applyAsInt(app, decision.get());
                    }
                }
                offset += 500;
            } while (offset < page.total());
        }
        return total;
    }

    Drawdown drawdown(long id, Money amount, String actor);

    List<Drawdown> drawdowns(long id);

    /** The applicant records its proof of use. */
    default ProofOfUse proofOfUse(long id, Money spent, String actor) {
        return proofOfUse(id, new ProofOfUseRequest(spent, null, null), actor);
    }

    /**
     * Records the proof of use and settles the approval: the accepted amount is the spending up to the approved
     * amount, or, for an area that settles on actuals, what its {@code Settlement} computes from
     * {@code actuals} (never more than spent nor than approved). Paid beyond it is reclaimed, accepted beyond paid
     * is paid out (final payment), the rest of the approval is released to the budget and the share:
     * approved = paid + released + reclaimed. The applicant records it itself; the approval office only on the
     * applicant's behalf with a reason, which is kept with the proof and audited as such. Whoever created or
     * submitted the application never records it on the office's side.
     *
     * @since 2.0
     */
    ProofOfUse proofOfUse(long id, ProofOfUseRequest request, String actor);

    Optional<ProofOfUse> proof(long applicationId);

    List<Reclaim> reclaims(String debtorKey);
}
