package de.paktwerk.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * The web interface as the container serves it: sessions of the interface (login trades the password for a token
 * that ends at logout), the shell with its security headers, the pages a funding area brings, and the operator's
 * list of bundles. The interface itself is tested in a real browser (testing/browser).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class WebIT extends PaktwerkTestSupport {

    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self';"
            + " font-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private Resp withToken(String method, String path, String token, String... more) {
        List<String> headers = new ArrayList<>(List.of("Authorization", "Bearer " + token));
        headers.addAll(List.of(more));
        return request(method, path, null, null, null, headers.toArray(String[]::new));
    }

    @Test
    public void aSessionTokenActsAsItsUserWithItsRolesUntilLogout() {
        JsonNode s = request("POST", "/api/core/session", ULM_USER, null, null).expect(201).json();
        String token = s.path("token").asText();
        assertTrue(token, token.startsWith("pws_"));
        assertEquals(ULM_USER, s.path("user").asText());
        assertEquals("[\"municipality\",\"municipality:08421000\"]", s.path("roles").toString());

        assertEquals(ULM_USER, withToken("GET", "/api/core/session", token).expect(200).json().path("user").asText());
        withToken("GET", "/api/core/applications", token).expect(200);
        Resp refused = request("PUT", "/api/core/periods/2017/budgets/integration-management", null, "application/json",
                "{\"amount\":\"1.00\"}", "Authorization", "Bearer " + token).expectProblem(403);
        assertTrue(refused.body(), refused.json().path("detail").asText().contains("approver"));

        withToken("DELETE", "/api/core/session", token).expect(204);
        Resp after = withToken("GET", "/api/core/session", token).expectProblem(401);
        assertEquals("Die Sitzung ist abgelaufen oder beendet. Bitte melden Sie sich erneut an.", after.json().path("detail").asText());
        assertEquals("Basic realm=\"Paktwerk\", charset=\"UTF-8\"", after.header("WWW-Authenticate"));
        // the web interface asks for a 401 without the browser's own login dialog
        assertNull(withToken("GET", "/api/core/session", token, "X-Paktwerk-Client", "web").expectProblem(401).header("WWW-Authenticate"));
    }

    @Test
    public void aWrongPasswordOpensNoSession() {
        Resp r = request("POST", "/api/core/session", null, null, null, "Authorization", "Basic dWxtOmZhbHNjaA==", // ulm:falsch
                "X-Paktwerk-Client", "web").expectProblem(401);
        assertEquals("Benutzername oder Passwort ist falsch.", r.json().path("detail").asText());
        assertNull(r.header("WWW-Authenticate"));
    }

    @Test
    public void theShellIsServedWithItsSecurityHeaders() {
        await("Weboberfläche", Duration.ofSeconds(30), () -> get("/ui/", null).status() == 200);
        Resp redirect = get("/ui", null).expect(302);
        assertTrue(redirect.header("Location"), redirect.header("Location").endsWith("/ui/"));
        Resp page = get("/ui/", null).expect(200);
        assertTrue(page.contentType(), page.contentType().startsWith("text/html"));
        assertTrue(page.body().contains("<html lang=\"de\">"));
        assertEquals(CSP, page.header("Content-Security-Policy"));
        assertEquals("nosniff", page.header("X-Content-Type-Options"));
        assertEquals("DENY", page.header("X-Frame-Options"));
        for (String asset : List.of("/ui/app.js", "/ui/lib.js", "/ui/views.js", "/ui/area.js", "/ui/form.js", "/ui/chart.js",
                "/ui/vendor/uplot/uPlot.esm.js")) {
            Resp r = get(asset, null).expect(200);
            assertTrue(asset + ": " + r.contentType(), r.contentType().contains("javascript"));
            assertEquals(asset, CSP, r.header("Content-Security-Policy"));
        }
        assertTrue(get("/ui/app.css", null).expect(200).contentType().startsWith("text/css"));
        assertTrue(get("/ui/vendor/uplot/uPlot.min.css", null).expect(200).contentType().startsWith("text/css"));
    }

    @Test
    public void everyFundingAreaBringsItsPage() {
        for (String area : List.of("integration-management", "youth-career", "language-courses", "civic-engagement")) {
            Resp r = get("/ui/areas/" + area + "/page.js", null).expect(200);
            assertTrue(area + ": " + r.contentType(), r.contentType().contains("javascript"));
            assertTrue(area, r.body().contains("export default"));
        }
        assertTrue(get("/ui/areas/integration-management/page.js", null).body().contains("Fallbestand"));
        assertEquals(404, get("/ui/areas/no-such-area/page.js", null).status());
    }

    @Test
    public void theOperatorSeesEveryBundleWithVersionStateAndArea() {
        JsonNode modules = get("/api/core/modules", AUDITOR).expect(200).json();
        JsonNode im = null;
        List<String> names = new ArrayList<>();
        for (JsonNode m : modules) {
            names.add(m.path("symbolicName").asText());
            if ("de.paktwerk.paktwerk-integration-management".equals(m.path("symbolicName").asText())) {
                im = m;
            }
        }
        assertTrue(names.toString(), names.containsAll(List.of("de.paktwerk.paktwerk-core", "de.paktwerk.paktwerk-core-api",
                "de.paktwerk.paktwerk-web", "de.paktwerk.paktwerk-civic-engagement")));
        assertEquals("ACTIVE", im.path("state").asText());
        assertEquals("[\"integration-management\"]", im.path("areaIds").toString());
        assertTrue(im.path("version").asText(), im.path("version").asText().startsWith("0.1.0."));
        get("/api/core/modules", ULM_USER).expectProblem(403);
    }

    @Test
    public void aProblemNamesTheFieldItConcernsSoThatTheFormShowsItThere() {
        String good = "{\"responsibleKey\":\"08421000\",\"managerName\":\"A\",\"fte\":\"0.5\",\"qualification\":\"SOCIAL_WORK\",\"hireDate\":\"2017-10-01\"}";
        String badFte = good.replace("\"0.5\"", "\"abc\"");
        JsonNode p = post("/api/integration-management/pricing?period=2017", ULM_USER, "{\"positions\":[" + good + "," + badFte + "]}")
                .expectProblem(400, "invalid-input").json();
        assertEquals("positions[1].fte", p.path("field").asText());
        assertEquals("Stellenanteil 'abc' ist kein Stellenanteil: erwartet wird eine Dezimalzahl mit Punkt und höchstens zwei"
                + " Nachkommastellen, z. B. \"0.5\".", p.path("detail").asText());
        // a value the JSON reader refuses names its path too
        JsonNode date = post("/api/integration-management/pricing?period=2017", ULM_USER, "{\"positions\":[" + good.replace("2017-10-01", "gestern") + "]}")
                .expectProblem(400, "invalid-input").json();
        assertEquals("positions[0].hireDate", date.path("field").asText());
        // a problem about the list names the list, in the module's body (the payload)
        assertEquals("positions", post("/api/integration-management/pricing?period=2017", ULM_USER, "{\"positions\":[]}").expectProblem(400).json()
                .path("field").asText());
    }
}
