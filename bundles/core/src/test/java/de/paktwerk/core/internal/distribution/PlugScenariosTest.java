package de.paktwerk.core.internal.distribution;

import static de.paktwerk.core.internal.testing.CoreFixture.AREA;
import static de.paktwerk.core.internal.testing.CoreFixture.euros;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import de.paktwerk.core.api.Application;
import de.paktwerk.core.api.ApplicationState;
import de.paktwerk.core.api.Assessment;
import de.paktwerk.core.api.ConflictException;
import de.paktwerk.core.api.DecisionRequest;
import de.paktwerk.core.api.Distribution;
import de.paktwerk.core.api.DistributionKind;
import de.paktwerk.core.api.DistributionRequest;
import de.paktwerk.core.api.InvalidInputException;
import de.paktwerk.core.api.KeyFigure;
import de.paktwerk.core.api.KeyTarget;
import de.paktwerk.core.api.LineItem;
import de.paktwerk.core.api.Money;
import de.paktwerk.core.api.NewApplication;
import de.paktwerk.core.api.OverAllocation;
import de.paktwerk.core.api.ProblemType;
import de.paktwerk.core.api.ProofOfUse;
import de.paktwerk.core.api.ProofOfUseRequest;
import de.paktwerk.core.api.Share;
import de.paktwerk.core.api.db.Sql;
import de.paktwerk.core.internal.testing.CoreFixture;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.Before;
import org.junit.Test;

/** The scenarios of the core's plug for every instrument, with figures worked out by hand (or from the shipped data). */
public class PlugScenariosTest {

    static final String STUTTGART = "08111000";
    static final String ULM = "08421000";
    static final String AIDLINGEN = "08115001";
    static final String BOEBLINGEN = "08115003";
    static final String LK_BOEBLINGEN = "08115";

    CoreFixture f;

    @Before
    public void setUp() {
        f = new CoreFixture("10000000.00");
        f.realm.put("g", Set.of("municipality", "municipality:" + STUTTGART, "municipality:" + ULM, "municipality:" + AIDLINGEN,
                "municipality:" + LK_BOEBLINGEN));
        f.realm.put("p1", Set.of("approver"));
        f.priceAsRequested();
    }

    private Application approved(String applicant, String period, String amount) {
        Application a = f.applications.create(new NewApplication(applicant, AREA, period, euros(amount), null, null, null, null), "g");
        f.applications.submit(a.id(), "g");
        f.applications.decide(a.id(), new DecisionRequest(ApplicationState.APPROVED, null, null), "p1");
        return a;
    }

    private Distribution run(String period, DistributionKind kind, String amount) {
        return f.distributions.run(new DistributionRequest(AREA, period, kind, euros(amount), CoreFixture.STICHTAG, null, null), "t");
    }

    /** 2022: 8,000,000.00 through integration management to the 44 Stadt- and Landkreise by population. */
    @Test
    public void ukraineTopUpByPopulationOverThe44DistrictsSumsExactlyAndMatchesPopulationShares() throws Exception {
        f.budgets.setBudget("2022", AREA, euros("8000000.00"), "t");
        Distribution d = f.distributions.run(new DistributionRequest(AREA, "2022", DistributionKind.FINAL, euros("8000000.00"),
                LocalDate.of(2019, 12, 31), KeyFigure.POPULATION, KeyTarget.DISTRICTS), "t");
        assertEquals(44, d.bodies());
        assertEquals(KeyFigure.POPULATION, d.keyFigureType());
        Map<String, Money> shares = new HashMap<>();
        for (Share s : f.distributions.shares(d.id())) {
            shares.put(s.bodyKey(), s.amount());
        }
        // the population of every Stadt- and Landkreis as published (data/bw_kreise.csv, Destatis 31.12.2019)
        Map<String, Long> population = new HashMap<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(getClass().getClassLoader().getResourceAsStream("data/bw_kreise.csv"),
                StandardCharsets.UTF_8))) {
            in.readLine();
            for (String line; (line = in.readLine()) != null; ) {
                String[] c = line.split(",");
                String key = c[2].equals("Stadtkreis") ? c[0] + "000" : c[0];
                population.put(key, Long.parseLong(c[c.length - 2]));
            }
        }
        assertEquals(population.keySet(), shares.keySet());
        long total = population.values().stream().mapToLong(Long::longValue).sum();
        assertEquals(11_100_394L, total);
        long sum = 0;
        for (Map.Entry<String, Long> e : population.entrySet()) {
            long cents = shares.get(e.getKey()).cents();
            sum += cents;
            // within one cent of the exact pro-rata share: |cents × total − 800,000,000 × population| < total
            BigInteger exact = BigInteger.valueOf(800_000_000L).multiply(BigInteger.valueOf(e.getValue()));
            BigInteger diff = BigInteger.valueOf(cents).multiply(BigInteger.valueOf(total)).subtract(exact).abs();
            assertTrue(e.getKey() + " " + cents, diff.compareTo(BigInteger.valueOf(total)) < 0);
        }
        assertEquals(800_000_000L, sum);
        // 8,000,000.00 × 635,911 / 11,100,394 = 458,297.9667 → .97; Böblingen 392,807 → 283,094.0955… → .10;
        // Baden-Baden 55,185 → 39,771.5614… → .56 (the 23 cents left over go to the largest remainders)
        assertEquals(euros("458297.97"), shares.get(STUTTGART));
        assertEquals(euros("283094.10"), shares.get(LK_BOEBLINGEN));
        assertEquals(euros("39771.56"), shares.get("08211000"));
    }

    @Test
    public void aFinalRunBelowAnApprovedAmountRecordsAnOverAllocationAndRefusesNewApprovals() {
        f.weights(Map.of(STUTTGART, 600L, ULM, 400L));
        f.budgets.setBudget("2017", AREA, euros("1000000.00"), "t");
        run("2017", DistributionKind.PROVISIONAL, "1000000.00");
        approved(STUTTGART, "2017", "500000.00");
        f.weights(Map.of(STUTTGART, 100L, ULM, 900L));
        Distribution fin = run("2017", DistributionKind.FINAL, "1000000.00");
        OverAllocation expected = new OverAllocation(STUTTGART, euros("100000.00"), euros("500000.00"), euros("400000.00"));
        assertEquals(List.of(expected), fin.overAllocations());
        assertEquals(List.of(expected), f.distributions.get(fin.id()).overAllocations());
        long[] row = f.database.jdbc().tx(c -> Sql.one(c, "SELECT allocated_cents, committed_cents, over_allocated_cents FROM allocation"
                + " WHERE body_key = ?", rs -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)}, STUTTGART).orElseThrow());
        assertEquals(List.of(10_000_000L, 50_000_000L, 40_000_000L), List.of(row[0], row[1], row[2]));
        Application more = f.applications.create(new NewApplication(STUTTGART, AREA, "2017", euros("1.00"), null, null, null, null), "g");
        f.applications.submit(more.id(), "g");
        ConflictException e = assertThrows(ConflictException.class,
                () -> f.applications.decide(more.id(), new DecisionRequest(ApplicationState.APPROVED, null, null), "p1"));
        assertEquals(ProblemType.SHARE_EXCEEDED, e.problemType());
        // after a final run only corrections (final again) follow
        assertThrows(ConflictException.class, () -> run("2017", DistributionKind.PROVISIONAL, "1000000.00"));
        assertEquals(3, run("2017", DistributionKind.FINAL, "1000000.00").version());
    }

    @Test
    public void importedFiguresThatChangeTheCurrentRunAreReported() {
        f.weights(Map.of(STUTTGART, 600L, ULM, 400L));
        f.budgets.setBudget("2017", AREA, euros("1000000.00"), "t");
        Distribution d = run("2017", DistributionKind.PROVISIONAL, "1000000.00");
        assertEquals(List.of(), f.distributions.runsChangedBy(List.of(KeyFigure.of(KeyFigure.REFUGEES, ULM, CoreFixture.STICHTAG, 400))));
        assertEquals(List.of(), f.distributions.runsChangedBy(List.of(KeyFigure.of(KeyFigure.REFUGEES, ULM, LocalDate.of(2018, 9, 15), 1))));
        assertEquals(List.of(d.id()), f.distributions.runsChangedBy(List.of(KeyFigure.of(KeyFigure.REFUGEES, ULM, CoreFixture.STICHTAG, 401)))
                .stream().map(Distribution::id).toList());
    }

    @Test
    public void aDelegationAfterADistributionMovesTheRemainingShareToTheDistrictAtOnce() {
        f.weights(Map.of(AIDLINGEN, 100L, BOEBLINGEN, 900L));
        f.budgets.setBudget("2017", AREA, euros("1000000.00"), "t");
        run("2017", DistributionKind.PROVISIONAL, "1000000.00");
        approved(AIDLINGEN, "2017", "30000.00");
        f.registry.delegate(AIDLINGEN, AREA, "g");
        // Aidlingen keeps what it has approved (30,000.00); the other 70,000.00 of its 100,000.00 are the Landkreis's now
        approved(LK_BOEBLINGEN, "2017", "70000.00");
        Application more = f.applications.create(new NewApplication(LK_BOEBLINGEN, AREA, "2017", euros("0.01"), null, null, null, null), "g");
        f.applications.submit(more.id(), "g");
        ConflictException e = assertThrows(ConflictException.class,
                () -> f.applications.decide(more.id(), new DecisionRequest(ApplicationState.APPROVED, null, null), "p1"));
        assertEquals(ProblemType.SHARE_EXCEEDED, e.problemType());
        assertTrue(f.audit.entries("allocation", AREA + "/2017/" + AIDLINGEN).stream().anyMatch(x -> x.action().equals("move-to-district")));
        // a delegation for an area no module provides is refused
        ConflictException unknown = assertThrows(ConflictException.class, () -> f.registry.delegate(BOEBLINGEN, "no-such-area", "g"));
        assertEquals(ProblemType.AREA_NOT_INSTALLED, unknown.problemType());
    }

    @Test
    public void anAreaWithoutKeyIsCheckedAgainstItsBudgetOnlyAndADemandDrivenBudgetMayBeExceeded() {
        f.withoutKey();
        f.budgets.setBudget("2018", AREA, euros("100.00"), false, "t");
        approved(STUTTGART, "2018", "150.00"); // no distribution, no share: the planning figure is exceeded on demand
        assertEquals(euros("150.00"), f.budgets.budget("2018", AREA).committed());
        f.budgets.setBudget("2019", AREA, euros("100.00"), "t");
        Application a = f.applications.create(new NewApplication(STUTTGART, AREA, "2019", euros("100.01"), null, null, null, null), "g");
        f.applications.submit(a.id(), "g");
        ConflictException e = assertThrows(ConflictException.class,
                () -> f.applications.decide(a.id(), new DecisionRequest(ApplicationState.APPROVED, null, null), "p1"));
        assertEquals(ProblemType.BUDGET_EXHAUSTED, e.problemType());
        assertEquals(List.of(new LineItem(LineItem.Kind.ELIGIBLE_COSTS, "Förderfähige Ausgaben", euros("100.01"))),
                f.applications.get(a.id()).assessment());
    }

    private static boolean waitsForALock(CoreFixture g, Thread deciding) {
        if (de.paktwerk.core.internal.testing.TestDatabase.POSTGRESQL) {
            return g.database.jdbc().tx(c -> de.paktwerk.core.api.db.Sql.count(c, "SELECT COUNT(*) FROM pg_locks WHERE NOT granted")) > 0;
        }
        // H2 parks a thread that waits for a row lock, and retries an insert whose key an uncommitted insert holds (the
        // applicant's total row made by the first decision)
        StackTraceElement[] stack = deciding == null ? new StackTraceElement[0] : deciding.getStackTrace();
        boolean inH2 = java.util.Arrays.stream(stack).anyMatch(f -> f.getClassName().startsWith("org.h2."));
        return inH2 && (deciding.getState() == Thread.State.TIMED_WAITING
                || java.util.Arrays.stream(stack).anyMatch(f -> f.getMethodName().equals("lockDecidedTotal")));
    }

    /**
     * An area's decision policy refuses a decision before anything is written (a rejection is never checked) and may
     * name the office that decides an application.
     */
    @Test
    public void anAreasDecisionPolicyRefusesBeforeAnythingIsWritten() {
        f.realm.put("p2", Set.of("approver"));
        f.withoutKey();
        f.decidesWithPolicy();
        f.budgets.setBudget("2019", AREA, euros("50000.00"), "t");
        org.mockito.Mockito.doThrow(new de.paktwerk.core.api.RuleViolatedException("Richtwert überschritten; Begründung fehlt."))
                .when(f.policy).check(org.mockito.ArgumentMatchers.any(), org.mockito.ArgumentMatchers.any(), org.mockito.ArgumentMatchers.eq("p1"));
        Application a = f.applications.create(new NewApplication(STUTTGART, AREA, "2019", euros("12000.00"), null, null, null, null), "g");
        f.applications.submit(a.id(), "g");
        de.paktwerk.core.api.RuleViolatedException e = assertThrows(de.paktwerk.core.api.RuleViolatedException.class,
                () -> f.applications.decide(a.id(), new DecisionRequest(ApplicationState.APPROVED, null, null), "p1"));
        assertEquals("Richtwert überschritten; Begründung fehlt.", e.getMessage());
        assertEquals(ApplicationState.SUBMITTED, f.applications.get(a.id()).state());
        assertTrue(f.applications.decision(a.id()).isEmpty());
        assertEquals(euros("0.00"), f.budgets.budget("2019", AREA).committed());
        // a rejection is never checked
        f.applications.decide(a.id(), new DecisionRequest(ApplicationState.REJECTED, null, null), "p1");
        assertEquals(ApplicationState.REJECTED, f.applications.get(a.id()).state());
        // the office the area names for an application is the one on its decision (the area's own without one)
        org.mockito.Mockito.when(f.policy.approvalOffice(org.mockito.ArgumentMatchers.any())).thenAnswer(inv ->
                ((Application) inv.getArgument(0)).requested().equals(euros("11000.00")) ? "Kultusministerium" : null);
        Application b = f.applications.create(new NewApplication(STUTTGART, AREA, "2019", euros("11000.00"), null, null, null, null), "g");
        f.applications.submit(b.id(), "g");
        assertEquals("Kultusministerium", f.applications.decide(b.id(), new DecisionRequest(ApplicationState.APPROVED, null, null), "p2")
                .approvalOffice());
        Application c = f.applications.create(new NewApplication(STUTTGART, AREA, "2019", euros("1000.00"), null, null, null, null), "g");
        f.applications.submit(c.id(), "g");
        assertEquals(f.area.descriptor().approvalOffice(), f.applications.decide(c.id(), new DecisionRequest(ApplicationState.APPROVED, null,
                null), "p2").approvalOffice());
        org.mockito.Mockito.verify(f.policy, org.mockito.Mockito.times(3)).check(org.mockito.ArgumentMatchers.any(),
                org.mockito.ArgumentMatchers.any(), org.mockito.ArgumentMatchers.any());
    }

    /**
     * Four eyes on the sum holds under concurrency also in an area without shares: a decision waits for a concurrent,
     * not yet committed decision for the same applicant and counts it (before, without an allocation row to lock, it
     * did not wait and summed without the other one).
     */
    @Test
    public void concurrentDecisionsForOneApplicantCountEachOtherInAnAreaWithoutShares() throws Exception {
        CoreFixture g = new CoreFixture("100000.00");
        g.realm.put("g", Set.of("municipality", "municipality:" + STUTTGART));
        g.realm.put("p1", Set.of("approver"));
        g.realm.put("p2", Set.of("approver"));
        g.priceAsRequested();
        g.withoutKey();
        g.budgets.setBudget("2019", AREA, euros("1000000.00"), "t");
        Application first = g.applications.create(new NewApplication(STUTTGART, AREA, "2019", euros("60000.00"), null, null, null, null), "g");
        g.applications.submit(first.id(), "g");
        Application second = g.applications.create(new NewApplication(STUTTGART, AREA, "2019", euros("60000.00"), null, null, null, null), "g");
        g.applications.submit(second.id(), "g");
        java.util.concurrent.CountDownLatch decided = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch commit = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        java.util.concurrent.Future<?> a = pool.submit(() -> g.database.jdbc().tx(c -> {
            g.applications.decide(first.id(), new DecisionRequest(ApplicationState.APPROVED, null, null), "p1"); // joins this transaction
            decided.countDown();
            try {
                commit.await(60, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        }));
        assertTrue(decided.await(30, java.util.concurrent.TimeUnit.SECONDS));
        java.util.concurrent.atomic.AtomicReference<Thread> deciding = new java.util.concurrent.atomic.AtomicReference<>();
        java.util.concurrent.Future<de.paktwerk.core.api.Decision> b = pool.submit(() -> {
            deciding.set(Thread.currentThread());
            return g.applications.decide(second.id(), new DecisionRequest(ApplicationState.APPROVED, null, null), "p2");
        });
        // the second decision either finished without waiting (the old code) or waits for the first one: on PostgreSQL
        // an ungranted lock, on H2 its thread inside the database while locking the applicant's total
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(15);
        while (!b.isDone() && !waitsForALock(g, deciding.get())) {
            assertTrue("weder entschieden noch wartend", System.nanoTime() < deadline);
            Thread.sleep(10); // polling interval of the await, not a wait for the outcome
        }
        commit.countDown();
        a.get(30, java.util.concurrent.TimeUnit.SECONDS);
        de.paktwerk.core.api.Decision secondDecision = b.get(30, java.util.concurrent.TimeUnit.SECONDS);
        pool.shutdown();
        // 60,000.00 + 60,000.00 for Stuttgart is above 100,000.00: the second decision needs a second approver
        assertTrue(secondDecision.needsConfirmation());
        assertEquals(ApplicationState.SUBMITTED, g.applications.get(second.id()).state());
    }

    @Test
    public void settlementOnActualsAcceptsWhatTheAreaSettlesNeverMoreThanSpentOrApproved() {
        f.withoutKey();
        f.settlesOnActuals();
        f.budgets.setBudget("2019", AREA, euros("50000.00"), "t");
        when(f.settlement.settle(any(), any())).thenReturn(new Assessment(List.of(new LineItem(LineItem.Kind.RATE,
                "250 Unterrichtseinheiten × 40,00 €", euros("10000.00"))), euros("10000.00")));
        Application a = approved(STUTTGART, "2019", "12000.00");
        f.applications.drawdown(a.id(), euros("12000.00"), "g");
        assertThrows(InvalidInputException.class, () -> f.applications.proofOfUse(a.id(), euros("12000.00"), "g"));
        ProofOfUse proof = f.applications.proofOfUse(a.id(), new ProofOfUseRequest(euros("12000.00"), null,
                JsonNodeFactory.instance.objectNode().put("deliveredUnits", 250)), "g");
        assertEquals(euros("10000.00"), proof.accepted());
        assertEquals(euros("2000.00"), proof.reclaim());
        assertEquals(euros("0.00"), proof.released());
        assertEquals(euros("10000.00"), f.budgets.budget("2019", AREA).committed());
        assertEquals(proof, f.applications.proof(a.id()).orElseThrow());
        // an area that settles higher than was spent: accepted is what was spent
        Application b = approved(STUTTGART, "2019", "12000.00");
        assertEquals(euros("9000.00"), f.applications.proofOfUse(b.id(), new ProofOfUseRequest(euros("9000.00"), null,
                JsonNodeFactory.instance.objectNode()), "g").accepted());
    }

    @Test
    public void aTermIsBudgetedInThePeriodInWhichItStarts() {
        f.withoutKey();
        f.budgets.setBudget("2020-2021", AREA, euros("1000.00"), "t");
        de.paktwerk.core.api.Term schoolYear = de.paktwerk.core.api.Term.schoolYear(2021); // 01.08.2021 – 31.07.2022
        Application a = f.applications.create(new NewApplication(STUTTGART, AREA, null, euros("10.00"), null, null, null, schoolYear), "g");
        assertEquals("2020-2021", a.periodId());
        assertEquals(schoolYear, f.applications.get(a.id()).term());
        assertEquals("Schuljahr 2021/22", a.term().label());
        InvalidInputException wrong = assertThrows(InvalidInputException.class, () -> f.applications.create(
                new NewApplication(STUTTGART, AREA, "2022", euros("10.00"), null, null, null, schoolYear), "g"));
        assertEquals("Schuljahr 2021/22 beginnt am 2021-08-01 und wird daher nicht im Förderzeitraum 2022 (2022-01-01 bis 2022-12-31)"
                + " bewilligt.", wrong.getMessage());
        assertThrows(InvalidInputException.class, () -> new de.paktwerk.core.api.Term(de.paktwerk.core.api.Term.Kind.SCHOOL_YEAR,
                LocalDate.of(2021, 9, 1), LocalDate.of(2022, 8, 31)));
        assertEquals(LocalDate.of(2021, 12, 31), f.budgets.period("2020-2021").end());
    }

    @Test
    public void aProviderAppliesInItsOwnNameOnlyWhereTheAreaAllowsItAndNeverDecidesIt() {
        f.withoutKey();
        f.budgets.setBudget("2018", AREA, euros("100000.00"), "t");
        de.paktwerk.core.api.Provider verein = f.registry.addProvider(STUTTGART, "Nachbarschaftsverein e.V.",
                de.paktwerk.core.api.ProviderKind.ASSOCIATION, "t");
        NewApplication own = new NewApplication(STUTTGART, AREA, "2018", euros("4500.00"), verein.id(), null,
                de.paktwerk.core.api.ApplicantKind.PROVIDER, null);
        de.paktwerk.core.api.RuleViolatedException notHere = assertThrows(de.paktwerk.core.api.RuleViolatedException.class, () -> f.applications.create(own, "verein"));
        assertEquals("Im Förderbereich Testbereich beantragt die Kommune, nicht der Träger im eigenen Namen; der Träger kann im Antrag"
                + " der Kommune genannt werden (providerId).", notHere.getMessage());
        when(f.area.descriptor()).thenReturn(new de.paktwerk.core.api.AreaDescriptor(AREA, "Testbereich",
                de.paktwerk.core.api.Instrument.COMPETITIVE_CALL, "Staatsministerium", 1, Set.of(de.paktwerk.core.api.ApplicantKind.values())));
        Application a = f.applications.create(own, "verein");
        assertEquals(de.paktwerk.core.api.ApplicantKind.PROVIDER, a.applicantKind());
        assertEquals(List.of(a.id()), f.applications.listOfProvider(verein.id(), null, null, 0, 10).items().stream().map(Application::id).toList());
        f.applications.submit(a.id(), "verein");
        // someone acting for the provider never decides its application, whatever other role they hold
        f.realm.put("va", Set.of("approver", "provider", "provider:" + verein.id()));
        de.paktwerk.core.api.ForbiddenException sod = assertThrows(de.paktwerk.core.api.ForbiddenException.class,
                () -> f.applications.decide(a.id(), new DecisionRequest(ApplicationState.APPROVED, null, null), "va"));
        assertEquals(ProblemType.SEPARATION_OF_DUTIES, sod.problemType());
        assertEquals("Staatsministerium", f.applications.decide(a.id(), new DecisionRequest(ApplicationState.APPROVED, null, null), "p1")
                .approvalOffice());
    }

    @Test
    public void anAreaHasItsOwnFourEyesThresholdDecisionPrefixAndApprovalOfficeByFactoryConfiguration() throws Exception {
        f.withoutKey();
        f.budgets.setBudget("2018", AREA, euros("100000.00"), "t");
        de.paktwerk.core.internal.application.AreaApprovalConfig config = org.mockito.Mockito.mock(
                de.paktwerk.core.internal.application.AreaApprovalConfig.class);
        when(config.areaId()).thenReturn(AREA);
        when(config.fourEyesThreshold()).thenReturn("1000.00");
        when(config.decisionPrefix()).thenReturn("KV");
        when(config.approvalOffice()).thenReturn("KVJS");
        de.paktwerk.core.internal.application.AreaApproval approval = new de.paktwerk.core.internal.application.AreaApproval(config);
        dsCalls("addAreaApproval", approval);
        Application small = approved(STUTTGART, "2018", "1000.00");
        de.paktwerk.core.api.Decision d = f.applications.decision(small.id()).orElseThrow();
        assertEquals("KVJS", d.approvalOffice());
        assertTrue(d.number(), d.number().startsWith("KV-"));
        Application large = f.applications.create(new NewApplication(ULM, AREA, "2018", euros("1000.01"), null, null, null, null), "g");
        f.applications.submit(large.id(), "g");
        assertTrue(f.applications.decide(large.id(), new DecisionRequest(ApplicationState.APPROVED, null, null), "p1").needsConfirmation());
        // without the area's configuration the general settings apply again (threshold 10,000,000.00, PFI, the area's office)
        dsCalls("removeAreaApproval", approval);
        Application again = approved(ULM, "2018", "5000.00");
        de.paktwerk.core.api.Decision general = f.applications.decision(again.id()).orElseThrow();
        assertEquals("Regierungspräsidium Stuttgart", general.approvalOffice());
        assertTrue(general.number(), general.number().startsWith("PFI-"));
    }

    /** Calls the settings' bind or unbind method as DS would. */
    private void dsCalls(String method, de.paktwerk.core.internal.application.AreaApproval approval) throws Exception {
        java.lang.reflect.Method m = de.paktwerk.core.internal.application.ApprovalSettings.class
                .getDeclaredMethod(method, de.paktwerk.core.internal.application.AreaApproval.class);
        m.setAccessible(true);
        m.invoke(f.settings, approval);
    }

    @Test
    public void theDecisionDayAndTheYearOfItsNumberFollowThePlatformClockInBerlinTime() {
        f.withoutKey();
        f.budgets.setBudget("2018", AREA, euros("1000.00"), "t");
        f.fixClock(java.time.Instant.parse("2018-12-31T23:30:00Z")); // already 1 January 2019, 00:30, in Berlin
        Application a = approved(STUTTGART, "2018", "10.00");
        de.paktwerk.core.api.Decision d = f.applications.decision(a.id()).orElseThrow();
        assertEquals(LocalDate.of(2019, 1, 1), d.date());
        assertEquals("PFI-2019-000001", d.number());
        assertEquals(java.time.Instant.parse("2018-12-31T23:30:00Z"), f.applications.get(a.id()).updatedAt());
    }
}
