package de.paktwerk.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.karaf.options.KarafDistributionOption;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * The reproductions of the independent probe (issue "Hardening"), each with the answer it must now get, on the
 * real distribution.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class HardeningIT extends PaktwerkTestSupport {

    static final String ULM = "08421000";
    static final String ADMIN = "hardadmin";
    static final String MIXED = "Auflage: مرحبا بكم في الحي, خوش آمدید, Добро пожаловать, እንኳን ደህና መጡ, 中文 und ☕.";

    @Override
    protected Option extraOptions() {
        // the shipped limit of failed logins (the other classes raise it), for the bogus tokens
        return org.ops4j.pax.exam.CoreOptions.composite(KarafDistributionOption.editConfigurationFilePut("etc/users.properties", ADMIN, STORED_PW + ",admin"),
                KarafDistributionOption.editConfigurationFilePut("etc/de.paktwerk.login.cfg", "maxFailures", "10"));
    }

    private long ulmApplication(String fte) {
        return post("/api/core/applications", ULM_USER, "{\"applicantKey\":\"" + ULM + "\",\"areaId\":\"integration-management\","
                + "\"periodId\":\"2017\",\"requested\":\"68000.00\",\"payload\":{\"positions\":[{\"managerName\":\"A. Beispiel\",\"fte\":" + fte + ","
                + "\"qualification\":\"SOCIAL_WORK\",\"hireDate\":\"2017-10-01\"}]}}").expect(201).json().path("id").asLong();
    }

    private void budgetAndDistribution() {
        if (get("/api/core/periods/2017/budgets", APPROVER1).body().contains("integration-management")) {
            return;
        }
        put("/api/core/periods/2017/budgets/integration-management", APPROVER1, "{\"amount\":\"58000000.00\"}").expect(200);
        post("/api/core/distributions", APPROVER1, "{\"areaId\":\"integration-management\",\"periodId\":\"2017\",\"kind\":\"FINAL\","
                + "\"amount\":\"35000000.00\",\"referenceDate\":\"2017-09-15\"}").expect(201);
    }

    /** 1: conditions in German, Arabic, Persian, Cyrillic, Ethiopic, Chinese and an emoji; the letters and the batch work. */
    @Test
    public void aLetterWithAnyScriptIsAPdfAndTheBatchMakesEveryLetter() throws Exception {
        budgetAndDistribution();
        long app = ulmApplication("\"0.5\"");
        post("/api/core/applications/" + app + "/submit", ULM_USER, null).expect(200);
        post("/api/core/applications/" + app + "/decision", APPROVER1, JSON.writeValueAsString(java.util.Map.of("outcome", "APPROVED",
                "conditions", MIXED))).expect(201);
        assertEquals(1, get("/api/core/applications/" + app + "/letters", ULM_USER).expect(200).json().size());
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(httpBase() + "/api/core/applications/" + app
                + "/letters/1")).header("Authorization", "Basic " + Base64.getEncoder().encodeToString((ULM_USER + ":" + PW)
                .getBytes(StandardCharsets.UTF_8))).header("Accept", "application/pdf").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, r.statusCode());
        assertEquals("application/pdf", r.headers().firstValue("Content-Type").orElse(""));
        try (PDDocument doc = PDDocument.load(r.body())) {
            String text = new PDFTextStripper().getText(doc).replace("\n", " ");
            assertTrue(text, text.contains("Добро пожаловать") && text.contains("እንኳን ደህና መጡ") && text.contains("مرحبا بكم في الحي"));
            assertTrue(text, text.contains("wiedergegeben: U+2615, U+4E2D, U+6587."));
        }
        JsonNode batch = post("/api/core/letters", APPROVER1, "{\"areaId\":\"integration-management\",\"periodId\":\"2017\"}").expect(200).json();
        assertTrue(batch.toString(), batch.path("letters").asInt() >= 1);
        // 10: an area that does not exist makes no letters and gets no letterhead
        post("/api/core/letters", APPROVER1, "{\"areaId\":\"gibt-es-nicht\",\"periodId\":\"2017\"}").expectProblem(404);
        put("/api/core/letter-templates/area", ADMIN, "{\"officeName\":\"X\",\"officeLines\":[],\"place\":\"X\",\"conditions\":\"X\","
                + "\"legalRemedies\":\"X\",\"showApprovers\":true}").expectProblem(404);
    }

    private String token(String user) throws Exception {
        String out = console(new String[] {"admin"}, "paktwerk:token-create " + user + " 'Probe'");
        Matcher m = Pattern.compile("(pw_[A-Za-z0-9]{40})").matcher(out);
        assertTrue(out, m.find());
        return m.group(1);
    }

    private Resp bearer(String token) {
        return request("GET", "/api/core/periods", null, null, null, "Authorization", "Bearer " + token);
    }

    /** 3, 4, then 2: accounts made again or given a new password lose token and session; bogus tokens never lock out valid ones. */
    @Test
    public void tokensAndSessionsFollowTheAccountAndBogusTokensNeverLockOutValidOnes() throws Exception {
        String[] admin = {"admin"};
        console(admin, "paktwerk:user-add -m 08421000 sess2 sess2-passwort-1 municipality");
        String token = token("sess2");
        String session = request("POST", "/api/core/session", null, null, null, "Authorization", "Basic "
                + Base64.getEncoder().encodeToString("sess2:sess2-passwort-1".getBytes(StandardCharsets.UTF_8))).expect(201).json().path("token").asText();
        bearer(token).expect(200);
        bearer(session).expect(200);
        // the probe: deleted and created again under the same name (another person) before the old credentials are used
        console(admin, "jaas:realm-manage --realm karaf", "jaas:user-delete sess2", "jaas:update");
        console(admin, "jaas:realm-manage --realm karaf", "jaas:user-add sess2 ein-anderes-passwort-2", "jaas:role-add sess2 municipality",
                "jaas:update");
        bearer(token).expectProblem(401);
        bearer(session).expectProblem(401);
        // 4: a new password with jaas:user-add on the existing user ends the session opened with the old one
        String second = request("POST", "/api/core/session", null, null, null, "Authorization", "Basic "
                + Base64.getEncoder().encodeToString("sess2:ein-anderes-passwort-2".getBytes(StandardCharsets.UTF_8))).expect(201).json().path("token").asText();
        bearer(second).expect(200);
        console(admin, "jaas:realm-manage --realm karaf", "jaas:user-add sess2 das-dritte-passwort-3", "jaas:update");
        bearer(second).expectProblem(401);
        // revoked by the reconciliation or at the use, audited either way
        JsonNode revokes = get("/api/core/audit?actor=" + java.net.URLEncoder.encode("(Konto geändert)", StandardCharsets.UTF_8), AUDITOR)
                .expect(200).json();
        assertEquals(revokes.toString(), 1, revokes.size());
        assertEquals("api_token", revokes.get(0).path("entityType").asText());
        assertEquals("revoke", revokes.get(0).path("action").asText());

        // 2: twelve bogus tokens from this address, then a valid one (the revoked token above was the first invalid one)
        String valid = token(APPROVER1);
        for (int i = 0; i < 9; i++) {
            bearer("pw_bogus" + i).expectProblem(401);
        }
        bearer("pw_bogus9").expectProblem(429);
        bearer("pw_bogus10").expectProblem(429);
        bearer("pw_bogus11").expectProblem(429);
        bearer(valid).expect(200);
        // and passwords from the same address are not blocked by them
        get("/api/core/periods", APPROVER2).expect(200);
    }

    /** 6: the field a caller's scope is checked against is missing: 400 with the field, not 500. */
    @Test
    public void aMissingScopeKeyIsBadInputWithItsField() {
        Resp school = post("/api/youth-career/schools", MUNICIPALITY, "{\"schoolNumber\":\"04111003\",\"name\":\"Schule\",\"municipalityKey\":null,"
                + "\"schoolType\":\"GS\"}").expectProblem(400);
        assertEquals("municipalityKey", school.json().path("field").asText());
        Resp position = post("/api/integration-management/positions", ULM_USER, "{\"managerName\":\"A. Beispiel\",\"fte\":\"0.5\","
                + "\"qualification\":\"OTHER_DEGREE\",\"hireDate\":\"2017-10-01\"}").expectProblem(400);
        assertEquals("responsibleKey", position.json().path("field").asText());
        Resp application = post("/api/core/applications", ULM_USER, "{\"areaId\":\"integration-management\",\"periodId\":\"2017\","
                + "\"requested\":\"1000.00\",\"payload\":{\"positions\":[]}}").expectProblem(400);
        assertEquals("applicantKey", application.json().path("field").asText());
    }

    /** 7: the same key and body to another query string is another request: 422, nothing stored for it. */
    @Test
    public void anIdempotencyKeyCoversTheQueryString() {
        budgetAndDistribution();
        String body = "{\"applicantKey\":\"" + ULM + "\",\"areaId\":\"integration-management\",\"periodId\":\"2017\",\"requested\":\"1000.00\","
                + "\"payload\":{\"positions\":[{\"managerName\":\"B\",\"fte\":\"0.25\",\"qualification\":\"SOCIAL_WORK\",\"hireDate\":\"2017-10-01\"}]}}";
        // the applicant counts: the office does not list drafts
        int before = get("/api/core/applications?applicant=" + ULM + "&limit=500", ULM_USER).json().path("total").asInt();
        request("POST", "/api/core/applications?from=2017-11-01", ULM_USER, "application/json", body, "Idempotency-Key", "probe-7").expect(201);
        request("POST", "/api/core/applications?from=2017-11-01", ULM_USER, "application/json", body, "Idempotency-Key", "probe-7").expect(201);
        request("POST", "/api/core/applications?from=2018-01-01", ULM_USER, "application/json", body, "Idempotency-Key", "probe-7")
                .expectProblem(422);
        assertEquals(before + 1, get("/api/core/applications?applicant=" + ULM + "&limit=500", ULM_USER).json().path("total").asInt());
    }

    /** 8: HSTS over HTTPS, nosniff on the API, CSP and no framing on the API documentation. */
    @Test
    public void securityHeadersOnTheApiItsDocumentationAndHttps() throws Exception {
        Resp api = get("/api/core/periods", APPROVER1).expect(200);
        assertEquals("nosniff", api.header("X-Content-Type-Options"));
        Resp docs = request("GET", "/api/docs/index.html", null, null, null, "Accept", "text/html").expect(200);
        assertTrue(String.valueOf(docs.header("Content-Security-Policy")), String.valueOf(docs.header("Content-Security-Policy"))
                .startsWith("default-src 'none'; script-src 'self';"));
        assertEquals("DENY", docs.header("X-Frame-Options"));
        assertEquals("nosniff", docs.header("X-Content-Type-Options"));
        javax.net.ssl.SSLContext tls = javax.net.ssl.SSLContext.getInstance("TLS");
        java.security.KeyStore ks = java.security.KeyStore.getInstance("PKCS12");
        try (java.io.InputStream in = Files.newInputStream(Path.of(System.getProperty("paktwerk.itest.keystore")))) {
            ks.load(in, "paktwerk-demo".toCharArray());
        }
        java.security.KeyStore trust = java.security.KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("paktwerk", ks.getCertificate("paktwerk"));
        javax.net.ssl.TrustManagerFactory tmf = javax.net.ssl.TrustManagerFactory.getInstance(javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        tls.init(null, tmf.getTrustManagers(), null);
        HttpClient https = HttpClient.newBuilder().sslContext(tls).build();
        Resp secure = send(https, "https://localhost:" + System.getProperty("paktwerk.itest.https.port") + "/api/core/periods", "GET", APPROVER1, null, null);
        assertEquals(200, secure.status());
        assertEquals("max-age=31536000", secure.header("Strict-Transport-Security"));
    }

    /** 10: numbers are no amount or FTE strings, unprintable characters are refused, each naming its field. */
    @Test
    public void laxInputIsRefusedWithItsField() {
        budgetAndDistribution();
        Resp fte = post("/api/core/applications", ULM_USER, "{\"applicantKey\":\"" + ULM + "\",\"areaId\":\"integration-management\","
                + "\"periodId\":\"2017\",\"requested\":\"68000.00\",\"payload\":{\"positions\":[{\"managerName\":\"A\",\"fte\":0.5,"
                + "\"qualification\":\"SOCIAL_WORK\",\"hireDate\":\"2017-10-01\"}]}}").expectProblem(400);
        assertEquals("payload.positions[0].fte", fte.json().path("field").asText());
        Resp nul = post("/api/core/applications", ULM_USER, "{\"applicantKey\":\"" + ULM + "\",\"areaId\":\"integration-management\","
                + "\"periodId\":\"2017\",\"requested\":\"68000.00\",\"payload\":{\"positions\":[{\"managerName\":\"A\\u0000\\u202EB\",\"fte\":\"0.5\","
                + "\"qualification\":\"SOCIAL_WORK\",\"hireDate\":\"2017-10-01\"}]}}").expectProblem(400);
        assertEquals("payload.positions[0].managerName", nul.json().path("field").asText());
        Resp amount = post("/api/core/applications", ULM_USER, "{\"applicantKey\":\"" + ULM + "\",\"areaId\":\"integration-management\","
                + "\"periodId\":\"2017\",\"requested\":68000}").expectProblem(400);
        assertEquals("requested", amount.json().path("field").asText());
        // overlong UTF-8 ("/" as C0 AF) in a body
        HttpResponse<String> overlong;
        try {
            overlong = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(httpBase() + "/api/core/applications"))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((ULM_USER + ":" + PW).getBytes(StandardCharsets.UTF_8)))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {'{', '"', 'a', 'r', 'e', 'a',
                        'I', 'd', '"', ':', '"', (byte) 0xC0, (byte) 0xAF, '"', '}'})).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        assertEquals(overlong.body(), 400, overlong.statusCode());
        assertTrue(overlong.body(), overlong.body().contains("kein gültiges UTF-8"));
    }

    /** 11: the files with passwords are for the owner only. */
    @Test
    public void theFilesWithPasswordsAreForTheOwnerOnly() throws Exception {
        Path etc = Path.of(System.getProperty("karaf.etc"));
        for (String f : new String[] {"org.ops4j.pax.web.cfg", "org.ops4j.datasource-paktwerk.cfg", "users.properties"}) {
            assertEquals(f, "rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(etc.resolve(f))));
        }
    }

    /** 12: a body without Content-Type is the client's mistake: 415, and no ERROR in the log. */
    @Test
    public void aBodyWithoutContentTypeIs415AndNoErrorInTheLog() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(httpBase() + "/api/core/applications"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((ULM_USER + ":" + PW).getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString("{\"areaId\":\"x\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(r.body(), 415, r.statusCode());
        assertTrue(r.body(), r.body().contains("urn:paktwerk:problem:unsupported-media-type"));
        Path log = Path.of(System.getProperty("karaf.data"), "log", "karaf.log");
        String text = Files.exists(log) ? Files.readString(log) : "";
        assertFalse(text, text.contains("No message body reader"));
    }
}
