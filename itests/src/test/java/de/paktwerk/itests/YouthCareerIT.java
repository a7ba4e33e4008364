package de.paktwerk.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Dictionary;
import java.util.EnumSet;
import java.util.Hashtable;
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
 * "Junge Flüchtlinge in Schule und Beruf" on the real distribution: the acceptance scenarios of the three programmes
 * through the core's REST lifecycle (priced by the module, positions recorded from the decision), the cap, a proof of
 * use settled on the actuals, reports, bad input, removal and reinstallation of the module. The platform clock is set
 * to the day each scenario happens on. Expected amounts are worked out from the published rules in the comments.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class YouthCareerIT extends PaktwerkTestSupport {

    static final String FEATURE = "paktwerk-youth-career";
    static final String YC = "/api/youth-career";
    static final String ULM = "08421000";
    static final String HEIDELBERG_USER = "heidelberg";
    static final String STATEMENT = "\"youthOfficeStatement\":{\"date\":\"2018-05-02\",\"reference\":\"JA-51-2018\"}";
    static final String RESOLUTION = "\"coFinancingResolution\":{\"body\":\"Gemeinderat\",\"date\":\"2021-07-22\",\"reference\":\"GR 2021/117\"}";

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
        return editConfigurationFilePut("etc/users.properties", HEIDELBERG_USER, STORED_PW + ",municipality,municipality:08221000");
    }


    private void configure(String key, String value) throws Exception {
        Configuration c = configurations.getConfiguration("de.paktwerk.youthcareer", "?");
        Dictionary<String, Object> p = c.getProperties() == null ? new Hashtable<>() : c.getProperties();
        p.put(key, value);
        c.update(p);
    }

    private static String schoolYear(int first) {
        return "\"term\":{\"kind\":\"SCHOOL_YEAR\",\"start\":\"" + first + "-08-01\",\"end\":\"" + (first + 1) + "-07-31\"}";
    }

    private static String application(String applicant, int year, String requested, String payload) {
        return "{\"applicantKey\":\"" + applicant + "\",\"areaId\":\"youth-career\",\"requested\":\"" + requested + "\"," + schoolYear(year)
                + ",\"payload\":" + payload + "}";
    }

    private long submitted(String user, String body) {
        long id = fileAtItsPrice(user, body).json().path("id").asLong();
        post("/api/core/applications/" + id + "/submit", user, null).expect(200);
        return id;
    }

    private JsonNode positions(String query, int expected) {
        await(expected + " geförderte Stellen (" + query + ")", Duration.ofSeconds(20),
                () -> get(YC + "/positions?" + query, APPROVER1).json().size() == expected);
        return get(YC + "/positions?" + query, APPROVER1).expect(200).json();
    }

    private String committed(String period) {
        for (JsonNode b : get("/api/core/periods/" + period + "/budgets", APPROVER1).expect(200).json()) {
            if (b.path("areaId").asText().equals("youth-career")) {
                return b.path("committed").asText();
            }
        }
        throw new AssertionError("kein Budget " + period);
    }

    private void school(String user, String number, String municipality) {
        post(YC + "/schools", user, "{\"schoolNumber\":\"" + number + "\",\"name\":\"Schule " + number + "\",\"municipalityKey\":\"" + municipality
                + "\",\"schoolType\":\"WRS\",\"classesVkl\":2,\"classesVabo\":0,\"classesAvdual\":0,\"classesVab\":0,\"classesBej\":0}").expect(201);
    }

    @Test
    public void theProgrammesGoThroughTheCoreAndTheModuleComesBackWithItsData() throws Exception {
        await("Modul antwortet", Duration.ofSeconds(60), () -> get(YC + "/positions", APPROVER1).status() == 200);
        assertTrue(get("/api/core/funding-areas", APPROVER1).body().contains("\"youth-career\""));
        for (String period : new String[] {"2018", "2019", "2020-2021", "2022"}) {
            put("/api/core/periods/" + period + "/budgets/youth-career", APPROVER1, "{\"amount\":\"5000000.00\"}").expect(200);
        }
        school(ULM_USER, "04100001", ULM);
        school(ULM_USER, "04100002", ULM);
        school(ULM_USER, "04100003", ULM);
        school(MUNICIPALITY, "04111001", "08111000");
        post(YC + "/schools", ULM_USER, "{\"schoolNumber\":\"04111002\",\"name\":\"Fremd\",\"municipalityKey\":\"08111000\",\"schoolType\":\"GS\"}")
                .expectProblem(403);

        // A1 Ulm, school year 2018/19, 1.5 FTE at two schools, youth office statement, applied on 2018-06-20: 16,700 x 1.5
        today("2018-06-20T08:00:00Z");
        String ulm = "{\"programme\":\"SCHOOL_SOCIAL_WORK\"," + STATEMENT + ",\"positions\":[{\"fte\":\"1.00\",\"schools\":[\"04100001\",\"04100002\"]},"
                + "{\"fte\":\"0.50\",\"schools\":[\"04100001\",\"04100002\"]}]}";
        assertEquals("25050.00", post(YC + "/pricing?applicant=" + ULM + "&schoolYear=2018/19", ULM_USER, ulm).expect(200).json().path("total").asText());
        long ulmApp = submitted(ULM_USER, application(ULM, 2018, "25050.00", ulm));
        assertEquals("25050.00", get("/api/core/applications/" + ulmApp, APPROVER1).json().path("priced").asText());
        assertEquals("2018", get("/api/core/applications/" + ulmApp, APPROVER1).json().path("periodId").asText());
        JsonNode decision = post("/api/core/applications/" + ulmApp + "/decision", APPROVER1, "{\"outcome\":\"APPROVED\"}").expect(201).json();
        assertEquals("2018-06-20", decision.path("date").asText());
        assertEquals("Kommunalverband für Jugend und Soziales (KVJS)", decision.path("approvalOffice").asText()); // the programme's office
        JsonNode ulmPositions = positions("schoolYear=2018/19&responsible=" + ULM, 2);
        assertEquals("16700.00", ulmPositions.get(0).path("funded").asText());
        assertEquals("8350.00", ulmPositions.get(1).path("funded").asText());
        assertEquals(decision.path("number").asText(), ulmPositions.get(0).path("decisionNumber").asText());
        assertEquals("[\"04100001\",\"04100002\"]", ulmPositions.get(0).path("schools").toString());
        // three schools without a reason, and the same application after the deadline: 422 with the rule named
        long before = get("/api/core/applications?applicant=" + ULM, APPROVER1).json().path("total").asLong();
        String three = "{\"programme\":\"SCHOOL_SOCIAL_WORK\"," + STATEMENT + ",\"positions\":[{\"fte\":\"0.60\",\"schools\":[\"04100001\","
                + "\"04100002\",\"04100003\"]}]}";
        assertEquals("Stelle 1: Eine Stelle darf höchstens an zwei Schulen eingesetzt werden, an drei nur mit Begründung (exceptionReason).",
                post("/api/core/applications", ULM_USER, application(ULM, 2018, "10020.00", three)).expectProblem(422, "rule-violated").json()
                        .path("detail").asText());
        today("2018-08-05T08:00:00Z");
        assertEquals("Der Antrag auf Schulsozialarbeit für das Schuljahr 2018/19 kommt zu spät: die Frist endete am 31.07.2018.",
                post("/api/core/applications", ULM_USER, application(ULM, 2018, "25050.00", ulm)).expectProblem(422, "rule-violated").json()
                        .path("detail").asText());
        assertEquals(before, get("/api/core/applications?applicant=" + ULM, APPROVER1).json().path("total").asLong());
        // asOf: the platform's clock stays on 05.08.2018, the draft is priced as on 20.06.2018 — at the core's door and the
        // module's, the same lines; a day after the deadline refuses it for the reason the filing gave
        JsonNode asOfThen = post("/api/core/applications/pricing?asOf=2018-06-20", ULM_USER, application(ULM, 2018, "25050.00", ulm)).expect(200).json();
        assertEquals("25050.00", asOfThen.path("amount").asText());
        assertEquals(asOfThen.path("items"), post(YC + "/pricing?applicant=" + ULM + "&schoolYear=2018/19&asOf=2018-06-20", ULM_USER, ulm)
                .expect(200).json().path("lines"));
        assertEquals("Der Antrag auf Schulsozialarbeit für das Schuljahr 2018/19 kommt zu spät: die Frist endete am 31.07.2018.",
                post(YC + "/pricing?applicant=" + ULM + "&schoolYear=2018/19&asOf=2018-08-01", ULM_USER, ulm).expectProblem(422, "rule-violated")
                        .json().path("detail").asText());
        assertEquals("asOf", post("/api/core/applications/pricing?asOf=20.06.2018", ULM_USER, application(ULM, 2018, "25050.00", ulm))
                .expectProblem(400, "invalid-input").json().path("field").asText());
        // without a term the core takes the one school year that starts in the period, and the amount may be left out
        assertEquals("25050.00", post("/api/core/applications/pricing?asOf=2018-06-20", ULM_USER, "{\"applicantKey\":\"" + ULM
                + "\",\"areaId\":\"youth-career\",\"periodId\":\"2018\",\"payload\":" + ulm + "}").expect(200).json().path("amount").asText());

        // A2 Heidelberg 2021/22: 2.0 FTE, costs 122,100.00, 85 pupils -> min(60 % = 73,260.00; 2 x 30,000.00) = 60,000.00
        today("2021-07-25T08:00:00Z");
        String avdual = "{\"programme\":\"AVDUAL_COMPANION\",%s\"personnelCosts\":\"122100.00\",\"avdualPupils\":85,"
                + "\"positions\":[{\"fte\":\"1.00\"},{\"fte\":\"1.00\"}]}";
        JsonNode heidelberg = post("/api/core/applications", HEIDELBERG_USER, application("08221000", 2021, "60000.00",
                String.format(avdual, RESOLUTION + ","))).expect(201).json();
        assertEquals("60000.00", heidelberg.path("priced").asText());
        assertEquals("2020-2021", heidelberg.path("periodId").asText());
        assertEquals("Beschluss des Stadt- oder Landkreises zur Kofinanzierung fehlt (coFinancingResolution mit date und reference).",
                post("/api/core/applications", HEIDELBERG_USER, application("08221000", 2021, "60000.00", String.format(avdual, "")))
                        .expectProblem(422, "rule-violated").json().path("detail").asText());

        // 3.5 FTE for 85 pupils is above the guideline of ceil_0.25(85/40) = 2.25 FTE: approved only once the office has
        // set the guideline aside with a reason; min(60 % of 200,000.00 = 120,000.00; 3.5 x 30,000.00 = 105,000.00)
        String crowded = "{\"programme\":\"AVDUAL_COMPANION\"," + RESOLUTION + ",\"personnelCosts\":\"200000.00\",\"avdualPupils\":85,"
                + "\"positions\":[{\"fte\":\"1.00\"},{\"fte\":\"1.00\"},{\"fte\":\"1.00\"},{\"fte\":\"0.50\"}]}";
        long crowdedApp = submitted(HEIDELBERG_USER, application("08221000", 2021, "105000.00", crowded));
        assertEquals("105000.00", get("/api/core/applications/" + crowdedApp, APPROVER1).json().path("priced").asText());
        String refused = post("/api/core/applications/" + crowdedApp + "/decision", APPROVER1, "{\"outcome\":\"APPROVED\"}")
                .expectProblem(422, "rule-violated").json().path("detail").asText();
        assertTrue(refused, refused.startsWith("AVdual-Begleitung: 3,50 VZÄ übersteigen den Richtwert von 2,25 VZÄ für 85 AVdual-Schülerinnen"));
        assertTrue(get("/api/core/applications/" + crowdedApp + "/decision", APPROVER1).status() == 404);
        post(YC + "/applications/" + crowdedApp + "/caseload-override", HEIDELBERG_USER, "{\"reason\":\"eigener Wunsch\"}").expectProblem(403);
        post(YC + "/applications/" + crowdedApp + "/caseload-override", APPROVER1, "{\"reason\":\"\"}").expectProblem(400);
        post(YC + "/applications/" + crowdedApp + "/caseload-override", APPROVER1, "{\"reason\":\"Zwei Außenstellen mit langen Wegen\"}")
                .expect(201);
        post(YC + "/applications/" + crowdedApp + "/caseload-override", APPROVER1, "{\"reason\":\"noch einmal\"}").expectProblem(409);
        post(YC + "/applications/" + heidelberg.path("id").asLong() + "/caseload-override", APPROVER1, "{\"reason\":\"x\"}")
                .expectProblem(422, "rule-violated"); // 2.0 FTE for 85 pupils: nothing to set aside
        JsonNode crowdedDecision = post("/api/core/applications/" + crowdedApp + "/decision", APPROVER1, "{\"outcome\":\"APPROVED\"}")
                .expect(201).json();
        assertTrue(crowdedDecision.path("needsConfirmation").asBoolean()); // 105,000.00 for Heidelberg is above the four-eyes threshold
        assertEquals("Ministerium für Wirtschaft, Arbeit und Tourismus", crowdedDecision.path("approvalOffice").asText());
        post("/api/core/applications/" + crowdedApp + "/decision/confirm", APPROVER2, null).expect(200);
        String trail = get("/api/core/audit?entityType=yc_override&entityId=" + crowdedApp, AUDITOR).expect(200).body();
        assertTrue(trail, trail.contains("caseload-override") && !trail.contains("Außenstellen"));

        // A1 cap, 2019/20: 149 FTE (2,488,300.00) approved of 2,500,000.00; a new 1.0 FTE application gets the 11,700.00 left
        today("2019-06-20T08:00:00Z");
        StringBuilder many = new StringBuilder("{\"programme\":\"SCHOOL_SOCIAL_WORK\"," + STATEMENT + ",\"positions\":[");
        for (int i = 0; i < 149; i++) {
            many.append(i == 0 ? "" : ",").append("{\"fte\":\"1.00\",\"schools\":[\"04111001\"]}");
        }
        long big = submitted(MUNICIPALITY, application("08111000", 2019, "2488300.00", many.append("]}").toString()));
        post("/api/core/applications/" + big + "/decision", APPROVER1, "{\"outcome\":\"APPROVED\"}").expect(201);
        post("/api/core/applications/" + big + "/decision/confirm", APPROVER2, null).expect(200); // four eyes above 100,000.00
        positions("schoolYear=2019/20&programme=SCHOOL_SOCIAL_WORK", 149);
        // Stuttgart has school social work funded now: a further application needs no new statement of the youth office
        String one = "{\"programme\":\"SCHOOL_SOCIAL_WORK\",\"positions\":[{\"fte\":\"1.00\",\"schools\":[\"04111001\"]}]}";
        long crossing = submitted(MUNICIPALITY, application("08111000", 2019, "16700.00", one));
        JsonNode crossingApp = get("/api/core/applications/" + crossing, APPROVER1).json();
        assertEquals("11700.00", crossingApp.path("priced").asText());
        assertEquals("CAP_APPLIED", crossingApp.path("assessment").get(1).path("kind").asText());
        post("/api/core/applications/" + crossing + "/decision", APPROVER1, "{\"outcome\":\"APPROVED\"}").expectProblem(409, "conflict");
        post("/api/core/applications/" + crossing + "/decision", APPROVER1, "{\"outcome\":\"PARTIALLY_APPROVED\",\"amount\":\"11700.00\"}").expect(201);
        post("/api/core/applications/" + crossing + "/decision/confirm", APPROVER2, null).expect(200); // the sum for Stuttgart is above 100,000.00
        assertEquals("PARTIALLY_APPROVED", get("/api/core/applications/" + crossing, APPROVER1).json().path("state").asText());
        positions("schoolYear=2019/20&programme=SCHOOL_SOCIAL_WORK", 150);
        assertEquals("2500000.00", committed("2019"));
        // the programme budget is used up ...
        post("/api/core/applications", MUNICIPALITY, application("08111000", 2019, "16700.00", one)).expectProblem(409, "budget-exhausted");
        // ... unless it follows the demand
        configure("schoolSocialWorkBudgetMode", "DEMAND");
        await("bedarfsgerechtes Budget gilt", Duration.ofSeconds(20), () -> post(YC + "/pricing?applicant=08111000&schoolYear=2019/20", MUNICIPALITY,
                one).json().path("total").asText().equals("16700.00"));
        long demand = submitted(MUNICIPALITY, application("08111000", 2019, "16700.00", one));
        assertEquals("16700.00", get("/api/core/applications/" + demand, APPROVER1).json().path("priced").asText());
        post("/api/core/applications/" + demand + "/decision", APPROVER1, "{\"outcome\":\"APPROVED\"}").expect(201);
        post("/api/core/applications/" + demand + "/decision/confirm", APPROVER2, null).expect(200);
        assertEquals("2516700.00", committed("2019"));

        // A3 Landkreis Böblingen 2018/19: 0.5 FTE youth career helper, drawn 5,500.00; filled 9 months -> 4,125.00, 1,375.00 reclaimed
        today("2018-06-21T08:00:00Z");
        String helper = "{\"programme\":\"YOUTH_CAREER_HELPER\",\"positions\":[{\"fte\":\"0.50\"}]}";
        long helperApp = submitted(DISTRICT_USER, application("08115", 2018, "5500.00", helper));
        assertEquals("Ministerium für Kultus, Jugend und Sport", post("/api/core/applications/" + helperApp + "/decision", APPROVER1,
                "{\"outcome\":\"APPROVED\"}").expect(201).json().path("approvalOffice").asText());
        positions("programme=YOUTH_CAREER_HELPER", 1);
        String committedBefore = committed("2018");
        assertEquals("30550.00", committedBefore); // 25,050.00 Ulm + 5,500.00
        post("/api/core/applications/" + helperApp + "/drawdowns", DISTRICT_USER, "{\"amount\":\"5500.00\"}").expect(201);
        today("2019-09-30T08:00:00Z");
        JsonNode proof = post("/api/core/applications/" + helperApp + "/proof-of-use", DISTRICT_USER, "{\"spent\":\"5500.00\",\"actuals\":"
                + "{\"positions\":[{\"months\":9,\"pupilsReached\":31,\"refugeePupils\":3,\"trainingContracts\":6}]}}").expect(201).json();
        assertEquals("4125.00", proof.path("accepted").asText());
        assertEquals("1375.00", proof.path("reclaim").asText());
        assertEquals("29175.00", committed("2018")); // the budget is committed for the accepted amount only
        // the report per school year: groups under 5 are suppressed
        JsonNode report = get(YC + "/reports?schoolYear=2018/19", APPROVER1).expect(200).json();
        JsonNode row = null;
        for (JsonNode r : report) {
            if (r.path("responsibleKey").asText().equals("08115")) {
                row = r;
            }
        }
        assertEquals("YOUTH_CAREER_HELPER", row.path("programme").asText());
        assertEquals(31, row.path("pupilsReached").asInt());
        assertTrue(row.path("refugeePupils").isNull());
        assertEquals(6, row.path("trainingContracts").asInt());
        // a body sees only its own report rows and positions
        assertEquals(1, get(YC + "/reports?schoolYear=2018/19", ULM_USER).json().size());
        get(YC + "/positions/" + ulmPositions.get(0).path("id").asLong(), MUNICIPALITY).expectProblem(404, "not-found");

        String console = console(new String[] {"admin"}, "yc:positions -p SCHOOL_SOCIAL_WORK -s 2018/19");
        assertTrue(console, console.contains(decision.path("number").asText()) && console.contains("16.700,00"));

        // the office lowers Ulm's approval (Änderungsbescheid): the positions' amounts follow, split by FTE as before
        post("/api/core/applications/" + ulmApp + "/decision/amendments", APPROVER2, "{\"amount\":\"22545.00\",\"reason\":\"Stelle 2 erst ab Oktober\"}")
                .expect(200);
        await("Stellen folgen der Änderung", Duration.ofSeconds(20), () -> "15030.00".equals(positions("schoolYear=2018/19&responsible=" + ULM, 2)
                .get(0).path("funded").asText()));
        assertEquals("7515.00", positions("schoolYear=2018/19&responsible=" + ULM, 2).get(1).path("funded").asText());

        // the operator removes the module: its REST answers 404, the core and integration management keep serving
        features.uninstallFeature(FEATURE, EnumSet.noneOf(FeaturesService.Option.class));
        await("Modul-REST antwortet 404", Duration.ofSeconds(30), () -> get(YC + "/positions", APPROVER1).status() == 404);
        get("/api/core/periods", APPROVER1).expect(200);
        get("/api/integration-management/positions", APPROVER1).expect(200);
        assertTrue(!get("/api/core/funding-areas", APPROVER1).body().contains("\"youth-career\""));
        assertEquals(158, count("SELECT COUNT(*) FROM yc_position")); // Ulm 2, Heidelberg 4, Stuttgart 149 + 1 + 1, Böblingen 1
        // a change while the module is away: it catches up when it comes back
        post("/api/core/applications/" + ulmApp + "/decision/amendments", APPROVER2, "{\"amount\":\"15030.00\",\"reason\":\"Stelle 1 nur halbes Jahr\"}")
                .expect(200);
        // ... and installs it again: the same data is back, with the amounts in force
        features.installFeature(FEATURE, EnumSet.noneOf(FeaturesService.Option.class));
        await("Modul-REST antwortet wieder", Duration.ofSeconds(30), () -> get(YC + "/positions", APPROVER1).status() == 200);
        await("Stellen holen die Änderung nach", Duration.ofSeconds(30), () -> "10020.00".equals(positions("schoolYear=2018/19&responsible=" + ULM, 2)
                .get(0).path("funded").asText()));
        JsonNode back = positions("schoolYear=2018/19&responsible=" + ULM, 2);
        assertEquals(ulmPositions.get(0).path("id").asLong(), back.get(0).path("id").asLong());
        assertEquals("5010.00", back.get(1).path("funded").asText());
        assertTrue(get("/api/core/audit/verify", AUDITOR).json().path("intact").asBoolean());
    }

    /** Bad input on every module endpoint: 4xx problem+json in German, and nothing changes. */
    @Test
    public void badInputOnEveryModuleEndpointIsRefusedAndChangesNothing() throws Exception {
        await("Modul antwortet", Duration.ofSeconds(60), () -> get(YC + "/positions", APPROVER1).status() == 200);
        long rows = count("SELECT (SELECT COUNT(*) FROM yc_school) + (SELECT COUNT(*) FROM yc_position) + (SELECT COUNT(*) FROM yc_report)");
        long audit = count("SELECT (SELECT COUNT(*) FROM audit_log) + (SELECT COUNT(*) FROM audit_pending)");
        String school = "{\"schoolNumber\":\"%s\",\"name\":\"%s\",\"municipalityKey\":\"%s\",\"schoolType\":\"%s\"%s}";
        post(YC + "/schools", APPROVER1, "{").expectProblem(400);
        post(YC + "/schools", APPROVER1, String.format(school, "12", "X", ULM, "GS", "")).expectProblem(400);
        post(YC + "/schools", APPROVER1, String.format(school, "04100009", "", ULM, "GS", "")).expectProblem(400);
        post(YC + "/schools", APPROVER1, String.format(school, "04100009", "X", ULM, "UNI", "")).expectProblem(400);
        post(YC + "/schools", APPROVER1, String.format(school, "04100009", "X", "08999999", "GS", "")).expectProblem(404);
        post(YC + "/schools", APPROVER1, String.format(school, "04100009", "X", ULM, "GS", ",\"classesVkl\":-1")).expectProblem(400);
        post(YC + "/schools", APPROVER1, String.format(school, "04100009", "X", ULM, "GS", ",\"classesVkl\":\"zwei\"")).expectProblem(400);
        post(YC + "/schools", APPROVER1, String.format(school, "04100009", "X", ULM, "GS", ",\"principal\":\"Frau X\"")).expectProblem(400);
        post(YC + "/schools", APPROVER1, String.format(school, "04100009", "X", ULM, "GS", ",\"name\":\"doppelt\"")).expectProblem(400, "duplicate-field");
        post(YC + "/schools", AUDITOR, String.format(school, "04100009", "X", ULM, "GS", "")).expectProblem(403);
        post(YC + "/schools", null, String.format(school, "04100009", "X", ULM, "GS", "")).expectProblem(401);
        get(YC + "/schools/99999999", APPROVER1).expectProblem(404);
        get(YC + "/positions/abc", APPROVER1).expectProblem(400);
        get(YC + "/positions/99999", APPROVER1).expectProblem(404);
        get(YC + "/positions?programme=ASTRONAUT", APPROVER1).expectProblem(400);
        get(YC + "/positions?schoolYear=2018", APPROVER1).expectProblem(400);
        get(YC + "/reports", APPROVER1).expectProblem(400);
        get(YC + "/reports?schoolYear=2018/20", APPROVER1).expectProblem(400);
        String pricing = YC + "/pricing?applicant=" + ULM + "&schoolYear=2018/19";
        post(pricing, ULM_USER, "{\"positions\":[]}").expectProblem(400);
        post(pricing, ULM_USER, "{\"programme\":\"SCHOOL_SOCIAL_WORK\",\"positions\":5}").expectProblem(400);
        post(pricing, ULM_USER, "{\"programme\":\"YOUTH_CAREER_HELPER\",\"positions\":[{\"fte\":\"1.5\"}]}").expectProblem(400);
        post(pricing, ULM_USER, "{\"programme\":\"YOUTH_CAREER_HELPER\",\"positions\":[{\"fte\":\"-0.5\"}]}").expectProblem(400);
        post(pricing, ULM_USER, "{\"programme\":\"YOUTH_CAREER_HELPER\",\"positions\":[{\"fte\":\"0.5\",\"months\":0}]}").expectProblem(400);
        post(pricing, ULM_USER, "{\"programme\":\"AVDUAL_COMPANION\"," + RESOLUTION + ",\"personnelCosts\":\"-5.00\",\"positions\":[{\"fte\":\"1\"}]}")
                .expectProblem(400); // Ulm is a Stadtkreis and may apply; negative costs are not costs
        post(YC + "/pricing?applicant=" + ULM + "&schoolYear=2018", ULM_USER, "{\"programme\":\"YOUTH_CAREER_HELPER\",\"positions\":[{\"fte\":\"0.5\"}]}")
                .expectProblem(400);
        // without an applicant: the user's own municipality; the office has to name it
        assertEquals("5500.00", post(YC + "/pricing?schoolYear=2018/19", ULM_USER, "{\"programme\":\"YOUTH_CAREER_HELPER\",\"positions\":[{\"fte\":\"0.5\"}]}")
                .expect(200).json().path("total").asText()); // 0.50 × 11,000.00
        assertEquals("applicant", post(YC + "/pricing?schoolYear=2018/19", APPROVER1, "{\"programme\":\"YOUTH_CAREER_HELPER\",\"positions\":[{\"fte\":\"0.5\"}]}")
                .expectProblem(400, "invalid-input").json().path("field").asText());
        post(YC + "/pricing?applicant=08111000&schoolYear=2018/19", ULM_USER, "{\"programme\":\"YOUTH_CAREER_HELPER\",\"positions\":[{\"fte\":\"0.5\"}]}")
                .expectProblem(403);
        // through the core: a payload this area cannot read
        post("/api/core/applications", ULM_USER, application(ULM, 2018, "1.00", "{\"programme\":\"KINDERGARTEN\",\"positions\":[]}")).expectProblem(400);
        // no term, and two school years start in the period: which one is asked for
        JsonNode noTerm = post("/api/core/applications", ULM_USER, "{\"applicantKey\":\"" + ULM + "\",\"areaId\":\"youth-career\",\"periodId\":\"2020-2021\","
                + "\"requested\":\"1.00\",\"payload\":{\"programme\":\"YOUTH_CAREER_HELPER\",\"positions\":[{\"fte\":\"0.5\"}]}}").expectProblem(400, "invalid-input").json();
        assertEquals("term", noTerm.path("field").asText());
        assertEquals("Im Förderzeitraum 2020-2021 beginnen Schuljahr 2020/21 und Schuljahr 2021/22; bitte den Zeitraum wählen (term).",
                noTerm.path("detail").asText());
        request("PUT", YC + "/schools", APPROVER1, "application/json", "{}").expectProblem(405);
        request("POST", YC + "/schools", APPROVER1, "text/plain", "x").expectProblem(415);
        post(YC + "/schools", APPROVER1, "{\"name\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}").expectProblem(413);

        assertEquals("something changed", rows, count("SELECT (SELECT COUNT(*) FROM yc_school) + (SELECT COUNT(*) FROM yc_position)"
                + " + (SELECT COUNT(*) FROM yc_report)"));
        assertEquals("audit grew", audit, count("SELECT (SELECT COUNT(*) FROM audit_log) + (SELECT COUNT(*) FROM audit_pending)"));
    }

    private long count(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
