package de.paktwerk.core.internal.application;

import static de.paktwerk.core.internal.testing.CoreFixture.euros;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import de.paktwerk.core.api.ApplicantKind;
import de.paktwerk.core.api.Application;
import de.paktwerk.core.api.AreaDescriptor;
import de.paktwerk.core.api.Assessment;
import de.paktwerk.core.api.Instrument;
import de.paktwerk.core.api.InvalidInputException;
import de.paktwerk.core.api.LineItem;
import de.paktwerk.core.api.NewApplication;
import de.paktwerk.core.api.Term;
import de.paktwerk.core.api.spi.AssessmentContext;
import de.paktwerk.core.api.spi.FundingArea;
import de.paktwerk.core.internal.testing.CoreFixture;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import org.junit.Before;
import org.junit.Test;
import org.mockito.ArgumentCaptor;

/** The core's one door for a price: the day it prices on, the term it derives, what it asks of a draft. */
public class PricingDoorTest {

    static final String ULM = "08421000";
    static final String SCHOOL = "schulbereich";

    CoreFixture f;
    FundingArea area;

    @Before
    public void setUp() {
        f = new CoreFixture("100000.00");
        area = f.install(SCHOOL);
        when(area.descriptor()).thenReturn(new AreaDescriptor(SCHOOL, "Schulbereich", Instrument.RATE_PER_POSITION, "KVJS", 1,
                EnumSet.allOf(ApplicantKind.class), Term.Kind.SCHOOL_YEAR));
        when(area.assess(any(), any())).thenReturn(Assessment.of(LineItem.Kind.RATE, "Stelle 1", euros("12000.00")));
        f.budgets.setBudget("2017", SCHOOL, euros("1000000.00"), "test");
        f.budgets.setBudget("2020-2021", SCHOOL, euros("1000000.00"), "test");
        f.fixClock(Instant.parse("2017-06-15T10:00:00Z"));
    }

    private AssessmentContext lastContext() {
        ArgumentCaptor<AssessmentContext> c = ArgumentCaptor.forClass(AssessmentContext.class);
        verify(area, atLeastOnce()).assess(c.capture(), any());
        List<AssessmentContext> all = c.getAllValues();
        return all.get(all.size() - 1);
    }

    @Test
    public void aPriceAsOfADayHandsThatDayToTheAreaAndFilingHandsToday() {
        NewApplication draft = new NewApplication(ULM, SCHOOL, "2017", null, null, null, null, null);
        assertEquals(euros("12000.00"), f.applications.price(draft, LocalDate.of(2017, 3, 1)).amount());
        assertEquals(LocalDate.of(2017, 3, 1), lastContext().asOf());
        assertNull("no amount asked for: only a price", lastContext().requested());

        f.applications.create(new NewApplication(ULM, SCHOOL, "2017", euros("12000.00"), null, null, null, null), "ulm");
        assertEquals(LocalDate.of(2017, 6, 15), lastContext().asOf());
        assertEquals(euros("12000.00"), lastContext().requested());
    }

    @Test
    public void withoutATermTheOneSchoolYearStartingInThePeriodIsTheApplicationsTerm() {
        f.applications.price(new NewApplication(ULM, SCHOOL, "2017", null, null, null, null, null), null);
        assertEquals(Term.schoolYear(2017), lastContext().term());
        Application a = f.applications.create(new NewApplication(ULM, SCHOOL, "2017", euros("12000.00"), null, null, null, null), "ulm");
        assertEquals("the derived term is recorded with the application", Term.schoolYear(2017), a.term());
    }

    @Test
    public void aPeriodInWhichTwoSchoolYearsStartAsksForTheTerm() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> f.applications.price(
                new NewApplication(ULM, SCHOOL, "2020-2021", null, null, null, null, null), null));
        assertEquals("term", e.field());
        assertEquals("Im Förderzeitraum 2020-2021 beginnen Schuljahr 2020/21 und Schuljahr 2021/22; bitte den Zeitraum wählen (term).",
                e.getMessage());
        f.applications.price(new NewApplication(ULM, SCHOOL, "2020-2021", null, null, null, null, Term.schoolYear(2021)), null);
        assertEquals(Term.schoolYear(2021), lastContext().term());
    }

    @Test
    public void withoutPeriodAndTermADraftIsPricedInThePeriodOfItsDay() {
        f.applications.price(new NewApplication(ULM, SCHOOL, null, null, null, null, null, null), LocalDate.of(2017, 3, 1));
        assertEquals("2017", lastContext().period().id());
        assertEquals(Term.schoolYear(2017), lastContext().term());
    }

    @Test
    public void filingStillNeedsTheAmountAndAPeriodOrTerm() {
        assertEquals("requested", assertThrows(InvalidInputException.class, () -> f.applications.create(
                new NewApplication(ULM, SCHOOL, "2017", null, null, null, null, null), "ulm")).field());
        assertEquals("periodId", assertThrows(InvalidInputException.class, () -> f.applications.create(
                new NewApplication(ULM, SCHOOL, null, euros("1.00"), null, null, null, null), "ulm")).field());
        assertEquals("periodId", assertThrows(InvalidInputException.class, () -> f.applications.price(
                new NewApplication(ULM, SCHOOL, null, null, null, null, null, null), LocalDate.of(2030, 1, 1))).field());
    }
}
