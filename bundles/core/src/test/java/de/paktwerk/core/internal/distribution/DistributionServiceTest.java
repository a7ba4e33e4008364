package de.paktwerk.core.internal.distribution;

import static de.paktwerk.core.internal.testing.CoreFixture.AREA;
import static de.paktwerk.core.internal.testing.CoreFixture.euros;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;

import de.paktwerk.core.api.ConflictException;
import de.paktwerk.core.api.Distribution;
import de.paktwerk.core.api.DistributionKind;
import de.paktwerk.core.api.DistributionRequest;
import de.paktwerk.core.api.Money;
import de.paktwerk.core.api.Share;
import de.paktwerk.core.api.ShareDifference;
import de.paktwerk.core.internal.testing.CoreFixture;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.Before;
import org.junit.Test;

public class DistributionServiceTest {

    // Böblingen (Landkreis 08115) with two of its municipalities, and Stuttgart (Stadtkreis)
    static final String BOEBLINGEN = "08115003";
    static final String LEONBERG = "08115028";
    static final String STUTTGART = "08111000";
    static final String LK_BOEBLINGEN = "08115";
    static final LocalDate STICHTAG = LocalDate.of(2017, 9, 15);

    CoreFixture f;

    @Before
    public void setUp() {
        f = new CoreFixture("100000.00");
        f.weights(Map.of(BOEBLINGEN, 100L, LEONBERG, 50L, STUTTGART, 850L));
        f.budgets.setBudget("2017", AREA, euros("40000000.00"), "test");
    }

    @Test
    public void sharesFollowTheRefugeesAndSumToTheAmount() {
        Distribution d = f.distributions.run(new DistributionRequest(AREA, "2017", DistributionKind.PROVISIONAL, euros("35000000.00"), STICHTAG, null, null), "test");
        Map<String, Money> shares = byKey(f.distributions.shares(d.id()));
        assertEquals(euros("3500000.00"), shares.get(BOEBLINGEN));
        assertEquals(euros("1750000.00"), shares.get(LEONBERG));
        assertEquals(euros("29750000.00"), shares.get(STUTTGART));
        assertEquals(1, d.version());
        assertNull(d.replacesId());
    }

    @Test
    public void aDelegatingMunicipalitysShareGoesToItsDistrict() {
        f.registry.delegate(LEONBERG, AREA, "test");
        Distribution d = f.distributions.run(new DistributionRequest(AREA, "2017", DistributionKind.PROVISIONAL, euros("1000.00"), STICHTAG, null, null), "test");
        Map<String, Money> shares = byKey(f.distributions.shares(d.id()));
        assertFalse(shares.containsKey(LEONBERG));
        assertEquals(euros("50.00"), shares.get(LK_BOEBLINGEN));
        assertEquals(euros("100.00"), shares.get(BOEBLINGEN));
        assertEquals(LK_BOEBLINGEN, f.registry.responsibleBody(LEONBERG, AREA));
        // the delegation is for this area only
        assertEquals(LEONBERG, f.registry.responsibleBody(LEONBERG, "other-area"));
    }

    @Test
    public void theFinalRunReplacesTheProvisionalOneAndShowsTopUpsAndReclaims() {
        Distribution provisional = f.distributions.run(new DistributionRequest(AREA, "2017", DistributionKind.PROVISIONAL, euros("1000.00"), STICHTAG, null, null), "test");
        f.weights(Map.of(BOEBLINGEN, 300L, LEONBERG, 50L, STUTTGART, 650L));
        Distribution fin = f.distributions.run(new DistributionRequest(AREA, "2017", DistributionKind.FINAL, euros("1000.00"), STICHTAG, null, null), "test");
        assertEquals(provisional.id(), (long) fin.replacesId());
        assertEquals(2, fin.version());
        Map<String, Money> diff = f.distributions.difference(fin.id()).stream()
                .collect(Collectors.toMap(ShareDifference::bodyKey, ShareDifference::difference));
        assertEquals(euros("200.00"), diff.get(BOEBLINGEN));  // top-up
        assertEquals(euros("-200.00"), diff.get(STUTTGART));  // reclaim
        assertEquals(Money.ZERO, diff.get(LEONBERG));
        // no provisional run after the final one
        assertThrows(ConflictException.class, () -> f.distributions.run(
                new DistributionRequest(AREA, "2017", DistributionKind.PROVISIONAL, euros("1000.00"), STICHTAG, null, null), "test"));
        // the provisional run is frozen: its shares did not change
        assertEquals(euros("850.00"), byKey(f.distributions.shares(provisional.id())).get(STUTTGART));
    }

    @Test
    public void refusesMoreThanTheBudgetAnUnknownMunicipalityInTheFiguresAndAnEmptyKey() {
        assertThrows(ConflictException.class, () -> f.distributions.run(
                new DistributionRequest(AREA, "2017", DistributionKind.PROVISIONAL, euros("40000000.01"), STICHTAG, null, null), "test"));
        assertThrows(de.paktwerk.core.api.InvalidInputException.class, () -> f.weights(Map.of("08999999", 1L)));
        f.database.jdbc().tx(c -> de.paktwerk.core.api.db.Sql.update(c, "DELETE FROM key_figure WHERE figure_type = 'refugees'"));
        assertThrows(ConflictException.class, () -> f.distributions.run(
                new DistributionRequest(AREA, "2017", DistributionKind.PROVISIONAL, euros("1.00"), STICHTAG, null, null), "test"));
        assertEquals(List.of(), f.distributions.list(AREA, "2017"));
    }

    @Test
    public void budgetsOfAPeriodNeverExceedItsEnvelopeAndNeedAnInstalledArea() {
        ConflictException unknown = assertThrows(ConflictException.class,
                () -> f.budgets.setBudget("2017", "second-area", euros("1.00"), "test"));
        assertEquals(de.paktwerk.core.api.ProblemType.AREA_NOT_INSTALLED, unknown.problemType());
        f.install("second-area");
        f.install("third-area");
        f.budgets.setBudget("2017", "second-area", euros("120000000.00"), "test");
        assertThrows(ConflictException.class, () -> f.budgets.setBudget("2017", "third-area", euros("0.01"), "test"));
        f.budgets.setBudget("2020-2021", "third-area", euros("155000000.00"), "test");
        assertThrows(ConflictException.class, () -> f.budgets.setBudget("2022", "third-area", euros("56500000.01"), "test"));
    }

    static Map<String, Money> byKey(List<Share> shares) {
        return shares.stream().collect(Collectors.toMap(Share::bodyKey, Share::amount));
    }
}
