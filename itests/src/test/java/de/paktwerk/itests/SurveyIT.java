package de.paktwerk.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * The count survey for 15.09.2017 over REST, as the statistics office, Ulm (a Stadtkreis) and the Alb-Donau-Kreis with
 * two of its municipalities do it: reports, a report given back and corrected, a municipality that never reports
 * entered by its district, an impossible count refused, closing refused and then done with the missing named, a FINAL
 * run on the survey that sums exactly (and none while it was open), a correction naming the run it changes, and the
 * corrections refused without a reason and after their end.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SurveyIT extends PaktwerkTestSupport {

    static final String ULM = "08421000";
    static final String ALLMENDINGEN = "08425002";
    static final String ALTHEIM = "08425005";
    static final String AMSTETTEN = "08425008";
    static final String STATISTICS = "stala1";
    static final String ALB_DONAU_USER = "adk";
    static final String ALLMENDINGEN_USER = "allmendingen";
    static final String ALTHEIM_USER = "altheim";
    static final String S = "/api/core/surveys";

    @Override
    protected Option extraOptions() {
        return composite(editConfigurationFilePut("etc/users.properties", STATISTICS, STORED_PW + ",statistics"),
                editConfigurationFilePut("etc/users.properties", ALB_DONAU_USER, STORED_PW + ",municipality,municipality:08425"),
                editConfigurationFilePut("etc/users.properties", ALLMENDINGEN_USER, STORED_PW + ",municipality,municipality:" + ALLMENDINGEN),
                editConfigurationFilePut("etc/users.properties", ALTHEIM_USER, STORED_PW + ",municipality,municipality:" + ALTHEIM));
    }


    /** The caller's work item of a kind, as "title/count". */
    private String work(String user, String kind) {
        for (JsonNode w : get("/api/core/work", user).expect(200).json()) {
            if (kind.equals(w.path("kind").asText())) {
                return w.path("title").asText() + "/" + w.path("count").asLong();
            }
        }
        return "keine Arbeit der Art " + kind;
    }

    private static String count(long value) {
        return "{\"value\":" + value + "}";
    }

    @Test
    public void fromOpeningToCorrection() throws Exception {
        today("2017-09-20T08:00:00Z");
        post(S, ULM_USER, "{\"referenceDate\":\"2017-09-15\",\"cohort\":\"Zugänge 01.01.2015–29.02.2016\"}").expectProblem(403, "forbidden");
        JsonNode survey = post(S, STATISTICS, "{\"referenceDate\":\"2017-09-15\",\"cohort\":\"Geflüchtete der Zugänge 01.01.2015–29.02.2016"
                + " (mit Familiennachzug) in der Anschlussunterbringung\"}").expect(201).json();
        long id = survey.path("id").asLong();
        assertEquals(List.of("refugees", "2017-10-15", "2017-12-31", "OPEN"), List.of(survey.path("keyFigureType").asText(),
                survey.path("reportDeadline").asText(), survey.path("correctionsUntil").asText(), survey.path("state").asText()));
        post(S, STATISTICS, "{\"referenceDate\":\"2017-09-15\",\"cohort\":\"noch einmal\",\"surprise\":1}").expectProblem(400);
        String r = S + "/" + id + "/reports/";

        // Ulm reports and confirms itself; the contact is kept with the report, not in the audit chain
        assertEquals("REPORTED", put(r + ULM, ULM_USER, "{\"value\":1609,\"contact\":\"Frau Özdemir, 0731 161-0\",\"remark\":\"Stand 15.09.\"}")
                .expect(200).json().path("state").asText());
        assertEquals("CONFIRMED", post(r + ULM + "/confirm", ULM_USER, null).expect(200).json().path("state").asText());

        // an impossible count is refused at its field
        JsonNode tooMany = put(r + ALLMENDINGEN, ALLMENDINGEN_USER, count(1_000_000)).expectProblem(400, "invalid-input").json();
        assertEquals(List.of("value", "Die gemeldete Zahl (1.000.000) ist größer als die Einwohnerzahl von Allmendingen (4.500); bitte prüfen."),
                List.of(tooMany.path("field").asText(), tooMany.path("detail").asText()));
        put(r + ALLMENDINGEN, ALLMENDINGEN_USER, "{\"value\":\"sechzig\"}").expectProblem(400);
        assertEquals("Ihre Zahl zur Erhebung zum 15.09.2017 fehlt noch oder ist zurückgegeben/1", work(ALLMENDINGEN_USER, "SURVEY_TO_REPORT"));
        put(r + ALLMENDINGEN, ALLMENDINGEN_USER, count(60)).expect(200);
        // what waits for whom: the district has one report to check, Allmendingen nothing, the office 1,099 bodies
        assertEquals("1 Meldung Ihrer Gemeinden wartet auf Ihre Bestätigung zur Erhebung zum 15.09.2017/1", work(ALB_DONAU_USER, "SURVEY_TO_CHECK"));
        assertEquals("Ihre Zahl zur Erhebung zum 15.09.2017 ist gemeldet/0", work(ALLMENDINGEN_USER, "SURVEY_TO_REPORT"));
        assertEquals("1.100 Kommunen haben noch keine bestätigte Zahl zur Erhebung zum 15.09.2017/1100", work(STATISTICS, "SURVEY_OPEN"));
        // Allmendingen's report is given back with a reason it reads, and reported again; the district confirms
        post(r + ALLMENDINGEN + "/return", ALB_DONAU_USER, "{\"reason\":\"\"}").expectProblem(400, "invalid-input");
        post(r + ALLMENDINGEN + "/return", ULM_USER, "{\"reason\":\"nicht meins\"}").expectProblem(403, "forbidden");
        post(r + ALLMENDINGEN + "/return", ALB_DONAU_USER, "{\"reason\":\"Bitte die Familiennachzüge mitzählen.\"}").expect(200);
        JsonNode returned = get(r + ALLMENDINGEN, ALLMENDINGEN_USER).expect(200).json();
        assertEquals(List.of("RETURNED", "Bitte die Familiennachzüge mitzählen."),
                List.of(returned.path("state").asText(), returned.path("returnReason").asText()));
        put(r + ALLMENDINGEN, ALLMENDINGEN_USER, count(64)).expect(200);
        post(r + ALLMENDINGEN + "/confirm", ALB_DONAU_USER, null).expect(200);
        put(r + ALTHEIM, ALTHEIM_USER, count(20)).expect(200);
        post(r + ALTHEIM + "/confirm", ALB_DONAU_USER, null).expect(200);
        // Amstetten never reports: the district enters its count
        JsonNode entered = put(r + AMSTETTEN, ALB_DONAU_USER, "{\"value\":30,\"remark\":\"telefonisch erfragt\"}").expect(200).json();
        assertEquals(List.of("CONFIRMED", "true", "30"), List.of(entered.path("state").asText(), entered.path("enteredByDistrict").asText(),
                entered.path("value").asText()));
        get(r + AMSTETTEN, ULM_USER).expectProblem(403, "forbidden");

        JsonNode progress = get(S + "/" + id + "/progress", STATISTICS).expect(200).json();
        JsonNode state = progress.get(progress.size() - 1);
        assertEquals(List.of(1101, 4, 1097), List.of(state.path("bodies").asInt(), state.path("confirmed").asInt(), state.path("missing").asInt()));
        JsonNode albDonau = null;
        for (JsonNode t : progress) {
            if ("08425".equals(t.path("districtKey").asText())) {
                albDonau = t;
            }
        }
        assertEquals(List.of(55, 3, 52), List.of(albDonau.path("bodies").asInt(), albDonau.path("confirmed").asInt(), albDonau.path("missing").asInt()));
        assertEquals(55, get(S + "/" + id + "/reports?limit=2000", ALB_DONAU_USER).expect(200).json().path("total").asInt());
        String csv = request("GET", S + "/" + id + "/reports.csv", ALB_DONAU_USER, null, null, "Accept", "text/csv").expect(200).body();
        assertTrue(csv, csv.startsWith("\uFEFFSchlüssel;Kommune;Kreis;Stand;Anzahl;vom Kreis eingetragen;Bemerkung;Rückgabegrund;Auffälligkeiten;Annahme beim Abschluss"));
        assertTrue(csv, List.of(csv.split("\\R")).contains("08425008;Amstetten;08425;bestätigt;30;ja;telefonisch erfragt;;;"));
        assertEquals(csv, 1 + 55, csv.split("\\R").length);

        // no final run while the survey is open
        put("/api/core/periods/2017/budgets/integration-management", APPROVER1, "{\"amount\":\"58000000.00\"}").expect(200);
        String run = "{\"areaId\":\"integration-management\",\"periodId\":\"2017\",\"kind\":\"FINAL\",\"amount\":\"1723.00\",\"referenceDate\":\"2017-09-15\"}";
        assertEquals("Die Erhebung Nr. " + id + " zum 15.09.2017 ist noch offen; ein endgültiger Lauf braucht ihre abgeschlossenen Zahlen."
                + " Vorläufige Läufe sind möglich.", post("/api/core/distributions", APPROVER1, run).expectProblem(409, "conflict").json()
                .path("detail").asText());

        // closing with municipalities missing is refused; with them named and how they count, it is closed
        JsonNode refused = post(S + "/" + id + "/close", STATISTICS, "{\"missing\":[]}").expectProblem(409, "conflict").json();
        assertTrue(refused.path("detail").asText(), refused.path("detail").asText()
                .startsWith("Die Erhebung kann nicht abgeschlossen werden: 1097 Kommunen haben keine bestätigte Zahl"));
        ObjectNode closing = JSON.createObjectNode();
        ArrayNode missing = closing.putArray("missing");
        List<String> keys = new ArrayList<>();
        for (JsonNode m : get(S + "/" + id + "/reports?state=MISSING&limit=2000", STATISTICS).expect(200).json().path("items")) {
            keys.add(m.path("bodyKey").asText());
            missing.addObject().put("bodyKey", m.path("bodyKey").asText()).put("countedAs", "ZERO").put("reason", "bis 15.10.2017 keine Meldung");
        }
        assertEquals(1097, keys.size());
        post(S + "/" + id + "/close", ALB_DONAU_USER, closing.toString()).expectProblem(403, "forbidden");
        assertEquals("CLOSED", post(S + "/" + id + "/close", STATISTICS, closing.toString()).expect(200).json().path("state").asText());
        put(r + ALTHEIM, ALTHEIM_USER, count(21)).expectProblem(409, "conflict");

        // the final run on it shares exactly by the survey's figures
        JsonNode fin = post("/api/core/distributions", APPROVER1, run).expect(201).json();
        long finId = fin.path("id").asLong();
        JsonNode shares = get("/api/core/distributions/" + finId + "/shares?sort=-amount&limit=5", APPROVER1).expect(200).json();
        assertEquals(List.of(ULM + "=1609.00", ALLMENDINGEN + "=64.00", AMSTETTEN + "=30.00", ALTHEIM + "=20.00", "0.00"),
                List.of(shares.path("items").get(0).path("bodyKey").asText() + "=" + shares.path("items").get(0).path("amount").asText(),
                        shares.path("items").get(1).path("bodyKey").asText() + "=" + shares.path("items").get(1).path("amount").asText(),
                        shares.path("items").get(2).path("bodyKey").asText() + "=" + shares.path("items").get(2).path("amount").asText(),
                        shares.path("items").get(3).path("bodyKey").asText() + "=" + shares.path("items").get(3).path("amount").asText(),
                        shares.path("items").get(4).path("amount").asText()));

        // a correction needs a reason and names the run it changes; after the end of corrections none
        post(S + "/" + id + "/corrections", ALB_DONAU_USER, "{\"bodyKey\":\"" + ALTHEIM + "\",\"value\":22}").expectProblem(400, "invalid-input");
        JsonNode corrected = post(S + "/" + id + "/corrections", ALB_DONAU_USER, "{\"bodyKey\":\"" + ALTHEIM
                + "\",\"value\":22,\"reason\":\"zwei Familiennachzüge nachgemeldet\"}").expect(200).json();
        assertEquals(List.of("20", "22", String.valueOf(finId)), List.of(corrected.path("previous").asText(), corrected.path("report").path("value").asText(),
                corrected.path("changedRuns").get(0).path("distributionId").asText()));
        assertEquals(1, corrected.path("changedRuns").size());
        today("2018-01-02T08:00:00Z");
        assertEquals("Korrekturen der Erhebung zum 15.09.2017 waren nur bis zum 31.12.2017 möglich.", post(S + "/" + id + "/corrections",
                ALB_DONAU_USER, "{\"bodyKey\":\"" + ALTHEIM + "\",\"value\":23,\"reason\":\"noch einer\"}").expectProblem(409, "conflict").json()
                .path("detail").asText());
        configurationAdmin.getConfiguration("de.paktwerk.clock", "?").delete();

        // the chain: what happened to the counts, not who to call, and intact
        String audit = get("/api/core/audit?from=2000-01-01&limit=2000", AUDITOR).expect(200).body();
        assertTrue(audit.contains("\"action\":\"confirm\"") && audit.contains("\"action\":\"correct\"") && audit.contains("\"action\":\"close\""));
        assertTrue(!audit.contains("Özdemir") && !audit.contains("telefonisch") && !audit.contains("Familiennachzüge"));
        assertTrue(get("/api/core/audit/verify", AUDITOR).json().path("intact").asBoolean());
    }
}
