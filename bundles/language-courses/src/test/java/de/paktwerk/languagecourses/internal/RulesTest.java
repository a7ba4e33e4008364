package de.paktwerk.languagecourses.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import de.paktwerk.core.api.Assessment;
import de.paktwerk.core.api.InvalidInputException;
import de.paktwerk.core.api.LineItem;
import de.paktwerk.core.api.Money;
import de.paktwerk.core.api.RuleViolatedException;
import de.paktwerk.languagecourses.internal.Model.Format;
import de.paktwerk.languagecourses.internal.Rules.CourseDelivery;
import de.paktwerk.languagecourses.internal.Rules.DaySettled;
import java.lang.reflect.Proxy;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/**
 * The rules of the VwV Deutsch with the figures of the acceptance scenarios. Expected amounts are worked out by hand
 * from the defaults (4.58 € per participant-UE, guarantee 8 / 5, childcare 15.00 € per carer-UE, one carer per 5
 * children) in the comments, never taken from the code.
 */
public class RulesTest {

    static LcConfig config(Map<String, Object> overrides) {
        return (LcConfig) Proxy.newProxyInstance(LcConfig.class.getClassLoader(), new Class<?>[] {LcConfig.class},
                (proxy, method, args) -> overrides.getOrDefault(method.getName(), method.getDefaultValue()));
    }

    static final Rules RULES = new Rules(config(Map.of()));
    static final LocalDate DECIDED = LocalDate.of(2017, 8, 20);

    /** Course days of {@code units} each, from 2017-09-01 on, with the given participants present. */
    static List<DaySettled> days(int count, int units, int present, boolean signed, int children) {
        List<DaySettled> days = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            days.add(new DaySettled(LocalDate.of(2017, 9, 1).plusDays(i), units, present, signed, children));
        }
        return days;
    }

    static CourseDelivery course(Format format, int startedWith, List<DaySettled> days) {
        return new CourseDelivery("Kurs 1", format, RULES.min(format), startedWith, DECIDED, false, days, 0, List.of());
    }

    @Test
    public void regularCourseWithFullAttendanceIsUnitsTimesParticipantsTimesRate() {
        // Rhein-Neckar-Kreis, BASIC A1, 300 UE (60 days x 5), 12 present every day: 300 x 12 x 4.58 = 16,488.00
        Assessment a = RULES.settle(course(Format.BASIC, 12, days(60, 5, 12, true, 0)));
        assertEquals(Money.parse("16488.00"), a.amount());
        assertEquals("Kurs 1: 300 UE gehalten, 3600 Teilnehmer-UE (je UE mindestens 8) × 4,58 €", a.items().get(0).label());
    }

    @Test
    public void theGuaranteePaysEightPerUnitWhenFewerAttend() {
        // started with 9 (>= 8); 200 UE with 9 present, 100 UE with 6: 200 x 9 + 100 x max(6, 8) = 2,600 x 4.58 = 11,908.00
        List<DaySettled> days = new ArrayList<>(days(40, 5, 9, true, 0));
        for (DaySettled d : days(20, 5, 6, true, 0)) {
            days.add(new DaySettled(d.date().plusDays(40), d.units(), d.present(), true, 0));
        }
        assertEquals(Money.parse("11908.00"), RULES.settle(course(Format.BASIC, 9, days)).amount());
    }

    @Test
    public void aRegularCourseBelowItsMinimumIsNotEligibleButAParentsCourseIs() {
        RuleViolatedException e = assertThrows(RuleViolatedException.class, () -> RULES.requireStart(Format.BASIC, 8, 5));
        assertEquals("Mindestteilnehmerzahl 8 nicht erreicht: 5 Teilnehmende zu Kursbeginn; ein Grundkurs ist so nicht förderfähig.", e.getMessage());
        assertThrows(RuleViolatedException.class, () -> RULES.settle(course(Format.BASIC, 5, days(1, 5, 5, true, 0))));
        RULES.requireStart(Format.PARENTS_WITH_CHILDCARE, 5, 5);
        // 5 present on 20 days of 5 UE: 100 x 5 x 4.58 = 2,290.00
        assertEquals(Money.parse("2290.00"), RULES.settle(course(Format.PARENTS_WITH_CHILDCARE, 5, days(20, 5, 5, true, 0))).amount());
        assertEquals(8, RULES.min(Format.BASIC));
        assertEquals(5, RULES.min(Format.PARENTS_WITH_CHILDCARE));
        assertEquals(5, RULES.min(Format.JOB_ACCOMPANYING));
        assertEquals(20, RULES.max(Format.ADVANCED));
        assertEquals(15, RULES.max(Format.WOMEN_WITH_CHILDCARE));
    }

    @Test
    public void parentsCourseWithChildcarePaysTwoCarersForNineChildren() {
        // 200 UE (40 days x 5) with 6 present every day (1,200 participant-UE, G = 5 never needed);
        // 9 children -> 2 carers x 200 UE x 15.00 = 6,000.00; 1,200 x 4.58 = 5,496.00 -> 11,496.00
        Assessment a = RULES.settle(course(Format.PARENTS_WITH_CHILDCARE, 7, days(40, 5, 6, true, 9)));
        assertEquals(Money.parse("11496.00"), a.amount());
        assertEquals(Money.parse("5496.00"), a.items().get(0).amount());
        assertEquals(Money.parse("6000.00"), a.items().get(1).amount());
        assertEquals(2, RULES.carers(9));
        assertEquals(1, RULES.carers(5));
        assertEquals(0, RULES.carers(0));
    }

    @Test
    public void daysWithoutSignedListOrBeforeTheDecisionWithoutEarlyStartDoNotCount() {
        // 10 days of 5 UE with 10 present: 5 signed after the decision count (25 x 10 x 4.58 = 1,145.00)
        List<DaySettled> days = new ArrayList<>();
        days.add(new DaySettled(LocalDate.of(2017, 8, 10), 5, 10, true, 0)); // before the decision (2017-08-20)
        days.add(new DaySettled(LocalDate.of(2017, 8, 15), 5, 10, true, 0)); // before the decision
        days.addAll(days(5, 5, 10, true, 0));
        days.add(new DaySettled(LocalDate.of(2017, 10, 1), 5, 10, false, 0)); // no signed list
        days.add(new DaySettled(LocalDate.of(2017, 10, 2), 5, 10, false, 0));
        days.add(new DaySettled(LocalDate.of(2017, 10, 3), 5, 10, false, 0));
        Assessment a = RULES.settle(new CourseDelivery("Kurs 1", Format.BASIC, 8, 10, DECIDED, false, days, 0, List.of()));
        assertEquals(Money.parse("1145.00"), a.amount());
        assertEquals("Kurs 1: 3 Kurstage (15 UE) ohne unterschriebene Anwesenheitsliste zählen nicht", a.items().get(1).label());
        assertEquals("Kurs 1: 2 Kurstage (10 UE) vor dem Bescheid ohne genehmigten vorzeitigen Maßnahmebeginn zählen nicht", a.items().get(2).label());
        // with an approved early start the two days before the decision count too: 35 x 10 x 4.58 = 1,603.00
        assertEquals(Money.parse("1603.00"), RULES.settle(new CourseDelivery("Kurs 1", Format.BASIC, 8, 10, DECIDED, true, days, 0, List.of()))
                .amount());
    }

    @Test
    public void testsAndTravelAreAddedTravelCappedPerParticipant() {
        // 20 days x 5 UE x 8 present = 800 x 4.58 = 3,664.00; 3 tests x 120.00 = 360.00; travel 50.00 + min(250.00, 200.00) = 250.00
        CourseDelivery d = new CourseDelivery("Kurs 1", Format.BASIC, 8, 8, DECIDED, false, days(20, 5, 8, true, 0), 3,
                List.of(Money.parse("50.00"), Money.parse("250.00")));
        Assessment a = RULES.settle(d);
        assertEquals(Money.parse("4274.00"), a.amount());
        assertEquals("Kurs 1: erstattete Fahrtkosten (1 Person auf 200,00 € gedeckelt)", a.items().get(2).label());
    }

    @Test
    public void perUnitModelPaysTheCourseRateWhoeverAttends() {
        Rules perUnit = new Rules(config(Map.of("pricingModel", "PER_UE", "ratePerUnit", "60.00")));
        // 100 UE x 60.00 = 6,000.00, attendance does not matter
        assertEquals(Money.parse("6000.00"), perUnit.settle(course(Format.BASIC, 9, days(20, 5, 3, true, 0))).amount());
    }

    static Model.CoursePlanned planned(Format format, Integer units, Integer capacity, Integer planned, Model.Childcare care, Integer tests,
                                       String travel) {
        return new Model.CoursePlanned("Grundkurs A1 Sinsheim", 7L, null, format, Model.Level.A1, units, 10, Model.TimeOfDay.DAY, capacity, null, planned,
                LocalDate.of(2017, 9, 1), LocalDate.of(2018, 6, 30), "VHS Sinsheim", care, tests, travel);
    }

    static Rules.Facts facts(String today) {
        return new Rules.Facts(LocalDate.parse(today), 2017, id -> id == 7L);
    }

    static Assessment price(Model.CoursePlanned... courses) {
        return RULES.price(new Model.CoursePlan(List.of(courses)), facts("2017-07-01"));
    }

    @Test
    public void aPlanIsPricedPerCourseWithChildcareTestsAndTravel() {
        // course 1: 300 UE x 12 x 4.58 = 16,488.00 + 12 tests x 120.00 = 1,440.00 + travel 1,200.00
        // course 2: parents' course 200 UE x 7 x 4.58 = 6,412.00 + 2 carers x 200 UE x 15.00 = 6,000.00
        Assessment a = price(planned(Format.BASIC, 300, 15, 12, null, 12, "1200.00"),
                planned(Format.PARENTS_WITH_CHILDCARE, 200, 10, 7, new Model.Childcare(9, null), null, null));
        assertEquals(Money.parse("31540.00"), a.amount());
        assertEquals(List.of(Money.parse("16488.00"), Money.parse("1440.00"), Money.parse("1200.00"), Money.parse("6412.00"),
                Money.parse("6000.00")), a.items().stream().map(LineItem::amount).toList());
        assertEquals("Kurs 2: Kinderbetreuung, 2 Betreuungskräfte für 9 Kinder × 200 UE × 15,00 €", a.items().get(4).label());
    }

    @Test
    public void planRulesAreEnforcedWithGermanReasons() {
        assertEquals("Kurs 1: ein Grundkurs umfasst 100 bis 300 Unterrichtseinheiten, nicht 301.",
                assertThrows(RuleViolatedException.class, () -> price(planned(Format.BASIC, 301, 15, 12, null, null, null))).getMessage());
        price(planned(Format.ALPHA, 600, 15, 12, null, null, null)); // alphabetisation up to 600
        assertEquals("Kurs 1: ein Grundkurs hat 8 bis 20 Plätze, nicht 21.",
                assertThrows(RuleViolatedException.class, () -> price(planned(Format.BASIC, 300, 21, 12, null, null, null))).getMessage());
        assertEquals("Kurs 1: ein Elternkurs mit Kinderbetreuung hat 5 bis 15 Plätze, nicht 16.",
                assertThrows(RuleViolatedException.class, () -> price(planned(Format.PARENTS_WITH_CHILDCARE, 200, 16, 7, null, null, null))).getMessage());
        assertEquals("Kurs 1: Kinderbetreuung wird in Eltern- und Frauenkursen gefördert, nicht in einem Grundkurs.",
                assertThrows(RuleViolatedException.class, () -> price(planned(Format.BASIC, 300, 15, 12, new Model.Childcare(3, 100), null, null)))
                        .getMessage());
        assertEquals("Kurs 1: Fahrtkosten höchstens 200,00 € je Teilnehmenden, für 12 also 2.400,00 €, nicht 2.400,01 €.",
                assertThrows(RuleViolatedException.class, () -> price(planned(Format.BASIC, 300, 15, 12, null, null, "2400.01"))).getMessage());
        assertThrows(RuleViolatedException.class, () -> RULES.price(new Model.CoursePlan(List.of(new Model.CoursePlanned("X", 99L, null, Format.BASIC,
                Model.Level.A1, 300, 10, Model.TimeOfDay.DAY, 15, null, 12, LocalDate.of(2017, 9, 1), LocalDate.of(2018, 6, 30), "Ort", null, null,
                null))), facts("2017-07-01"))); // provider 99 is not recorded for the applicant
        assertThrows(InvalidInputException.class, () -> RULES.price(new Model.CoursePlan(List.of()), facts("2017-07-01")));
        assertThrows(InvalidInputException.class, () -> price(new Model.CoursePlanned("X", 7L, null, Format.BASIC, Model.Level.A1, 300, 10,
                Model.TimeOfDay.DAY, 15, null, 12, LocalDate.of(2017, 7, 1), LocalDate.of(2018, 6, 30), "Ort", null, null, null))); // before 01.08.
    }

    @Test
    public void afterTheDeadlineOnlyLeftoverFundsAndAfterOctoberNothing() {
        Model.CoursePlan plan = new Model.CoursePlan(List.of(planned(Format.BASIC, 300, 15, 12, null, null, null)));
        assertEquals(1, RULES.price(plan, facts("2017-07-15")).items().size());
        Assessment late = RULES.price(plan, facts("2017-09-01"));
        assertEquals("Antrag auf Restmittel (nach der Antragsfrist 15.07.2017, bis 31.10.2017)", late.items().get(0).label());
        assertEquals(Money.parse("16488.00"), late.amount());
        assertEquals("Der Kursplan für die Kursperiode 2017/18 kommt zu spät: Anträge bis 15.07.2017, auf Restmittel bis 31.10.2017.",
                assertThrows(RuleViolatedException.class, () -> RULES.price(plan, facts("2017-11-01"))).getMessage());
    }

    @Test
    public void anEntitledParticipantNeedsAReason() {
        Model.ParticipantInput entitled = new Model.ParticipantInput(null, 1990, null, Model.Status.PROTECTED, true, null, null);
        assertThrows(RuleViolatedException.class, () -> RULES.requireEligible(entitled));
        RULES.requireEligible(new Model.ParticipantInput(null, 1990, null, Model.Status.PROTECTED, true, "kein Kurs in zumutbarer Entfernung", null));
        RULES.requireEligible(new Model.ParticipantInput(null, 1990, null, Model.Status.TOLERATED, false, null, null));
        Rules closed = new Rules(config(Map.of("openToOtherMigrants", false)));
        assertThrows(RuleViolatedException.class, () -> closed.requireEligible(new Model.ParticipantInput(null, 1980, null, Model.Status.OTHER_MIGRANT,
                false, null, null)));
    }

    @Test
    public void statedDeliveryIsValidated() {
        Model.Delivery ok = new Model.Delivery(Format.BASIC, null, 12, null, null, List.of(new Model.DeliveredSession(LocalDate.of(2017, 9, 1), 5, 12,
                true, 0)), null, null);
        assertEquals(Money.parse("274.80"), RULES.settle(ok).amount()); // 5 x 12 x 4.58
        assertThrows(InvalidInputException.class, () -> RULES.settle(new Model.Delivery(Format.BASIC, null, 12, null, null,
                List.of(new Model.DeliveredSession(LocalDate.of(2017, 9, 1), 13, 12, true, 0)), null, null)));
        assertThrows(InvalidInputException.class, () -> RULES.settle(new Model.Delivery(Format.BASIC, null, 12, null, null,
                List.of(new Model.DeliveredSession(LocalDate.of(2017, 9, 1), 5, -1, true, 0)), null, null)));
        assertThrows(InvalidInputException.class, () -> RULES.settle(new Model.Delivery(Format.BASIC, null, 12, null, null, List.of(), null, null)));
        assertThrows(InvalidInputException.class, () -> RULES.settle(new Model.Delivery(Format.BASIC, null, 12, null, null,
                List.of(new Model.DeliveredSession(LocalDate.of(2017, 9, 1), 5, 12, true, 0)), null, List.of("-5.00"))));
        assertThrows(RuleViolatedException.class, () -> RULES.settle(new Model.Delivery(Format.BASIC, null, 12, null, null,
                List.of(new Model.DeliveredSession(LocalDate.of(2017, 9, 1), 5, 12, true, 3)), null, null)));
    }

    @Test
    public void coursePeriodsAreReadStrictly() {
        assertEquals(2017, Rules.parsePeriod("2017/18"));
        assertEquals("2019/20", Rules.periodText(2019));
        assertThrows(InvalidInputException.class, () -> Rules.parsePeriod("2017/19"));
        assertThrows(InvalidInputException.class, () -> Rules.parsePeriod("2017"));
    }

    @Test
    public void ageBandsAndSuppressionOfSmallGroups() {
        assertEquals("unter 18", LcStore.ageBand(17));
        assertEquals("18 bis 29", LcStore.ageBand(18));
        assertEquals("30 bis 44", LcStore.ageBand(44));
        assertEquals("65 und älter", LcStore.ageBand(70));
        Map<String, Integer> shown = LcStore.suppress(Map.of("PROTECTED", 12, "TOLERATED", 4), 5);
        assertEquals(Integer.valueOf(12), shown.get("PROTECTED"));
        assertEquals(null, shown.get("TOLERATED"));
        assertEquals(true, shown.containsKey("TOLERATED"));
    }
}
