package de.paktwerk.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Dictionary;
import java.util.Hashtable;
import javax.inject.Inject;
import javax.sql.DataSource;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The other half of the money on the real distribution: the split of the 2017 envelope, the flat allocation of
 * 90,000,000.00 by the refugees at 15.09.2017 (the demo's counts), a correction run after a count import, the
 * payment schedule and the treasury file read back, and the overview of Ulm checked against the database itself.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class FlatAllocationIT extends PaktwerkTestSupport {

    static final String ULM = "08421000";
    static final String FLAT = "/api/core/periods/2017/flat-allocation";

    @Inject
    @Filter("(dataSourceName=paktwerk)")
    DataSource dataSource;

    @Inject
    ConfigurationAdmin configurations;

    @Inject
    Clock clock;

    private long cents(String sql, Object... params) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static String euros(long cents) {
        return BigDecimal.valueOf(cents, 2).toPlainString();
    }

    @Test
    public void flatAllocationCorrectionTreasuryAndOverview() throws Exception {
        // the envelope of 2017 (160,000,000.00): 90,000,000.00 flat leave 70,000,000.00 for the areas' budgets
        put(FLAT, APPROVER1, "{\"amount\":\"90000000.00\"}").expect(200);
        assertEquals("Die Budgets des Zeitraums 2017 überschritten mit 70.000.000,01 € den Gesamtrahmen von 160.000.000,00 € (bereits vergeben:"
                + " 0,00 € an Förderbereiche und 90.000.000,00 € als pauschale Zuweisung).", put("/api/core/periods/2017/budgets/integration-management",
                APPROVER1, "{\"amount\":\"70000000.01\"}").expectProblem(409, "conflict").json().path("detail").asText());
        put("/api/core/periods/2017/budgets/integration-management", APPROVER1, "{\"amount\":\"58000000.00\"}").expect(200);
        put(FLAT, APPROVER1, "{\"amount\":\"102000000.01\"}").expectProblem(409, "conflict");
        put(FLAT, APPROVER1, "{\"amount\":\"-1.00\"}").expectProblem(400);
        put(FLAT, ULM_USER, "{\"amount\":\"1.00\"}").expectProblem(403);
        put(FLAT + "/schedule", APPROVER1, "[{\"number\":1,\"dueDate\":\"2017-10-01\",\"percent\":50},{\"number\":2,\"dueDate\":\"2018-03-01\","
                + "\"percent\":40}]").expectProblem(400);
        put(FLAT + "/schedule", APPROVER1, "[{\"number\":1,\"dueDate\":\"2017-10-01\",\"percent\":50},{\"number\":2,\"dueDate\":\"2018-03-01\","
                + "\"percent\":50}]").expect(200);

        // the final run pays every body its share: the payments sum to 90,000,000.00 exactly
        post(FLAT + "/runs", APPROVER1, "{\"kind\":\"FINAL\"}").expectProblem(400);
        JsonNode run = post(FLAT + "/runs", APPROVER1, "{\"kind\":\"FINAL\",\"referenceDate\":\"2017-09-15\"}").expect(201).json();
        assertEquals("90000000.00", run.path("paidByRun").asText());
        assertEquals(9_000_000_000L, cents("SELECT SUM(amount_cents) FROM flat_payment WHERE period_id = '2017'"));
        assertEquals(cents("SELECT COUNT(*) FROM flat_share WHERE run_id = ? AND amount_cents > 0", run.path("id").asLong()),
                cents("SELECT COUNT(*) FROM flat_payment WHERE period_id = '2017' AND kind = 'ALLOCATION'"));
        long ulmFirst = cents("SELECT amount_cents FROM flat_payment WHERE body_key = ? AND period_id = '2017'", ULM);

        // a count import changes Ulm's figure; with 100.00 more to share, the correction run's differences sum to exactly 100.00
        long ulmCount = cents("SELECT figure_value FROM key_figure WHERE figure_type = 'refugees' AND reference_date = DATE '2017-09-15'"
                + " AND body_key = ?", ULM);
        request("POST", "/api/core/refugee-counts", APPROVER1, "text/csv; charset=UTF-8", "ags;stichtag;anzahl\n" + ULM + ";15.09.2017;"
                + (ulmCount + 500) + "\n").expect(200);
        put(FLAT, APPROVER1, "{\"amount\":\"90000100.00\"}").expect(200);
        JsonNode correction = post(FLAT + "/runs", APPROVER1, "{\"kind\":\"FINAL\",\"referenceDate\":\"2017-09-15\"}").expect(201).json();
        assertEquals("100.00", correction.path("paidByRun").asText());
        assertEquals(10_000L, cents("SELECT SUM(CASE WHEN kind = 'REPAYMENT' THEN -amount_cents ELSE amount_cents END) FROM flat_payment"
                + " WHERE run_id = ?", correction.path("id").asLong()));
        assertEquals("TOP_UP", get(FLAT + "/payments?body=" + ULM, ULM_USER).expect(200).json().get(1).path("kind").asText());
        assertEquals(ulmFirst, cents("SELECT amount_cents FROM flat_payment WHERE body_key = ? AND run_id = ?", ULM, run.path("id").asLong()));
        assertEquals(cents("SELECT amount_cents FROM flat_share WHERE run_id = ? AND body_key = ?", correction.path("id").asLong(), ULM),
                cents("SELECT SUM(CASE WHEN kind = 'REPAYMENT' THEN -amount_cents ELSE amount_cents END) FROM flat_payment WHERE body_key = ?"
                        + " AND period_id = '2017'", ULM));
        get(FLAT + "/payments?body=08111000", ULM_USER).expectProblem(403);

        // the treasury file of the first instalment, read back: it matches; a changed amount or a bad line does not
        String file = request("GET", FLAT + "/instalments/1.csv", APPROVER1, null, null, "Accept", "text/csv").expect(200).body();
        JsonNode checked = request("POST", FLAT + "/instalments/1/check", APPROVER1, "text/csv", file).expect(200).json();
        assertTrue(checked.path("matches").asBoolean());
        assertEquals(cents("SELECT COUNT(DISTINCT body_key) FROM flat_payment WHERE period_id = '2017'"), checked.path("lines").asLong());
        String[] lines = file.split("\n");
        String tampered = file.replace(lines[1], lines[1].replaceFirst(";(-?[0-9]+),([0-9]{2});", ";1,00;"));
        request("POST", FLAT + "/instalments/1/check", APPROVER1, "text/csv", tampered).expectProblem(409, "conflict");
        String bad = lines[0] + "\n" + lines[1] + "\nX;Y;1,00;Zweck;1\n";
        assertTrue(request("POST", FLAT + "/instalments/1/check", APPROVER1, "text/csv", bad).expectProblem(400).json().path("detail").asText()
                .contains("Zeile 3: Schlüssel 'X' ist kein amtlicher Schlüssel"));
        request("GET", FLAT + "/instalments/3.csv", APPROVER1, null, null, "Accept", "text/csv").expectProblem(404);

        // Ulm's integration management in 2017: approved, drawn, settled
        post("/api/core/distributions", APPROVER1, "{\"areaId\":\"integration-management\",\"periodId\":\"2017\",\"kind\":\"FINAL\","
                + "\"amount\":\"35000000.00\",\"referenceDate\":\"2017-09-15\"}").expect(201);
        long app = post("/api/core/applications", ULM_USER, "{\"applicantKey\":\"" + ULM + "\",\"areaId\":\"integration-management\","
                + "\"periodId\":\"2017\",\"requested\":\"90000.00\",\"payload\":{\"positions\":[{\"managerName\":\"A. Beispiel\",\"fte\":\"0.75\","
                + "\"qualification\":\"SOCIAL_WORK\",\"hireDate\":\"2017-10-01\"}]}}").expect(201).json().path("id").asLong();
        post("/api/core/applications/" + app + "/submit", ULM_USER, null).expect(200);
        post("/api/core/applications/" + app + "/decision", APPROVER1, "{\"outcome\":\"APPROVED\"}").expect(201);
        post("/api/core/applications/" + app + "/drawdowns", ULM_USER, "{\"amount\":\"30000.00\"}").expect(201);
        post("/api/core/applications/" + app + "/proof-of-use", ULM_USER, "{\"spent\":\"25000.00\"}").expect(201);

        // the overview equals, cent for cent, the sums of Ulm's records (computed here from the tables)
        JsonNode ulm = get("/api/core/bodies/" + ULM + "/overview?period=2017", ULM_USER).expect(200).json();
        assertEquals(euros(cents("SELECT SUM(CASE WHEN kind = 'REPAYMENT' THEN -amount_cents ELSE amount_cents END) FROM flat_payment"
                + " WHERE body_key = ? AND period_id = '2017'", ULM)), ulm.path("flat").asText());
        JsonNode im = ulm.path("areas").get(0);
        assertEquals("integration-management", im.path("areaId").asText());
        String mine = " JOIN application a ON a.id = %s.application_id WHERE a.applicant_key = '" + ULM + "' AND a.period_id = '2017'"
                + " AND a.area_id = 'integration-management'";
        assertEquals(euros(cents("SELECT SUM(d.amount_cents) FROM decision d" + String.format(mine, "d") + " AND d.outcome <> 'REJECTED'")),
                im.path("approved").asText());
        assertEquals(euros(cents("SELECT SUM(w.amount_cents) FROM drawdown w" + String.format(mine, "w"))), im.path("paid").asText());
        assertEquals(euros(cents("SELECT SUM(p.released_cents) FROM proof_of_use p" + String.format(mine, "p"))), im.path("released").asText());
        assertEquals(euros(cents("SELECT SUM(r.amount_cents) FROM reclaim r" + String.format(mine, "r"))), im.path("reclaimed").asText());
        assertEquals("5000.00", im.path("reclaimed").asText()); // drawn 30,000.00, spent 25,000.00
        get("/api/core/bodies/08111000/overview?period=2017", ULM_USER).expectProblem(403);
        get("/api/core/bodies/" + ULM + "/overview", APPROVER1).expectProblem(400);

        // the state summed per district and region; the flat allocation sums to what was paid
        JsonNode regions = get("/api/core/overview?period=2017&by=region", AUDITOR).expect(200).json();
        assertEquals(4, regions.size());
        long flat = 0;
        for (JsonNode r : regions) {
            flat += new BigDecimal(r.path("flat").asText()).movePointRight(2).longValueExact();
        }
        assertEquals(9_000_010_000L, flat);
        get("/api/core/overview?period=2017&by=planet", AUDITOR).expectProblem(400);
        String csv = request("GET", "/api/core/overview.csv?period=2017&by=district", AUDITOR, null, null, "Accept", "text/csv").expect(200).body();
        assertTrue(csv.startsWith("\uFEFFags;name;art;kreis;regierungsbezirk;zeitraum;mittel;bewilligt;ausgezahlt;freigegeben;zurueckgefordert"));
        // a Stadtkreis is its own district: approved 90,000.00, drawn 30,000.00, released 60,000.00, reclaimed 5,000.00
        assertTrue(csv, csv.contains("08421000;Ulm, Universitätsstadt;KREIS;08421000;Tübingen;2017;integration-management;90000,00;30000,00;60000,00;"
                + "5000,00"));

        // open data of a closed period, without credentials, without personal data; an open period is refused
        String open = request("GET", "/api/core/open-data/overview.csv?period=2017", null, null, null, "Accept", "text/csv").expect(200).body();
        assertTrue(open.contains(ULM + ";Ulm, Universitätsstadt;STADTKREIS;08421;Tübingen;2017;flat-allocation;") && !open.contains("Beispiel"));
        assertTrue(request("GET", "/api/core/open-data/overview.txt", null, null, null, "Accept", "text/plain").expect(200).body()
                .contains("dl-de/by-2-0"));
        Configuration c = configurations.getConfiguration("de.paktwerk.clock", "?");
        Dictionary<String, Object> p = new Hashtable<>();
        p.put("fixedInstant", "2017-11-01T08:00:00Z");
        c.update(p);
        await("Uhr steht", Duration.ofSeconds(20), () -> clock.instant().equals(Instant.parse("2017-11-01T08:00:00Z")));
        request("GET", "/api/core/open-data/overview.csv?period=2017", null, null, null, "Accept", "text/csv").expectProblem(409, "conflict");
        c.delete();

        String console = console(new String[] {"admin"}, "paktwerk:overview -p 2017 " + ULM);
        assertTrue(console, console.contains("pauschale Zuweisung") && console.contains("integration-management"));
        assertTrue(get("/api/core/audit/verify", AUDITOR).json().path("intact").asBoolean());
    }
}
