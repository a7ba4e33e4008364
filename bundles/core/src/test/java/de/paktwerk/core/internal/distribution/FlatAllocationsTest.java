package de.paktwerk.core.internal.distribution;

import static de.paktwerk.core.internal.testing.CoreFixture.AREA;
import static de.paktwerk.core.internal.testing.CoreFixture.euros;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import de.paktwerk.core.api.ConflictException;
import de.paktwerk.core.api.DistributionKind;
import de.paktwerk.core.api.InvalidInputException;
import de.paktwerk.core.api.Money;
import de.paktwerk.core.internal.distribution.FlatAllocations.Instalment;
import de.paktwerk.core.internal.distribution.FlatAllocations.Payment;
import de.paktwerk.core.internal.distribution.FlatAllocations.PaymentKind;
import de.paktwerk.core.internal.distribution.FlatAllocations.RunRequest;
import de.paktwerk.core.internal.municipality.CsvData;
import de.paktwerk.core.internal.testing.CoreFixture;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.Before;
import org.junit.Test;

/** The flat allocation: the split of the envelope, runs that pay, corrections as differences, instalments, treasury files. */
public class FlatAllocationsTest {

    static final String BOEBLINGEN = "08115003";
    static final String LEONBERG = "08115028";
    static final String STUTTGART = "08111000";
    static final LocalDate STICHTAG = LocalDate.of(2017, 9, 15);

    CoreFixture f;
    FlatAllocations flat;

    @Before
    public void setUp() {
        f = new CoreFixture("100000.00");
        f.weights(Map.of(BOEBLINGEN, 100L, LEONBERG, 50L, STUTTGART, 850L));
        flat = new FlatAllocations(f.database, f.audit, f.registry, f.figures, f.clock, f.surveys);
    }

    static Map<String, Money> net(List<Payment> payments) {
        Map<String, Money> net = new TreeMap<>();
        for (Payment p : payments) {
            net.merge(p.bodyKey(), p.signed(), Money::plus);
        }
        return net;
    }

    @Test
    public void ninetyMillionByRefugeesArePaidInFullAndSumExactly() {
        flat.setFlat("2017", euros("90000000.00"), "test");
        FlatAllocations.Run run = flat.run("2017", new RunRequest(DistributionKind.FINAL, STICHTAG, null), "test");
        // 100 : 50 : 850 of 90,000,000.00
        List<Payment> payments = flat.payments("2017", null);
        assertEquals(Map.of(BOEBLINGEN, euros("9000000.00"), LEONBERG, euros("4500000.00"), STUTTGART, euros("76500000.00")), net(payments));
        assertTrue(payments.stream().allMatch(p -> p.kind() == PaymentKind.ALLOCATION && p.referenceDate().equals(STICHTAG)));
        assertEquals(euros("90000000.00"), run.paidByRun());
        assertEquals(3, run.payments());
        assertEquals(euros("90000000.00"), flat.status("2017").paid());
    }

    @Test
    public void centsAreSharedByLargestRemainder() {
        f.weights(Map.of(BOEBLINGEN, 1L, LEONBERG, 1L, STUTTGART, 1L));
        flat.setFlat("2017", euros("100.00"), "test");
        flat.run("2017", new RunRequest(DistributionKind.FINAL, STICHTAG, null), "test");
        // 33.333… each; the cent left over goes to the lowest official key among equal remainders (Stuttgart 08111000)
        assertEquals(Map.of(BOEBLINGEN, euros("33.33"), LEONBERG, euros("33.33"), STUTTGART, euros("33.34")), net(flat.payments("2017", null)));
    }

    @Test
    public void aCorrectionRunAddsDifferencesThatSumToTheChangeAndNeverEditsAPayment() {
        flat.setFlat("2017", euros("1000.00"), "test");
        flat.run("2017", new RunRequest(DistributionKind.FINAL, STICHTAG, null), "test");
        List<Payment> first = flat.payments("2017", null);
        // new counts: Böblingen 300, Stuttgart 650 -> +200.00 / -200.00, Leonberg unchanged; and 10.00 more to share
        f.weights(Map.of(BOEBLINGEN, 300L, LEONBERG, 50L, STUTTGART, 650L));
        flat.setFlat("2017", euros("1010.00"), "test");
        flat.run("2017", new RunRequest(DistributionKind.FINAL, STICHTAG, null), "test");
        List<Payment> all = flat.payments("2017", null);
        assertEquals(first, all.subList(0, first.size())); // the first payments are as they were
        List<Payment> differences = all.subList(first.size(), all.size());
        Map<String, Money> change = net(differences);
        // 1,010.00 by 300 : 50 : 650 = 303.00 / 50.50 / 656.50; paid before 100.00 / 50.00 / 850.00
        assertEquals(Map.of(BOEBLINGEN, euros("203.00"), LEONBERG, euros("0.50"), STUTTGART, euros("-193.50")), change);
        assertEquals(euros("10.00"), change.values().stream().reduce(Money.ZERO, Money::plus));
        assertEquals(PaymentKind.REPAYMENT, differences.stream().filter(p -> p.bodyKey().equals(STUTTGART)).findFirst().orElseThrow().kind());
        assertEquals(Map.of(BOEBLINGEN, euros("303.00"), LEONBERG, euros("50.50"), STUTTGART, euros("656.50")), net(all));
        // a run with the same figures pays nothing more
        assertEquals(0, flat.run("2017", new RunRequest(DistributionKind.FINAL, STICHTAG, null), "test").payments());
        assertThrows(ConflictException.class, () -> flat.run("2017", new RunRequest(DistributionKind.PROVISIONAL, STICHTAG, null), "test"));
    }

    @Test
    public void aProvisionalRunPaysNothing() {
        flat.setFlat("2017", euros("1000.00"), "test");
        FlatAllocations.Run run = flat.run("2017", new RunRequest(DistributionKind.PROVISIONAL, STICHTAG, null), "test");
        assertEquals(0, run.payments());
        assertEquals(3, flat.shares(run.id()).size());
        assertEquals(List.of(), flat.payments("2017", null));
    }

    @Test
    public void theFlatPartAndTheBudgetsNeverExceedTheEnvelope() throws Exception {
        // 2017: envelope 160,000,000.00; 90,000,000.00 flat leaves 70,000,000.00 for programme budgets
        flat.setFlat("2017", euros("90000000.00"), "test");
        f.budgets.setBudget("2017", AREA, euros("70000000.00"), "test");
        ConflictException above = assertThrows(ConflictException.class, () -> f.budgets.setBudget("2017", AREA, euros("70000000.01"), "test"));
        assertTrue(above.getMessage(), above.getMessage().contains("90.000.000,00 € als pauschale Zuweisung"));
        assertThrows(ConflictException.class, () -> flat.setFlat("2017", euros("90000000.01"), "test"));
        assertEquals(euros("70000000.00"), flat.status("2017").budgets());
        // enforced in the database too: a write that bypasses the services is refused
        try (Connection c = f.dataSource.getConnection(); Statement s = c.createStatement()) {
            assertThrows(SQLException.class, () -> s.executeUpdate("UPDATE funding_period SET flat_cents = 9000000001 WHERE id = '2017'"));
        }
        f.budgets.setBudget("2017", AREA, euros("60000000.00"), "test"); // lowering frees room
        flat.setFlat("2017", euros("100000000.00"), "test");
        assertEquals(euros("100000000.00"), flat.status("2017").flat());
    }

    @Test
    public void instalmentsSplitEveryPaymentExactlyAndTheTreasuryFileRoundTrips() {
        flat.setFlat("2017", euros("1000.01"), "test");
        flat.setSchedule("2017", List.of(new Instalment(1, LocalDate.of(2017, 10, 1), 60), new Instalment(2, LocalDate.of(2018, 3, 1), 40)), "test");
        flat.run("2017", new RunRequest(DistributionKind.FINAL, STICHTAG, null), "test");
        // Stuttgart 850.01 (largest remainder), Böblingen 100.00, Leonberg 50.00: 60 % rounded down, the rest in the second
        Map<String, Money> first = lines(flat.treasury("2017", 1));
        Map<String, Money> second = lines(flat.treasury("2017", 2));
        assertEquals(Map.of(BOEBLINGEN, euros("60.00"), LEONBERG, euros("30.00"), STUTTGART, euros("510.00")), first);
        assertEquals(Map.of(BOEBLINGEN, euros("40.00"), LEONBERG, euros("20.00"), STUTTGART, euros("340.01")), second);
        // written as the treasury gets it and read back: the same lines
        List<List<Object>> rows = new ArrayList<>();
        for (FlatAllocations.TreasuryLine l : flat.treasury("2017", 1)) {
            rows.add(List.of(l.bodyKey(), l.name(), l.amount(), l.purpose(), l.instalment()));
        }
        String csv = CsvData.write(CsvData.TREASURY_COLUMNS, rows);
        Map<String, Money> back = new TreeMap<>();
        for (CsvData.TreasuryRow r : CsvData.readTreasury(new StringReader(csv))) {
            back.put(r.ags(), r.amount());
        }
        assertEquals(first, back);
        String bad = csv + "0811500X;X;1,00;Zweck;1\n08111000;Stuttgart;12.5;Zweck;1\n";
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> CsvData.readTreasury(new StringReader(bad)));
        assertTrue(e.getMessage(), e.getMessage().startsWith("Datei nicht geprüft, 2 fehlerhafte Zeilen: Zeile 5: Schlüssel '0811500X' ist kein"
                + " amtlicher Schlüssel; Zeile 6: Betrag '12.5' ist kein Betrag mit Dezimalkomma"));
        assertThrows(InvalidInputException.class, () -> flat.setSchedule("2017", List.of(new Instalment(1, LocalDate.of(2017, 10, 1), 60),
                new Instalment(2, LocalDate.of(2018, 3, 1), 30)), "test")); // 90 %
    }

    static Map<String, Money> lines(List<FlatAllocations.TreasuryLine> lines) {
        Map<String, Money> m = new TreeMap<>();
        lines.forEach(l -> m.put(l.bodyKey(), l.amount()));
        return m;
    }

    @Test
    public void theOverviewSumsTheRecordsPerBodyAndDistrict() {
        flat.setFlat("2017", euros("1000.00"), "test");
        flat.run("2017", new RunRequest(DistributionKind.FINAL, STICHTAG, null), "test");
        MoneyOverview overview = new MoneyOverview(f.database, f.registry);
        MoneyOverview.Overview stuttgart = overview.body(STUTTGART, "2017");
        assertEquals(euros("850.00"), stuttgart.flat());
        assertEquals(List.of(), stuttgart.areas());
        // Böblingen and Leonberg in the Landkreis Böblingen: 150.00; the region Stuttgart holds all three
        Map<String, Money> byDistrict = new TreeMap<>();
        overview.grouped("2017", false).forEach(o -> byDistrict.put(o.key(), o.flat()));
        assertEquals(Map.of("08115", euros("150.00"), STUTTGART, euros("850.00")), byDistrict);
        assertEquals(euros("1000.00"), overview.grouped("2017", true).get(0).flat());
    }
}
