package de.paktwerk.itests;

import static org.junit.Assert.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

/**
 * The core's plug carries every instrument: a bundle with one thin area per instrument (key-based share, capped share
 * per position, settlement on actuals, competitive call) is hot-deployed and each goes through the core's REST
 * lifecycle; lifecycle events arrive through EventAdmin. The expected figures are worked out by hand in the comments.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class InstrumentsIT extends PaktwerkTestSupport {

    private static String app(String area, String period, String requested, String payload) {
        return "{\"applicantKey\":\"08111000\",\"areaId\":\"" + area + "\",\"periodId\":\"" + period + "\",\"requested\":\"" + requested
                + "\",\"payload\":" + payload + "}";
    }

    /** Created and submitted by the municipality; decided by the office (never the same person). */
    private long submitted(String body) {
        long id = post("/api/core/applications", MUNICIPALITY, body).expect(201).json().path("id").asLong();
        post("/api/core/applications/" + id + "/submit", MUNICIPALITY, null).expect(200);
        return id;
    }

    private String committed(String period, String area) {
        for (JsonNode b : get("/api/core/periods/" + period + "/budgets", APPROVER1).expect(200).json()) {
            if (b.path("areaId").asText().equals(area)) {
                return b.path("committed").asText();
            }
        }
        throw new AssertionError("kein Budget " + period + "/" + area);
    }

    @Test
    public void everyInstrumentGoesThroughTheCoreLifecycle() throws Exception {
        List<Event> events = new CopyOnWriteArrayList<>();
        Dictionary<String, Object> props = new Hashtable<>();
        props.put(EventConstants.EVENT_TOPIC, "de/paktwerk/application/*");
        ServiceRegistration<EventHandler> handler = bundleContext.registerService(EventHandler.class, events::add, props);
        Bundle areas = bundleContext.installBundle("mvn:de.paktwerk/paktwerk-test-area/" + System.getProperty("paktwerk.version"));
        areas.start();
        await("vier Testbereiche installiert", Duration.ofSeconds(20), () -> {
            String list = get("/api/core/funding-areas", APPROVER1).body();
            return list.contains("\"test-area\"") && list.contains("\"test-rate\"") && list.contains("\"test-actuals\"") && list.contains("\"test-call\"");
        });
        JsonNode listed = get("/api/core/funding-areas", APPROVER1).expect(200).json();
        for (JsonNode a : listed) {
            if (a.path("id").asText().equals("test-actuals")) {
                assertEquals("SETTLEMENT_ON_ACTUALS", a.path("instrument").asText());
                assertEquals("Sozialministerium", a.path("approvalOffice").asText());
            }
        }

        // key-based share, the 2022 Ukraine top-up: 8,000,000.00 by population (31.12.2019) over the 44 Stadt- and Landkreise
        put("/api/core/periods/2022/budgets/test-area", APPROVER1, "{\"amount\":\"8000000.00\"}").expect(200);
        JsonNode run = post("/api/core/distributions", APPROVER1, "{\"areaId\":\"test-area\",\"periodId\":\"2022\",\"kind\":\"FINAL\","
                + "\"amount\":\"8000000.00\",\"referenceDate\":\"2019-12-31\",\"keyFigureType\":\"population\",\"target\":\"DISTRICTS\"}")
                .expect(201).json();
        assertEquals(44, run.path("bodies").asInt());
        assertEquals("Einwohner je Stadt- und Landkreis zum Stichtag", run.path("keyDescription").asText());
        JsonNode shares = get("/api/core/distributions/" + run.path("id").asLong() + "/shares?limit=100", APPROVER1).expect(200).json();
        BigDecimal sum = BigDecimal.ZERO;
        String stuttgart = null;
        for (JsonNode s : shares.path("items")) {
            sum = sum.add(new BigDecimal(s.path("amount").asText()));
            if (s.path("bodyKey").asText().equals("08111000")) {
                stuttgart = s.path("amount").asText();
            }
        }
        assertEquals(new BigDecimal("8000000.00"), sum);
        // 8,000,000.00 × 635,911 / 11,100,394 = 458,297.9667… → 458,297.97 (its remainder is among the 23 largest)
        assertEquals("458297.97", stuttgart);

        // capped share per position, demand-driven budget: min(60 % of costs, 30,000.00 × FTE) per position,
        // position 1: min(24,000.00, 15,000.00), position 2: min(36,000.00, 30,000.00) → 45,000.00
        put("/api/core/periods/2018/budgets/test-rate", APPROVER1, "{\"amount\":\"50000.00\",\"capped\":false}").expect(200);
        String positions = "{\"positions\":[{\"fteHundredths\":50,\"costs\":\"40000.00\"},{\"fteHundredths\":100,\"costs\":\"60000.00\"}]}";
        long rate1 = submitted(app("test-rate", "2018", "45000.00", positions));
        JsonNode assessed = get("/api/core/applications/" + rate1, APPROVER1).expect(200).json();
        assertEquals("45000.00", assessed.path("priced").asText());
        assertEquals("CAP_APPLIED", assessed.path("assessment").get(1).path("kind").asText());
        assertEquals("9000.00", assessed.path("assessment").get(1).path("amount").asText());
        assertEquals("Wirtschaftsministerium", post("/api/core/applications/" + rate1 + "/decision", APPROVER1, "{\"outcome\":\"APPROVED\"}")
                .expect(201).json().path("approvalOffice").asText());
        long rate2 = submitted(app("test-rate", "2018", "45000.00", positions));
        post("/api/core/applications/" + rate2 + "/decision", APPROVER1, "{\"outcome\":\"APPROVED\"}").expect(201);
        assertEquals("90000.00", committed("2018", "test-rate")); // above the planning figure of 50,000.00: demand-driven

        // settlement on actuals: 300 planned units × 40.00 = 12,000.00 approved and paid; 250 delivered → 10,000.00
        // accepted, 2,000.00 reclaimed, committed down to 10,000.00
        put("/api/core/periods/2019/budgets/test-actuals", APPROVER1, "{\"amount\":\"50000.00\"}").expect(200);
        // only Stadt- and Landkreise apply here: a municipality inside a Landkreis is told to take part through it
        JsonNode refused = post("/api/core/applications", APPROVER1, app("test-actuals", "2019", "4000.00", "{\"plannedUnits\":100}")
                .replace("08111000", "08115001")).expectProblem(422, "rule-violated").json();
        assertEquals("Im Förderbereich Testbereich Ist-Abrechnung beantragen die Stadt- und Landkreise; Aidlingen nimmt über den"
                + " Landkreis Böblingen teil.", refused.path("detail").asText());
        long course = submitted(app("test-actuals", "2019", "12000.00", "{\"plannedUnits\":300}"));
        post("/api/core/applications/" + course + "/decision", APPROVER1, "{\"outcome\":\"APPROVED\"}").expect(201);
        post("/api/core/applications/" + course + "/drawdowns", MUNICIPALITY, "{\"amount\":\"12000.00\"}").expect(201);
        post("/api/core/applications/" + course + "/proof-of-use", MUNICIPALITY, "{\"spent\":\"12000.00\"}").expectProblem(400, "invalid-input");
        JsonNode proof = post("/api/core/applications/" + course + "/proof-of-use", MUNICIPALITY,
                "{\"spent\":\"12000.00\",\"actuals\":{\"deliveredUnits\":250}}").expect(201).json();
        assertEquals("10000.00", proof.path("accepted").asText());
        assertEquals("2000.00", proof.path("reclaim").asText());
        assertEquals("250 erteilte Unterrichtseinheiten × 40,00 €", proof.path("settlement").get(0).path("label").asText());
        assertEquals("10000.00", committed("2019", "test-actuals"));

        // competitive call with a capped call budget of 20,000.00: 20,000.00 − 2,000.00 own share (10 %) = 18,000.00, cut to
        // the 15,000.00 maximum; an association's own 4,500.00; the next grant of 9,000.00 no longer fits (19,500.00 + 9,000.00 > 20,000.00)
        put("/api/core/periods/2020-2021/budgets/test-call", APPROVER1, "{\"amount\":\"20000.00\"}").expect(200);
        long call1 = submitted(app("test-call", "2020-2021", "15000.00", "{\"costs\":\"20000.00\",\"ownShare\":\"1000.00\"}"));
        assertEquals("15000.00", get("/api/core/applications/" + call1, APPROVER1).json().path("priced").asText());
        post("/api/core/applications/" + call1 + "/decision", APPROVER1, "{\"outcome\":\"APPROVED\"}").expect(201);
        // an association applies in its own name: 5,000.00 − 500.00 own share = 4,500.00
        long verein = post("/api/core/municipalities/08111000/providers", APPROVER1,
                "{\"name\":\"Nachbarschaftsverein Stuttgart-Ost e.V.\",\"kind\":\"ASSOCIATION\"}").expect(201).json().path("id").asLong();
        grantRole(NOBODY, "provider");
        grantRole(NOBODY, "provider:" + verein);
        String own = "{\"applicantKey\":\"08111000\",\"applicantKind\":\"PROVIDER\",\"providerId\":" + verein
                + ",\"areaId\":\"test-call\",\"periodId\":\"2020-2021\",\"requested\":\"4500.00\",\"payload\":{\"costs\":\"5000.00\",\"ownShare\":\"500.00\"}}";
        post("/api/core/applications", NOBODY, own.replace("\"providerId\":" + verein, "\"providerId\":" + (verein + 1000)))
                .expectProblem(403, "forbidden");
        long byVerein = post("/api/core/applications", NOBODY, own).expect(201).json().path("id").asLong();
        post("/api/core/applications/" + byVerein + "/submit", NOBODY, null).expect(200);
        JsonNode mine = get("/api/core/applications", NOBODY).expect(200).json();
        assertEquals(1, mine.path("total").asInt());
        assertEquals("PROVIDER", mine.path("items").get(0).path("applicantKind").asText());
        post("/api/core/applications/" + byVerein + "/decision", APPROVER1, "{\"outcome\":\"APPROVED\"}").expect(201);
        long call2 = submitted(app("test-call", "2020-2021", "9000.00", "{\"costs\":\"10000.00\",\"ownShare\":\"1000.00\"}"));
        post("/api/core/applications/" + call2 + "/decision", APPROVER1, "{\"outcome\":\"APPROVED\"}").expectProblem(409, "budget-exhausted");
        post("/api/core/applications", MUNICIPALITY, app("test-call", "2020-2021", "1.00",
                "{\"costs\":\"10000.00\",\"ownShare\":\"1000.00\",\"submittedOn\":\"2021-01-01\"}")).expectProblem(409, "conflict");
        assertEquals("19500.00", committed("2020-2021", "test-call"));

        // the lifecycle events of the course, in order, with the amounts of each step
        await("Ereignisse der Ist-Abrechnung", Duration.ofSeconds(10), () -> events.stream()
                .anyMatch(e -> e.getTopic().endsWith("/SETTLED") && Long.valueOf(course).equals(e.getProperty("applicationId"))));
        List<String> courseEvents = events.stream().filter(e -> Long.valueOf(course).equals(e.getProperty("applicationId")))
                .map(e -> e.getTopic().substring("de/paktwerk/application/".length()) + ":" + e.getProperty("amountCents")).toList();
        assertEquals(List.of("SUBMITTED:1200000", "DECIDED:1200000", "SETTLED:1000000"), courseEvents);
        handler.unregister();
        areas.uninstall();
    }
}
