package de.paktwerk.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;

/**
 * The core in the real distribution, over HTTP: reference data, a distribution exact to the cent, an
 * application through to its decision and funds, and a funding area that comes and goes at run time.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class CoreIT extends PaktwerkTestSupport {

    @Test
    public void servesTheRealMunicipalitiesOfBadenWuerttemberg() {
        assertEquals(1101, get("/api/core/municipalities?kind=GEMEINDE,STADTKREIS&limit=1", APPROVER1).expect(200).json().path("total").asInt());
        assertEquals(9, get("/api/core/municipalities?kind=STADTKREIS&limit=1", APPROVER1).expect(200).json().path("total").asInt());
        assertEquals(35, get("/api/core/municipalities?kind=LANDKREIS&limit=1", APPROVER1).expect(200).json().path("total").asInt());
        JsonNode all = get("/api/core/municipalities?limit=2000", APPROVER1).expect(200).json();
        assertEquals(1136, all.path("total").asInt());
        Set<String> regions = new HashSet<>();
        all.path("items").forEach(m -> regions.add(m.path("region").asText()));
        assertEquals(Set.of("Stuttgart", "Karlsruhe", "Freiburg", "Tübingen"), regions);
        // the two uninhabited areas are not municipalities
        get("/api/core/municipalities/08317971", APPROVER1).expectProblem(404);
        JsonNode stuttgart = get("/api/core/municipalities/08111000", APPROVER1).expect(200).json();
        assertEquals("STADTKREIS", stuttgart.path("kind").asText());
        // demo counts are labelled synthetic
        JsonNode counts = get("/api/core/municipalities/08111000/refugee-counts", APPROVER1).expect(200).json();
        assertTrue(counts.size() >= 1);
        assertTrue(counts.get(0).path("synthetic").asBoolean());
        assertEquals("160000000.00", get("/api/core/periods", APPROVER1).expect(200).json().get(0).path("envelope").asText());
    }

    @Test
    public void unauthenticatedRequestsAreRefused() {
        get("/api/core/periods", null).expectProblem(401);
        request("GET", "/api/core/periods", "approver1-wrong", null, null).expectProblem(401);
        // a viewer may read, but not decide
        post("/api/core/distributions", NOBODY, "{}").expectProblem(403);
    }

    @Test
    public void fundingAreaComesAndGoesAndAnApplicationGoesThroughToItsDecision() throws Exception {
        Bundle area = bundleContext.installBundle("mvn:de.paktwerk/paktwerk-test-area/" + System.getProperty("paktwerk.version"));
        area.start();
        await("Testbereich erscheint in /funding-areas", Duration.ofSeconds(20), () -> areaListed("test-area"));

        put("/api/core/periods/2017/budgets/test-area", APPROVER1, "{\"amount\":\"40000000.00\"}").expect(200);
        JsonNode run = post("/api/core/distributions", APPROVER1, "{\"areaId\":\"test-area\",\"periodId\":\"2017\","
                + "\"kind\":\"PROVISIONAL\",\"amount\":\"35000000.00\",\"referenceDate\":\"2017-09-15\"}").expect(201).json();
        long distributionId = run.path("id").asLong();
        JsonNode shares = get("/api/core/distributions/" + distributionId + "/shares?limit=2000", APPROVER1).expect(200).json();
        BigDecimal sum = BigDecimal.ZERO;
        for (JsonNode s : shares.path("items")) {
            sum = sum.add(new BigDecimal(s.path("amount").asText()));
        }
        assertEquals(new BigDecimal("35000000.00"), sum);
        assertEquals(run.path("bodies").asInt(), shares.path("total").asInt());
        assertEquals(1101, shares.path("total").asInt()); // nobody delegated: every municipality and Stadtkreis receives

        // final run replaces the provisional one and shows the differences
        JsonNode finalRun = post("/api/core/distributions", APPROVER1, "{\"areaId\":\"test-area\",\"periodId\":\"2017\","
                + "\"kind\":\"FINAL\",\"amount\":\"40000000.00\",\"referenceDate\":\"2018-09-15\"}").expect(201).json();
        assertEquals(distributionId, finalRun.path("replacesId").asLong());
        JsonNode diff = get("/api/core/distributions/" + finalRun.path("id").asLong() + "/difference", APPROVER1).expect(200).json();
        BigDecimal diffSum = BigDecimal.ZERO;
        for (JsonNode d : diff) {
            diffSum = diffSum.add(new BigDecimal(d.path("difference").asText()));
        }
        assertEquals(new BigDecimal("5000000.00"), diffSum);

        // an application below the four-eyes threshold: one approver decides
        long small = createAndSubmit("100000.00");
        JsonNode decision = post("/api/core/applications/" + small + "/decision", APPROVER1,
                "{\"outcome\":\"APPROVED\",\"amount\":\"100000.00\",\"conditions\":\"Verwendungsnachweis bis 30.06.2018\"}").expect(201).json();
        assertFalse(decision.path("needsConfirmation").asBoolean());
        assertTrue(decision.path("number").asText().startsWith("PFI-"));
        assertEquals("APPROVED", get("/api/core/applications/" + small, MUNICIPALITY).expect(200).json().path("state").asText());

        // above the threshold a second, different approver must confirm
        long large = createAndSubmit("250000.00");
        assertTrue(post("/api/core/applications/" + large + "/decision", APPROVER1, "{\"outcome\":\"APPROVED\"}")
                .expect(201).json().path("needsConfirmation").asBoolean());
        assertEquals("SUBMITTED", get("/api/core/applications/" + large, APPROVER1).json().path("state").asText());
        post("/api/core/applications/" + large + "/decision/confirm", APPROVER1, null).expectProblem(403, "four-eyes");
        assertEquals(APPROVER2, post("/api/core/applications/" + large + "/decision/confirm", APPROVER2, null)
                .expect(200).json().path("confirmedBy").asText());
        assertEquals("APPROVED", get("/api/core/applications/" + large, APPROVER1).json().path("state").asText());

        // funds: drawdown, proof of use, reclaim of the unspent part
        post("/api/core/applications/" + small + "/drawdowns", MUNICIPALITY, "{\"amount\":\"60000.00\"}").expect(201);
        post("/api/core/applications/" + small + "/drawdowns", MUNICIPALITY, "{\"amount\":\"50000.00\"}").expectProblem(409, "conflict");
        JsonNode proof = post("/api/core/applications/" + small + "/proof-of-use", MUNICIPALITY, "{\"spent\":\"45000.00\"}").expect(201).json();
        assertEquals("15000.00", proof.path("reclaim").asText());
        assertEquals("15000.00", get("/api/core/reclaims?debtor=08111000", APPROVER1).expect(200).json().get(0).path("amount").asText());

        JsonNode budget = get("/api/core/periods/2017/budgets", APPROVER1).expect(200).json().get(0);
        // 250,000.00 approved and open, plus the 45,000.00 accepted of the settled 100,000.00 (55,000.00 went back)
        assertEquals("295000.00", budget.path("committed").asText());

        JsonNode verification = get("/api/core/audit/verify", AUDITOR).expect(200).json();
        assertTrue(verification.toString(), verification.path("intact").asBoolean());
        assertTrue(get("/api/core/audit?entityType=application&entityId=" + small, AUDITOR).expect(200).json().size() >= 3);

        // the module goes away: it disappears from the live list, new applications are refused, data stays readable
        area.stop();
        await("Testbereich verschwindet aus /funding-areas", Duration.ofSeconds(20), () -> !areaListed("test-area"));
        post("/api/core/applications", MUNICIPALITY, newApplication("1000.00")).expectProblem(409);
        assertEquals("APPROVED", get("/api/core/applications/" + small, APPROVER1).expect(200).json().path("state").asText());
        area.uninstall();
    }

    /** Counts as office software writes and reads them: exported with BOM and semicolons, imported again unchanged. */
    @Test
    public void refugeeCountsExportAsOfficeCsvAndImportAgain() {
        // 2019: the other tests look at the synthetic counts of 2017
        Resp export = request("GET", "/api/core/refugee-counts?date=2019-09-15", APPROVER1, null, null, "Accept", "text/csv").expect(200);
        assertTrue(export.contentType(), export.contentType().startsWith("text/csv"));
        String csv = export.body();
        assertTrue(csv.startsWith("\uFEFFags;name;stichtag;anzahl\n"));
        long rows = csv.lines().count() - 1;
        assertEquals(1101, rows); // every municipality and Stadtkreis has a (synthetic) count at each demo date
        String stuttgart = csv.lines().filter(l -> l.startsWith("08111000;")).findFirst().orElseThrow();
        JsonNode imported = request("POST", "/api/core/refugee-counts", APPROVER1, "text/csv; charset=UTF-8", csv).expect(200).json();
        assertEquals(1101, imported.path("imported").asInt());
        String again = request("GET", "/api/core/refugee-counts?date=2019-09-15", APPROVER1, null, null, "Accept", "text/csv").expect(200).body();
        assertEquals(stuttgart, again.lines().filter(l -> l.startsWith("08111000;")).findFirst().orElseThrow());
        // imported counts are real figures now, no longer marked synthetic
        JsonNode counts = get("/api/core/municipalities/08111000/refugee-counts", APPROVER1).json();
        for (JsonNode c : counts) {
            assertEquals(c.toString(), !"2019-09-15".equals(c.path("referenceDate").asText()), c.path("synthetic").asBoolean());
        }
    }

    /** Swagger UI from the distribution itself, listing the core and every installed funding area. */
    @Test
    public void swaggerUiIsServedOfflineForEveryInstalledApi() {
        Resp index = request("GET", "/api/docs/index.html", null, null, null, "Accept", "text/html").expect(200);
        assertTrue(index.body(), index.body().contains("swagger-ui"));
        Resp init = request("GET", "/api/docs/swagger-initializer.js", null, null, null, "Accept", "*/*").expect(200);
        assertTrue(init.body(), init.body().contains("{url: '/api/core/openapi.json', name: 'Kern'}")
                && init.body().contains("{url: '/api/integration-management/openapi.json', name: 'Integrationsmanagement'}"));
        assertEquals(200, request("GET", "/api/docs/swagger-ui-bundle.js", null, null, null, "Accept", "*/*").status());
    }

    /** What the web server answers itself is problem+json too, not an HTML page. */
    @Test
    public void addressesOutsideTheApplicationsAnswerProblemJson() {
        Resp nothing = get("/nothing-here", APPROVER1).expectProblem(404, "not-found");
        assertTrue(nothing.body(), nothing.json().path("detail").asText().startsWith("Diese Adresse gibt es nicht."));
        Resp module = get("/api/sport-clubs/clubs", APPROVER1).expectProblem(404, "not-found"); // no such module installed
        assertEquals("Unter /api/sport-clubs ist derzeit keine Schnittstelle installiert.", module.json().path("detail").asText());
        // what Jetty refuses before any application sees it: problem+json too
        String tooLong = raw("GET /api/core/" + "x".repeat(9000) + " HTTP/1.1");
        assertTrue(tooLong, tooLong.startsWith("HTTP/1.1 414") && tooLong.contains("Content-Type: application/problem+json")
                && tooLong.contains("\"type\":\"urn:paktwerk:problem:invalid-input\"") && tooLong.contains("Die Adresse ist zu lang."));
        String nul = raw("GET /api/core/a\u0000b HTTP/1.1");
        assertTrue(nul, nul.startsWith("HTTP/1.1 400") && nul.contains("Content-Type: application/problem+json") && !nul.contains("<html"));
        // OPTIONS names the methods the addressed resource has, not those of every resource of the application
        assertEquals("GET,HEAD,OPTIONS", request("OPTIONS", "/api/core/periods", APPROVER1, null, null).expect(200).header("Allow"));
        assertEquals("OPTIONS,PUT", request("OPTIONS", "/api/core/periods/2017/budgets/test-area", APPROVER1, null, null).expect(200).header("Allow"));
        assertEquals("GET,HEAD,OPTIONS,POST", request("OPTIONS", "/api/core/applications", APPROVER1, null, null).expect(200).header("Allow"));
    }

    /** Sends a request line as it is (no client library would send these) and returns the whole answer. */
    private static String raw(String requestLine) {
        try (java.net.Socket socket = new java.net.Socket("localhost", Integer.getInteger("paktwerk.itest.http.port"))) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write((requestLine + "\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private long createAndSubmit(String amount) {
        JsonNode created = post("/api/core/applications", MUNICIPALITY, newApplication(amount)).expect(201).json();
        assertEquals("DRAFT", created.path("state").asText());
        long id = created.path("id").asLong();
        assertEquals("SUBMITTED", post("/api/core/applications/" + id + "/submit", MUNICIPALITY, null).expect(200).json().path("state").asText());
        return id;
    }

    private static String newApplication(String amount) {
        return "{\"applicantKey\":\"08111000\",\"areaId\":\"test-area\",\"periodId\":\"2017\",\"requested\":\"" + amount + "\"}";
    }

    private boolean areaListed(String id) {
        for (JsonNode a : get("/api/core/funding-areas", APPROVER1).expect(200).json()) {
            if (id.equals(a.path("id").asText())) {
                return true;
            }
        }
        return false;
    }
}
