package de.paktwerk.core.internal.survey;

import static de.paktwerk.core.internal.testing.CoreFixture.AREA;
import static de.paktwerk.core.internal.testing.CoreFixture.euros;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import de.paktwerk.core.api.ConflictException;
import de.paktwerk.core.api.Distribution;
import de.paktwerk.core.api.DistributionKind;
import de.paktwerk.core.api.DistributionRequest;
import de.paktwerk.core.api.ForbiddenException;
import de.paktwerk.core.api.InvalidInputException;
import de.paktwerk.core.api.KeyFigure;
import de.paktwerk.core.api.SurveyService.Assumption;
import de.paktwerk.core.api.SurveyService.Correction;
import de.paktwerk.core.api.SurveyService.Corrected;
import de.paktwerk.core.api.SurveyService.Count;
import de.paktwerk.core.api.SurveyService.Missing;
import de.paktwerk.core.api.SurveyService.Opening;
import de.paktwerk.core.api.SurveyService.Report;
import de.paktwerk.core.api.SurveyService.ReportState;
import de.paktwerk.core.api.SurveyService.State;
import de.paktwerk.core.api.SurveyService.Survey;
import de.paktwerk.core.api.SurveyService.Tally;
import de.paktwerk.core.api.AuditEntry;
import de.paktwerk.core.internal.testing.CoreFixture;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.Before;
import org.junit.Test;

/** The count survey from opening to correction, as the office, Ulm (Stadtkreis) and the Alb-Donau-Kreis do it. */
public class SurveyServiceTest {

    static final LocalDate STICHTAG = LocalDate.of(2017, 9, 15);
    static final String ULM = "08421000";
    static final String ALB_DONAU = "08425";
    static final String ALLMENDINGEN = "08425002";
    static final String ALTHEIM = "08425005";
    static final String AMSTETTEN = "08425008";
    static final String COHORT = "Geflüchtete der Zugänge 01.01.2015–29.02.2016 in der Anschlussunterbringung";

    CoreFixture f;

    @Before
    public void setUp() {
        f = new CoreFixture("100000.00");
        f.realm.put("rp1", Set.of("approver"));
        f.realm.put("ulm1", Set.of("municipality", "municipality:" + ULM));
        f.realm.put("adk1", Set.of("municipality", "municipality:" + ALB_DONAU));
        f.realm.put("allm1", Set.of("municipality", "municipality:" + ALLMENDINGEN));
        f.realm.put("alth1", Set.of("municipality", "municipality:" + ALTHEIM));
        f.fixClock(Instant.parse("2017-09-20T08:00:00Z"));
    }

    Survey open2017() {
        return f.surveys.open(new Opening(KeyFigure.REFUGEES, STICHTAG, COHORT, null, null), "rp1");
    }

    @Test
    public void theOfficeOpensWithTheDeadlinesOfTheFag() {
        assertThrows(ForbiddenException.class, () -> f.surveys.open(new Opening(null, STICHTAG, COHORT, null, null), "ulm1"));
        Survey s = open2017();
        assertEquals(List.of(KeyFigure.REFUGEES, STICHTAG, LocalDate.of(2017, 10, 15), LocalDate.of(2017, 12, 31), State.OPEN, "rp1"),
                List.of(s.keyFigureType(), s.referenceDate(), s.reportDeadline(), s.correctionsUntil(), s.state(), s.openedBy()));
        ConflictException twice = assertThrows(ConflictException.class, this::open2017);
        assertEquals("Für den Stichtag 15.09.2017 gibt es schon die Erhebung Nr. " + s.id() + ".", twice.getMessage());
        InvalidInputException noCohort = assertThrows(InvalidInputException.class,
                () -> f.surveys.open(new Opening(null, LocalDate.of(2018, 9, 15), " ", null, null), "rp1"));
        assertEquals("cohort", noCohort.field());
        InvalidInputException farAway = assertThrows(InvalidInputException.class,
                () -> f.surveys.open(new Opening(null, LocalDate.of(99999, 9, 15), COHORT, null, null), "rp1"));
        assertEquals(List.of("referenceDate", "Das Datum +99999-09-15 liegt außerhalb der Jahre 2000 bis 2100."),
                List.of(farAway.field(), farAway.getMessage()));
        InvalidInputException deadline = assertThrows(InvalidInputException.class,
                () -> f.surveys.open(new Opening(null, LocalDate.of(2018, 9, 15), COHORT, LocalDate.of(2018, 9, 1), null), "rp1"));
        assertEquals(List.of("reportDeadline", "Die Meldefrist (01.09.2018) muss nach dem Stichtag (15.09.2018) liegen."),
                List.of(deadline.field(), deadline.getMessage()));
    }

    @Test
    public void municipalitiesReportTheDistrictConfirmsReturnsAndEntersTheOfficeClosesAndCorrects() {
        long id = open2017().id();
        // Ulm, a Stadtkreis, reports and confirms its own count; the contact stays out of the audit chain
        Report ulm = f.surveys.submit(id, ULM, new Count(1609L, "Frau Özdemir, Tel. 0731 161-0", "Stand 15.09."), "ulm1");
        assertEquals(ReportState.REPORTED, ulm.state());
        assertEquals(ReportState.CONFIRMED, f.surveys.confirm(id, ULM, "ulm1").state());

        // more refugees than inhabitants is impossible
        InvalidInputException tooMany = assertThrows(InvalidInputException.class,
                () -> f.surveys.submit(id, ALLMENDINGEN, new Count(1_000_000L, null, null), "allm1"));
        assertEquals(List.of("value", "Die gemeldete Zahl (1.000.000) ist größer als die Einwohnerzahl von Allmendingen (4.500); bitte prüfen."),
                List.of(tooMany.field(), tooMany.getMessage()));
        // Allmendingen reports, the district gives it back with a reason the municipality reads, it reports again
        f.surveys.submit(id, ALLMENDINGEN, new Count(60L, null, null), "allm1");
        assertThrows(ForbiddenException.class, () -> f.surveys.confirm(id, ALLMENDINGEN, "ulm1"));
        assertThrows(ForbiddenException.class, () -> f.surveys.confirm(id, ALLMENDINGEN, "allm1"));
        f.surveys.giveBack(id, ALLMENDINGEN, "Bitte die Familiennachzüge mitzählen.", "adk1");
        Report returned = f.surveys.report(id, ALLMENDINGEN, "allm1");
        assertEquals(List.of(ReportState.RETURNED, "Bitte die Familiennachzüge mitzählen."), List.of(returned.state(), returned.returnReason()));
        f.surveys.submit(id, ALLMENDINGEN, new Count(64L, null, null), "allm1");
        assertEquals(ReportState.CONFIRMED, f.surveys.confirm(id, ALLMENDINGEN, "adk1").state());
        ConflictException confirmed = assertThrows(ConflictException.class,
                () -> f.surveys.submit(id, ALLMENDINGEN, new Count(65L, null, null), "allm1"));
        assertTrue(confirmed.getMessage(), confirmed.getMessage().startsWith("Die Zahl von Allmendingen ist vom Kreis bestätigt"));
        f.surveys.submit(id, ALTHEIM, new Count(20L, null, null), "alth1");
        f.surveys.confirm(id, ALTHEIM, "adk1");
        // Amstetten never reports: the district enters its count
        Report entered = f.surveys.submit(id, AMSTETTEN, new Count(30L, null, "telefonisch erfragt"), "adk1");
        assertEquals(List.of(ReportState.CONFIRMED, true, 30L), List.of(entered.state(), entered.enteredByDistrict(), entered.value()));
        // Ulm cannot see a municipality of another district
        assertThrows(ForbiddenException.class, () -> f.surveys.report(id, ALLMENDINGEN, "ulm1"));

        List<Tally> progress = f.surveys.progress(id);
        Tally albDonau = progress.stream().filter(t -> ALB_DONAU.equals(t.districtKey())).findFirst().orElseThrow();
        assertEquals(new Tally(ALB_DONAU, "Alb-Donau-Kreis", 55, 0, 0, 3, 52), albDonau);
        assertEquals(new Tally(null, "Baden-Württemberg", 1101, 0, 0, 4, 1097), progress.get(progress.size() - 1));
        assertEquals(55, f.surveys.reports(id, null, null, null, "adk1", 0, 2000).total());
        assertEquals(List.of(ALLMENDINGEN, ALTHEIM, AMSTETTEN), f.surveys.reports(id, null, ReportState.CONFIRMED, null, "adk1", 0, 10)
                .items().stream().map(Report::bodyKey).toList());

        // provisional figures imported meanwhile carry a provisional run, but no final run while the survey is open
        f.weights(Map.of(ULM, 1500L, ALLMENDINGEN, 50L));
        f.budgets.setBudget("2017", AREA, euros("40000000.00"), "rp1");
        assertEquals(DistributionKind.PROVISIONAL, f.distributions.run(
                new DistributionRequest(AREA, "2017", DistributionKind.PROVISIONAL, euros("1000.00"), STICHTAG, null, null), "rp1").kind());
        ConflictException openFinal = assertThrows(ConflictException.class, () -> f.distributions.run(
                new DistributionRequest(AREA, "2017", DistributionKind.FINAL, euros("1000.00"), STICHTAG, null, null), "rp1"));
        assertEquals("Die Erhebung Nr. " + id + " zum 15.09.2017 ist noch offen; ein endgültiger Lauf braucht ihre abgeschlossenen Zahlen."
                + " Vorläufige Läufe sind möglich.", openFinal.getMessage());

        // closing with bodies missing is refused; naming them with how they count closes it
        ConflictException missing = assertThrows(ConflictException.class, () -> f.surveys.close(id, List.of(), "rp1"));
        assertTrue(missing.getMessage(), missing.getMessage().startsWith("Die Erhebung kann nicht abgeschlossen werden: 1097 Kommunen haben keine bestätigte Zahl"));
        List<Missing> rest = f.surveys.reports(id, null, ReportState.MISSING, null, "rp1", 0, 2000).items().stream()
                .map(r -> new Missing(r.bodyKey(), Assumption.ZERO, "keine Meldung bis zum 15.10.2017")).toList();
        assertEquals(1097, rest.size());
        assertThrows(ForbiddenException.class, () -> f.surveys.close(id, rest, "adk1"));
        InvalidInputException noLast = assertThrows(InvalidInputException.class, () -> f.surveys.close(id,
                rest.stream().map(m -> new Missing(m.bodyKey(), Assumption.LAST, m.reason())).toList(), "rp1"));
        assertEquals("missing[0].countedAs", noLast.field());
        Survey closed = f.surveys.close(id, rest, "rp1");
        assertEquals(State.CLOSED, closed.state());
        Map<String, Long> key = f.figures.at(KeyFigure.REFUGEES, STICHTAG);
        assertEquals(1101, key.size());
        assertEquals(List.of(1609L, 64L, 20L, 30L, 0L), List.of(key.get(ULM), key.get(ALLMENDINGEN), key.get(ALTHEIM), key.get(AMSTETTEN),
                key.get("08425011")));
        assertEquals(1609 + 64 + 20 + 30, key.values().stream().mapToLong(Long::longValue).sum());
        assertEquals("mit 0 gezählt: keine Meldung bis zum 15.10.2017", f.surveys.report(id, "08425011", "adk1").assumption());

        // the final run on it shares exactly by those figures
        Distribution fin = f.distributions.run(new DistributionRequest(AREA, "2017", DistributionKind.FINAL, euros("1723.00"), STICHTAG, null, null), "rp1");
        assertEquals(euros("1609.00"), f.distributions.shares(fin.id()).stream().filter(s -> s.bodyKey().equals(ULM))
                .findFirst().orElseThrow().amount());
        // its figures change no more by import, only by a correction with a reason
        ConflictException imported = assertThrows(ConflictException.class, () -> f.figures.importFigures(
                List.of(KeyFigure.of(KeyFigure.REFUGEES, ULM, STICHTAG, 1700)), "rp1"));
        assertEquals("Die Zahlen zum 15.09.2017 stammen aus der abgeschlossenen Erhebung Nr. " + id
                + "; sie ändern sich nur durch eine Korrektur dieser Erhebung, nicht durch einen Import.", imported.getMessage());
        assertThrows(ConflictException.class, () -> f.surveys.submit(id, ALTHEIM, new Count(22L, null, null), "alth1"));
        InvalidInputException noReason = assertThrows(InvalidInputException.class,
                () -> f.surveys.correct(id, new Correction(ALTHEIM, 22L, " "), "adk1"));
        assertEquals("reason", noReason.field());
        assertThrows(ForbiddenException.class, () -> f.surveys.correct(id, new Correction(ALTHEIM, 22L, "Nachmeldung"), "alth1"));
        f.fixClock(Instant.parse("2017-12-20T08:00:00Z"));
        Corrected corrected = f.surveys.correct(id, new Correction(ALTHEIM, 22L, "zwei Familiennachzüge nachgemeldet"), "adk1");
        assertEquals(List.of(20L, 22L, 22L), List.of(corrected.previous(), corrected.report().value(), corrected.figure().value()));
        assertEquals(22L, (long) f.figures.at(KeyFigure.REFUGEES, STICHTAG).get(ALTHEIM));
        assertEquals(1, f.surveys.get(id).corrections());
        assertEquals(List.of(f.distributions.get(fin.id()).id()), f.distributions.runsChangedBy(List.of(corrected.figure())).stream()
                .map(Distribution::id).toList());
        f.fixClock(Instant.parse("2018-01-02T08:00:00Z"));
        ConflictException late = assertThrows(ConflictException.class,
                () -> f.surveys.correct(id, new Correction(ALTHEIM, 23L, "noch einer"), "adk1"));
        assertEquals("Korrekturen der Erhebung zum 15.09.2017 waren nur bis zum 31.12.2017 möglich.", late.getMessage());

        // the chain holds what happened to Ulm's count, not who to call
        List<AuditEntry> chain = f.audit.entries("survey_report", id + "/" + ULM);
        assertEquals(List.of("report", "confirm"), chain.stream().map(AuditEntry::action).toList());
        assertTrue(chain.stream().noneMatch(e -> String.valueOf(e.after()).contains("Özdemir") || String.valueOf(e.after()).contains("Stand")));
        assertEquals(List.of("correct"), f.audit.entries("survey_report", id + "/" + ALTHEIM).stream().map(AuditEntry::action)
                .filter("correct"::equals).toList());
    }

    @Test
    public void eachStepIsAnEventWithKeysAndCountsOnly() {
        org.osgi.service.event.EventAdmin events = org.mockito.Mockito.mock(org.osgi.service.event.EventAdmin.class);
        f.surveys.eventAdmin = events;
        long id = open2017().id();
        f.surveys.submit(id, ALLMENDINGEN, new Count(60L, "Frau Öztürk", "vorläufig"), "allm1");
        f.surveys.giveBack(id, ALLMENDINGEN, "Bitte prüfen.", "adk1");
        f.surveys.submit(id, ALLMENDINGEN, new Count(64L, null, null), "allm1");
        f.surveys.confirm(id, ALLMENDINGEN, "adk1");
        f.surveys.submit(id, AMSTETTEN, new Count(30L, null, null), "adk1");
        org.mockito.ArgumentCaptor<org.osgi.service.event.Event> sent = org.mockito.ArgumentCaptor.forClass(org.osgi.service.event.Event.class);
        org.mockito.Mockito.verify(events, org.mockito.Mockito.times(6)).postEvent(sent.capture());
        assertEquals(List.of("OPENED null null", "REPORTED 08425002 60", "RETURNED 08425002 60", "REPORTED 08425002 64",
                        "CONFIRMED 08425002 64", "CONFIRMED 08425008 30"),
                sent.getAllValues().stream().map(e -> e.getTopic().substring("de/paktwerk/survey/".length()) + " " + e.getProperty("bodyKey") + " "
                        + e.getProperty("value")).toList());
        assertTrue(sent.getAllValues().stream().allMatch(e -> Long.valueOf(id).equals(e.getProperty("surveyId"))
                && "2017-09-15".equals(e.getProperty("referenceDate")) && !List.of(e.getPropertyNames()).contains("contact")));
    }

    @Test
    public void aLargeChangeIsFlaggedAndAMissingBodyMayCountWithTheLastClosedFigure() {
        long first = open2017().id();
        f.surveys.submit(first, ULM, new Count(1609L, null, null), "ulm1");
        f.surveys.confirm(first, ULM, "ulm1");
        List<Missing> rest = f.surveys.reports(first, null, ReportState.MISSING, null, "rp1", 0, 2000).items().stream()
                .map(r -> new Missing(r.bodyKey(), Assumption.ZERO, "keine Meldung")).toList();
        f.surveys.close(first, rest, "rp1");

        LocalDate next = LocalDate.of(2018, 9, 15);
        long second = f.surveys.open(new Opening(null, next, COHORT, null, null), "rp1").id();
        Report flagged = f.surveys.submit(second, ULM, new Count(2200L, null, null), "ulm1");
        assertEquals(List.of("Abweichung von mehr als 30 % gegenüber der Erhebung zum 15.09.2017 (damals 1609)"), flagged.flags());
        assertEquals(List.of(), f.surveys.submit(second, ULM, new Count(2000L, null, null), "ulm1").flags());
        List<Missing> all = f.surveys.reports(second, null, null, null, "rp1", 0, 2000).items().stream()
                .map(r -> new Missing(r.bodyKey(), Assumption.LAST, "Meldung ausgeblieben, Vorjahreszahl übernommen")).toList();
        f.surveys.close(second, all, "rp1");
        assertEquals(1609L, (long) f.figures.at(KeyFigure.REFUGEES, next).get(ULM));
        assertEquals("mit der Zahl der Erhebung zum 15.09.2017 gezählt (1609): Meldung ausgeblieben, Vorjahreszahl übernommen",
                f.surveys.report(second, ULM, "ulm1").assumption());
    }
}
