package de.paktwerk.itests;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * Decisions as documents on the real distribution: the Zuwendungsbescheid of an approved integration-management
 * application of Ulm (0.5 FTE → 68,000.00), read back with PDFBox inside the container; stored once, the same bytes
 * again; its hash in the audit chain; another municipality gets 404; the console writes it to a file.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class LettersIT extends PaktwerkTestSupport {

    static final String ULM = "08421000";

    private byte[] pdf(String path, String user) throws Exception {
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(httpBase() + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + PW).getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "application/pdf").timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(new String(r.body(), StandardCharsets.UTF_8), 200, r.statusCode());
        assertEquals("application/pdf", r.headers().firstValue("Content-Type").orElse(""));
        return r.body();
    }

    @Test
    public void theDecisionOfAnApprovedApplicationIsALetter() throws Exception {
        put("/api/core/periods/2017/budgets/integration-management", APPROVER1, "{\"amount\":\"58000000.00\"}").expect(200);
        post("/api/core/distributions", APPROVER1, "{\"areaId\":\"integration-management\",\"periodId\":\"2017\",\"kind\":\"FINAL\","
                + "\"amount\":\"35000000.00\",\"referenceDate\":\"2017-09-15\"}").expect(201);
        long app = post("/api/core/applications", ULM_USER, "{\"applicantKey\":\"" + ULM + "\",\"areaId\":\"integration-management\","
                + "\"periodId\":\"2017\",\"requested\":\"68000.00\",\"payload\":{\"positions\":[{\"managerName\":\"A. Beispiel\",\"fte\":\"0.5\","
                + "\"qualification\":\"SOCIAL_WORK\",\"hireDate\":\"2017-10-01\"}]}}").expect(201).json().path("id").asLong();
        post("/api/core/applications/" + app + "/submit", ULM_USER, null).expect(200);
        String number = post("/api/core/applications/" + app + "/decision", APPROVER1, "{\"outcome\":\"APPROVED\"}").expect(201).json()
                .path("number").asText();

        JsonNode letters = get("/api/core/applications/" + app + "/letters", ULM_USER).expect(200).json();
        assertEquals(1, letters.size());
        assertEquals("DECISION", letters.get(0).path("kind").asText());
        byte[] pdf = pdf("/api/core/applications/" + app + "/letters/1", ULM_USER);
        String text;
        try (PDDocument doc = PDDocument.load(pdf)) {
            text = new PDFTextStripper().getText(doc);
            assertEquals("2", doc.getDocumentCatalog().getMetadata() == null ? "" : new String(doc.getDocumentCatalog().getMetadata().toByteArray(),
                    StandardCharsets.UTF_8).replaceAll("(?s).*<pdfaid:part>(\\d)</pdfaid:part>.*", "$1"));
        }
        assertTrue(text, text.contains("Aktenzeichen / Bescheidnummer: " + number));
        assertTrue(text, text.contains("68.000,00 €") && text.contains("achtundsechzigtausend Euro"));
        assertTrue(text, text.contains("Zuwendungszweck") && text.contains("Förderbereich Integrationsmanagement"));
        assertTrue(text, text.contains("Textbausteine: Fassung 1"));
        assertTrue(text, text.contains("Rechtsbehelfsbelehrung"));
        assertTrue(text, !text.contains("A. Beispiel")); // the manager's name is in the payload, not in the letter
        // stored once: the same bytes again, and its hash is what the list and the chain say
        assertArrayEquals(pdf, pdf("/api/core/applications/" + app + "/letters/1", APPROVER1));
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf));
        assertEquals(sha, letters.get(0).path("sha256").asText());
        JsonNode entry = get("/api/core/audit?entityType=letter&entityId=" + letters.get(0).path("id").asLong(), AUDITOR).expect(200).json().get(0);
        String snapshot = "{\"kind\":\"DECISION\",\"reference\":\"" + number + "\",\"sha256\":\"" + sha + "\"}";
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(snapshot.getBytes(StandardCharsets.UTF_8))),
                JSON.readTree(entry.path("after").asText()).path("sha256").asText());
        assertTrue(get("/api/core/audit/verify", AUDITOR).json().path("intact").asBoolean());
        // another municipality does not see it
        get("/api/core/applications/" + app + "/letters", MUNICIPALITY).expectProblem(404, "not-found");
        request("GET", "/api/core/applications/" + app + "/letters/1", MUNICIPALITY, null, null, "Accept", "*/*").expectProblem(404, "not-found");
        request("GET", "/api/core/applications/" + app + "/letters/7", ULM_USER, null, null, "Accept", "*/*").expectProblem(404, "not-found");
        // the console writes it to a file
        Path file = Files.createTempFile("bescheid", ".pdf");
        String console = console(new String[] {"admin"}, "paktwerk:letter -o " + file + " " + app);
        assertTrue(console, console.contains("Bescheid geschrieben"));
        assertArrayEquals(pdf, Files.readAllBytes(file));

        // the office lowers the approval (Änderungsbescheid): a new letter that names the one it changes; bad input changes nothing
        post("/api/core/applications/" + app + "/decision/amendments", APPROVER2, "{\"amount\":\"-5.00\",\"reason\":\"x\"}")
                .expectProblem(400, "invalid-input");
        assertEquals("reason", post("/api/core/applications/" + app + "/decision/amendments", APPROVER2, "{\"amount\":\"60000.00\"}")
                .expectProblem(400, "invalid-input").json().path("field").asText());
        post("/api/core/applications/" + app + "/decision/amendments", APPROVER2, "{\"amount\":\"70000.00\",\"reason\":\"mehr\"}")
                .expectProblem(409, "conflict");
        post("/api/core/applications/" + app + "/decision/amendments", ULM_USER, "{\"amount\":\"60000.00\",\"reason\":\"selbst\"}")
                .expectProblem(403);
        JsonNode amended = post("/api/core/applications/" + app + "/decision/amendments", APPROVER2,
                "{\"amount\":\"60000.00\",\"reason\":\"Die Stelle ist erst ab 01.12.2017 besetzt.\"}").expect(200).json();
        assertEquals("60000.00", amended.path("amount").asText());
        assertEquals(number, amended.path("number").asText());
        assertEquals("PARTIALLY_APPROVED", get("/api/core/applications/" + app, ULM_USER).json().path("state").asText());
        letters = get("/api/core/applications/" + app + "/letters", ULM_USER).expect(200).json();
        assertEquals(2, letters.size());
        assertEquals("AMENDMENT", letters.get(1).path("kind").asText());
        assertEquals(letters.get(0).path("id").asLong(), letters.get(1).path("replacesId").asLong());
        assertArrayEquals(pdf, pdf("/api/core/applications/" + app + "/letters/1", ULM_USER)); // the first letter stays as it was
        try (PDDocument doc = PDDocument.load(pdf("/api/core/applications/" + app + "/letters/2", ULM_USER))) {
            String change = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertTrue(change, change.contains("Änderungsbescheid") && change.contains("der Zuwendungsbescheid " + number)
                    && change.contains("nun bewilligt 60.000,00 €") && change.contains("Die Stelle ist erst ab 01.12.2017 besetzt."));
        }
        get("/api/core/applications/" + app + "/letters", MUNICIPALITY).expectProblem(404, "not-found");
        assertTrue(get("/api/core/audit/verify", AUDITOR).json().path("intact").asBoolean());
    }
}
