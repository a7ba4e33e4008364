package de.paktwerk.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import javax.inject.Inject;
import javax.sql.DataSource;
import org.apache.karaf.features.FeaturesService;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;

/**
 * The integration-management module in the running platform: its REST and pricing through to a decision,
 * cases, plans and overdue reviews; then feature:uninstall (REST 404, core serving, data kept) and
 * feature:install (the same data back).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class IntegrationManagementIT extends PaktwerkTestSupport {

    static final String FEATURE = "paktwerk-integration-management";
    static final String ULM = "08421000";

    @Inject
    FeaturesService features;

    @Inject
    @Filter("(dataSourceName=paktwerk)")
    DataSource dataSource;

    @Test
    public void theModuleServesIsRemovedWithoutLosingDataAndComesBack() throws Exception {
        await("Modul antwortet", Duration.ofSeconds(30), () -> get("/api/integration-management/positions", APPROVER1).status() == 200);
        assertTrue(areaListed());

        put("/api/core/periods/2017/budgets/integration-management", APPROVER1, "{\"amount\":\"58000000.00\"}").expect(200);
        post("/api/core/distributions", APPROVER1, "{\"areaId\":\"integration-management\",\"periodId\":\"2017\","
                + "\"kind\":\"PROVISIONAL\",\"amount\":\"35000000.00\"}").expect(201);

        // pricing and an application priced by the module, through to a decision
        JsonNode pricing = post("/api/integration-management/pricing?period=2017", ULM_USER, "{\"positions\":[{\"responsibleKey\":\"" + ULM
                + "\",\"managerName\":\"A. Beispiel\",\"fte\":\"0.5\",\"qualification\":\"OTHER_DEGREE\",\"hireDate\":\"2017-10-01\"}]}")
                .expect(200).json();
        assertEquals("64000.00", pricing.path("total").asText());
        JsonNode app = fileAtItsPrice(ULM_USER, "{\"applicantKey\":\"" + ULM + "\",\"areaId\":\"integration-management\","
                + "\"periodId\":\"2017\",\"requested\":\"64000.00\",\"payload\":{\"positions\":[{\"managerName\":\"A. Beispiel\","
                + "\"fte\":\"0.5\",\"qualification\":\"OTHER_DEGREE\",\"hireDate\":\"2017-10-01\"}]}}").json();
        assertEquals("64000.00", app.path("priced").asText());
        long appId = app.path("id").asLong();
        post("/api/core/applications/" + appId + "/submit", ULM_USER, null).expect(200);
        // another municipality neither sees nor acts for Ulm
        get("/api/core/applications/" + appId, MUNICIPALITY).expectProblem(404); // not 403: ids and owners are not enumerable
        post("/api/core/applications/" + appId + "/decision", APPROVER1, "{\"outcome\":\"APPROVED\"}").expect(201);
        assertEquals("APPROVED", get("/api/core/applications/" + appId, APPROVER1).json().path("state").asText());
        // a municipality with a share below 51,000.00 is refused with advice
        JsonNode refused = post("/api/core/applications", APPROVER1, "{\"applicantKey\":\"08115001\",\"areaId\":\"integration-management\","
                + "\"periodId\":\"2017\",\"requested\":\"1000.00\",\"payload\":{\"positions\":[{\"managerName\":\"B\",\"fte\":\"0.25\","
                + "\"qualification\":\"SOCIAL_WORK\",\"hireDate\":\"2017-10-01\"}]}}").expectProblem(422, "rule-violated").json();
        assertTrue(refused.path("detail").asText().contains("Landkreis"));

        // position, case, plan, overdue review
        long position = post("/api/integration-management/positions", ULM_USER, "{\"responsibleKey\":\"" + ULM
                + "\",\"managerName\":\"A. Beispiel\",\"fte\":\"0.5\",\"qualification\":\"OTHER_DEGREE\",\"hireDate\":\"2017-10-01\"}")
                .expect(201).json().path("id").asLong();
        // the caseworker keeps only the caseload of a position it is bound to
        post("/api/integration-management/cases", CASEWORKER, "{\"id\":\"ULM-0000\",\"municipalityKey\":\"" + ULM + "\",\"positionId\":"
                + position + ",\"birthYear\":1990,\"country\":\"SYR\",\"householdSize\":4,\"arrivalDate\":\"2016-03-01\"}").expectProblem(403);
        grantRole(CASEWORKER, "position:" + position);
        post("/api/integration-management/cases", CASEWORKER, "{\"id\":\"ULM-0001\",\"municipalityKey\":\"" + ULM + "\",\"positionId\":"
                + position + ",\"birthYear\":1990,\"country\":\"SYR\",\"householdSize\":4,\"arrivalDate\":\"2016-03-01\","
                + "\"counsellingStart\":\"2017-11-01\"}").expect(201);
        post("/api/integration-management/cases", CASEWORKER, "{\"id\":\"ULM-0001\",\"municipalityKey\":\"" + ULM + "\",\"positionId\":"
                + position + ",\"birthYear\":1990,\"country\":\"SYR\",\"householdSize\":4,\"arrivalDate\":\"2016-03-01\"}").expectProblem(409);
        // a measure may point at another funding area only while that area's module runs (language courses do; sport clubs are no area)
        put("/api/integration-management/cases/ULM-0001/plan", CASEWORKER, "{\"agreedOn\":\"2017-11-15\",\"reviewIntervalMonths\":3,"
                + "\"goals\":[{\"lifeArea\":\"LANGUAGE\",\"description\":\"Deutsch B1\",\"measures\":[{\"description\":\"Abendkurs\","
                + "\"actor\":\"LANGUAGE_COURSE\",\"referenceArea\":\"sport-clubs\",\"referenceId\":\"K-17\"}]}]}").expectProblem(409);
        JsonNode plan = put("/api/integration-management/cases/ULM-0001/plan", CASEWORKER, "{\"agreedOn\":\"2017-11-15\",\"reviewIntervalMonths\":3,"
                + "\"goals\":[{\"lifeArea\":\"LANGUAGE\",\"description\":\"Deutsch B1\",\"measures\":[{\"description\":\"Abendkurs\","
                + "\"actor\":\"LANGUAGE_COURSE\",\"referenceArea\":\"language-courses\",\"referenceId\":\"K-17\"}]},"
                + "{\"lifeArea\":\"WORK\",\"description\":\"Praktikum\",\"measures\":[{\"description\":\"Begleitung\",\"actor\":\"VOLUNTEERS\"}]}]}")
                .expect(200).json();
        assertEquals("2018-02-15", plan.path("nextReview").asText());
        put("/api/integration-management/cases/ULM-0001/plan", CASEWORKER, "{\"agreedOn\":\"2017-11-15\",\"reviewIntervalMonths\":7,\"goals\":[]}")
                .expectProblem(400);
        JsonNode overdue = get("/api/integration-management/reviews/overdue?municipality=" + ULM, CASEWORKER).expect(200).json();
        assertEquals(1, overdue.size());
        assertEquals("ULM-0001", overdue.get(0).path("caseId").asText());
        assertEquals(1, get("/api/integration-management/reviews/overdue?position=" + position, CASEWORKER).json().size());
        post("/api/integration-management/cases/ULM-0001/plan/reviews", CASEWORKER,
                "{\"date\":\"" + LocalDate.now() + "\",\"outcome\":\"IN_PROGRESS\",\"note\":\"läuft\"}").expect(201);
        assertEquals(0, get("/api/integration-management/reviews/overdue?municipality=" + ULM, CASEWORKER).json().size());
        // reports suppress groups smaller than 5
        assertTrue(get("/api/integration-management/reports/" + ULM, APPROVER1).expect(200).json().path("suppressed").asBoolean());
        // only caseworkers read plans, and each read is audited
        get("/api/integration-management/cases/ULM-0001/plan", APPROVER1).expectProblem(403);
        long readsBefore = auditCount("entity_type = 'im_plan' AND action = 'read'");
        get("/api/integration-management/cases/ULM-0001/plan?reason=Hilfeplangespraech", CASEWORKER).expect(200);
        assertEquals(readsBefore + 1, auditCount("entity_type = 'im_plan' AND action = 'read'"));
        // the reason is free text: it stays with the case (deleted with it), the chain only notes that one was given
        assertEquals(1, count("SELECT COUNT(*) FROM im_access_reason WHERE case_id = 'ULM-0001' AND actor = '" + CASEWORKER
                + "' AND reason = 'Hilfeplangespraech'"));
        assertEquals(0, auditCount("after_json LIKE '%Hilfeplangespraech%'"));

        // the operator removes the module
        features.uninstallFeature(FEATURE, EnumSet.noneOf(FeaturesService.Option.class));
        await("Modul-REST antwortet 404", Duration.ofSeconds(30), () -> get("/api/integration-management/positions", APPROVER1).status() == 404);
        assertTrue(!areaListed());
        get("/api/core/periods", APPROVER1).expect(200);
        assertEquals("APPROVED", get("/api/core/applications/" + appId, APPROVER1).expect(200).json().path("state").asText());
        assertEquals(1, count("SELECT COUNT(*) FROM im_position WHERE responsible_key = '" + ULM + "'"));
        assertEquals(1, count("SELECT COUNT(*) FROM im_plan WHERE case_id = 'ULM-0001'"));
        post("/api/core/applications", ULM_USER, "{\"applicantKey\":\"" + ULM + "\",\"areaId\":\"integration-management\","
                + "\"periodId\":\"2017\",\"requested\":\"1.00\"}").expectProblem(409);

        // ... and installs it again: the same data is back
        features.installFeature(FEATURE, EnumSet.noneOf(FeaturesService.Option.class));
        await("Modul-REST antwortet wieder", Duration.ofSeconds(30), () -> get("/api/integration-management/positions", APPROVER1).status() == 200);
        JsonNode positions = get("/api/integration-management/positions?responsible=" + ULM, APPROVER1).expect(200).json();
        assertEquals(1, positions.size());
        assertEquals(position, positions.get(0).path("id").asLong());
        assertEquals("Deutsch B1", get("/api/integration-management/cases/ULM-0001/plan", CASEWORKER).expect(200).json()
                .path("goals").get(0).path("description").asText());
        assertTrue(areaListed());
        assertTrue(get("/api/core/audit/verify", AUDITOR).json().path("intact").asBoolean());

        // the audit chain cannot be deleted: after the whole tour it holds no manager name, birth year, country,
        // plan text or free text from a payload, in any column
        for (String personal : new String[] {"A. Beispiel", "1990", "SYR", "Deutsch B1", "Abendkurs", "Praktikum", "läuft",
                "Hilfeplangespraech"}) {
            assertEquals(personal, 0, count("SELECT COUNT(*) FROM audit_log WHERE COALESCE(before_json, '') LIKE '%" + personal + "%'"));
            assertEquals(personal, 0, auditCount("COALESCE(after_json, '') LIKE '%" + personal + "%' OR entity_id LIKE '%" + personal
                    + "%' OR actor LIKE '%" + personal + "%'"));
        }
    }

    /** Bad input on every module endpoint: 4xx problem+json, and nothing changes (audit length, module tables). */
    @Test
    public void badInputOnEveryModuleEndpointIsRefusedAndChangesNothing() throws Exception {
        await("Modul antwortet", Duration.ofSeconds(30), () -> get("/api/integration-management/positions", APPROVER1).status() == 200);
        long position = post("/api/integration-management/positions", MUNICIPALITY, "{\"responsibleKey\":\"08111000\",\"managerName\":\"C\","
                + "\"fte\":\"1\",\"qualification\":\"SOCIAL_WORK\",\"hireDate\":\"2018-01-01\"}").expect(201).json().path("id").asLong();
        grantRole(CASEWORKER, "position:" + position);
        post("/api/integration-management/cases", CASEWORKER, "{\"id\":\"S-1\",\"municipalityKey\":\"08111000\",\"positionId\":" + position
                + ",\"birthYear\":1985,\"country\":\"AFG\",\"householdSize\":1,\"arrivalDate\":\"2016-01-01\",\"counsellingStart\":\"2018-02-01\"}")
                .expect(201);
        String im = "/api/integration-management";
        long audit = auditCount("1 = 1");
        long rows = count("SELECT (SELECT COUNT(*) FROM im_position) + (SELECT COUNT(*) FROM im_case) + (SELECT COUNT(*) FROM im_plan)"
                + " + (SELECT COUNT(*) FROM im_review) + (SELECT COUNT(*) FROM im_goal)");
        String pos = "{\"responsibleKey\":\"08111000\",\"managerName\":\"C\",\"fte\":\"%s\",\"qualification\":\"%s\",\"hireDate\":\"%s\"%s}";
        // positions
        post(im + "/positions", MUNICIPALITY, "{").expectProblem(400);
        post(im + "/positions", MUNICIPALITY, String.format(pos, "0.2", "SOCIAL_WORK", "2018-01-01", "")).expectProblem(400);
        post(im + "/positions", MUNICIPALITY, String.format(pos, "1.5", "SOCIAL_WORK", "2018-01-01", "")).expectProblem(400);
        post(im + "/positions", MUNICIPALITY, String.format(pos, "-1", "SOCIAL_WORK", "2018-01-01", "")).expectProblem(400);
        post(im + "/positions", MUNICIPALITY, String.format(pos, "0.5", "VOCATIONAL", "2018-01-01", "")).expectProblem(400);
        post(im + "/positions", MUNICIPALITY, String.format(pos, "0.5", "ASTRONAUT", "2018-01-01", "")).expectProblem(400);
        post(im + "/positions", MUNICIPALITY, String.format(pos, "0.5", "SOCIAL_WORK", "01.01.2018", "")).expectProblem(400);
        post(im + "/positions", MUNICIPALITY, String.format(pos, "0.5", "SOCIAL_WORK", "1900-01-01", "")).expectProblem(400);
        post(im + "/positions", MUNICIPALITY, String.format(pos, "0.5", "SOCIAL_WORK", "2018-01-01", ",\"salary\":1")).expectProblem(400);
        post(im + "/positions", MUNICIPALITY, String.format(pos, "0.5", "SOCIAL_WORK", "2018-01-01", ",\"providerId\":999")).expectProblem(400);
        post(im + "/positions", APPROVER1, "{\"responsibleKey\":\"08999999\",\"managerName\":\"C\",\"fte\":\"1\",\"qualification\":\"SOCIAL_WORK\",\"hireDate\":\"2018-01-01\"}").expectProblem(404);
        post(im + "/pricing", MUNICIPALITY, "{\"positions\":[]}").expectProblem(400);
        post(im + "/pricing", MUNICIPALITY, "{\"positions\":5}").expectProblem(400);
        get(im + "/positions/abc", APPROVER1).expectProblem(400);
        get(im + "/positions/99999", APPROVER1).expectProblem(404);
        // cases
        String kase = "{\"id\":\"%s\",\"municipalityKey\":\"%s\",\"positionId\":" + position
                + ",\"birthYear\":%s,\"country\":\"%s\",\"householdSize\":%s,\"arrivalDate\":\"%s\"}";
        post(im + "/cases", CASEWORKER, String.format(kase, "Max Mustermann", "08111000", "1990", "SYR", "2", "2016-01-01")).expectProblem(400);
        post(im + "/cases", CASEWORKER, String.format(kase, "S-2", "08111", "1990", "SYR", "2", "2016-01-01")).expectProblem(404);
        post(im + "/cases", CASEWORKER, String.format(kase, "S-2", "08111000", "1800", "SYR", "2", "2016-01-01")).expectProblem(400);
        post(im + "/cases", CASEWORKER, String.format(kase, "S-2", "08111000", "1990", "syrien", "2", "2016-01-01")).expectProblem(400);
        post(im + "/cases", CASEWORKER, String.format(kase, "S-2", "08111000", "1990", "SYR", "0", "2016-01-01")).expectProblem(400);
        post(im + "/cases", CASEWORKER, String.format(kase, "S-2", "08111000", "1990", "SYR", "2", "2099-01-01")).expectProblem(400);
        post(im + "/cases", CASEWORKER, String.format(kase, "S-2", "08111000", "\"x\"", "SYR", "2", "2016-01-01")).expectProblem(400);
        post(im + "/cases", CASEWORKER, String.format(kase, "S-1", "08111000", "1990", "SYR", "2", "2016-01-01")).expectProblem(409);
        post(im + "/cases/S-1/closing", CASEWORKER, "{\"end\":\"2022-01-01\"}").expectProblem(422, "rule-violated"); // more than 3 years
        post(im + "/cases/S-1/closing", CASEWORKER, "{\"end\":\"2017-01-01\"}").expectProblem(400);
        post(im + "/cases/S-1/extension", CASEWORKER, "{\"reason\":\"\"}").expectProblem(400);
        post(im + "/cases/S-1/extension", CASEWORKER, "{}").expectProblem(400);
        get(im + "/cases/NOPE", CASEWORKER).expectProblem(404);
        post(im + "/cases", MUNICIPALITY, String.format(kase, "S-3", "08111000", "1990", "SYR", "2", "2016-01-01")).expectProblem(403);
        // plans and reviews
        String goal = "{\"lifeArea\":\"LANGUAGE\",\"description\":\"B1\",\"measures\":[{\"description\":\"Kurs\",\"actor\":\"%s\"%s}]}";
        put(im + "/cases/S-1/plan", CASEWORKER, "{\"agreedOn\":\"2018-02-01\",\"reviewIntervalMonths\":3,\"goals\":[]}").expectProblem(400);
        put(im + "/cases/S-1/plan", CASEWORKER, "{\"agreedOn\":\"2099-02-01\",\"reviewIntervalMonths\":3,\"goals\":[" + String.format(goal, "VOLUNTEERS", "") + "]}").expectProblem(400);
        put(im + "/cases/S-1/plan", CASEWORKER, "{\"agreedOn\":\"2018-02-01\",\"reviewIntervalMonths\":0,\"goals\":[" + String.format(goal, "VOLUNTEERS", "") + "]}").expectProblem(400);
        put(im + "/cases/S-1/plan", CASEWORKER, "{\"agreedOn\":\"2018-02-01\",\"reviewIntervalMonths\":3,\"goals\":[" + String.format(goal, "WIZARD", "") + "]}").expectProblem(400);
        put(im + "/cases/S-1/plan", CASEWORKER, "{\"agreedOn\":\"2018-02-01\",\"reviewIntervalMonths\":3,\"goals\":[" + String.format(goal, "OTHER", ",\"referenceArea\":\"x-y\"") + "]}").expectProblem(400);
        put(im + "/cases/S-1/plan", CASEWORKER, "{\"agreedOn\":\"2018-02-01\",\"reviewIntervalMonths\":3,\"goals\":[{\"lifeArea\":\"MOON\",\"description\":\"x\"}]}").expectProblem(400);
        get(im + "/cases/S-1/plan", CASEWORKER).expectProblem(404);
        post(im + "/cases/S-1/plan/reviews", CASEWORKER, "{\"date\":\"2018-03-01\",\"outcome\":\"ACHIEVED\"}").expectProblem(404);
        get(im + "/reviews/overdue?position=x", CASEWORKER).expectProblem(400);
        get(im + "/reports/08999999", APPROVER1).expectProblem(404);
        request("PUT", im + "/positions", MUNICIPALITY, "application/json", "{}").expectProblem(405);
        request("POST", im + "/positions", MUNICIPALITY, "text/plain", "x").expectProblem(415);
        post(im + "/positions", MUNICIPALITY, "{\"managerName\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}").expectProblem(413);
        post(im + "/positions", null, String.format(pos, "0.5", "SOCIAL_WORK", "2018-01-01", "")).expectProblem(401);

        assertEquals("audit grew: something changed", audit, auditCount("1 = 1"));
        assertEquals(rows, count("SELECT (SELECT COUNT(*) FROM im_position) + (SELECT COUNT(*) FROM im_case) + (SELECT COUNT(*) FROM im_plan)"
                + " + (SELECT COUNT(*) FROM im_review) + (SELECT COUNT(*) FROM im_goal)"));
    }

    /** Audit entries matching {@code condition}, linked into the chain or still pending (linked shortly after their commit). */
    private long auditCount(String condition) throws Exception {
        return count("SELECT (SELECT COUNT(*) FROM audit_log WHERE " + condition + ") + (SELECT COUNT(*) FROM audit_pending WHERE "
                + condition + ")");
    }

    private long count(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private boolean areaListed() {
        return get("/api/core/funding-areas", APPROVER1).expect(200).body().contains("\"integration-management\"");
    }
}
