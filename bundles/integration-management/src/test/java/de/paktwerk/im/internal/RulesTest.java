package de.paktwerk.im.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import de.paktwerk.core.api.RuleViolatedException;
import de.paktwerk.core.api.InvalidInputException;
import de.paktwerk.core.api.Money;
import java.time.LocalDate;
import org.junit.Test;

public class RulesTest {

    static ImConfig config() {
        ImConfig c = mock(ImConfig.class);
        when(c.rateSocialWork()).thenReturn("68000.00");
        when(c.rateOtherDegree()).thenReturn("64000.00");
        when(c.rateVocational()).thenReturn("56000.00");
        when(c.fundedMonths()).thenReturn(24);
        when(c.minimumShare()).thenReturn("51000.00");
        when(c.referenceDate()).thenReturn("2017-09-15");
        when(c.maxReviewIntervalMonths()).thenReturn(6);
        when(c.counsellingYears()).thenReturn(3);
        when(c.extendedCounsellingYears()).thenReturn(4);
        when(c.minReportGroup()).thenReturn(5);
        when(c.caseRetentionMonths()).thenReturn(24);
        return c;
    }

    final Rules rules = new Rules(config());

    @Test
    public void pricingIsAnnualRateTimesFteTimesFundedMonthsOverTwelve() {
        // 68,000.00 × 1.0 × 24 / 12
        assertEquals(Money.parse("136000.00"), rules.price(Qualification.SOCIAL_WORK, 100));
        // 64,000.00 × 0.5 × 24 / 12
        assertEquals(Money.parse("64000.00"), rules.price(Qualification.OTHER_DEGREE, 50));
        // 56,000.00 × 0.25 × 24 / 12
        assertEquals(Money.parse("28000.00"), rules.price(Qualification.VOCATIONAL, 25));
        // exact to the cent, rounded half up: 68,000.00 × 0.33 × 7 / 12 = 13,090.00
        assertEquals(Money.parse("13090.00"), rules.price(Qualification.SOCIAL_WORK, 33, 7));
        // 56,000.00 × 0.37 × 5 / 12 = 8,633.333… → 8,633.33
        assertEquals(Money.parse("8633.33"), rules.price(Qualification.VOCATIONAL, 37, 5));
    }

    @Test
    public void fteIsAtLeastAQuarterAndAtMostOneWithTwoDecimals() {
        assertEquals(25, Rules.fte("0.25"));
        assertEquals(100, Rules.fte("1"));
        assertEquals(50, Rules.fte("0.50"));
        // "42949673.46" overflowed an int to 0.50 before
        for (String bad : new String[] {"0.24", "1.01", "0", "-0.5", "0.333", "abc", "", "1e2", "42949673.46", " 0.5", ".5", "1.", "+0.5", "٠.٥"}) {
            assertThrows(bad, InvalidInputException.class, () -> Rules.fte(bad));
        }
        assertThrows(InvalidInputException.class, () -> Rules.fte(null));
    }

    @Test
    public void vocationalTrainingNeedsADescriptionOfTheExperience() {
        Rules.checkQualification(Qualification.SOCIAL_WORK, null);
        Rules.checkQualification(Qualification.VOCATIONAL, "8 Jahre Migrationsberatung");
        assertThrows(InvalidInputException.class, () -> Rules.checkQualification(Qualification.VOCATIONAL, " "));
        assertThrows(InvalidInputException.class, () -> Rules.checkQualification(Qualification.VOCATIONAL, null));
        assertThrows(InvalidInputException.class, () -> Rules.checkQualification(null, null));
    }

    @Test
    public void aPositionIsFundedForTwentyFourMonthsFromTheHireDate() {
        LocalDate hired = LocalDate.of(2017, 10, 1);
        assertEquals(LocalDate.of(2019, 9, 30), rules.fundedUntil(hired));
        assertTrue(rules.funded(hired, hired));
        assertTrue(rules.funded(hired, LocalDate.of(2019, 9, 30)));
        assertFalse(rules.funded(hired, LocalDate.of(2019, 10, 1)));
        assertFalse(rules.funded(hired, LocalDate.of(2017, 9, 30)));
        // month ends: hired on 31 January
        assertEquals(LocalDate.of(2020, 1, 30), rules.fundedUntil(LocalDate.of(2018, 1, 31)));
    }

    @Test
    public void aShareBelowTheMinimumIsRefusedWithAdvice() {
        rules.checkMinimumShare(IntegrationManagementAreaTest.ULM, Money.parse("51000.00"));
        RuleViolatedException e = assertThrows(RuleViolatedException.class,
                () -> rules.checkMinimumShare(IntegrationManagementAreaTest.AIDLINGEN, Money.parse("50999.99")));
        assertTrue(e.getMessage().contains("bündeln"));
        assertTrue(e.getMessage().contains("an den Landkreis (Böblingen) übertragen"));
        // a Stadtkreis has no Landkreis to hand the task to: it is never told to
        RuleViolatedException city = assertThrows(RuleViolatedException.class,
                () -> rules.checkMinimumShare(IntegrationManagementAreaTest.ULM, Money.parse("50999.99")));
        assertEquals("Ulm, Universitätsstadt erhält in der Verteilung nur 50.999,99 € und damit weniger als 51.000,00 €. Ein Stadtkreis"
                + " kann die Aufgabe an keinen Landkreis übertragen; bitte die Stellen so bemessen, dass der Anteil erreicht wird, oder"
                + " mit der Bewilligungsstelle sprechen.", city.getMessage());
    }

    @Test
    public void reviewsAreDueAnIntervalAfterTheLastOneAndOverdueAfterwards() {
        LocalDate agreed = LocalDate.of(2018, 1, 15);
        assertEquals(LocalDate.of(2018, 7, 15), Rules.nextReview(agreed, 6, null));
        assertEquals(LocalDate.of(2018, 9, 1), Rules.nextReview(agreed, 3, LocalDate.of(2018, 6, 1)));
        assertFalse(Rules.overdue(agreed, 6, null, LocalDate.of(2018, 7, 15)));
        assertTrue(Rules.overdue(agreed, 6, null, LocalDate.of(2018, 7, 16)));
        assertFalse(Rules.overdue(agreed, 6, LocalDate.of(2018, 7, 10), LocalDate.of(2018, 8, 1)));
        // a review dated before the agreement does not count as the base
        assertEquals(LocalDate.of(2018, 4, 15), Rules.nextReview(agreed, 3, LocalDate.of(2017, 12, 1)));
        rules.checkReviewInterval(6);
        assertThrows(InvalidInputException.class, () -> rules.checkReviewInterval(7));
        assertThrows(InvalidInputException.class, () -> rules.checkReviewInterval(0));
    }

    @Test
    public void counsellingLastsThreeYearsOrFourWithARecordedReason() {
        LocalDate start = LocalDate.of(2018, 3, 1);
        assertEquals(LocalDate.of(2021, 2, 28), rules.latestCounsellingEnd(start, false));
        assertEquals(LocalDate.of(2022, 2, 28), rules.latestCounsellingEnd(start, true));
        rules.checkCounsellingEnd(start, LocalDate.of(2021, 2, 28), null);
        assertThrows(RuleViolatedException.class, () -> rules.checkCounsellingEnd(start, LocalDate.of(2021, 3, 1), null));
        assertThrows(RuleViolatedException.class, () -> rules.checkCounsellingEnd(start, LocalDate.of(2021, 3, 1), " "));
        rules.checkCounsellingEnd(start, LocalDate.of(2022, 2, 28), "Ausbildung läuft bis Sommer");
        assertThrows(RuleViolatedException.class, () -> rules.checkCounsellingEnd(start, LocalDate.of(2022, 3, 1), "Ausbildung"));
        assertThrows(InvalidInputException.class, () -> rules.checkCounsellingEnd(start, LocalDate.of(2018, 2, 28), null));
    }

    @Test
    public void caseDataIsDueForDeletionTheRetentionPeriodAfterCounsellingEnded() {
        assertEquals(LocalDate.of(2022, 11, 28), rules.deleteEndedBefore(LocalDate.of(2024, 11, 28)));
    }

    @Test
    public void anInvalidConfigurationIsRefused() {
        ImConfig bad = config();
        when(bad.rateVocational()).thenReturn("0.00");
        assertThrows(IllegalArgumentException.class, () -> new Rules(bad));
        ImConfig shorter = config();
        when(shorter.extendedCounsellingYears()).thenReturn(2);
        assertThrows(IllegalArgumentException.class, () -> new Rules(shorter));
    }
}
