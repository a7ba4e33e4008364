package de.paktwerk.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.EnumSet;
import java.util.Hashtable;
import java.util.List;
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
 * "Bürgerschaftliches Engagement und Zivilgesellschaft" on the real distribution: calls, the acceptance scenarios of
 * dialogues, alliances, projects of an association applying in its own name, jury scores and the ranking run (in score
 * order, within the call budget, in one transaction), four eyes above the area's threshold, passing on, the proof of
 * use with its reclaim, reports, bad input, removal and reinstallation. Amounts are worked out in the comments.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class CivicEngagementIT extends PaktwerkTestSupport {

    static final String FEATURE = "paktwerk-civic-engagement";
    static final String CE = "/api/civic-engagement";
    static final String ESSLINGEN = "08116";
    static final String ESSLINGEN_USER = "lkes";
    static final String HEILBRONN_USER = "lkhn";
    static final String RAPPENAU_USER = "rappenau";
    static final String VEREIN_USER = "verein";

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
        return composite(editConfigurationFilePut("etc/users.properties", ESSLINGEN_USER, STORED_PW + ",municipality,municipality:" + ESSLINGEN),
                editConfigurationFilePut("etc/users.properties", HEILBRONN_USER, STORED_PW + ",municipality,municipality:08125"),
                editConfigurationFilePut("etc/users.properties", RAPPENAU_USER, STORED_PW + ",municipality,municipality:08125006"),
                editConfigurationFilePut("etc/users.properties", VEREIN_USER, STORED_PW + ",provider"));
    }


    private long call(String title, String budget, String kinds) {
        return post(CE + "/calls", APPROVER1, "{\"title\":\"" + title + "\",\"budget\":\"" + budget + "\",\"deadline\":\"2019-10-10\",\"eligible\":"
                + "[\"GEMEINDE\",\"STADTKREIS\",\"LANDKREIS\",\"ASSOCIATION\",\"CHURCH_PARISH\",\"WELFARE_ASSOCIATION\"],\"kinds\":" + kinds
                + ",\"termEnd\":\"2021-03-31\"}").expect(201).json().path("id").asLong();
    }

    private static String application(String applicant, String requested, String payload) {
        return "{\"applicantKey\":\"" + applicant + "\",\"areaId\":\"civic-engagement\",\"periodId\":\"2019\",\"requested\":\"" + requested
                + "\",\"payload\":" + payload + "}";
    }

    private long submitted(String user, String body) {
        long id = fileAtItsPrice(user, body).json().path("id").asLong();
        post("/api/core/applications/" + id + "/submit", user, null).expect(200);
        return id;
    }

    private static String dialogue(String space, String grant) {
        return "{\"socialSpace\":\"" + space + "\",\"partners\":[\"Freundeskreis Asyl\"],\"themes\":[\"INTEGRATION\"],\"method\":\"OUTREACH\",\"grant\":\""
                + grant + "\"}";
    }

    private static String project(long call, String total, String own, String personnel, String grant, String start) {
        return "{\"callId\":" + call + ",\"kind\":\"PROJECT\",\"project\":{\"title\":\"Sprachcafé\",\"totalCosts\":\"" + total + "\",\"ownContribution\":\""
                + own + "\",\"personnelCosts\":\"" + personnel + "\",\"grant\":\"" + grant + "\",\"start\":\"" + start + "\",\"end\":\"2020-10-31\"}}";
    }

    private void fourEyesAbove(String amount) throws Exception {
        Configuration[] area = configurations.listConfigurations("(&(service.factoryPid=de.paktwerk.approval.area)(areaId=civic-engagement))");
        assertEquals(1, area.length);
        Dictionary<String, Object> p = area[0].getProperties();
        p.put("fourEyesThreshold", amount);
        area[0].update(p);
    }

    @Test
    public void callsDialoguesAlliancesProjectsRankingPassingOnAndProof() throws Exception {
        await("Modul antwortet", Duration.ofSeconds(60), () -> get(CE + "/calls", APPROVER1).status() == 200);
        assertTrue(get("/api/core/funding-areas", APPROVER1).body().contains("\"civic-engagement\""));
        String etc = System.getProperty("karaf.etc");
        assertTrue(Files.readString(Path.of(etc, "de.paktwerk.civicengagement.cfg")).contains("dialogueCap = 15000.00"));
        assertTrue(Files.readString(Path.of(etc, "de.paktwerk.approval.area-civicengagement.cfg")).contains("fourEyesThreshold = 40000.00"));
        await("Vier-Augen-Schwelle des Bereichs gelesen", Duration.ofSeconds(30), () -> {
            try {
                return configurations.listConfigurations("(areaId=civic-engagement)") != null;
            } catch (Exception e) {
                return false;
            }
        });
        put("/api/core/periods/2019/budgets/civic-engagement", APPROVER1, "{\"amount\":\"5000000.00\"}").expect(200);
        today("2019-09-01T08:00:00Z");
        long call = call("Gemeinsam in Vielfalt IV", "500000.00", "[\"DIALOGUE\",\"ALLIANCE\",\"PROJECT\"]");
        post(CE + "/calls", ESSLINGEN_USER, "{\"title\":\"x\"}").expectProblem(403);

        // Landkreis Esslingen: three dialogues at 15,000.00 -> 45,000.00; a fourth -> 409; one at 15,500.00 -> 422
        String three = "{\"callId\":" + call + ",\"kind\":\"DIALOGUE\",\"dialogues\":[" + dialogue("Nürtingen-Roßdorf", "15000.00") + ","
                + dialogue("Esslingen-Pliensauvorstadt", "15000.00") + "," + dialogue("Plochingen", "15000.00") + "]}";
        assertEquals("45000.00", post(CE + "/pricing?applicant=" + ESSLINGEN, ESSLINGEN_USER, three).expect(200).json().path("total").asText());
        long dialogues = submitted(ESSLINGEN_USER, application(ESSLINGEN, "45000.00", three));
        assertEquals("45000.00", get("/api/core/applications/" + dialogues, APPROVER1).json().path("priced").asText());
        String fourth = "{\"callId\":" + call + ",\"kind\":\"DIALOGUE\",\"dialogues\":[" + dialogue("Wendlingen", "10000.00") + "]}";
        assertEquals("Je Antragsteller höchstens drei Nachbarschaftsgespräche im Aufruf; beantragt sind bereits 3, hinzu kämen 1.",
                post("/api/core/applications", ESSLINGEN_USER, application(ESSLINGEN, "10000.00", fourth)).expectProblem(422, "rule-violated").json()
                        .path("detail").asText());
        String tooMuch = "{\"callId\":" + call + ",\"kind\":\"DIALOGUE\",\"dialogues\":[" + dialogue("Wendlingen", "15500.00") + "]}";
        assertEquals("Nachbarschaftsgespräch 1: höchstens 15.000,00 € je Nachbarschaftsgespräch, nicht 15.500,00 €.",
                post(CE + "/pricing?applicant=" + ESSLINGEN, ESSLINGEN_USER, tooMuch).expectProblem(422, "rule-violated").json().path("detail").asText());

        // alliances: Bad Rappenau regular 20,000.00 -> 422; Landkreis Heilbronn large 48,000.00
        String rappenau = "{\"callId\":" + call + ",\"kind\":\"ALLIANCE\",\"alliance\":{\"scale\":\"REGULAR\",\"themes\":[\"ENCOUNTER_PLACES\"],\"grant\":\"20000.00\"}}";
        assertEquals("Ein reguläres Bündnis erhält höchstens 15.000,00 €, nicht 20.000,00 €.", post("/api/core/applications", RAPPENAU_USER,
                application("08125006", "20000.00", rappenau)).expectProblem(422, "rule-violated").json().path("detail").asText());
        String heilbronn = "{\"callId\":" + call + ",\"kind\":\"ALLIANCE\",\"alliance\":{\"scale\":\"LARGE\",\"themes\":[\"WOMEN\",\"CHILDREN_AND_YOUTH\"],"
                + "\"partners\":[\"Gemeinden des Landkreises\"],\"grant\":\"48000.00\"}}";
        long alliance = submitted(HEILBRONN_USER, application("08125", "48000.00", heilbronn));
        assertEquals("48000.00", get("/api/core/applications/" + alliance, APPROVER1).json().path("priced").asText());

        // an association applies in its own name: personnel 5,000.00 of 12,000.00 (41.7 %) -> 422, 4,800.00 -> 12,000.00
        long verein = post("/api/core/municipalities/" + ESSLINGEN + "/providers", ESSLINGEN_USER, "{\"name\":\"Freundeskreis Asyl Esslingen e. V.\","
                + "\"kind\":\"ASSOCIATION\"}").expect(201).json().path("id").asLong();
        grantRole(VEREIN_USER, "provider:" + verein);
        assertEquals("Die Personalkosten von 5.000,00 € (41,7 % des Zuschusses) übersteigen die erlaubten 40 %.", post(CE + "/pricing?provider=" + verein,
                VEREIN_USER, project(call, "14000.00", "2000.00", "5000.00", "12000.00", "2019-11-01")).expectProblem(422, "rule-violated").json()
                .path("detail").asText());
        assertEquals("12000.00", post(CE + "/pricing?provider=" + verein, VEREIN_USER, project(call, "14000.00", "2000.00", "4800.00", "12000.00",
                "2019-11-01")).expect(200).json().path("total").asText());
        // the proof-of-use scenario: 20,000.00 on a total of 24,000.00 with 4,000.00 own
        long projectApp = submitted(VEREIN_USER, "{\"applicantKey\":\"" + ESSLINGEN + "\",\"areaId\":\"civic-engagement\",\"periodId\":\"2019\","
                + "\"requested\":\"20000.00\",\"providerId\":" + verein + ",\"applicantKind\":\"PROVIDER\",\"payload\":"
                + project(call, "24000.00", "4000.00", "8000.00", "20000.00", "2019-11-01") + "}");

        // the jury after the deadline: scores, a preview, the run in score order; four eyes above 40,000.00
        post(CE + "/calls/" + call + "/ranking", APPROVER1, null).expectProblem(409, "conflict"); // before the deadline
        today("2019-10-14T08:00:00Z");
        assertTrue(get(CE + "/calls/" + call + "/ranking", APPROVER1).expectProblem(409, "conflict").json().path("detail").asText()
                .startsWith("3 eingereichte Anträge des Aufrufs sind noch nicht bewertet"));
        put(CE + "/applications/" + dialogues + "/score", APPROVER1, "{\"score\":80}").expect(200);
        put(CE + "/applications/" + alliance + "/score", APPROVER1, "{\"score\":90}").expect(200);
        put(CE + "/applications/" + projectApp + "/score", APPROVER1, "{\"score\":101}").expectProblem(400);
        put(CE + "/applications/" + projectApp + "/score", APPROVER1, "{\"score\":70}").expect(200);
        JsonNode preview = get(CE + "/calls/" + call + "/ranking", APPROVER1).expect(200).json();
        JsonNode run = post(CE + "/calls/" + call + "/ranking", APPROVER1, null).expect(200).json();
        assertEquals(preview.path("places"), run.path("places"));
        assertEquals(List.of(alliance, dialogues, projectApp), ids(run));
        assertEquals("113000.00", run.path("approvedNow").asText()); // 48,000 + 45,000 + 20,000
        assertEquals("387000.00", run.path("left").asText());
        assertEquals(0, get(CE + "/calls/" + call + "/ranking", APPROVER1).json().path("places").size()); // nothing left to rank
        // above the area's threshold of 40,000.00 per applicant: Heilbronn's 48,000.00, Esslingen's 45,000.00 and, on top of those for
        // Esslingen, the association's 20,000.00 (its applicant is Esslingen's provider): a second approver confirms each
        for (long app : new long[] {alliance, dialogues, projectApp}) {
            assertTrue(get("/api/core/applications/" + app + "/decision", APPROVER1).json().path("needsConfirmation").asBoolean());
            assertEquals("SUBMITTED", get("/api/core/applications/" + app, APPROVER1).json().path("state").asText());
            post("/api/core/applications/" + app + "/decision/confirm", APPROVER2, null).expect(200);
        }

        // dialogues: events and agreed strategies
        await("Gespräche aus dem Bescheid erfasst", Duration.ofSeconds(20), () -> get(CE + "/dialogues?applicant=" + ESSLINGEN, ESSLINGEN_USER).json().size() == 3);
        long d1 = get(CE + "/dialogues?applicant=" + ESSLINGEN, ESSLINGEN_USER).json().get(0).path("id").asLong();
        today("2020-03-02T08:00:00Z");
        post(CE + "/dialogues/" + d1 + "/events", ESSLINGEN_USER, "{\"date\":\"2020-02-20\",\"participants\":64,\"migrants\":21}").expect(201);
        long strategy = post(CE + "/dialogues/" + d1 + "/strategies", ESSLINGEN_USER, "{\"title\":\"Treffpunkt\",\"measure\":\"Begegnungscafé im"
                + " Bürgerhaus\",\"owner\":\"Stadtteilverein\",\"dueDate\":\"2020-09-30\"}").expect(201).json().path("id").asLong();
        assertEquals("DONE", post(CE + "/strategies/" + strategy + "/status", ESSLINGEN_USER, "{\"status\":\"DONE\"}").expect(200).json()
                .path("status").asText());
        JsonNode d = get(CE + "/dialogues/" + d1, APPROVER1).expect(200).json();
        assertEquals(64, d.path("participants").asInt());
        assertEquals(1, d.path("strategiesDone").asInt());
        get(CE + "/dialogues/" + d1, RAPPENAU_USER).expectProblem(404);

        // passing on: never more than the grant of 45,000.00
        await("Zuschuss erfasst", Duration.ofSeconds(20), () -> get(CE + "/grants/" + dialogues, ESSLINGEN_USER).status() == 200);
        long sub = post(CE + "/grants/" + dialogues + "/sub-grants", ESSLINGEN_USER, "{\"recipient\":\"Bürgerverein Roßdorf\",\"amount\":\"30000.00\","
                + "\"purpose\":\"Moderation des Gesprächs\"}").expect(201).json().path("id").asLong();
        assertEquals("Die Weiterleitungen überstiegen den Zuschuss: 30.000,00 € von 45.000,00 € sind weitergeleitet, 20.000,00 € passen nicht mehr hinein.",
                post(CE + "/grants/" + dialogues + "/sub-grants", ESSLINGEN_USER, "{\"recipient\":\"Verein B\",\"amount\":\"20000.00\",\"purpose\":\"x\"}")
                        .expectProblem(409, "conflict").json().path("detail").asText());
        post(CE + "/grants/" + dialogues + "/sub-grants", ESSLINGEN_USER, "{\"recipient\":\"Verein B\",\"amount\":\"15000.00\",\"purpose\":\"Saalmiete\"}")
                .expect(201);
        assertEquals("45000.00", get(CE + "/grants/" + dialogues, APPROVER1).json().path("passedOn").asText());
        assertEquals("28000.00", post(CE + "/sub-grants/" + sub + "/proof", ESSLINGEN_USER, "{\"spent\":\"28000.00\",\"report\":\"Drei Abende\"}")
                .expect(200).json().path("spent").asText());
        post(CE + "/grants/" + dialogues + "/sub-grants", APPROVER1, "{\"recipient\":\"X\",\"amount\":\"1.00\",\"purpose\":\"x\"}").expectProblem(403);
        // the office lowers the grant below what is passed on already (Änderungsbescheid): nothing more fits, and the answer says why
        post("/api/core/applications/" + dialogues + "/decision/amendments", APPROVER2, "{\"amount\":\"44000.00\",\"reason\":\"Ein Abend entfällt.\"}")
                .expect(200);
        assertEquals("Die Weiterleitungen überstiegen den Zuschuss: 45.000,00 € von 44.000,00 € sind weitergeleitet, 1,00 € passen nicht mehr hinein.",
                post(CE + "/grants/" + dialogues + "/sub-grants", ESSLINGEN_USER, "{\"recipient\":\"Verein C\",\"amount\":\"1.00\",\"purpose\":\"x\"}")
                        .expectProblem(409, "conflict").json().path("detail").asText());
        // at once: ten sub-grants of 10,000.00 against Heilbronn's 48,000.00 -> exactly four, never more than the grant
        await("Zuschuss Heilbronn erfasst", Duration.ofSeconds(20), () -> get(CE + "/grants/" + alliance, HEILBRONN_USER).status() == 200);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(10);
        List<java.util.concurrent.Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            int n = i;
            answers.add(pool.submit(() -> post(CE + "/grants/" + alliance + "/sub-grants", HEILBRONN_USER, "{\"recipient\":\"Verein " + n
                    + "\",\"amount\":\"10000.00\",\"purpose\":\"Treffpunkt\"}").status()));
        }
        List<Integer> statuses = new ArrayList<>();
        for (java.util.concurrent.Future<Integer> f : answers) {
            statuses.add(f.get());
        }
        pool.shutdown();
        assertEquals(statuses.toString(), 4, statuses.stream().filter(x -> x == 201).count());
        assertEquals(statuses.toString(), 6, statuses.stream().filter(x -> x == 409).count());
        assertEquals("40000.00", get(CE + "/grants/" + alliance, APPROVER1).json().path("passedOn").asText());
        assertEquals(4, get(CE + "/grants/" + alliance + "/sub-grants", HEILBRONN_USER).json().size());

        // proof of use: actual total 18,000.00 with 4,000.00 own -> min(20,000; 14,000; 16,200) = 14,000.00; drawn 20,000.00 -> reclaim 6,000.00
        post("/api/core/applications/" + projectApp + "/drawdowns", VEREIN_USER, "{\"amount\":\"20000.00\"}").expect(201);
        today("2020-12-15T08:00:00Z");
        JsonNode proof = post("/api/core/applications/" + projectApp + "/proof-of-use", VEREIN_USER, "{\"spent\":\"20000.00\",\"actuals\":{\"report\":"
                + "{\"text\":\"Sprachcafé an 40 Abenden\",\"events\":40,\"participants\":380,\"volunteers\":12},\"totalCosts\":\"18000.00\","
                + "\"ownContribution\":\"4000.00\",\"personnelCosts\":\"5000.00\"}}").expect(201).json();
        assertEquals("14000.00", proof.path("accepted").asText());
        assertEquals("6000.00", proof.path("reclaim").asText());

        // reports: per kind and per applicant (groups under 5 suppressed)
        JsonNode report = get(CE + "/reports/calls/" + call, APPROVER1).expect(200).json();
        for (JsonNode r : report) {
            if (r.path("kind").asText().equals("PROJECT")) {
                assertEquals("20000.00", r.path("approvedAmount").asText());
                assertEquals("14000.00", r.path("accepted").asText());
                assertEquals(380, r.path("participants").asInt());
            }
        }
        JsonNode own = get(CE + "/reports/calls/" + call + "/applicants", VEREIN_USER).expect(200).json();
        assertEquals(1, own.size());
        assertEquals(verein, own.get(0).path("providerId").asLong());
        String console = console(new String[] {"admin"}, "ce:calls");
        assertTrue(console, console.contains("Gemeinsam in Vielfalt IV") && console.contains("500.000,00"));

        // the operator removes the module: its REST answers 404, the core and the other areas keep serving
        features.uninstallFeature(FEATURE, EnumSet.noneOf(FeaturesService.Option.class));
        await("Modul-REST antwortet 404", Duration.ofSeconds(30), () -> get(CE + "/calls", APPROVER1).status() == 404);
        get("/api/core/periods", APPROVER1).expect(200);
        get("/api/language-courses/courses", APPROVER1).expect(200);
        assertEquals(6, count("SELECT COUNT(*) FROM ce_subgrant")); // Esslingen 2, Heilbronn 4
        features.installFeature(FEATURE, EnumSet.noneOf(FeaturesService.Option.class));
        await("Modul-REST antwortet wieder", Duration.ofSeconds(30), () -> get(CE + "/calls", APPROVER1).status() == 200);
        assertEquals(2, get(CE + "/grants/" + dialogues + "/sub-grants", ESSLINGEN_USER).expect(200).json().size());
        assertTrue(get("/api/core/audit/verify", AUDITOR).json().path("intact").asBoolean());
    }

    private static List<Long> ids(JsonNode ranking) {
        List<Long> ids = new ArrayList<>();
        ranking.path("places").forEach(p -> {
            if (!p.path("outcome").asText().equals("NOT_FUNDED")) {
                ids.add(p.path("applicationId").asLong());
            }
        });
        return ids;
    }

    /**
     * 120 scored applications for 1,675,000.00: the run approves in score order (ties by the earlier application) within
     * the budget, equals its preview, and is one transaction — a decision the core refuses undoes the whole run.
     */
    @Test
    public void aCallOf120ScoredApplicationsIsRankedInOneTransaction() throws Exception {
        await("Modul antwortet", Duration.ofSeconds(60), () -> get(CE + "/calls", APPROVER1).status() == 200);
        fourEyesAbove("100000000.00"); // this scenario is about the ranking, not the second approver
        put("/api/core/periods/2019/budgets/civic-engagement", APPROVER1, "{\"amount\":\"50000000.00\"}").expect(200);
        today("2019-09-01T08:00:00Z");
        long call = call("Qualifiziert.Engagiert. II", "1675000.00", "[\"PROJECT\"]");
        String[][] applicants = {{MUNICIPALITY, "08111000"}, {ULM_USER, "08421000"}, {DISTRICT_USER, "08115"}};
        List<Long> apps = new ArrayList<>();
        long late = -1;
        for (int i = 0; i < 120; i++) {
            long grant = 10_000 + (i * 2_357L) % 30_001; // whole euros between 10,000 and 40,000
            String start = i == 57 ? "2019-10-12" : "2019-11-01"; // one starts before the run and the core refuses its approval
            String[] who = applicants[i % 3];
            long own = grant / 5; // 20 % of the grant, 16.7 % of the total
            long id = submitted(who[0], application(who[1], grant + ".00", project(call, (grant + own) + ".00", own + ".00", "0.00", grant + ".00",
                    start)));
            apps.add(id);
            if (i == 57) {
                late = id;
            }
        }
        today("2019-10-15T08:00:00Z");
        for (int i = 0; i < apps.size(); i++) {
            int score = apps.get(i) == late ? 100 : (i * 37) % 11 * 9; // many ties
            put(CE + "/applications/" + apps.get(i) + "/score", APPROVER1, "{\"score\":" + score + "}").expect(200);
        }
        JsonNode preview = get(CE + "/calls/" + call + "/ranking", APPROVER1).expect(200).json();
        assertEquals(preview, get(CE + "/calls/" + call + "/ranking", APPROVER1).expect(200).json()); // same input, same result
        assertEquals(late, preview.path("places").get(0).path("applicationId").asLong());
        // the top-ranked project started before the decision: the core refuses it, and no other application is decided either
        post(CE + "/calls/" + call + "/ranking", APPROVER1, null).expectProblem(422, "rule-violated");
        assertEquals(0, count("SELECT COUNT(*) FROM decision d JOIN application a ON a.id = d.application_id WHERE a.area_id = 'civic-engagement'"
                + " AND a.id >= " + apps.get(0)));
        post("/api/core/applications/" + late + "/decision", APPROVER1, "{\"outcome\":\"REJECTED\"}").expect(201);
        JsonNode expected = get(CE + "/calls/" + call + "/ranking", APPROVER1).expect(200).json();
        JsonNode run = post(CE + "/calls/" + call + "/ranking", APPROVER1, null).expect(200).json();
        assertEquals(expected.path("places"), run.path("places"));
        assertEquals(119, run.path("places").size());
        long approved = 0;
        int previousScore = Integer.MAX_VALUE;
        long previousId = -1;
        for (JsonNode p : run.path("places")) {
            int score = p.path("score").asInt();
            long id = p.path("applicationId").asLong();
            assertTrue(score < previousScore || score == previousScore && id > previousId);
            previousScore = score;
            previousId = id;
            approved += new java.math.BigDecimal(p.path("amount").asText()).movePointRight(2).longValueExact();
        }
        assertTrue(approved <= 167_500_000L);
        assertEquals(approved, count("SELECT COALESCE(SUM(d.amount_cents), 0) FROM decision d JOIN application a ON a.id = d.application_id"
                + " WHERE a.area_id = 'civic-engagement' AND a.id >= " + apps.get(0) + " AND d.outcome <> 'REJECTED'"));
        assertEquals(String.format("%d.%02d", approved / 100, approved % 100), run.path("approvedNow").asText());
        // every application the run skipped asked for more than was left at its turn, and what is left only shrinks: a second run funds nothing
        JsonNode again = get(CE + "/calls/" + call + "/ranking", APPROVER1).expect(200).json();
        assertEquals("0.00", again.path("approvedNow").asText());
        assertEquals(run.path("left").asText(), again.path("left").asText());
        fourEyesAbove("40000.00");
    }

    /** Bad input on the module's endpoints: 4xx problem+json in German, and nothing changes. */
    @Test
    public void badInputIsRefusedAndChangesNothing() throws Exception {
        await("Modul antwortet", Duration.ofSeconds(60), () -> get(CE + "/calls", APPROVER1).status() == 200);
        long rows = count("SELECT (SELECT COUNT(*) FROM ce_call) + (SELECT COUNT(*) FROM ce_score) + (SELECT COUNT(*) FROM ce_subgrant)"
                + " + (SELECT COUNT(*) FROM ce_event) + (SELECT COUNT(*) FROM ce_strategy)");
        long audit = count("SELECT (SELECT COUNT(*) FROM audit_log) + (SELECT COUNT(*) FROM audit_pending)");
        String okCall = "{\"title\":\"T\",\"budget\":\"%s\",\"deadline\":\"2019-10-10\",\"eligible\":[\"GEMEINDE\"],\"kinds\":[\"%s\"]%s}";
        post(CE + "/calls", APPROVER1, "{").expectProblem(400);
        post(CE + "/calls", APPROVER1, String.format(okCall, "-5.00", "PROJECT", "")).expectProblem(400);
        post(CE + "/calls", APPROVER1, String.format(okCall, "100000.00", "KINDERGARTEN", "")).expectProblem(400);
        post(CE + "/calls", APPROVER1, String.format(okCall, "100000.00", "PROJECT", ",\"grantMax\":\"200000.00\"")).expectProblem(400);
        post(CE + "/calls", APPROVER1, String.format(okCall, "100000.00", "PROJECT", ",\"jury\":\"Frau X\"")).expectProblem(400);
        post(CE + "/calls", APPROVER1, String.format(okCall, "100000.00", "PROJECT", ",\"title\":\"doppelt\"")).expectProblem(400, "duplicate-field");
        post(CE + "/calls", AUDITOR, String.format(okCall, "100000.00", "PROJECT", "")).expectProblem(403);
        post(CE + "/calls", null, String.format(okCall, "100000.00", "PROJECT", "")).expectProblem(401);
        get(CE + "/calls/abc", APPROVER1).expectProblem(400);
        get(CE + "/calls/999999", APPROVER1).expectProblem(404);
        post(CE + "/pricing?applicant=08116", ESSLINGEN_USER, "{\"kind\":\"PROJECT\"}").expectProblem(400);
        post(CE + "/pricing?applicant=08116", ESSLINGEN_USER, "{\"callId\":999999,\"kind\":\"PROJECT\"}").expectProblem(404);
        post(CE + "/pricing?applicant=08111000", ESSLINGEN_USER, "{\"callId\":1,\"kind\":\"PROJECT\"}").expectProblem(403);
        post(CE + "/pricing", APPROVER1, "{\"callId\":1,\"kind\":\"PROJECT\"}").expectProblem(400); // the office names the applicant
        put(CE + "/applications/999999/score", APPROVER1, "{\"score\":50}").expectProblem(404);
        put(CE + "/applications/1/score", ESSLINGEN_USER, "{\"score\":50}").expectProblem(403);
        post(CE + "/calls/999999/ranking", APPROVER1, null).expectProblem(404);
        get(CE + "/grants/999999", APPROVER1).expectProblem(404);
        post(CE + "/grants/999999/sub-grants", ESSLINGEN_USER, "{\"recipient\":\"V\",\"amount\":\"1.00\",\"purpose\":\"x\"}").expectProblem(404);
        post(CE + "/grants/999999/sub-grants", ESSLINGEN_USER, "{\"recipient\":\"V\",\"amount\":\"-1.00\",\"purpose\":\"x\"}").expectProblem(404);
        post(CE + "/sub-grants/999999/proof", ESSLINGEN_USER, "{\"spent\":\"1.00\",\"report\":\"x\"}").expectProblem(404);
        get(CE + "/dialogues/999999", APPROVER1).expectProblem(404);
        post(CE + "/dialogues/999999/events", ESSLINGEN_USER, "{\"date\":\"2019-01-01\",\"participants\":5}").expectProblem(404);
        post(CE + "/strategies/999999/status", ESSLINGEN_USER, "{\"status\":\"DONE\"}").expectProblem(404);
        get(CE + "/dialogues?call=x", APPROVER1).expectProblem(400);
        get(CE + "/reports/calls/999999", APPROVER1).expectProblem(404);
        request("PUT", CE + "/calls", APPROVER1, "application/json", "{}").expectProblem(405);
        request("POST", CE + "/calls", APPROVER1, "text/plain", "x").expectProblem(415);
        post(CE + "/calls", APPROVER1, "{\"title\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}").expectProblem(413);
        assertEquals("something changed", rows, count("SELECT (SELECT COUNT(*) FROM ce_call) + (SELECT COUNT(*) FROM ce_score) + (SELECT COUNT(*)"
                + " FROM ce_subgrant) + (SELECT COUNT(*) FROM ce_event) + (SELECT COUNT(*) FROM ce_strategy)"));
        assertEquals("audit grew", audit, count("SELECT (SELECT COUNT(*) FROM audit_log) + (SELECT COUNT(*) FROM audit_pending)"));
    }

    private long count(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
