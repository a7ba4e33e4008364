package de.paktwerk.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import static org.junit.Assume.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.time.LocalDate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.osgi.framework.Bundle;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * Every endpoint × role: 401 without credentials, 403 outside the role or scope, and through to the
 * resource (2xx, or a 4xx about the input) with the right role. Plus API tokens, the hardened shipped
 * users, and deletion of case data after the retention period with the audit chain intact.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SecurityIT extends PaktwerkTestSupport {

    /** What a role gets: U = 401, F = 403, A = allowed (neither 401 nor 403). */
    enum E { U, F, A }

    record Row(String method, String path, String body, Map<String, E> expected) {
    }

    static final String NONE = "(anonym)";
    static final List<String> USERS = List.of(NONE, NOBODY, MUNICIPALITY, ULM_USER, APPROVER1, AUDITOR, CASEWORKER);

    /** Expectations in the order of USERS: anonymous, viewer, Stuttgart, Ulm, approver, auditor, caseworker. */
    static Row row(String method, String path, String body, String expectations) {
        Map<String, E> m = new LinkedHashMap<>();
        String[] parts = expectations.split(" ");
        for (int i = 0; i < USERS.size(); i++) {
            m.put(USERS.get(i), E.valueOf(parts[i]));
        }
        return new Row(method, path, body, m);
    }

    @Test
    public void everyEndpointByRole() {
        await("Modul antwortet", Duration.ofSeconds(30), () -> get("/api/integration-management/positions", APPROVER1).status() == 200);
        String c = "/api/core";
        String im = "/api/integration-management";
        List<Row> table = new ArrayList<>(List.of(
                //                                                                                  anon view stgt ulm  appr aud  case
                row("GET", c + "/periods", null, "U A A A A A A"),
                row("GET", c + "/periods/2017/budgets", null, "U A A A A A A"),
                row("PUT", c + "/periods/2017/budgets/x-area", "{}", "U F F F A F F"),
                row("GET", c + "/municipalities?limit=1", null, "U A A A A A A"),
                row("GET", c + "/municipalities/08111000", null, "U A A A A A A"),
                row("GET", c + "/municipalities/08111000/refugee-counts", null, "U A A A A A A"),
                row("POST", c + "/refugee-counts", "", "U F F F A F F"),
                row("GET", c + "/delegations?area=x-area", null, "U A A A A A A"),
                row("POST", c + "/municipalities/08115003/delegations", "{}", "U F F F A F F"),
                row("DELETE", c + "/municipalities/08115003/delegations/x-area", null, "U F F F A F F"),
                row("GET", c + "/municipalities/08111000/providers", null, "U F A F A A F"),
                row("POST", c + "/municipalities/08111000/providers", "{}", "U F A F A F F"),
                row("GET", c + "/distributions", null, "U A A A A A A"),
                row("POST", c + "/distributions", "{}", "U F F F A F F"),
                row("GET", c + "/distributions/999/shares", null, "U A A A A A A"),
                row("GET", c + "/distributions/999/difference", null, "U A A A A A A"),
                row("POST", c + "/applications", "{\"applicantKey\":\"08111000\"}", "U F A F A F F"),
                row("POST", c + "/applications/pricing", "{\"applicantKey\":\"08111000\"}", "U F A F A F F"),
                row("GET", c + "/applications?applicant=08111000", null, "U F A F A A F"),
                row("POST", c + "/applications/999/submit", null, "U F A A A F F"),
                row("POST", c + "/applications/999/withdraw", null, "U F A A A F F"),
                row("POST", c + "/applications/999/decision", "{}", "U F F F A F F"),
                row("POST", c + "/applications/999/decision/confirm", null, "U F F F A F F"),
                row("POST", c + "/applications/999/decision/return", "{\"reason\":\"x\"}", "U F F F A F F"),
                row("GET", c + "/decisions/awaiting-confirmation", null, "U F F F A F F"),
                row("POST", c + "/applications/999/drawdowns", "{}", "U F A A A F F"),
                row("POST", c + "/applications/999/proof-of-use", "{}", "U F A A A F F"),
                row("GET", c + "/reclaims?debtor=08111000", null, "U F A F A A F"),
                row("GET", c + "/funding-areas", null, "U A A A A A A"),
                row("GET", c + "/audit?entityType=budget&entityId=x", null, "U F F F A A F"),
                row("GET", c + "/audit/verify", null, "U F F F A A F"),
                row("GET", c + "/modules", null, "U F F F F A F"),
                row("GET", c + "/session", null, "U A A A A A A"),
                row("POST", c + "/session", null, "U A A A A A A"),
                row("GET", c + "/audit?actor=approver1&from=2020-01-01", null, "U F F F A A F"),
                row("GET", c + "/openapi.json", null, "A A A A A A A"),
                row("GET", c + "/health", null, "A A A A A A A"),
                row("GET", im + "/positions", null, "U F A A A A A"),
                row("GET", im + "/positions/999", null, "U F A A A A A"),
                row("POST", im + "/positions", "{\"responsibleKey\":\"08111000\"}", "U F A F A F F"),
                row("POST", im + "/pricing", "{}", "U F A A A F F"),
                row("POST", im + "/cases", "{\"id\":\"X-2\",\"municipalityKey\":\"08111000\",\"positionId\":999,\"birthYear\":1990,"
                        + "\"country\":\"SYR\",\"householdSize\":1,\"arrivalDate\":\"2016-01-01\"}", "U F F F F F F"),
                row("GET", im + "/cases", null, "U F F F F F A"),
                row("GET", im + "/cases/X-1", null, "U F F F F F A"),
                row("PUT", im + "/cases/X-1/plan", "{}", "U F F F F F A"),
                row("GET", im + "/cases/X-1/plan", null, "U F F F F F A"),
                row("POST", im + "/cases/X-1/plan/reviews", "{}", "U F F F F F A"),
                row("GET", im + "/reviews/overdue", null, "U F A A F F A"),
                row("GET", im + "/reports/08111000", null, "U F A F A A F"),
                row("GET", im + "/openapi.json", null, "A A A A A A A")));
        List<String> wrong = new ArrayList<>();
        for (Row r : table) {
            for (Map.Entry<String, E> e : r.expected().entrySet()) {
                String user = NONE.equals(e.getKey()) ? null : e.getKey();
                Resp resp = request(r.method(), r.path(), user, r.body() == null ? null : r.path().endsWith("refugee-counts") ? "text/csv"
                        : "application/json", r.body());
                E got = resp.status() == 401 ? E.U : resp.status() == 403 ? E.F : E.A;
                if (got != e.getValue() || resp.status() >= 500) {
                    wrong.add(r.method() + " " + r.path() + " als " + e.getKey() + ": erwartet " + e.getValue() + ", war " + resp.status());
                }
                if (got != E.A && !String.valueOf(resp.contentType()).startsWith("application/problem+json")) {
                    wrong.add(r.method() + " " + r.path() + " als " + e.getKey() + ": keine problem+json-Antwort");
                }
            }
        }
        assertTrue(String.join("\n", wrong), wrong.isEmpty());
    }

    @Test
    public void aDistrictActsForTheMunicipalitiesThatDelegatedToIt() {
        await("Modul antwortet", Duration.ofSeconds(30), () -> get("/api/integration-management/positions", APPROVER1).status() == 200);
        String leonberg = "08115028";
        get("/api/integration-management/reports/" + leonberg, DISTRICT_USER).expectProblem(403);
        post("/api/core/municipalities/" + leonberg + "/delegations", APPROVER1, "{\"areaId\":\"integration-management\"}").expect(201);
        assertEquals(200, get("/api/integration-management/reports/" + leonberg, DISTRICT_USER).status());
        // but not for a municipality of its district that kept the task
        get("/api/integration-management/reports/08115003", DISTRICT_USER).expectProblem(403);
    }

    @Test
    public void apiTokensActAsTheirUserAndCanBeRevoked() throws Exception {
        String out = console(new String[] {"admin"}, "paktwerk:token-create " + APPROVER1 + " 'Fachverfahren Test'");
        Matcher m = Pattern.compile("(pw_[A-Za-z0-9]{40})").matcher(out);
        assertTrue(out, m.find());
        String token = m.group(1);
        Matcher id = Pattern.compile("Token (\\d+) für").matcher(out);
        assertTrue(out, id.find());
        assertEquals(200, request("GET", "/api/core/periods", null, null, null, "Authorization", "Bearer " + token).status());
        // the token carries the approver's roles: it passes the role check of a distribution run (and then fails on the input)
        assertEquals(400, request("POST", "/api/core/distributions", null, "application/json", "{}", "Authorization", "Bearer " + token).status());
        assertEquals(401, request("GET", "/api/core/periods", null, null, null, "Authorization", "Bearer pw_" + "x".repeat(40)).status());
        assertFalse(console(new String[] {"admin"}, "paktwerk:tokens").contains(token));
        console(new String[] {"admin"}, "paktwerk:token-revoke " + id.group(1));
        assertEquals(401, request("GET", "/api/core/periods", null, null, null, "Authorization", "Bearer " + token).status());
    }

    @Test
    public void healthAnswersWithoutCredentialsAndSaysNothingElse() {
        Resp health = get("/api/core/health", null).expect(200);
        assertEquals("{\"status\":\"UP\"}", health.body());
    }

    @Test
    public void theShippedDistributionHasNoDefaultLogin() throws Exception {
        assertEquals(401, request("GET", "/api/core/periods", "karaf", null, null, "Authorization",
                "Basic " + java.util.Base64.getEncoder().encodeToString("karaf:karaf".getBytes())).status());
        for (String line : Files.readAllLines(Path.of(System.getProperty("karaf.etc"), "users.properties"))) {
            if (line.startsWith("karaf")) {
                fail("Standardbenutzer karaf ist aktiv: " + line);
            }
        }
        // admin exists, created at first start from PAKTWERK_ADMIN_PASSWORD, and its password is stored hashed
        String admin = Files.readAllLines(Path.of(System.getProperty("karaf.etc"), "users.properties")).stream()
                .filter(l -> l.startsWith("admin")).findFirst().orElseThrow();
        assertTrue(admin, admin.contains("{CRYPT}"));
        // bcrypt, salted and slow: the stored value is the hex of "$2a$10$…" (cost 10), not an unsalted SHA-256
        assertTrue(admin, admin.contains("{CRYPT}2432612431302" + "4"));
        assertEquals(200, get("/api/core/periods", "admin").status());
    }

    @Test
    public void caseDataIsDeletedAfterTheRetentionPeriodAndTheAuditChainStillVerifies() throws Exception {
        await("Modul antwortet", Duration.ofSeconds(30), () -> get("/api/integration-management/positions", APPROVER1).status() == 200);
        long position = post("/api/integration-management/positions", APPROVER1, "{\"responsibleKey\":\"08111000\",\"managerName\":\"D\","
                + "\"fte\":\"1\",\"qualification\":\"SOCIAL_WORK\",\"hireDate\":\"2016-01-01\"}").expect(201).json().path("id").asLong();
        grantRole(CASEWORKER, "position:" + position);
        String kase = "{\"id\":\"%s\",\"municipalityKey\":\"08111000\",\"positionId\":" + position
                + ",\"birthYear\":1980,\"country\":\"IRQ\",\"householdSize\":3,\"arrivalDate\":\"2015-06-01\",\"counsellingStart\":\"2016-01-01\"}";
        post("/api/integration-management/cases", CASEWORKER, String.format(kase, "OLD-1")).expect(201);
        // still open and within its latest possible end: stays
        post("/api/integration-management/cases", CASEWORKER, String.format(kase, "OPEN-1").replace("2016-01-01",
                LocalDate.now().minusMonths(1).toString())).expect(201);
        // never closed: counselling from 2010 could have lasted until 2013 at most; 24 months later it is deleted
        post("/api/integration-management/cases", CASEWORKER, String.format(kase, "NEVER-CLOSED").replace("2016-01-01", "2010-01-01")
                .replace("2015-06-01", "2009-06-01")).expect(201);
        put("/api/integration-management/cases/OLD-1/plan", CASEWORKER, "{\"agreedOn\":\"2016-02-01\",\"reviewIntervalMonths\":6,"
                + "\"goals\":[{\"lifeArea\":\"HOUSING\",\"description\":\"Wohnung\"}]}").expect(200);
        post("/api/integration-management/cases/OLD-1/closing", CASEWORKER, "{\"end\":\"2018-12-31\"}").expect(200);

        String out = console(new String[] {"admin"}, "im:purge");
        assertTrue(out, out.contains("OLD-1") && out.contains("NEVER-CLOSED") && !out.contains("OPEN-1"));
        // the console user who ran it is recorded, not a fixed word
        assertTrue(get("/api/core/audit?entityType=im_case&entityId=NEVER-CLOSED", AUDITOR).expect(200).body()
                .contains("\"actor\":\"itest-admin\""));
        get("/api/integration-management/cases/OLD-1", CASEWORKER).expectProblem(404);
        get("/api/integration-management/cases/OPEN-1", CASEWORKER).expect(200);
        assertTrue(get("/api/core/audit/verify", AUDITOR).json().path("intact").asBoolean());
        // the audit keeps only the pseudonymous id: no birth year, country or plan content
        // (the hashes are left out of the scan: a SHA-256 in hex may contain "1980" by chance, as one CI run showed)
        String trail = get("/api/core/audit?entityType=im_case&entityId=OLD-1", AUDITOR).expect(200).body()
                .replaceAll("\"(prevHash|hash)\":\"[0-9a-f]{64}\"", "");
        assertTrue(trail, trail.contains("\"delete\"") && !trail.contains("IRQ") && !trail.contains("1980"));
    }

    /** The test area with a budget and a final distribution for 2019, once per container. */
    private void testAreaWithBudget2019() throws Exception {
        Bundle area = bundleContext.installBundle("mvn:de.paktwerk/paktwerk-test-area/" + System.getProperty("paktwerk.version"));
        if (area.getState() != Bundle.ACTIVE) {
            area.start();
        }
        await("Testbereich installiert", Duration.ofSeconds(20), () -> get("/api/core/funding-areas", APPROVER1).body().contains("test-area"));
        if (get("/api/core/distributions?area=test-area&period=2019", APPROVER1).json().size() == 0) {
            put("/api/core/periods/2019/budgets/test-area", APPROVER1, "{\"amount\":\"20000000.00\"}").expect(200);
            post("/api/core/distributions", APPROVER1, "{\"areaId\":\"test-area\",\"periodId\":\"2019\",\"kind\":\"FINAL\","
                    + "\"amount\":\"20000000.00\",\"referenceDate\":\"2017-09-15\"}").expect(201);
        }
    }

    private long filed(String creator, String applicant, String amount) {
        long id = post("/api/core/applications", creator, "{\"applicantKey\":\"" + applicant + "\",\"areaId\":\"test-area\","
                + "\"periodId\":\"2019\",\"requested\":\"" + amount + "\"}").expect(201).json().path("id").asLong();
        post("/api/core/applications/" + id + "/submit", creator, null).expect(200);
        return id;
    }

    @Test
    public void whoeverFiledAnApplicationNeverDecidesItAndOthersCannotEvenSeeIt() throws Exception {
        testAreaWithBudget2019();
        long id = filed(APPROVER2, "08111000", "50000.00");
        int auditBefore = get("/api/core/audit/verify", AUDITOR).json().path("entriesChecked").asInt();
        JsonNode refused = post("/api/core/applications/" + id + "/decision", APPROVER2, "{\"outcome\":\"APPROVED\"}")
                .expectProblem(403, "separation-of-duties").json();
        assertTrue(refused.toString(), refused.path("detail").asText().startsWith("Trennung der Aufgaben: Sie haben den Antrag " + id + " angelegt"));
        assertEquals(auditBefore, get("/api/core/audit/verify", AUDITOR).json().path("entriesChecked").asInt());
        assertEquals("SUBMITTED", get("/api/core/applications/" + id, APPROVER1).json().path("state").asText());
        post("/api/core/applications/" + id + "/decision", APPROVER1, "{\"outcome\":\"APPROVED\"}").expect(201);

        // another municipality: 404 with the same words as for an id that does not exist
        String foreign = get("/api/core/applications/" + id, ULM_USER).expectProblem(404).json().path("detail").asText();
        assertEquals("Antrag " + id + " ist unbekannt.", foreign);
        assertEquals("Antrag 987654 ist unbekannt.", get("/api/core/applications/987654", ULM_USER).expectProblem(404).json().path("detail").asText());
        post("/api/core/applications/" + id + "/drawdowns", ULM_USER, "{\"amount\":\"1.00\"}").expectProblem(404);

        // the applicant draws; the office records the proof of use only on its behalf, with a reason kept out of the chain
        post("/api/core/applications/" + id + "/drawdowns", MUNICIPALITY, "{\"amount\":\"50000.00\"}").expect(201);
        JsonNode noReason = post("/api/core/applications/" + id + "/proof-of-use", APPROVER1, "{\"spent\":\"41500.00\"}").expectProblem(400).json();
        assertTrue(noReason.toString(), noReason.path("detail").asText().contains("Begründung"));
        post("/api/core/applications/" + id + "/proof-of-use", APPROVER2, "{\"spent\":\"41500.00\",\"reason\":\"per Post\"}").expectProblem(403);
        JsonNode proof = post("/api/core/applications/" + id + "/proof-of-use", APPROVER1,
                "{\"spent\":\"41500.00\",\"reason\":\"Nachweis per Post vom 2019-03-01\"}").expect(201).json();
        assertEquals("8500.00", proof.path("reclaim").asText());
        String trail = get("/api/core/audit?entityType=proof_of_use&entityId=" + proof.path("id").asLong(), AUDITOR).expect(200).body();
        assertTrue(trail, trail.contains("onBehalf") && !trail.contains("Post vom"));

        // path parameters are repeated with at most 100 characters
        String longId = "9".repeat(300);
        String detail = get("/api/core/applications/" + longId, APPROVER1).expectProblem(400).json().path("detail").asText();
        assertFalse(detail, detail.contains("9".repeat(101)));
        grantRole(CASEWORKER, "position:1");
        String caseDetail = get("/api/integration-management/cases/" + "x".repeat(300), CASEWORKER).expectProblem(404).json().path("detail").asText();
        assertFalse(caseDetail, caseDetail.contains("x".repeat(101)));
    }

    @Test
    public void splittingAnApplicationDoesNotAvoidTheSecondApprover() throws Exception {
        testAreaWithBudget2019();
        // Heidelberg: no other test approves for it in this area and period
        long first = filed(APPROVER2, "08221000", "60000.00");
        long second = filed(APPROVER2, "08221000", "60000.00");
        assertFalse(post("/api/core/applications/" + first + "/decision", APPROVER1, "{\"outcome\":\"APPROVED\"}").expect(201).json()
                .path("needsConfirmation").asBoolean());
        String committed = budget2019();
        assertTrue(post("/api/core/applications/" + second + "/decision", APPROVER1, "{\"outcome\":\"APPROVED\"}").expect(201).json()
                .path("needsConfirmation").asBoolean());
        // a second approver (not approver2: it filed them) sees it waiting and returns it: the reservation goes back
        assertTrue(get("/api/core/decisions/awaiting-confirmation", "admin").expect(200).body().contains("\"applicationId\":" + second));
        for (JsonNode waiting : get("/api/core/decisions/awaiting-confirmation", APPROVER1).expect(200).json()) {
            assertFalse("eigene Entscheidung in der eigenen Bestätigungsliste", APPROVER1.equals(waiting.path("approver").asText()));
        }
        post("/api/core/applications/" + second + "/decision/return", APPROVER1, "{\"reason\":\"selbst\"}").expectProblem(403, "four-eyes");
        post("/api/core/applications/" + second + "/decision/return", APPROVER2, "{\"reason\":\"x\"}").expectProblem(403, "separation-of-duties");
        assertEquals("SUBMITTED", post("/api/core/applications/" + second + "/decision/return", "admin",
                "{\"reason\":\"Stellenplan fehlt\"}").expect(200).json().path("state").asText());
        assertEquals(committed, budget2019());
    }

    private String budget2019() {
        for (JsonNode b : get("/api/core/periods/2019/budgets", APPROVER1).expect(200).json()) {
            if ("test-area".equals(b.path("areaId").asText())) {
                return b.path("committed").asText();
            }
        }
        throw new AssertionError("kein Budget 2019 für test-area");
    }

    @Test
    public void positionsCasesAndTheirAuditAreScoped() throws Exception {
        await("Modul antwortet", Duration.ofSeconds(30), () -> get("/api/integration-management/positions", APPROVER1).status() == 200);
        long position = post("/api/integration-management/positions", APPROVER1, "{\"responsibleKey\":\"08111000\",\"managerName\":\"E. Geheim\","
                + "\"fte\":\"1\",\"qualification\":\"SOCIAL_WORK\",\"hireDate\":\"2017-01-01\"}").expect(201).json().path("id").asLong();
        assertFalse(get("/api/integration-management/positions", ULM_USER).expect(200).body().contains("E. Geheim"));
        get("/api/integration-management/positions/" + position, ULM_USER).expectProblem(404);
        assertTrue(get("/api/integration-management/positions", MUNICIPALITY).expect(200).body().contains("E. Geheim"));
        assertEquals(position, get("/api/integration-management/positions/" + position, AUDITOR).expect(200).json().path("id").asLong());
        get("/api/integration-management/positions", NOBODY).expectProblem(403);

        grantRole(CASEWORKER, "position:" + position);
        String kase = "{\"id\":\"%s\",\"municipalityKey\":\"%s\",\"positionId\":" + position
                + ",\"birthYear\":1985,\"country\":\"AFG\",\"householdSize\":2,\"arrivalDate\":\"2016-05-01\",\"counsellingStart\":\"2017-02-01\"}";
        JsonNode elsewhere = post("/api/integration-management/cases", CASEWORKER, String.format(kase, "SCOPE-ULM", "08421000")).expectProblem(400).json();
        assertTrue(elsewhere.toString(), elsewhere.path("detail").asText().contains("gehört nicht zum Gebiet der Stelle " + position));
        post("/api/integration-management/cases", CASEWORKER, String.format(kase, "SCOPE-S1", "08111000")).expect(201);
        Resp list = get("/api/integration-management/cases?position=" + position, CASEWORKER).expect(200);
        assertEquals("no-store", list.header("Cache-Control"));
        JsonNode trail = get("/api/core/audit?entityType=im_case&entityId=SCOPE-S1", AUDITOR).expect(200).json();
        assertEquals(List.of("create", "list"), List.of(trail.get(0).path("action").asText(), trail.get(trail.size() - 1).path("action").asText()));
        assertEquals(CASEWORKER, trail.get(trail.size() - 1).path("actor").asText());
        // by actor and time range: what the caseworker did today, and nothing before 2000
        String today = LocalDate.now(java.time.ZoneId.of("Europe/Berlin")).toString();
        JsonNode byActor = get("/api/core/audit?actor=" + CASEWORKER + "&from=" + today, AUDITOR).expect(200).json();
        assertTrue(byActor.toString(), byActor.size() >= 2);
        byActor.forEach(e -> assertEquals(CASEWORKER, e.path("actor").asText()));
        assertEquals(0, get("/api/core/audit?actor=" + CASEWORKER + "&to=2000-01-01", AUDITOR).expect(200).json().size());
        get("/api/core/audit?actor=" + CASEWORKER, MUNICIPALITY).expectProblem(403);
    }

    @Test
    public void aTokenFollowsItsUsersCurrentRolesExpiresAndDiesWithItsUser() throws Exception {
        String[] admin = {"admin"};
        String created = console(admin, "paktwerk:user-add -m 08421000 tokuser zwölf-Zeichen-lang municipality");
        assertTrue(created, created.contains("municipality:08421000"));
        String out = console(admin, "paktwerk:token-create -e 2027-06-30 tokuser 'Fachverfahren'");
        Matcher m = Pattern.compile("(pw_[A-Za-z0-9]{40})").matcher(out);
        assertTrue(out, m.find());
        String bearer = "Bearer " + m.group(1);
        assertTrue(console(admin, "paktwerk:tokens").contains("2027-06-29T22:00:00Z")); // start of 2027-06-30 in Berlin
        assertEquals(200, request("GET", "/api/core/applications?applicant=08421000", null, null, null, "Authorization", bearer).status());
        console(admin, "jaas:realm-manage --realm karaf", "jaas:role-delete tokuser municipality:08421000", "jaas:update");
        assertEquals(403, request("GET", "/api/core/applications?applicant=08421000", null, null, null, "Authorization", bearer).status());
        console(admin, "jaas:realm-manage --realm karaf", "jaas:user-delete tokuser", "jaas:update");
        assertEquals(401, request("GET", "/api/core/periods", null, null, null, "Authorization", bearer).status());
        // an account created later under the same name does not inherit the token
        console(admin, "paktwerk:user-add -m 08421000 tokuser zwölf-Zeichen-lang municipality");
        assertEquals(401, request("GET", "/api/core/periods", null, null, null, "Authorization", bearer).status());
        // paktwerk:user-add on an existing user is refused without --replace
        String again = consoleFails(admin, "paktwerk:user-add tokuser zwölf-Zeichen-lang auditor");
        assertTrue(again, again.contains("--replace"));
        assertTrue(console(admin, "paktwerk:user-add --replace tokuser zwölf-Zeichen-lang auditor").contains("[auditor]"));
    }

    /** The README's console examples, as written, against the running platform. */
    @Test
    public void theReadmesConsoleExamplesWorkAsWritten() throws Exception {
        await("Modul antwortet", Duration.ofSeconds(30), () -> get("/api/integration-management/positions", APPROVER1).status() == 200);
        String readme = Files.readString(Path.of(System.getProperty("paktwerk.readme")));
        int section = readme.indexOf("## Users and tokens");
        assertTrue("README hat keinen Abschnitt 'Users and tokens'", section >= 0);
        int open = readme.indexOf("```", section);
        int close = readme.indexOf("```", open + 3);
        List<String> lines = new ArrayList<>();
        for (String line : readme.substring(readme.indexOf('\n', open) + 1, close).split("\n")) {
            String command = line.replaceAll("\\s+#.*$", "").trim();
            if (command.startsWith("paktwerk:")) {
                lines.add(command.replace("<Passwort>", "ein-langes-Passwort"));
            }
        }
        assertTrue(lines.toString(), lines.size() >= 5);
        // the caseworker example names position 1: make sure it exists
        if (get("/api/integration-management/positions/1", APPROVER1).status() == 404) {
            post("/api/integration-management/positions", APPROVER1, "{\"responsibleKey\":\"08421000\",\"managerName\":\"R. Eins\","
                    + "\"fte\":\"1\",\"qualification\":\"SOCIAL_WORK\",\"hireDate\":\"2017-01-01\"}").expect(201);
        }
        String tokenNumber = null;
        for (String line : lines) {
            if (line.contains("<Nr.>")) {
                assertTrue("token-create muss vor token-revoke stehen", tokenNumber != null);
                line = line.replace("<Nr.>", tokenNumber);
            }
            String out = console(new String[] {"admin"}, line);
            Matcher created = Pattern.compile("Token (\\d+) für").matcher(out);
            if (created.find()) {
                tokenNumber = created.group(1);
            }
            assertFalse(line + " → " + out, out.contains("Error") || out.contains("Fehler") || out.contains("too many arguments")
                    || out.contains("ungültig") || out.contains("unbekannt"));
        }
        // the roles and scopes table names exactly the roles the platform knows
        int table = readme.indexOf("### Roles and scopes");
        java.util.Set<String> roles = new java.util.TreeSet<>();
        Matcher row = Pattern.compile("(?m)^\\| `([a-z]+)` \\|").matcher(readme.substring(table, readme.indexOf("\n## ", table)));
        while (row.find()) {
            roles.add(row.group(1));
        }
        assertEquals(java.util.Set.of("admin", "approver", "auditor", "caseworker", "municipality", "provider", "statistics"), roles);
    }

    @Test
    public void httpsServesWithTheFirstStartCertificateAndSecretsAreForTheOwnerOnly() throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(Path.of(System.getProperty("paktwerk.itest.keystore")))) {
            ks.load(in, "paktwerk-demo".toCharArray());
        }
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("paktwerk", ks.getCertificate("paktwerk"));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, tmf.getTrustManagers(), null);
        HttpClient https = HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(5)).build();
        Resp r = send(https, "https://localhost:" + System.getProperty("paktwerk.itest.https.port") + "/api/core/periods", "GET", APPROVER1, null, null);
        assertEquals(200, r.status());
        assertEquals("no-store", r.header("Cache-Control"));

        Path etc = Path.of(System.getProperty("karaf.etc"));
        Path data = Path.of(System.getProperty("karaf.data"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(etc.resolve("users.properties"))));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("paktwerk"))));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("paktwerk/paktwerk.mv.db"))));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(Path.of(System.getProperty("paktwerk.itest.keystore")))));

        // plain HTTP answers on 127.0.0.1 only
        InetAddress outside = null;
        for (NetworkInterface ni : java.util.Collections.list(NetworkInterface.getNetworkInterfaces())) {
            for (InetAddress a : java.util.Collections.list(ni.getInetAddresses())) {
                if (a instanceof Inet4Address && !a.isLoopbackAddress() && ni.isUp()) {
                    outside = a;
                }
            }
        }
        assumeTrue("keine Netzwerkschnittstelle außer loopback", outside != null);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(outside, Integer.getInteger("paktwerk.itest.http.port")), 2000);
            fail("HTTP antwortet auf " + outside);
        } catch (ConnectException expected) {
            // refused: nothing listens there
        }

    }
}
