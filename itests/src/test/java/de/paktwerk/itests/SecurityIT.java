package de.paktwerk.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.nio.file.Files;
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
                row("GET", c + "/applications?applicant=08111000", null, "U F A F A A F"),
                row("POST", c + "/applications/999/submit", null, "U F A A A F F"),
                row("POST", c + "/applications/999/withdraw", null, "U F A A A F F"),
                row("POST", c + "/applications/999/decision", "{}", "U F F F A F F"),
                row("POST", c + "/applications/999/decision/confirm", null, "U F F F A F F"),
                row("POST", c + "/applications/999/drawdowns", "{}", "U F A A A F F"),
                row("POST", c + "/applications/999/proof-of-use", "{}", "U F A A A F F"),
                row("GET", c + "/reclaims?debtor=08111000", null, "U F A F A A F"),
                row("GET", c + "/funding-areas", null, "U A A A A A A"),
                row("GET", c + "/audit?entityType=budget&entityId=x", null, "U F F F A A F"),
                row("GET", c + "/audit/verify", null, "U F F F A A F"),
                row("GET", c + "/openapi.json", null, "A A A A A A A"),
                row("GET", im + "/positions", null, "U A A A A A A"),
                row("POST", im + "/positions", "{\"responsibleKey\":\"08111000\"}", "U F A F A F F"),
                row("POST", im + "/pricing", "{}", "U A A A A A A"),
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
        post("/api/integration-management/cases", CASEWORKER, String.format(kase, "OPEN-1")).expect(201);
        put("/api/integration-management/cases/OLD-1/plan", CASEWORKER, "{\"agreedOn\":\"2016-02-01\",\"reviewIntervalMonths\":6,"
                + "\"goals\":[{\"lifeArea\":\"HOUSING\",\"description\":\"Wohnung\"}]}").expect(200);
        post("/api/integration-management/cases/OLD-1/closing", CASEWORKER, "{\"end\":\"2018-12-31\"}").expect(200);

        String out = console(new String[] {"admin"}, "im:purge");
        assertTrue(out, out.contains("OLD-1"));
        get("/api/integration-management/cases/OLD-1", CASEWORKER).expectProblem(404);
        get("/api/integration-management/cases/OPEN-1", CASEWORKER).expect(200);
        assertTrue(get("/api/core/audit/verify", AUDITOR).json().path("intact").asBoolean());
        // the audit keeps only the pseudonymous id: no birth year, country or plan content
        String trail = get("/api/core/audit?entityType=im_case&entityId=OLD-1", AUDITOR).expect(200).body();
        assertTrue(trail, trail.contains("\"delete\"") && !trail.contains("IRQ") && !trail.contains("1980"));
    }
}
