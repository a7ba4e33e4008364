package de.paktwerk.core.internal.application;

import static de.paktwerk.core.internal.testing.CoreFixture.AREA;
import static de.paktwerk.core.internal.testing.CoreFixture.euros;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import de.paktwerk.core.api.Application;
import de.paktwerk.core.api.ApplicationQuery;
import de.paktwerk.core.api.ApplicationState;
import de.paktwerk.core.api.ConflictException;
import de.paktwerk.core.api.Decision;
import de.paktwerk.core.api.DecisionRequest;
import de.paktwerk.core.api.DistributionKind;
import de.paktwerk.core.api.DistributionRequest;
import de.paktwerk.core.api.ForbiddenException;
import de.paktwerk.core.api.InvalidInputException;
import de.paktwerk.core.api.Money;
import de.paktwerk.core.api.NewApplication;
import de.paktwerk.core.internal.testing.CoreFixture;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.Before;
import org.junit.Test;

public class ApplicationServiceTest {

    static final String STUTTGART = "08111000";
    static final String ULM = "08421000";

    CoreFixture f;

    @Before
    public void setUp() {
        f = new CoreFixture("100000.00");
        f.realm.put("gemeinde", java.util.Set.of("municipality", "municipality:" + STUTTGART, "municipality:" + ULM));
        f.realm.put("g", java.util.Set.of("municipality", "municipality:" + STUTTGART, "municipality:" + ULM));
        f.realm.put("p1", java.util.Set.of("approver"));
        f.realm.put("p2", java.util.Set.of("approver"));
        f.priceAsRequested();
        f.weights(Map.of(STUTTGART, 600L, ULM, 400L));
        f.budgets.setBudget("2017", AREA, euros("2000000.00"), "test");
        f.distributions.run(new DistributionRequest(AREA, "2017", DistributionKind.PROVISIONAL, euros("2000000.00"),
                LocalDate.of(2017, 9, 15), null, null), "test");
    }

    Application draft(String applicant, String amount) {
        return f.applications.create(new NewApplication(applicant, AREA, "2017", euros(amount), null, null, null, null), "gemeinde");
    }

    private List<String> found(ApplicationQuery q) {
        return f.applications.search(q, 0, 50).items().stream().map(a -> a.applicantKey() + " " + a.requested() + " " + a.state()).toList();
    }

    @Test
    public void theOfficeSearchesByNameOrKeyAndSortsWithoutSeeingDrafts() {
        f.applications.submit(draft(ULM, "1000.00").id(), "gemeinde");
        f.applications.submit(draft(STUTTGART, "2000.00").id(), "gemeinde");
        draft(ULM, "500.00");
        // the office's view: what was filed, found by a part of the name in any case
        assertEquals(List.of(ULM + " 1000.00 SUBMITTED"), found(new ApplicationQuery(null, null, null, null, "uLM", null, false, null, false)));
        // the applicant's view with drafts; the beginning of a key; the district's five digits
        assertEquals(List.of(ULM + " 1000.00 SUBMITTED", ULM + " 500.00 DRAFT"),
                found(new ApplicationQuery(null, null, null, null, "Ulm", null, true, null, false)));
        assertEquals(List.of(STUTTGART + " 2000.00 SUBMITTED"), found(new ApplicationQuery(null, null, null, null, "0811", null, true, null, false)));
        assertEquals(List.of(ULM + " 1000.00 SUBMITTED", ULM + " 500.00 DRAFT"),
                found(new ApplicationQuery(null, null, null, null, null, "08421", true, null, false)));
        // a wildcard is a character like any other
        assertEquals(List.of(), found(new ApplicationQuery(null, null, null, null, "%", null, true, null, false)));
        assertEquals(List.of(), found(new ApplicationQuery(null, null, null, null, "_lm", null, true, null, false)));
        // sorted by the amount asked for, largest first; by the applicant's name
        assertEquals(List.of(STUTTGART + " 2000.00 SUBMITTED", ULM + " 1000.00 SUBMITTED", ULM + " 500.00 DRAFT"),
                found(new ApplicationQuery(null, null, null, null, null, null, true, ApplicationQuery.Sort.REQUESTED, true)));
        assertEquals(List.of(STUTTGART + " 2000.00 SUBMITTED", ULM + " 500.00 DRAFT", ULM + " 1000.00 SUBMITTED"),
                found(new ApplicationQuery(null, null, null, null, null, null, true, ApplicationQuery.Sort.APPLICANT, false)));
        assertEquals(2, f.applications.search(new ApplicationQuery(null, null, null, null, null, null, false, null, false), 0, 1).total());
        InvalidInputException district = assertThrows(InvalidInputException.class,
                () -> new ApplicationQuery(null, null, null, null, null, "Ulm", false, null, false));
        assertEquals("district", district.field());
    }

    @Test
    public void everyIllegalTransitionIsRefusedAndChangesNothing() {
        Application a = draft(STUTTGART, "1000.00");
        long auditBefore = f.audit.verify().entriesChecked();
        // a draft cannot be decided or confirmed
        assertThrows(ConflictException.class, () -> f.applications.decide(a.id(), new DecisionRequest(ApplicationState.APPROVED, null, null), "p1"));
        assertThrows(ConflictException.class, () -> f.applications.confirm(a.id(), "p1"));
        assertThrows(ConflictException.class, () -> f.applications.drawdown(a.id(), euros("1.00"), "g"));
        assertEquals(auditBefore, f.audit.verify().entriesChecked());
        assertEquals(ApplicationState.DRAFT, f.applications.get(a.id()).state());

        f.applications.submit(a.id(), "gemeinde");
        assertThrows(ConflictException.class, () -> f.applications.submit(a.id(), "gemeinde"));
        f.applications.decide(a.id(), new DecisionRequest(ApplicationState.REJECTED, null, "fehlt"), "p1");
        // nothing leaves a final state
        for (ApplicationState s : ApplicationState.values()) {
            assertTrue(ApplicationState.REJECTED.next().isEmpty());
            assertThrows(ConflictException.class, () -> ApplicationState.REJECTED.checkTransition(s));
            assertThrows(ConflictException.class, () -> ApplicationState.WITHDRAWN.checkTransition(s));
        }
        assertThrows(ConflictException.class, () -> f.applications.withdraw(a.id(), "gemeinde"));
        assertThrows(ConflictException.class, () -> f.applications.decide(a.id(), new DecisionRequest(ApplicationState.APPROVED, null, null), "p1"));
        assertEquals(ApplicationState.REJECTED, f.applications.get(a.id()).state());
        // a decision outcome must be a decision
        Application b = draft(STUTTGART, "1000.00");
        f.applications.submit(b.id(), "gemeinde");
        assertThrows(InvalidInputException.class, () -> f.applications.decide(b.id(), new DecisionRequest(ApplicationState.WITHDRAWN, null, null), "p1"));
        assertThrows(InvalidInputException.class, () -> f.applications.decide(b.id(), new DecisionRequest(ApplicationState.PARTIALLY_APPROVED, euros("1000.00"), null), "p1"));
        assertEquals(ApplicationState.WITHDRAWN, f.applications.withdraw(b.id(), "gemeinde").state());
    }

    @Test
    public void aboveTheThresholdASecondDifferentApproverMustConfirm() {
        Application a = draft(STUTTGART, "150000.00");
        f.applications.submit(a.id(), "gemeinde");
        Decision d = f.applications.decide(a.id(), new DecisionRequest(ApplicationState.APPROVED, null, null), "p1");
        assertTrue(d.needsConfirmation());
        assertFalse(d.effective());
        assertEquals(ApplicationState.SUBMITTED, f.applications.get(a.id()).state());
        // an unconfirmed decision has no number yet: the refusal names the application (it read "die Entscheidung null")
        assertEquals("Vier-Augen-Prinzip: die Entscheidung über den Antrag " + a.id() + " muss eine andere Person bestätigen als die, die"
                + " entschieden hat.", assertThrows(ForbiddenException.class, () -> f.applications.confirm(a.id(), "p1")).getMessage());
        assertThrows(ConflictException.class, () -> f.applications.drawdown(a.id(), euros("1.00"), "g"));
        Decision confirmed = f.applications.confirm(a.id(), "p2");
        assertEquals("p2", confirmed.confirmedBy());
        assertEquals(ApplicationState.APPROVED, f.applications.get(a.id()).state());
        assertThrows(ConflictException.class, () -> f.applications.confirm(a.id(), "p3"));
        // at or below the threshold one approver suffices (another applicant: the sum per applicant counts)
        Application b = draft(ULM, "100000.00");
        f.applications.submit(b.id(), "gemeinde");
        assertTrue(f.applications.decide(b.id(), new DecisionRequest(ApplicationState.APPROVED, null, null), "p1").effective());
    }

    @Test
    public void approvalsNeverExceedTheApplicantsShare() {
        // Ulm's share: 400/1000 of 2,000,000.00 = 800,000.00
        Application a = draft(ULM, "800000.00");
        f.applications.submit(a.id(), "g");
        f.applications.decide(a.id(), new DecisionRequest(ApplicationState.APPROVED, null, null), "p1");
        f.applications.confirm(a.id(), "p2");
        Application b = draft(ULM, "0.01");
        f.applications.submit(b.id(), "g");
        assertThrows(ConflictException.class, () -> f.applications.decide(b.id(), new DecisionRequest(ApplicationState.APPROVED, null, null), "p1"));
        assertEquals(ApplicationState.SUBMITTED, f.applications.get(b.id()).state());
        assertEquals(euros("800000.00"), f.budgets.budget("2017", AREA).committed());
    }

    @Test
    public void anApplicationForAnAreaThatIsNotInstalledIsRefusedButOldDataStaysReadable() {
        Application a = draft(STUTTGART, "1000.00");
        CoreFixture.unregister(f.areas, f.areaReference);
        assertThrows(ConflictException.class, () -> draft(STUTTGART, "1000.00"));
        assertThrows(ConflictException.class, () -> f.applications.submit(a.id(), "g"));
        assertEquals(ApplicationState.DRAFT, f.applications.get(a.id()).state());
    }

    @Test
    public void fundsAreDrawnUpToTheApprovedAmountAndTheUnspentPartIsReclaimed() {
        Application a = draft(STUTTGART, "50000.00");
        f.applications.submit(a.id(), "g");
        f.applications.decide(a.id(), new DecisionRequest(ApplicationState.APPROVED, null, null), "p1");
        f.applications.drawdown(a.id(), euros("30000.00"), "g");
        f.applications.drawdown(a.id(), euros("20000.00"), "g");
        assertThrows(ConflictException.class, () -> f.applications.drawdown(a.id(), euros("0.01"), "g"));
        assertEquals(euros("8000.00"), f.applications.proofOfUse(a.id(), euros("42000.00"), "g").reclaim());
        assertThrows(ConflictException.class, () -> f.applications.proofOfUse(a.id(), euros("1.00"), "g"));
        assertEquals(euros("8000.00"), f.applications.reclaims(STUTTGART).get(0).amount());
    }

    /** 200 threads decide at once against one budget on real H2: the sum approved never exceeds it. */
    @Test
    public void concurrentApprovalsNeverOverCommitTheBudget() throws Exception {
        CoreFixture g = new CoreFixture("1000000.00");
        g.priceAsRequested();
        g.weights(Map.of(STUTTGART, 1L));
        g.budgets.setBudget("2018", AREA, euros("1000000.00"), "test");
        g.distributions.run(new DistributionRequest(AREA, "2018", DistributionKind.FINAL, euros("1000000.00"), LocalDate.of(2017, 9, 15), null, null), "t");
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            Application a = g.applications.create(new NewApplication(STUTTGART, AREA, "2018", euros("10000.00"), null, null, null, null), "g");
            g.applications.submit(a.id(), "g");
            ids.add(a.id());
        }
        ExecutorService pool = Executors.newFixedThreadPool(200);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        for (long id : ids) {
            results.add(pool.submit(() -> {
                start.await();
                try {
                    g.applications.decide(id, new DecisionRequest(ApplicationState.APPROVED, null, null), "p1");
                    return true;
                } catch (ConflictException refused) {
                    return false;
                }
            }));
        }
        start.countDown();
        int approved = 0;
        for (Future<Boolean> r : results) {
            if (r.get(120, TimeUnit.SECONDS)) {
                approved++;
            }
        }
        pool.shutdown();
        assertEquals(100, approved);
        Money committed = g.budgets.budget("2018", AREA).committed();
        assertEquals(euros("1000000.00"), committed);
        long approvedInDb = g.applications.list(null, AREA, ApplicationState.APPROVED, 0, 1000).total();
        assertEquals(approved, approvedInDb);
        assertTrue(g.audit.verify().intact());
    }

    @Test
    public void whoeverCreatedSubmittedOrActsForTheApplicantNeverDecidesConfirmsOrPaysOut() {
        f.realm.put("anna", java.util.Set.of("approver"));
        f.realm.put("bert", java.util.Set.of("approver"));
        f.realm.put("mixed", java.util.Set.of("approver", "municipality:" + STUTTGART));
        // created by an approver on the applicant's behalf: anna may not decide it, at any amount
        Application a = f.applications.create(new NewApplication(STUTTGART, AREA, "2017", euros("10.00"), null, null, null, null), "anna");
        f.applications.submit(a.id(), "bert");
        long audit = f.audit.verify().entriesChecked();
        ForbiddenException byCreator = assertThrows(ForbiddenException.class,
                () -> f.applications.decide(a.id(), new DecisionRequest(ApplicationState.APPROVED, null, null), "anna"));
        assertTrue(byCreator.getMessage(), byCreator.getMessage().contains("angelegt"));
        ForbiddenException bySubmitter = assertThrows(ForbiddenException.class,
                () -> f.applications.decide(a.id(), new DecisionRequest(ApplicationState.APPROVED, null, null), "bert"));
        assertTrue(bySubmitter.getMessage(), bySubmitter.getMessage().contains("eingereicht"));
        ForbiddenException byScope = assertThrows(ForbiddenException.class,
                () -> f.applications.decide(a.id(), new DecisionRequest(ApplicationState.APPROVED, null, null), "mixed"));
        assertTrue(byScope.getMessage(), byScope.getMessage().contains("Antragsteller " + STUTTGART));
        assertEquals(audit, f.audit.verify().entriesChecked());
        assertEquals(ApplicationState.SUBMITTED, f.applications.get(a.id()).state());
        f.applications.decide(a.id(), new DecisionRequest(ApplicationState.APPROVED, null, null), "p1");
        // paying out on the office's side: not by its creator
        assertThrows(ForbiddenException.class, () -> f.applications.drawdown(a.id(), euros("5.00"), "anna"));
        assertEquals(euros("5.00"), f.applications.drawdown(a.id(), euros("5.00"), "p2").amount());
        // confirming: a large application created by anna waits for a second approver; anna may not be it
        Application big = f.applications.create(new NewApplication(ULM, AREA, "2017", euros("150000.00"), null, null, null, null), "anna");
        f.applications.submit(big.id(), "g");
        assertTrue(f.applications.decide(big.id(), new DecisionRequest(ApplicationState.APPROVED, null, null), "p1").needsConfirmation());
        assertThrows(ForbiddenException.class, () -> f.applications.confirm(big.id(), "anna"));
        assertEquals("p2", f.applications.confirm(big.id(), "p2").confirmedBy());
    }

    @Test
    public void splittingDoesNotAvoidFourEyes() {
        Application a = draft(STUTTGART, "60000.00");
        Application b = draft(STUTTGART, "60000.00");
        Application other = draft(ULM, "60000.00");
        for (Application x : List.of(a, b, other)) {
            f.applications.submit(x.id(), "g");
        }
        assertFalse(f.applications.decide(a.id(), new DecisionRequest(ApplicationState.APPROVED, null, null), "p1").needsConfirmation());
        // 60,000.00 + 60,000.00 = 120,000.00 for Stuttgart in this area and period: above 100,000.00
        assertTrue(f.applications.decide(b.id(), new DecisionRequest(ApplicationState.APPROVED, null, null), "p1").needsConfirmation());
        assertFalse(f.applications.decide(other.id(), new DecisionRequest(ApplicationState.APPROVED, null, null), "p1").needsConfirmation());
    }

    @Test
    public void decisionNumbersHaveNoGapsWhenADecisionIsRefused() {
        int year = LocalDate.now(java.time.ZoneId.of("Europe/Berlin")).getYear();
        Application a = draft(ULM, "1000.00");
        Application tooMuch = draft(ULM, "900000.00"); // Ulm's share is 800,000.00
        Application c = draft(ULM, "2000.00");
        for (Application x : List.of(a, tooMuch, c)) {
            f.applications.submit(x.id(), "g");
        }
        assertEquals("PFI-" + year + "-000001", f.applications.decide(a.id(), new DecisionRequest(ApplicationState.APPROVED, null, null), "p1").number());
        assertThrows(ConflictException.class, () -> f.applications.decide(tooMuch.id(), new DecisionRequest(ApplicationState.APPROVED, null, null), "p1"));
        assertEquals("PFI-" + year + "-000002", f.applications.decide(c.id(), new DecisionRequest(ApplicationState.APPROVED, null, null), "p1").number());
    }

    @Test
    public void theOfficeRecordsAProofOfUseOnlyOnBehalfWithAReasonAndTheReasonStaysOutOfTheChain() {
        Application a = draft(STUTTGART, "50000.00");
        f.applications.submit(a.id(), "g");
        f.applications.decide(a.id(), new DecisionRequest(ApplicationState.APPROVED, null, null), "p1");
        f.applications.drawdown(a.id(), euros("50000.00"), "g");
        assertThrows(InvalidInputException.class, () -> f.applications.proofOfUse(a.id(), new de.paktwerk.core.api.ProofOfUseRequest(euros("41500.00"), null, null), "p2"));
        String reason = "Vorgelegt per Post am 2018-03-01";
        assertEquals(euros("8500.00"), f.applications.proofOfUse(a.id(), new de.paktwerk.core.api.ProofOfUseRequest(euros("41500.00"), reason, null), "p2").reclaim());
        String trail = f.audit.entries("proof_of_use", "1").toString();
        assertTrue(trail, trail.contains("onBehalf") && !trail.contains("Post"));
    }

    /** approved = paid (net of reclaims) + released + reclaimed, and the budget is committed for what was accepted. */
    private void settles(String approved, String drawn, String spent, String reclaim, String released, String paidNet) {
        CoreFixture g = new CoreFixture("1000000.00");
        g.realm.put("g", java.util.Set.of("municipality", "municipality:" + STUTTGART));
        g.priceAsRequested();
        g.weights(Map.of(STUTTGART, 1L));
        g.budgets.setBudget("2018", AREA, euros("1000000.00"), "test");
        g.distributions.run(new DistributionRequest(AREA, "2018", DistributionKind.FINAL, euros("1000000.00"), LocalDate.of(2017, 9, 15), null, null), "t");
        Application a = g.applications.create(new NewApplication(STUTTGART, AREA, "2018", euros(approved), null, null, null, null), "g");
        g.applications.submit(a.id(), "g");
        g.applications.decide(a.id(), new DecisionRequest(ApplicationState.APPROVED, null, null), "p1");
        assertEquals(euros(approved), g.budgets.budget("2018", AREA).committed());
        if (euros(drawn).isPositive()) {
            g.applications.drawdown(a.id(), euros(drawn), "g");
        }
        assertEquals(euros(reclaim), g.applications.proofOfUse(a.id(), euros(spent), "g").reclaim());
        Money paid = Money.ZERO;
        for (var d : g.applications.drawdowns(a.id())) {
            paid = paid.plus(d.amount());
        }
        Money netPaid = paid.minus(euros(reclaim));
        assertEquals(euros(paidNet), netPaid);
        // the budget and the allocation keep exactly what was accepted
        assertEquals(netPaid, g.budgets.budget("2018", AREA).committed());
        assertEquals(euros(approved), netPaid.plus(euros(released)).plus(euros(reclaim)));
        assertTrue(g.audit.verify().intact());
    }

    @Test
    public void drawnFullySpentLessTheDifferenceIsReclaimedAndGoesBackToTheBudget() {
        // the scenario: approved 50,000.00, drawn 50,000.00, spent 41,500.00 → reclaim 8,500.00, budget back by 8,500.00
        settles("50000.00", "50000.00", "41500.00", "8500.00", "0.00", "41500.00");
    }

    @Test
    public void whatWasNeverDrawnIsReleased() {
        settles("50000.00", "30000.00", "25000.00", "5000.00", "20000.00", "25000.00");
    }

    @Test
    public void spendingAboveWhatWasDrawnIsPaidOutUpToTheApprovalAndTheRestReleased() {
        settles("50000.00", "30000.00", "45000.00", "0.00", "5000.00", "45000.00");
        settles("50000.00", "0.00", "60000.00", "0.00", "0.00", "50000.00");
    }

    /** The second approver returns a waiting decision: the budget is committed as before, the number stays unused. */
    @Test
    public void aWaitingDecisionReturnedGivesItsReservationBackAndUsesNoNumber() {
        int year = LocalDate.now(java.time.ZoneId.of("Europe/Berlin")).getYear();
        Money before = f.budgets.budget("2017", AREA).committed();
        Application big = draft(STUTTGART, "150000.00");
        f.applications.submit(big.id(), "g");
        Decision pending = f.applications.decide(big.id(), new DecisionRequest(ApplicationState.APPROVED, null, null), "p1");
        assertEquals(null, pending.number());
        assertEquals(before.plus(euros("150000.00")), f.budgets.budget("2017", AREA).committed());
        assertEquals(List.of(pending.id()), f.applications.awaitingConfirmation("p2").stream().map(Decision::id).toList());
        assertEquals(List.of(), f.applications.awaitingConfirmation("p1"));
        assertThrows(ForbiddenException.class, () -> f.applications.returnDecision(big.id(), "Stellenplan fehlt", "p1"));
        assertThrows(InvalidInputException.class, () -> f.applications.returnDecision(big.id(), " ", "p2"));
        assertEquals(ApplicationState.SUBMITTED, f.applications.returnDecision(big.id(), "Stellenplan fehlt", "p2").state());
        assertEquals(before, f.budgets.budget("2017", AREA).committed());
        assertTrue(f.applications.decision(big.id()).isEmpty());
        assertEquals(List.of(), f.applications.awaitingConfirmation("p2"));
        // the reason stays readable for whoever decides anew; the office's inbox counts the application as undecided again
        List<de.paktwerk.core.api.ReturnedDecision> returned = f.applications.returnedDecisions(big.id());
        assertEquals(1, returned.size());
        assertEquals(List.of("p1", "APPROVED", "150000.00", "p2", "Stellenplan fehlt"), List.of(returned.get(0).decidedBy(),
                returned.get(0).outcome().name(), returned.get(0).amount().toString(), returned.get(0).returnedBy(), returned.get(0).reason()));
        assertEquals(List.of(big.id()), f.applications.search(new de.paktwerk.core.api.ApplicationQuery(STUTTGART, null, null, ApplicationState.SUBMITTED,
                null, null, false, null, false, true), 0, 10).items().stream().map(Application::id).toList());
        // decided anew (smaller, below the threshold): it takes the first number of the year
        Decision again = f.applications.decide(big.id(), new DecisionRequest(ApplicationState.PARTIALLY_APPROVED, euros("90000.00"), null), "p1");
        assertEquals("PFI-" + year + "-000001", again.number());
        assertEquals(before.plus(euros("90000.00")), f.budgets.budget("2017", AREA).committed());
        assertThrows(ConflictException.class, () -> f.applications.returnDecision(big.id(), "zu spät", "p2"));
        assertEquals(List.of(), f.applications.search(new de.paktwerk.core.api.ApplicationQuery(STUTTGART, null, null, ApplicationState.SUBMITTED,
                null, null, false, null, false, true), 0, 10).items());
    }

    long cents(String sql, Object... args) throws Exception {
        try (java.sql.Connection c = f.dataSource.getConnection(); java.sql.PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** An Änderungsbescheid lowers what is approved: the difference goes back to the budget, the share and the four-eyes total. */
    @Test
    public void anAmendmentLowersTheApprovalAndGivesTheDifferenceBack() throws Exception {
        Application a = draft(ULM, "68000.00");
        f.applications.submit(a.id(), "g");
        Decision d = f.applications.decide(a.id(), new DecisionRequest(ApplicationState.APPROVED, null, "Auflage A"), "p1");
        f.applications.drawdown(a.id(), euros("20000.00"), "g");
        Money budgetBefore = f.budgets.budget("2017", AREA).committed();
        long shareBefore = cents("SELECT committed_cents FROM allocation WHERE body_key = ?", ULM);
        Decision amended = f.applications.amendDecision(a.id(), new de.paktwerk.core.api.DecisionAmendment(euros("60000.00"), null,
                "Zwei Stellen wurden erst im Januar besetzt."), "p2");
        assertEquals(euros("60000.00"), amended.amount());
        assertEquals(ApplicationState.PARTIALLY_APPROVED, amended.outcome());
        assertEquals(d.number(), amended.number()); // the decision keeps its number
        assertEquals("Auflage A", amended.conditions()); // conditions not named stay
        assertEquals(ApplicationState.PARTIALLY_APPROVED, f.applications.get(a.id()).state());
        assertEquals(budgetBefore.minus(euros("8000.00")), f.budgets.budget("2017", AREA).committed());
        assertEquals(shareBefore - 800_000, cents("SELECT committed_cents FROM allocation WHERE body_key = ?", ULM));
        assertEquals(6_000_000, cents("SELECT decided_cents FROM decided_total WHERE applicant_key = ?", ULM));
        // the change has its own number, the next of the counter, and keeps what was in force before it
        String year = String.valueOf(LocalDate.now(f.clock.withZone(java.time.ZoneId.of("Europe/Berlin"))).getYear());
        assertEquals(1, cents("SELECT COUNT(*) FROM decision_amendment WHERE application_id = ? AND number = ? AND previous_amount_cents = 6800000"
                + " AND amount_cents = 6000000 AND previous_outcome = 'APPROVED'", a.id(), "PFI-" + year + "-000002"));
        assertEquals(List.of("decide", "amend"), f.audit.entries("decision", String.valueOf(d.id())).stream()
                .map(de.paktwerk.core.api.AuditEntry::action).toList());
        String trail = f.audit.entries("decision", String.valueOf(d.id())).toString();
        assertFalse(trail, trail.contains("Januar")); // the reason stays in the table, out of the chain
        // conditions alone; an empty text removes them
        assertEquals(null, f.applications.amendDecision(a.id(), new de.paktwerk.core.api.DecisionAmendment(null, "", "Auflage A ist erfüllt."), "p1")
                .conditions());
        assertEquals(euros("60000.00"), f.applications.decision(a.id()).orElseThrow().amount());
        // approved = paid + released + reclaimed at the proof of use, from the amended amount
        de.paktwerk.core.api.ProofOfUse proof = f.applications.proofOfUse(a.id(), euros("55000.00"), "g");
        assertEquals(euros("55000.00"), proof.accepted());
        assertEquals(euros("5000.00"), proof.released());
        assertEquals(euros("0.00"), proof.reclaim());
    }

    @Test
    public void anAmendmentIsRefusedWhereItWouldBreakAnInvariantAndChangesNothing() throws Exception {
        Application a = draft(ULM, "50000.00");
        f.applications.submit(a.id(), "g");
        f.applications.decide(a.id(), new DecisionRequest(ApplicationState.APPROVED, null, null), "p1");
        f.applications.drawdown(a.id(), euros("30000.00"), "g");
        Money budget = f.budgets.budget("2017", AREA).committed();
        long audit = f.audit.verify().entriesChecked();
        de.paktwerk.core.api.PaktwerkException e;
        e = assertThrows(ConflictException.class, () -> f.applications.amendDecision(a.id(),
                new de.paktwerk.core.api.DecisionAmendment(euros("29999.99"), null, "weniger"), "p1"));
        assertEquals("Ausgezahlt sind bereits 30.000,00 €; unter diesen Betrag lässt sich die Zuwendung nicht herabsetzen (29.999,99 €).", e.getMessage());
        e = assertThrows(ConflictException.class, () -> f.applications.amendDecision(a.id(),
                new de.paktwerk.core.api.DecisionAmendment(euros("50000.01"), null, "mehr"), "p1"));
        assertEquals(de.paktwerk.core.api.ProblemType.CONFLICT, e.problemType());
        e = assertThrows(ForbiddenException.class, () -> f.applications.amendDecision(a.id(),
                new de.paktwerk.core.api.DecisionAmendment(euros("40000.00"), null, "selbst"), "g"));
        assertEquals(de.paktwerk.core.api.ProblemType.SEPARATION_OF_DUTIES, e.problemType());
        InvalidInputException noReason = assertThrows(InvalidInputException.class, () -> f.applications.amendDecision(a.id(),
                new de.paktwerk.core.api.DecisionAmendment(euros("40000.00"), null, " "), "p1"));
        assertEquals("reason", noReason.field());
        assertThrows(InvalidInputException.class, () -> f.applications.amendDecision(a.id(),
                new de.paktwerk.core.api.DecisionAmendment(euros("50000.00"), null, "nichts"), "p1"));
        assertThrows(InvalidInputException.class, () -> f.applications.amendDecision(a.id(),
                new de.paktwerk.core.api.DecisionAmendment(euros("0.00"), null, "alles"), "p1"));
        assertEquals(budget, f.budgets.budget("2017", AREA).committed());
        assertEquals(audit, f.audit.verify().entriesChecked());
        assertEquals(0, cents("SELECT COUNT(*) FROM decision_amendment"));
        // a refusal, a decision waiting for its second approver and a settled approval cannot be amended
        Application r = draft(ULM, "1000.00");
        f.applications.submit(r.id(), "g");
        f.applications.decide(r.id(), new DecisionRequest(ApplicationState.REJECTED, null, "nein"), "p1");
        e = assertThrows(ConflictException.class, () -> f.applications.amendDecision(r.id(),
                new de.paktwerk.core.api.DecisionAmendment(null, "x", "y"), "p1"));
        assertEquals(de.paktwerk.core.api.ProblemType.ILLEGAL_TRANSITION, e.problemType());
        Application big = draft(STUTTGART, "150000.00");
        f.applications.submit(big.id(), "g");
        f.applications.decide(big.id(), new DecisionRequest(ApplicationState.APPROVED, null, null), "p1");
        assertThrows(ConflictException.class, () -> f.applications.amendDecision(big.id(),
                new de.paktwerk.core.api.DecisionAmendment(euros("100000.00"), null, "y"), "p2"));
        f.applications.proofOfUse(a.id(), euros("30000.00"), "g");
        e = assertThrows(ConflictException.class, () -> f.applications.amendDecision(a.id(),
                new de.paktwerk.core.api.DecisionAmendment(euros("40000.00"), null, "zu spät"), "p1"));
        assertEquals(de.paktwerk.core.api.ProblemType.ILLEGAL_TRANSITION, e.problemType());
    }

    /** A drawdown and an amendment at once: whichever comes second sees the first, so what is paid never exceeds what is approved. */
    @Test
    public void anAmendmentRacingADrawdownNeverLeavesMorePaidThanApproved() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 10; round++) {
                Application a = draft(ULM, "10000.00");
                f.applications.submit(a.id(), "g");
                f.applications.decide(a.id(), new DecisionRequest(ApplicationState.APPROVED, null, null), "p1");
                CountDownLatch go = new CountDownLatch(1);
                Future<Boolean> draw = pool.submit(() -> {
                    go.await();
                    try {
                        f.applications.drawdown(a.id(), euros("8000.00"), "g");
                        return true;
                    } catch (ConflictException refused) {
                        return false;
                    }
                });
                Future<Boolean> amend = pool.submit(() -> {
                    go.await();
                    try {
                        f.applications.amendDecision(a.id(), new de.paktwerk.core.api.DecisionAmendment(euros("5000.00"), null, "weniger"), "p2");
                        return true;
                    } catch (ConflictException refused) {
                        return false;
                    }
                });
                go.countDown();
                boolean drawn = draw.get(30, TimeUnit.SECONDS);
                boolean amended = amend.get(30, TimeUnit.SECONDS);
                assertTrue("round " + round + ": exactly one of the two goes through", drawn ^ amended);
                long paid = cents("SELECT COALESCE(SUM(amount_cents), 0) FROM drawdown WHERE application_id = ?", a.id());
                long approved = cents("SELECT amount_cents FROM decision WHERE application_id = ?", a.id());
                assertEquals(drawn ? 800_000 : 0, paid);
                assertEquals(amended ? 500_000 : 1_000_000, approved);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
