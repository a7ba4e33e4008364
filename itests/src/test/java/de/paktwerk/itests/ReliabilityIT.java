package de.paktwerk.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;

/**
 * The quick reliability check of the benchmark suite, in CI: 200 concurrent HTTP approvals race on one
 * budget; the approved sum never exceeds it and every answer agrees with the final state.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ReliabilityIT extends PaktwerkTestSupport {

    @Test
    public void twoHundredConcurrentApprovalsNeverOverCommitAndEveryAnswerMatchesTheFinalState() throws Exception {
        Bundle area = bundleContext.installBundle("mvn:de.paktwerk/paktwerk-test-area/" + System.getProperty("paktwerk.version"));
        area.start();
        await("Testbereich installiert", Duration.ofSeconds(20), () -> get("/api/core/funding-areas", APPROVER1).body().contains("test-area"));
        // 100,000,000.00 by the demo counts: every applicant's share is far above the 670,000.00 it could ask for
        put("/api/core/periods/2018/budgets/test-area", APPROVER1, "{\"amount\":\"100000000.00\"}").expect(200);
        post("/api/core/distributions", APPROVER1, "{\"areaId\":\"test-area\",\"periodId\":\"2018\",\"kind\":\"FINAL\",\"amount\":\"100000000.00\"}").expect(201);
        // then the budget is lowered below the applicants' shares: the budget row is what the approvals race for
        put("/api/core/periods/2018/budgets/test-area", APPROVER1, "{\"amount\":\"50000.00\"}").expect(200);
        String[] applicants = {"08111000", "08421000", "08221000"};
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String applicant = applicants[i % applicants.length];
            long id = post("/api/core/applications", APPROVER2, "{\"applicantKey\":\"" + applicant + "\",\"areaId\":\"test-area\","
                    + "\"periodId\":\"2018\",\"requested\":\"10000.00\"}").expect(201).json().path("id").asLong();
            post("/api/core/applications/" + id + "/submit", APPROVER2, null).expect(200); // whoever files never decides
            ids.add(id);
        }
        ExecutorService pool = Executors.newFixedThreadPool(200);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Resp>> answers = new ArrayList<>();
        for (long id : ids) {
            answers.add(pool.submit(() -> {
                start.await();
                return post("/api/core/applications/" + id + "/decision", APPROVER1, "{\"outcome\":\"APPROVED\"}");
            }));
        }
        start.countDown();
        BigDecimal approved = BigDecimal.ZERO;
        int approvals = 0;
        for (int i = 0; i < ids.size(); i++) {
            Resp answer = answers.get(i).get(120, TimeUnit.SECONDS);
            int status = answer.status();
            String state = get("/api/core/applications/" + ids.get(i), APPROVER1).expect(200).json().path("state").asText();
            if (status == 201) {
                assertEquals("201 but state " + state, "APPROVED", state);
                approved = approved.add(new BigDecimal("10000.00"));
                approvals++;
            } else {
                assertEquals("answer " + status + " is neither 201 nor 409", 409, status);
                assertEquals("409 but state " + state, "SUBMITTED", state);
                answer.expectProblem(409, "budget-exhausted"); // the budget row is what they race for
            }
        }
        pool.shutdown();
        JsonNode budget = null;
        for (JsonNode b : get("/api/core/periods/2018/budgets", APPROVER1).json()) {
            if ("test-area".equals(b.path("areaId").asText())) {
                budget = b;
            }
        }
        assertEquals(new BigDecimal("50000.00"), approved); // the budget, and not one cent more
        assertEquals(5, approvals);
        assertEquals(approved, new BigDecimal(budget.path("committed").asText()));
        assertTrue("some approvals should succeed: " + approvals, approvals > 0);
        assertTrue(get("/api/core/audit/verify", AUDITOR).json().path("intact").asBoolean());
        area.stop();
        area.uninstall();
    }
}
