package de.paktwerk.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * Failed logins at the REST API with the shipped limits (10 within 15 minutes): logged and audited without
 * the password, then refused with 429 and Retry-After for the address; the console stays usable.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
@org.junit.FixMethodOrder(org.junit.runners.MethodSorters.NAME_ASCENDING) // the login test blocks this address: it runs last
public class LoginHardeningIT extends PaktwerkTestSupport {

    static final String WRONG = "falsches-Passwort-xyz";

    @Override
    protected Option extraOptions() {
        // the shipped default (the other test classes raise it: all their requests come from 127.0.0.1)
        return editConfigurationFilePut("etc/de.paktwerk.login.cfg", "maxFailures", "10");
    }

    /** This container is a production installation: no demo feature. */
    @Override
    protected boolean demo() {
        return false;
    }

    @javax.inject.Inject
    protected org.apache.karaf.features.FeaturesService features;

    @Test
    public void aProductionInstallationHasNoDemoDataUntilTheDemoFeatureIsInstalled() throws Exception {
        assertFalse(features.isInstalled(features.getFeature("paktwerk-demo")));
        assertEquals("[]", get("/api/core/municipalities/08421000/refugee-counts", APPROVER1).expect(200).body());
        features.installFeature("paktwerk-demo", java.util.EnumSet.noneOf(org.apache.karaf.features.FeaturesService.Option.class));
        // the demo's three reference dates, each labelled synthetic
        await("synthetische Zahlen zu drei Stichtagen erscheinen", java.time.Duration.ofSeconds(30),
                () -> get("/api/core/municipalities/08421000/refugee-counts", APPROVER1).json().size() == 3);
        for (JsonNode c : get("/api/core/municipalities/08421000/refugee-counts", APPROVER1).json()) {
            assertTrue(c.toString(), c.path("synthetic").asBoolean());
        }
    }

    static String sha256(String s) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    }

    private Resp basic(String user, String password) {
        return request("GET", "/api/core/periods", null, null, null, "Authorization",
                "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    public void tenFailuresFromAnAddressAreAuditedWithoutThePasswordAndThenRefusedWith429() throws Exception {
        for (int i = 0; i < 9; i++) {
            basic(APPROVER2, WRONG).expectProblem(401);
        }
        JsonNode trail = get("/api/core/audit?entityType=login&entityId=" + APPROVER2, AUDITOR).expect(200).json();
        assertEquals(9, trail.size());
        for (JsonNode e : trail) {
            assertEquals("failure", e.path("action").asText());
            // the address is personal data: the chain keeps that it was recorded and its hash; the log has it
            assertEquals("{\"changed\":[\"address\"],\"sha256\":\"" + sha256("{\"address\":\"127.0.0.1\"}") + "\"}", e.path("after").asText());
        }
        assertFalse(trail.toString().contains(WRONG));
        // an unknown name is audited as such: whatever was typed (it could be a password) stays out of the chain
        basic("ein-vertipptes-Passwort", WRONG).expectProblem(401); // the 10th failure from this address
        Resp refused = basic(APPROVER2, PW).expectProblem(429);
        int retryAfter = Integer.parseInt(refused.header("Retry-After"));
        // the first failure was a few seconds ago: the window of 900 s minus those seconds
        assertTrue("Retry-After " + retryAfter, retryAfter > 840 && retryAfter <= 900);
        assertEquals("Zu viele fehlgeschlagene Anmeldungen", refused.json().path("title").asText());
        basic(AUDITOR, PW).expectProblem(429); // the address is blocked, whoever it is
        // the console does not go through the REST login and stays usable for the admin
        String verified = console(new String[] {"admin"}, "paktwerk:audit-verify");
        assertTrue(verified, verified.contains("intakt"));
        String log = Files.readString(Path.of(System.getProperty("karaf.data"), "log", "karaf.log"));
        assertTrue(log.contains("Fehlgeschlagene Anmeldung an der REST-Schnittstelle: Benutzer " + APPROVER2 + " von 127.0.0.1"));
        assertTrue(log.contains("Benutzer (unbekannter Benutzer) von 127.0.0.1"));
        assertFalse(log.contains(WRONG));
        assertFalse(log.contains("ein-vertipptes-Passwort"));
    }
}
