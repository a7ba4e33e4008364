package de.paktwerk.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Hashtable;
import java.util.List;
import java.util.stream.Collectors;
import javax.inject.Inject;
import javax.sql.DataSource;
import org.apache.karaf.features.FeaturesService;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * "Spracherwerb (VwV Deutsch)" on the real distribution: a Landkreis's course plan through the core's lifecycle
 * (priced by the module, courses recorded from the decision), participants with the waiting list, course days that
 * count only with a signed attendance list, the settlement on actuals with the core's release, reports and CSV, bad
 * input, removal and reinstallation. The platform clock is set to the day each step happens on. Expected amounts are
 * worked out in the comments from the defaults (4.58 € per participant-UE, guarantee 8 / 5, childcare 15.00 € per
 * carer-UE, one carer per 5 children).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class LanguageCoursesIT extends PaktwerkTestSupport {

    static final String FEATURE = "paktwerk-language-courses";
    static final String LC = "/api/language-courses";
    static final String RNK = "08226";
    static final String RNK_USER = "rnk";
    static final String WALLDORF_USER = "walldorf";
    static final String PERIOD = "\"term\":{\"kind\":\"COURSE_PERIOD\",\"start\":\"2017-08-01\",\"end\":\"2018-07-31\"}";

    @Inject
    FeaturesService features;

    @Inject
    ConfigurationAdmin configurations;

    @Inject
    Clock clock;

    @Inject
    @Filter("(dataSourceName=paktwerk)")
    DataSource dataSource;

    @Override
    protected Option extraOptions() {
        return composite(editConfigurationFilePut("etc/users.properties", RNK_USER, STORED_PW + ",municipality,municipality:" + RNK),
                editConfigurationFilePut("etc/users.properties", WALLDORF_USER, STORED_PW + ",municipality,municipality:08226095"));
    }


    /** A title a municipality may write and the office then opens in a spreadsheet: the export neutralises it. */
    static final String FORMULA_TITLE = "=HYPERLINK(http://x.example)+Elternkurs Schwetzingen";

    private static String course(String title, String format, String level, int units, int capacity, int planned, String extra) {
        return "{\"title\":\"" + title + "\",\"providerId\":%d,\"format\":\"" + format + "\",\"targetLevel\":\"" + level + "\",\"plannedUnits\":" + units
                + ",\"unitsPerWeek\":10,\"timeOfDay\":\"DAY\",\"capacity\":" + capacity + ",\"plannedParticipants\":" + planned
                + ",\"start\":\"2017-09-04\",\"end\":\"2018-06-29\",\"location\":\"VHS Sinsheim\"" + extra + "}";
    }

    private static String application(String applicant, String requested, String plan) {
        return "{\"applicantKey\":\"" + applicant + "\",\"areaId\":\"language-courses\",\"requested\":\"" + requested + "\"," + PERIOD
                + ",\"payload\":" + plan + "}";
    }

    private long enrol(String user, long course, String status, boolean entitled, String reason, String on, String expectedState) {
        JsonNode p = post(LC + "/courses/" + course + "/participants", user, "{\"birthYear\":1990,\"status\":\"" + status + "\",\"integrationCourseEntitled\":"
                + entitled + (reason == null ? "" : ",\"reasonNotEntitled\":\"" + reason + "\"") + ",\"enrolledOn\":\"" + on + "\"}").expect(201).json();
        assertEquals(expectedState, p.path("state").asText());
        return p.path("id").asLong();
    }

    /** Course days of 5 UE on consecutive days from 2017-09-04, the same participants present, children in care. */
    private void days(long course, int count, List<Long> present, int children) {
        LocalDate day = LocalDate.of(2017, 9, 4);
        String ids = present.stream().map(String::valueOf).collect(Collectors.joining(","));
        for (int i = 0; i < count; i++) {
            post(LC + "/courses/" + course + "/sessions", RNK_USER, "{\"date\":\"" + day.plusDays(i) + "\",\"units\":5,\"present\":[" + ids
                    + "],\"childrenInCare\":" + children + "}").expect(201);
        }
    }

    private JsonNode signed(long course, String from, String to, String content) {
        return request("POST", LC + "/courses/" + course + "/attendance-lists?from=" + from + "&to=" + to, RNK_USER, "application/pdf", content)
                .expect(201).json();
    }

    private JsonNode courses() {
        await("Kurse aus dem Bescheid erfasst", Duration.ofSeconds(20), () -> get(LC + "/courses?responsible=" + RNK, APPROVER1).json().size() == 4);
        return get(LC + "/courses?responsible=" + RNK, APPROVER1).expect(200).json();
    }

    private String budget(String field) {
        for (JsonNode b : get("/api/core/periods/2017/budgets", APPROVER1).expect(200).json()) {
            if (b.path("areaId").asText().equals("language-courses")) {
                return b.path(field).asText();
            }
        }
        throw new AssertionError("kein Budget");
    }

    @Test
    public void aLandkreisCoursePlanIsSettledOnTheCourseDaysItProvesAndTheModuleComesBackWithItsData() throws Exception {
        await("Modul antwortet", Duration.ofSeconds(60), () -> get(LC + "/courses", APPROVER1).status() == 200);
        assertTrue(get("/api/core/funding-areas", APPROVER1).body().contains("\"language-courses\""));
        // the defaults ship as a file, marked as such
        String cfg = Files.readString(Path.of(System.getProperty("karaf.etc"), "de.paktwerk.languagecourses.cfg"));
        assertTrue(cfg, cfg.contains("ratePerParticipantUnit = 4.58") && cfg.contains("VORGABEN"));
        put("/api/core/periods/2017/budgets/language-courses", APPROVER1, "{\"amount\":\"2000000.00\"}").expect(200);
        long vhs = post("/api/core/municipalities/" + RNK + "/providers", RNK_USER, "{\"name\":\"VHS Sinsheim\",\"kind\":\"VHS\"}").expect(201)
                .json().path("id").asLong();

        today("2017-07-10T08:00:00Z");
        // 1: BASIC A1 300 UE x 12 x 4.58 = 16,488.00; 2: parents' course 200 UE x 7 x 4.58 = 6,412.00 + 2 carers x 200 UE x 15.00 = 6,000.00;
        // 3: BASIC A2 100 UE x 8 x 4.58 = 3,664.00; 4: parents' course 100 UE x 5 x 4.58 = 2,290.00 -> 34,854.00
        String plan = String.format("{\"courses\":[" + course("Grundkurs A1 Sinsheim", "BASIC", "A1", 300, 15, 12, "") + ","
                + course("Elternkurs Wiesloch", "PARENTS_WITH_CHILDCARE", "A1", 200, 10, 7, ",\"childcare\":{\"children\":9}") + ","
                + course("Grundkurs A2 Eberbach", "BASIC", "A2", 100, 10, 8, "") + ","
                + course(FORMULA_TITLE, "PARENTS_WITH_CHILDCARE", "A1", 100, 8, 5, "") + "]}", vhs, vhs, vhs, vhs);
        JsonNode priced = post(LC + "/pricing?applicant=" + RNK + "&coursePeriod=2017/18", RNK_USER, plan).expect(200).json();
        assertEquals("34854.00", priced.path("total").asText());
        assertEquals("Kurs 1 (Grundkurs A1): 300 UE × 12 Teilnehmende × 4,58 €", priced.path("lines").get(0).path("label").asText());
        // Walldorf, a town in the Rhein-Neckar-Kreis, applying itself: a programme rule (422) with the advice
        assertEquals("Im Förderbereich Spracherwerb (VwV Deutsch) beantragen die Stadt- und Landkreise; Walldorf, Stadt nimmt über den Landkreis"
                + " Rhein-Neckar-Kreis teil.", post("/api/core/applications", WALLDORF_USER, application("08226095", "16488.00", plan))
                .expectProblem(422, "rule-violated").json().path("detail").asText());
        post(LC + "/pricing?applicant=08226095&coursePeriod=2017/18", WALLDORF_USER, plan).expectProblem(422, "rule-violated");
        long app = fileAtItsPrice(RNK_USER, application(RNK, "34854.00", plan)).json().path("id").asLong();
        assertEquals("34854.00", get("/api/core/applications/" + app, APPROVER1).json().path("priced").asText());
        post("/api/core/applications/" + app + "/submit", RNK_USER, null).expect(200);
        today("2017-08-20T08:00:00Z");
        JsonNode decision = post("/api/core/applications/" + app + "/decision", APPROVER1, "{\"outcome\":\"APPROVED\"}").expect(201).json();
        assertEquals("Ministerium für Soziales, Gesundheit und Integration Baden-Württemberg", decision.path("approvalOffice").asText());
        JsonNode courses = courses();
        long basic = courses.get(0).path("id").asLong();
        long parents = courses.get(1).path("id").asLong();
        long small = courses.get(2).path("id").asLong();
        long reduced = courses.get(3).path("id").asLong();
        assertEquals(decision.path("number").asText(), courses.get(0).path("decisionNumber").asText());
        assertEquals(8, courses.get(0).path("minParticipants").asInt());
        assertEquals(5, courses.get(1).path("minParticipants").asInt());
        get(LC + "/courses/" + basic, DISTRICT_USER).expectProblem(404, "not-found"); // another Kreis does not see it

        // participants: an entitled one needs a reason; the course fills up, then the waiting list, which moves up
        assertEquals("Wer Anspruch auf einen Integrationskurs des Bundes hat, wird nur aufgenommen, wenn er ihn nicht nutzen kann: der Grund fehlt"
                        + " (reasonNotEntitled, z. B. \"kein Kurs in zumutbarer Entfernung\").",
                post(LC + "/courses/" + basic + "/participants", RNK_USER, "{\"birthYear\":1990,\"status\":\"PROTECTED\",\"integrationCourseEntitled\":true,"
                        + "\"enrolledOn\":\"2017-08-21\"}").expectProblem(422, "rule-violated").json().path("detail").asText());
        List<Long> basicIds = new ArrayList<>();
        basicIds.add(enrol(RNK_USER, basic, "PROTECTED", true, "kein Kurs in zumutbarer Entfernung", "2017-08-21", "ENROLLED"));
        for (int i = 0; i < 14; i++) {
            basicIds.add(enrol(RNK_USER, basic, "ASYLUM_PENDING", false, null, "2017-08-21", "ENROLLED"));
        }
        long first = enrol(RNK_USER, basic, "ASYLUM_PENDING", false, null, "2017-08-22", "WAITING");
        long second = enrol(RNK_USER, basic, "TOLERATED", false, null, "2017-08-22", "WAITING");
        assertEquals(1, get(LC + "/participants/" + first, RNK_USER).json().path("waitingPosition").asInt());
        assertEquals(2, get(LC + "/participants/" + second, RNK_USER).json().path("waitingPosition").asInt());
        JsonNode left = post(LC + "/participants/" + basicIds.get(14) + "/leave", RNK_USER, "{\"on\":\"2017-08-30\",\"reason\":\"DROPPED_OUT\"}")
                .expect(200).json();
        assertEquals("DROPPED_OUT", left.path("state").asText());
        JsonNode movedUp = get(LC + "/participants/" + first, RNK_USER).expect(200).json();
        assertEquals("ENROLLED", movedUp.path("state").asText());
        assertEquals("2017-08-31", movedUp.path("enrolledOn").asText());
        assertEquals(1, get(LC + "/participants/" + second, RNK_USER).json().path("waitingPosition").asInt());
        assertEquals(1, get(LC + "/courses/" + basic, RNK_USER).json().path("waiting").asInt());

        List<Long> parentIds = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            parentIds.add(enrol(RNK_USER, parents, "ASYLUM_PENDING", false, null, "2017-08-21", "ENROLLED"));
        }
        List<Long> smallIds = new ArrayList<>();
        List<Long> reducedIds = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            smallIds.add(enrol(RNK_USER, small, "ASYLUM_PENDING", false, null, "2017-08-21", "ENROLLED"));
            reducedIds.add(enrol(RNK_USER, reduced, "ASYLUM_PENDING", false, null, "2017-08-21", "ENROLLED"));
        }

        // at once: ten enrolments into course 4 with 3 of its 8 places free -> exactly three enrolled, seven waiting in line
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(10);
        List<java.util.concurrent.Future<String>> states = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            states.add(pool.submit(() -> post(LC + "/courses/" + reduced + "/participants", RNK_USER, "{\"birthYear\":1990,\"status\":"
                    + "\"ASYLUM_PENDING\",\"integrationCourseEntitled\":false,\"enrolledOn\":\"2017-08-22\"}").expect(201).json().path("state").asText()));
        }
        List<String> outcome = new ArrayList<>();
        for (java.util.concurrent.Future<String> f : states) {
            outcome.add(f.get());
        }
        pool.shutdown();
        assertEquals(outcome.toString(), 3, outcome.stream().filter("ENROLLED"::equals).count());
        JsonNode full = get(LC + "/courses/" + reduced, RNK_USER).json();
        assertEquals(8, full.path("enrolled").asInt());
        assertEquals(7, full.path("waiting").asInt());
        List<Integer> positions = new ArrayList<>();
        get(LC + "/courses/" + reduced + "/participants", RNK_USER).json().forEach(p -> {
            if (p.path("state").asText().equals("WAITING")) {
                positions.add(p.path("waitingPosition").asInt());
            }
        });
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7), positions.stream().sorted().toList());

        today("2018-07-02T08:00:00Z");
        // a regular course starting with 5 of its minimum 8 is not eligible; the same 5 in a parents' course (minimum 5) are
        assertEquals("Mindestteilnehmerzahl 8 nicht erreicht: 5 Teilnehmende zu Kursbeginn; ein Grundkurs ist so nicht förderfähig.",
                post(LC + "/courses/" + small + "/sessions", RNK_USER, "{\"date\":\"2017-09-04\",\"units\":5,\"present\":" + smallIds + "}")
                        .expectProblem(422, "rule-violated").json().path("detail").asText());
        post(LC + "/courses/" + reduced + "/sessions", RNK_USER, "{\"date\":\"2017-09-04\",\"units\":5,\"present\":" + reducedIds + "}").expect(201);
        // course 1: 60 days of 5 UE with 12 present; course 2: 40 days of 5 UE with 6 present and 9 children in care
        days(basic, 60, basicIds.subList(0, 12), 0);
        days(parents, 40, parentIds.subList(0, 6), 9);
        assertEquals("0.00", get(LC + "/settlements?responsible=" + RNK + "&coursePeriod=2017/18", RNK_USER).expect(200).json().path("total").asText());
        String list1 = "%PDF-1.4 Anwesenheitsliste Grundkurs A1 September/Oktober 2017, unterschrieben";
        JsonNode uploaded = signed(basic, "2017-09-04", "2017-11-02", list1);
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(list1.getBytes(StandardCharsets.UTF_8))),
                uploaded.path("sha256").asText());
        assertEquals(60, uploaded.path("sessions").asInt());
        signed(parents, "2017-09-04", "2017-10-13", "%PDF-1.4 Anwesenheitsliste Elternkurs, unterschrieben");
        assertEquals(list1, request("GET", LC + "/attendance-lists/" + uploaded.path("id").asLong(), APPROVER1, null, null, "Accept", "*/*")
                .expect(200).body());
        // 16,488.00 + (1,200 x 4.58 = 5,496.00 + 2 x 200 x 15.00 = 6,000.00) + course 3 never started + course 4's day without a list
        JsonNode settlement = get(LC + "/settlements?responsible=" + RNK + "&coursePeriod=2017/18", APPROVER1).expect(200).json();
        assertEquals("27984.00", settlement.path("total").asText());
        List<String> labels = new ArrayList<>();
        settlement.path("lines").forEach(l -> labels.add(l.path("amount").asText() + " " + l.path("label").asText()));
        assertTrue(labels.toString(), labels.contains("16488.00 Kurs " + basic + " (Grundkurs A1): 300 UE gehalten, 3600 Teilnehmer-UE (je UE mindestens 8) × 4,58 €"));
        assertTrue(labels.toString(), labels.contains("5496.00 Kurs " + parents + " (Elternkurs mit Kinderbetreuung A1): 200 UE gehalten, 1200 Teilnehmer-UE"
                + " (je UE mindestens 5) × 4,58 €"));
        assertTrue(labels.toString(), labels.contains("6000.00 Kurs " + parents + " (Elternkurs mit Kinderbetreuung A1): Kinderbetreuung, 400 Betreuungskraft-UE"
                + " × 15,00 €"));
        assertTrue(labels.toString(), labels.contains("0.00 Kurs " + small + " (Grundkurs A2): nicht begonnen, keine Förderung"));
        assertTrue(labels.toString(), labels.contains("0.00 Kurs " + reduced + " (Elternkurs mit Kinderbetreuung A1): 1 Kurstag (5 UE) ohne unterschriebene"
                + " Anwesenheitsliste zählt nicht"));

        // proof of use: settled 27,984.00 of 34,854.00 approved -> the core releases 6,870.00; 20,000.00 drawn, nothing to reclaim
        post("/api/core/applications/" + app + "/drawdowns", RNK_USER, "{\"amount\":\"20000.00\"}").expect(201);
        post("/api/core/applications/" + app + "/proof-of-use", RNK_USER, "{\"spent\":\"30000.00\",\"actuals\":{\"sessions\":[]}}").expectProblem(400);
        JsonNode proof = post("/api/core/applications/" + app + "/proof-of-use", RNK_USER, "{\"spent\":\"30000.00\",\"actuals\":{}}").expect(201).json();
        assertEquals("27984.00", proof.path("accepted").asText());
        assertEquals("6870.00", proof.path("released").asText());
        assertEquals("0.00", proof.path("reclaim").asText());
        assertEquals("27984.00", budget("committed"));

        // reports: course 1 has 16 enrolled (one dropped out, one moved up), 12 of 15 present per UE; Kreis totals suppress groups under 5
        JsonNode report = get(LC + "/reports/courses?coursePeriod=2017/18", RNK_USER).expect(200).json();
        assertEquals(4, report.size());
        assertEquals(300, report.get(0).path("unitsHeld").asInt());
        assertEquals(16, report.get(0).path("enrolled").asInt());
        assertEquals(1, report.get(0).path("droppedOut").asInt());
        assertEquals("0.800", report.get(0).path("attendanceRate").asText());
        assertEquals(200, report.get(1).path("childcareUnits").asInt());
        JsonNode district = get(LC + "/reports/districts?coursePeriod=2017/18", APPROVER1).expect(200).json().get(0);
        assertEquals(4, district.path("courses").asInt());
        assertEquals(36, district.path("participants").asInt()); // 16 + 7 + 5 + 8 (the seven waiting never took part)
        assertEquals(35, district.path("byStatus").path("ASYLUM_PENDING").asInt());
        assertTrue(district.path("byStatus").has("PROTECTED") && district.path("byStatus").path("PROTECTED").isNull()); // 1 < 5
        assertTrue(!district.path("byStatus").has("TOLERATED")); // the one waiting never took part
        assertEquals(36, district.path("byAgeBand").path("18 bis 29").asInt()); // born 1990: 27 in 2017
        assertEquals(0, get(LC + "/reports/districts?coursePeriod=2017/18", DISTRICT_USER).json().size());
        String csv = request("GET", LC + "/reports/attendance.csv?coursePeriod=2017/18", APPROVER1, null, null, "Accept", "text/csv").expect(200).body();
        String[] rows = csv.split("\n");
        assertEquals("\uFEFFkurs;titel;kreis;format;niveau;kursperiode;ue_gehalten;ue_mit_liste;aufgenommen;abgeschlossen;abgebrochen;anwesenheitsquote;"
                + "pruefungen;bestanden;kinderbetreuung_ue;fahrtkosten", rows[0]);
        assertEquals(5, rows.length);
        // the probe: a title =HYPERLINK(…) went into the office's spreadsheet as a formula
        assertEquals(1, java.util.Arrays.stream(rows).filter(r -> r.contains(";'" + FORMULA_TITLE + ";")).count());
        assertEquals(0, java.util.Arrays.stream(rows).filter(r -> r.contains(";" + FORMULA_TITLE)).count());
        request("GET", LC + "/reports/attendance.csv?coursePeriod=2017/18", RNK_USER, null, null, "Accept", "text/csv").expectProblem(403);

        // the audit chain commits to the list's hash (its record is the SHA-256 of the snapshot naming the file's hash), holds no
        // pseudonyms or reasons, and verifies
        JsonNode entry = get("/api/core/audit?entityType=lc_attendance_list&entityId=" + uploaded.path("id").asLong(), AUDITOR).expect(200).json().get(0);
        assertEquals("upload", entry.path("action").asText());
        String snapshot = "{\"courseId\":" + basic + ",\"sha256\":\"" + uploaded.path("sha256").asText() + "\",\"sessions\":60}";
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(snapshot.getBytes(StandardCharsets.UTF_8))),
                JSON.readTree(entry.path("after").asText()).path("sha256").asText());
        String participantTrail = get("/api/core/audit?entityType=lc_participant&entityId=" + basicIds.get(0), AUDITOR).expect(200).body();
        assertTrue(participantTrail, participantTrail.contains("\"enrol\"") && !participantTrail.contains("zumutbarer"));

        String console = console(new String[] {"admin"}, "lc:courses -p 2017/18 " + RNK);
        assertTrue(console, console.contains(decision.path("number").asText()) && console.contains("300/300"));

        // the operator removes the module: its REST answers 404, the core and the other areas keep serving
        features.uninstallFeature(FEATURE, EnumSet.noneOf(FeaturesService.Option.class));
        await("Modul-REST antwortet 404", Duration.ofSeconds(30), () -> get(LC + "/courses", APPROVER1).status() == 404);
        get("/api/core/periods", APPROVER1).expect(200);
        get("/api/youth-career/positions", APPROVER1).expect(200);
        get("/api/integration-management/positions", APPROVER1).expect(200);
        assertEquals(101, count("SELECT COUNT(*) FROM lc_session")); // 60 + 40 + course 4's one day
        features.installFeature(FEATURE, EnumSet.noneOf(FeaturesService.Option.class));
        await("Modul-REST antwortet wieder", Duration.ofSeconds(30), () -> get(LC + "/courses", APPROVER1).status() == 200);
        assertEquals(basic, courses().get(0).path("id").asLong());
        assertEquals("27984.00", get(LC + "/settlements?responsible=" + RNK + "&coursePeriod=2017/18", APPROVER1).json().path("total").asText());
        assertTrue(get("/api/core/audit/verify", AUDITOR).json().path("intact").asBoolean());
    }

    /** Bad input on every module endpoint: 4xx problem+json in German, and nothing changes. */
    @Test
    public void badInputOnEveryModuleEndpointIsRefusedAndChangesNothing() throws Exception {
        await("Modul antwortet", Duration.ofSeconds(60), () -> get(LC + "/courses", APPROVER1).status() == 200);
        long rows = count("SELECT (SELECT COUNT(*) FROM lc_course) + (SELECT COUNT(*) FROM lc_participant) + (SELECT COUNT(*) FROM lc_session)"
                + " + (SELECT COUNT(*) FROM lc_attendance_list) + (SELECT COUNT(*) FROM lc_early_start)");
        long audit = count("SELECT (SELECT COUNT(*) FROM audit_log) + (SELECT COUNT(*) FROM audit_pending)");
        String pricing = LC + "/pricing?applicant=" + RNK + "&coursePeriod=2017/18";
        post(pricing, RNK_USER, "{").expectProblem(400);
        post(pricing, RNK_USER, "{\"courses\":[]}").expectProblem(400);
        post(pricing, RNK_USER, "{\"courses\":5}").expectProblem(400);
        post(pricing, RNK_USER, "{\"courses\":[{\"title\":\"X\",\"format\":\"YOGA\"}]}").expectProblem(400);
        post(pricing, RNK_USER, "{\"courses\":[{\"title\":\"X\",\"plannedUnits\":\"viele\"}]}").expectProblem(400);
        post(pricing, RNK_USER, "{\"courses\":[],\"teacher\":\"Frau X\"}").expectProblem(400);
        post(pricing, RNK_USER, "{\"courses\":[],\"courses\":[]}").expectProblem(400, "duplicate-field");
        post(LC + "/pricing?applicant=" + RNK + "&coursePeriod=2017", RNK_USER, "{\"courses\":[]}").expectProblem(400);
        post(LC + "/pricing?coursePeriod=2017/18", RNK_USER, "{\"courses\":[]}").expectProblem(400);
        post(LC + "/pricing?applicant=08115&coursePeriod=2017/18", RNK_USER, "{\"courses\":[]}").expectProblem(403);
        post(LC + "/pricing?applicant=" + RNK + "&coursePeriod=2017/18", AUDITOR, "{\"courses\":[]}").expectProblem(403);
        post(LC + "/pricing?applicant=" + RNK + "&coursePeriod=2017/18", null, "{\"courses\":[]}").expectProblem(401);
        String session = "{\"date\":\"2017-09-04\",\"units\":%s,\"present\":12,\"signed\":true,\"childrenInCare\":%s}";
        String delivery = "{\"format\":\"BASIC\",\"startedWith\":%s,\"sessions\":[" + session + "]}";
        post(LC + "/settlement", RNK_USER, String.format(delivery, "12", "5", "0")).expect(200);
        post(LC + "/settlement", RNK_USER, String.format(delivery, "12", "13", "0")).expectProblem(400);
        post(LC + "/settlement", RNK_USER, String.format(delivery, "12", "-5", "0")).expectProblem(400);
        post(LC + "/settlement", RNK_USER, String.format(delivery, "-1", "5", "0")).expectProblem(400);
        post(LC + "/settlement", RNK_USER, String.format(delivery, "12", "5", "3")).expectProblem(422, "rule-violated");
        assertEquals("Mindestteilnehmerzahl 8 nicht erreicht: 5 Teilnehmende zu Kursbeginn; ein Grundkurs ist so nicht förderfähig.",
                post(LC + "/settlement", RNK_USER, String.format(delivery, "5", "5", "0")).expectProblem(422, "rule-violated").json().path("detail").asText());
        post(LC + "/settlement", RNK_USER, "{\"format\":\"BASIC\",\"startedWith\":12,\"sessions\":[],\"travelReimbursed\":[\"-1.00\"]}").expectProblem(400);
        get(LC + "/courses/abc", APPROVER1).expectProblem(400);
        get(LC + "/courses/999999", APPROVER1).expectProblem(404);
        get(LC + "/courses?coursePeriod=2017/19", APPROVER1).expectProblem(400);
        post(LC + "/courses/999999/participants", RNK_USER, "{\"birthYear\":1990,\"status\":\"PROTECTED\",\"integrationCourseEntitled\":false}")
                .expectProblem(404);
        post(LC + "/courses/999999/sessions", RNK_USER, "{\"date\":\"2017-09-04\",\"units\":5}").expectProblem(404);
        request("POST", LC + "/courses/999999/attendance-lists?from=2017-09-04&to=2017-09-30", RNK_USER, "text/plain", "x").expectProblem(415);
        post(LC + "/participants/999999/leave", RNK_USER, "{\"reason\":\"DROPPED_OUT\"}").expectProblem(404);
        post(LC + "/participants/999999/outcome", RNK_USER, "{\"testLevel\":\"A1\",\"testPassed\":true}").expectProblem(404);
        request("GET", LC + "/attendance-lists/999999", APPROVER1, null, null, "Accept", "*/*").expectProblem(404);
        post(LC + "/applications/999999/early-start", APPROVER1, "{\"reason\":\"Kursbeginn vor dem Bescheid\"}").expectProblem(404);
        post(LC + "/applications/1/early-start", RNK_USER, "{\"reason\":\"x\"}").expectProblem(403);
        get(LC + "/settlements?coursePeriod=2017/18", APPROVER1).expectProblem(400);
        get(LC + "/settlements?responsible=08115&coursePeriod=2017/18", RNK_USER).expectProblem(403);
        get(LC + "/reports/courses", APPROVER1).expectProblem(400);
        get(LC + "/reports/districts?coursePeriod=17/18", APPROVER1).expectProblem(400);
        // through the core: a payload this area cannot read, a term that is no course period
        post("/api/core/applications", RNK_USER, application(RNK, "1.00", "{\"courses\":[{\"title\":\"X\",\"format\":\"YOGA\"}]}")).expectProblem(400);
        post("/api/core/applications", RNK_USER, "{\"applicantKey\":\"" + RNK + "\",\"areaId\":\"language-courses\",\"periodId\":\"2017\","
                + "\"requested\":\"1.00\",\"payload\":{\"courses\":[]}}").expectProblem(400);
        request("PUT", LC + "/pricing", APPROVER1, "application/json", "{}").expectProblem(405);
        post(pricing, RNK_USER, "{\"courses\":[{\"title\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}]}").expectProblem(413);

        assertEquals("something changed", rows, count("SELECT (SELECT COUNT(*) FROM lc_course) + (SELECT COUNT(*) FROM lc_participant)"
                + " + (SELECT COUNT(*) FROM lc_session) + (SELECT COUNT(*) FROM lc_attendance_list) + (SELECT COUNT(*) FROM lc_early_start)"));
        assertEquals("audit grew", audit, count("SELECT (SELECT COUNT(*) FROM audit_log) + (SELECT COUNT(*) FROM audit_pending)"));
    }

    private long count(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
