package de.paktwerk.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;

/**
 * Bad input on every core endpoint: malformed JSON, wrong types, negative or absurd amounts, unknown keys,
 * oversized and deeply nested bodies, bad parameters, illegal transitions. Each answer is a 4xx
 * application/problem+json with a German detail, and nothing changes: the audit chain, which records every
 * change, has the same length before and after.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class BadInputIT extends PaktwerkTestSupport {

    @Test
    public void badInputIsRefusedWithProblemJsonAndChangesNothing() throws Exception {
        Bundle area = bundleContext.installBundle("mvn:de.paktwerk/paktwerk-test-area/" + System.getProperty("paktwerk.version"));
        area.start();
        await("Testbereich installiert", Duration.ofSeconds(20), () -> get("/api/core/funding-areas", APPROVER1).body().contains("test-area"));
        put("/api/core/periods/2017/budgets/test-area", APPROVER1, "{\"amount\":\"1000000.00\"}").expect(200);
        post("/api/core/distributions", APPROVER1, "{\"areaId\":\"test-area\",\"periodId\":\"2017\",\"kind\":\"PROVISIONAL\",\"amount\":\"1000000.00\"}").expect(201);
        long draft = post("/api/core/applications", MUNICIPALITY, app("\"1000.00\"", "")).expect(201).json().path("id").asLong();

        long auditBefore = auditLength();
        String budgets = get("/api/core/periods/2017/budgets", APPROVER1).expect(200).body();
        String applications = get("/api/core/applications?limit=2000", APPROVER1).expect(200).body();

        // malformed JSON
        put("/api/core/periods/2017/budgets/test-area", APPROVER1, "{\"amount\":").expectProblem(400);
        post("/api/core/applications", MUNICIPALITY, "{").expectProblem(400);
        post("/api/core/distributions", APPROVER1, "[1,2").expectProblem(400);
        post("/api/core/applications/" + draft + "/drawdowns", MUNICIPALITY, "not json").expectProblem(400);
        post("/api/core/municipalities/08111000/providers", MUNICIPALITY, "").expectProblem(400);
        // wrong types
        post("/api/core/applications", MUNICIPALITY, app("123.45", "")).expectProblem(400);
        post("/api/core/applications", MUNICIPALITY, app("true", "")).expectProblem(400);
        post("/api/core/applications", MUNICIPALITY, app("\"1.00\"", ",\"providerId\":\"x\"")).expectProblem(400);
        post("/api/core/distributions", APPROVER1, "{\"areaId\":\"test-area\",\"periodId\":\"2017\",\"kind\":\"SOMETIMES\",\"amount\":\"1.00\"}").expectProblem(400);
        post("/api/core/distributions", APPROVER1, "{\"areaId\":\"test-area\",\"periodId\":\"2017\",\"kind\":\"FINAL\",\"amount\":\"1.00\",\"referenceDate\":\"15.09.2017\"}").expectProblem(400);
        post("/api/core/applications/" + draft + "/decision", APPROVER1, "{\"outcome\":1}").expectProblem(400);
        post("/api/core/municipalities/08111000/providers", MUNICIPALITY, "{\"name\":[\"a\"]}").expectProblem(400);
        // negative, absurd, too precise amounts
        put("/api/core/periods/2017/budgets/test-area", APPROVER1, "{\"amount\":\"-5.00\"}").expectProblem(400);
        put("/api/core/periods/2017/budgets/test-area", APPROVER1, "{\"amount\":\"99999999999999999999.00\"}").expectProblem(400);
        put("/api/core/periods/2017/budgets/test-area", APPROVER1, "{\"amount\":\"1e30\"}").expectProblem(400);
        put("/api/core/periods/2017/budgets/test-area", APPROVER1, "{\"amount\":\"0.001\"}").expectProblem(400);
        put("/api/core/periods/2017/budgets/test-area", APPROVER1, "{\"amount\":\"NaN\"}").expectProblem(400);
        put("/api/core/periods/2017/budgets/test-area", APPROVER1, "{\"amount\":\"170000000.00\"}").expectProblem(409);
        post("/api/core/distributions", APPROVER1, "{\"areaId\":\"test-area\",\"periodId\":\"2017\",\"kind\":\"FINAL\",\"amount\":\"-1.00\"}").expectProblem(400);
        post("/api/core/distributions", APPROVER1, "{\"areaId\":\"test-area\",\"periodId\":\"2017\",\"kind\":\"FINAL\",\"amount\":\"2000000.00\"}").expectProblem(409);
        post("/api/core/applications", MUNICIPALITY, app("\"-100.00\"", "")).expectProblem(400);
        post("/api/core/applications", MUNICIPALITY, app("\"0.00\"", "")).expectProblem(400);
        post("/api/core/applications/" + draft + "/drawdowns", MUNICIPALITY, "{\"amount\":\"-1.00\"}").expectProblem(400);
        post("/api/core/applications/" + draft + "/proof-of-use", MUNICIPALITY, "{\"spent\":\"-1.00\"}").expectProblem(400);
        // unknown keys and unknown references
        put("/api/core/periods/2017/budgets/test-area", APPROVER1, "{\"amount\":\"1.00\",\"foo\":1}").expectProblem(400);
        post("/api/core/applications", MUNICIPALITY, app("\"1.00\"", ",\"secret\":true")).expectProblem(400);
        post("/api/core/applications", APPROVER1, "{\"applicantKey\":\"08999999\",\"areaId\":\"test-area\",\"periodId\":\"2017\",\"requested\":\"1.00\"}").expectProblem(404);
        post("/api/core/applications", MUNICIPALITY, "{\"applicantKey\":\"08111000\",\"areaId\":\"test-area\",\"periodId\":\"1999\",\"requested\":\"1.00\"}").expectProblem(404);
        post("/api/core/applications", MUNICIPALITY, "{\"applicantKey\":\"08111000\",\"areaId\":\"no-such-area\",\"periodId\":\"2017\",\"requested\":\"1.00\"}").expectProblem(409, "area-not-installed");
        post("/api/core/applications", MUNICIPALITY, "{\"applicantKey\":\"08111000\",\"areaId\":\"Bad Area!\",\"periodId\":\"2017\",\"requested\":\"1.00\"}").expectProblem(400);
        put("/api/core/periods/1999/budgets/test-area", APPROVER1, "{\"amount\":\"1.00\"}").expectProblem(404);
        post("/api/core/municipalities/08111000/delegations", MUNICIPALITY, "{\"areaId\":\"test-area\"}").expectProblem(400); // a Stadtkreis cannot delegate
        post("/api/core/municipalities/08115003/delegations", APPROVER1, "{\"areaId\":\"UPPER\"}").expectProblem(400);
        // area-specific payload refused by the area's module
        post("/api/core/applications", MUNICIPALITY, app("\"1.00\"", ",\"payload\":{\"eligible\":5}")).expectProblem(400);
        // illegal transitions and missing entities
        post("/api/core/applications/" + draft + "/decision", APPROVER1, "{\"outcome\":\"APPROVED\"}").expectProblem(409, "illegal-transition");
        post("/api/core/applications/" + draft + "/decision/confirm", APPROVER2, null).expectProblem(409);
        post("/api/core/applications/" + draft + "/drawdowns", MUNICIPALITY, "{\"amount\":\"1.00\"}").expectProblem(409);
        post("/api/core/applications/999999/submit", MUNICIPALITY, null).expectProblem(404);
        post("/api/core/applications/abc/submit", MUNICIPALITY, null).expectProblem(400);
        get("/api/core/distributions/-1", APPROVER1).expectProblem(400);
        // bad parameters
        get("/api/core/municipalities?limit=abc", APPROVER1).expectProblem(400);
        get("/api/core/municipalities?limit=100000", APPROVER1).expectProblem(400);
        get("/api/core/municipalities?offset=-1", APPROVER1).expectProblem(400);
        get("/api/core/municipalities?kind=DORF", APPROVER1).expectProblem(400);
        get("/api/core/applications?state=MAYBE", APPROVER1).expectProblem(400);
        // transport-level errors are problem+json too
        request("PUT", "/api/core/periods/2017/budgets/test-area", APPROVER1, "text/plain", "1.00").expectProblem(415, "unsupported-media-type");
        request("DELETE", "/api/core/periods", APPROVER1, null, null).expectProblem(405);
        get("/api/core/no-such-thing", APPROVER1).expectProblem(404);
        // oversized and deeply nested bodies
        String big = "{\"applicantKey\":\"08111000\",\"areaId\":\"test-area\",\"periodId\":\"2017\",\"requested\":\"1.00\",\"payload\":{\"x\":\""
                + "a".repeat(2 * 1024 * 1024) + "\"}}";
        post("/api/core/applications", MUNICIPALITY, big).expectProblem(413, "body-too-large");
        String deep = "[".repeat(5000) + "]".repeat(5000);
        post("/api/core/applications", MUNICIPALITY, app("\"1.00\"", ",\"payload\":" + deep)).expectProblem(400);
        request("POST", "/api/core/refugee-counts", APPROVER1, "text/csv", "ags,stichtag,anzahl\n08111000,2017-09-15,-4\n").expectProblem(400);
        request("POST", "/api/core/refugee-counts", APPROVER1, "text/csv", "ags,stichtag,anzahl\n08999999,2017-09-15,4\n").expectProblem(400);
        // office files: the wrong media type names text/csv; a file without header is refused, not cut by a row
        String wrongType = request("POST", "/api/core/refugee-counts", APPROVER1, "application/json", "{\"ags\":1}").expectProblem(415, "unsupported-media-type")
                .json().path("detail").asText();
        assertTrue(wrongType, wrongType.contains("text/csv"));
        String noHeader = request("POST", "/api/core/refugee-counts", APPROVER1, "text/csv", "08111000,2017-09-15,5\n").expectProblem(400)
                .json().path("detail").asText();
        assertTrue(noHeader, noHeader.startsWith("Die erste Zeile muss die Spalten ags,stichtag,anzahl nennen"));
        // amounts are plain ASCII decimals; the detail names the cause
        for (String amount : new String[] {"1e3", "+5.00", " 5.00", ".5", "5.", "٥.٠٠"}) {
            String detail = put("/api/core/periods/2017/budgets/test-area", APPROVER1, "{\"amount\":\"" + amount + "\"}").expectProblem(400)
                    .json().path("detail").asText();
            assertTrue(amount + ": " + detail, detail.startsWith("Betrag '" + amount + "' ist kein Betrag"));
        }
        // a key given twice is refused and named, not "the last one wins"
        String twice = post("/api/core/applications", MUNICIPALITY, "{\"applicantKey\":\"08111000\",\"applicantKey\":\"08421000\","
                + "\"areaId\":\"test-area\",\"periodId\":\"2017\",\"requested\":\"1.00\"}").expectProblem(400, "duplicate-field").json().path("detail").asText();
        assertEquals("Feld 'applicantKey' kommt mehrfach vor; jedes Feld darf nur einmal angegeben werden.", twice);
        // no Java type names in German messages
        String date = post("/api/core/distributions", APPROVER1, "{\"areaId\":\"test-area\",\"periodId\":\"2017\",\"kind\":\"FINAL\","
                + "\"amount\":\"1.00\",\"referenceDate\":\"15.09.2017\"}").expectProblem(400).json().path("detail").asText();
        assertTrue(date, date.contains("Datum im Format JJJJ-MM-TT") && !date.contains("LocalDate"));
        // the FTE share "42949673.46" overflowed to 0.50 before
        String fte = post("/api/integration-management/pricing?period=2017", MUNICIPALITY, "{\"positions\":[{\"responsibleKey\":\"08111000\","
                + "\"managerName\":\"X\",\"fte\":\"42949673.46\",\"qualification\":\"SOCIAL_WORK\",\"hireDate\":\"2017-10-01\"}]}")
                .expectProblem(400).json().path("detail").asText();
        assertTrue(fte, fte.startsWith("Stellenanteil '42949673.46' ist kein Stellenanteil"));
        // a chunked body over the limit (no Content-Length) is 413, not a complaint about a field
        java.net.http.HttpRequest chunked = java.net.http.HttpRequest.newBuilder(java.net.URI.create(httpBase() + "/api/core/applications"))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString((MUNICIPALITY + ":" + PW).getBytes()))
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big.getBytes()))).build();
        java.net.http.HttpResponse<String> tooBig = java.net.http.HttpClient.newHttpClient().send(chunked, java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(tooBig.body(), 413, tooBig.statusCode());
        assertTrue(tooBig.body(), tooBig.body().contains("\"type\":\"urn:paktwerk:problem:body-too-large\""));
        assertTrue(tooBig.body(), tooBig.body().contains("größer als erlaubt"));

        assertEquals("the audit chain grew: something was changed", auditBefore, auditLength());
        assertEquals(budgets, get("/api/core/periods/2017/budgets", APPROVER1).expect(200).body());
        assertEquals(applications, get("/api/core/applications?limit=2000", APPROVER1).expect(200).body());
        area.stop();
        area.uninstall();
    }

    @Test
    public void anIdempotencyKeyIsAppliedOnceAndNotReusedForAnotherBody() throws Exception {
        long before = auditLength();
        Resp first = request("POST", "/api/core/municipalities/08111000/providers", MUNICIPALITY, "application/json",
                "{\"name\":\"Caritas Stuttgart\"}", "Idempotency-Key", "provider-1");
        first.expect(201);
        Resp retry = request("POST", "/api/core/municipalities/08111000/providers", MUNICIPALITY, "application/json",
                "{\"name\":\"Caritas Stuttgart\"}", "Idempotency-Key", "provider-1");
        retry.expect(201);
        assertEquals(first.json(), retry.json());
        request("POST", "/api/core/municipalities/08111000/providers", MUNICIPALITY, "application/json",
                "{\"name\":\"Diakonie\"}", "Idempotency-Key", "provider-1").expectProblem(422);
        JsonNode providers = get("/api/core/municipalities/08111000/providers", MUNICIPALITY).expect(200).json();
        assertEquals(1, providers.size());
        assertEquals(before + 1, auditLength());

        // 20 concurrent requests with one key: applied once, every answer is the first one
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(20);
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        java.util.List<java.util.concurrent.Future<Resp>> answers = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            answers.add(pool.submit(() -> {
                go.await();
                return request("POST", "/api/core/municipalities/08111000/providers", MUNICIPALITY, "application/json",
                        "{\"name\":\"Diakonie Stuttgart\"}", "Idempotency-Key", "provider-2");
            }));
        }
        go.countDown();
        java.util.Set<String> bodies = new java.util.HashSet<>();
        for (java.util.concurrent.Future<Resp> f : answers) {
            Resp r = f.get(60, java.util.concurrent.TimeUnit.SECONDS);
            assertEquals(r.body(), 201, r.status());
            bodies.add(r.json().toString());
        }
        pool.shutdown();
        assertEquals(1, bodies.size());
        assertEquals(2, get("/api/core/municipalities/08111000/providers", MUNICIPALITY).expect(200).json().size());
        assertEquals(before + 2, auditLength());
    }

    private long auditLength() {
        JsonNode v = get("/api/core/audit/verify", AUDITOR).expect(200).json();
        assertEquals(true, v.path("intact").asBoolean());
        return v.path("entriesChecked").asLong();
    }

    private static String app(String requested, String extra) {
        return "{\"applicantKey\":\"08111000\",\"areaId\":\"test-area\",\"periodId\":\"2017\",\"requested\":" + requested + extra + "}";
    }
}
