import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Two Paktwerk nodes on one PostgreSQL database (started by two-nodes.sh), checked through their REST APIs:
 * 200 approvals racing across both nodes, one Idempotency-Key sent to both, the audit chain, a module uninstalled on
 * one node, and kill -9 of one node under load. Prints "name value" lines; exits 1 at the first broken promise.
 * Usage: java TwoNodes.java URL_A URL_B PID_A CLIENT_B PASSWORD
 */
public class TwoNodes {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final String PW = "two-nodes-pw-1";
    static String a;
    static String b;

    record Resp(int status, String body) {
    }

    static Resp send(String base, String method, String path, String user, String body, String... headers) throws Exception {
        String password = user.equals("admin") ? System.getenv("PAKTWERK_ADMIN_PASSWORD") : PW;
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "application/json");
        for (int i = 0; i + 1 < headers.length; i += 2) {
            r.header(headers[i], headers[i + 1]);
        }
        if (body != null) {
            r.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            r.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> resp = HTTP.send(r.build(), HttpResponse.BodyHandlers.ofString());
        return new Resp(resp.statusCode(), resp.body());
    }

    static Resp expect(int status, Resp r, String what) {
        if (r.status() != status) {
            fail(what + ": HTTP " + r.status() + " statt " + status + ": " + r.body());
        }
        return r;
    }

    static void fail(String message) {
        System.err.println("ZWEI KNOTEN: " + message);
        System.exit(1);
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"?([^\",}]*)\"?").matcher(json);
        return m.find() ? m.group(1) : null;
    }

    static long cents(String euros) {
        return new java.math.BigDecimal(euros).movePointRight(2).longValueExact();
    }

    static final String APPLICATION = "{\"applicantKey\":\"08421000\",\"areaId\":\"integration-management\",\"periodId\":\"2017\","
            + "\"requested\":\"34000.00\",\"payload\":{\"positions\":[{\"managerName\":\"Zwei Knoten\",\"fte\":\"0.25\","
            + "\"qualification\":\"SOCIAL_WORK\",\"hireDate\":\"2017-10-01\"}]}}";

    public static void main(String[] args) throws Exception {
        a = args[0];
        b = args[1];
        long pidA = Long.parseLong(args[2]);
        String[] clientB = args[3].split(" ");
        ExecutorService pool = Executors.newFixedThreadPool(32);

        // the office sets up on node A; the Landkreis-free city of Ulm applies on both nodes
        expect(200, send(a, "PUT", "/api/core/periods/2017/budgets/integration-management", "office1", "{\"amount\":\"58000000.00\"}"), "Budget");
        String run = expect(201, send(a, "POST", "/api/core/distributions", "office1", "{\"areaId\":\"integration-management\",\"periodId\":\"2017\","
                + "\"kind\":\"PROVISIONAL\",\"amount\":\"35000000.00\",\"referenceDate\":\"2017-09-15\"}"), "Verteilung").body();
        String shares = expect(200, send(b, "GET", "/api/core/distributions/" + field(run, "id") + "/shares?limit=2000", "office2", null), "Anteile").body();
        Matcher ulm = Pattern.compile("\\{\"amount\":\"([0-9.]+)\",\"bodyKey\":\"08421000\"|\"bodyKey\":\"08421000\",[^}]*\"amount\":\"([0-9.]+)\"").matcher(shares);
        if (!ulm.find()) {
            fail("kein Anteil für Ulm: " + shares.substring(0, Math.min(300, shares.length())));
        }
        long share = cents(ulm.group(1) != null ? ulm.group(1) : ulm.group(2));
        System.out.println("ulm_share_cents " + share);

        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String node = i % 2 == 0 ? a : b;
            long id = Long.parseLong(field(expect(201, send(node, "POST", "/api/core/applications", "ulm1", APPLICATION), "Antrag").body(), "id"));
            expect(200, send(node, "POST", "/api/core/applications/" + id + "/submit", "ulm1", null), "Einreichen");
            ids.add(id);
        }

        // 200 approvals racing on one share, alternately on both nodes, by two approvers
        Map<Long, Integer> answers = new ConcurrentHashMap<>();
        List<Future<?>> futures = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int i = 0; i < ids.size(); i++) {
            long id = ids.get(i);
            boolean onA = i % 2 == 0;
            futures.add(pool.submit(() -> {
                Resp r = send(onA ? a : b, "POST", "/api/core/applications/" + id + "/decision", onA ? "office1" : "office2",
                        "{\"outcome\":\"APPROVED\"}");
                answers.put(id, r.status());
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get(300, TimeUnit.SECONDS);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        long approved = 0;
        for (long id : ids) {
            String state = field(expect(200, send(id % 2 == 0 ? b : a, "GET", "/api/core/applications/" + id, "office1", null), "Antrag lesen").body(), "state");
            int status = answers.get(id);
            if (status == 201 && !"APPROVED".equals(state) || status != 201 && !"SUBMITTED".equals(state)) {
                fail("Antwort " + status + " passt nicht zum Zustand " + state + " von Antrag " + id);
            }
            if (status != 201 && status != 409 && status != 503) {
                fail("unerwartete Antwort " + status + " für Antrag " + id);
            }
            approved += status == 201 ? 1 : 0;
        }
        long approvedCents = approved * 3_400_000L;
        String budgets = expect(200, send(b, "GET", "/api/core/periods/2017/budgets", "office2", null), "Budgets").body();
        Matcher im = Pattern.compile("\\{[^{}]*\"areaId\":\"integration-management\"[^{}]*\\}").matcher(budgets);
        if (!im.find()) {
            fail("kein Budget für integration-management: " + budgets);
        }
        long committed = cents(field(im.group(), "committed"));
        if (approvedCents > share || committed != approvedCents) {
            fail("bewilligt " + approvedCents + " Cent, gebunden " + committed + ", Anteil " + share);
        }
        System.out.println("race_approved " + approved + " of 200 (share allows " + share / 3_400_000L + "), committed_cents " + committed);
        System.out.printf("race_decisions_per_s %.1f%n", ids.size() / seconds);

        // one Idempotency-Key on both nodes at once: applied once, both answer the same application
        List<Future<Resp>> twice = new ArrayList<>();
        for (String node : new String[] {a, b}) {
            twice.add(pool.submit(() -> send(node, "POST", "/api/core/applications", "ulm1", APPLICATION, "Idempotency-Key", "zwei-knoten-1")));
        }
        Resp first = twice.get(0).get(60, TimeUnit.SECONDS);
        Resp second = twice.get(1).get(60, TimeUnit.SECONDS);
        if (first.status() != 201 || second.status() != 201 || !field(first.body(), "id").equals(field(second.body(), "id"))) {
            fail("Idempotency-Key auf beiden Knoten: " + first + " / " + second);
        }
        // counted by Ulm's user: the idempotent one is a draft, which the office does not list
        long total = Long.parseLong(field(expect(200, send(a, "GET", "/api/core/applications?applicant=08421000&limit=1", "ulm1", null), "Liste").body(), "total"));
        if (total != 201) {
            fail("nach 200 Anträgen und einem idempotenten: " + total + " Anträge");
        }
        System.out.println("idempotency_both_nodes same_id " + field(first.body(), "id"));

        // the audit chain, written by both nodes, verifies on both
        for (String node : new String[] {a, b}) {
            String v = expect(200, send(node, "GET", "/api/core/audit/verify", node.equals(a) ? "office1" : "office2", null), "Audit").body();
            if (!v.contains("\"intact\":true")) {
                fail("Audit-Kette nicht intakt auf " + node + ": " + v);
            }
        }
        System.out.println("audit_intact both");

        // the module uninstalled on node B keeps serving on node A
        ProcessBuilder pb = new ProcessBuilder(clientB).redirectErrorStream(true);
        Process p = pb.start();
        p.getOutputStream().write("feature:uninstall paktwerk-integration-management\n".getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            fail("feature:uninstall auf Knoten B: " + out);
        }
        long deadline = System.currentTimeMillis() + 60_000;
        while (send(b, "GET", "/api/integration-management/positions?responsibleKey=08421000", "office2", null).status() != 404) {
            if (System.currentTimeMillis() > deadline) {
                fail("Modul auf Knoten B nach dem Deinstallieren noch erreichbar");
            }
            Thread.sleep(200);
        }
        expect(200, send(a, "GET", "/api/integration-management/positions?responsibleKey=08421000", "office1", null), "Modul auf Knoten A");
        System.out.println("module_uninstalled_on_b a_serves 200");

        // kill -9 of node A under load: every write node A acknowledged is there (read on node B)
        ConcurrentLinkedQueue<Long> acknowledged = new ConcurrentLinkedQueue<>();
        AtomicBoolean stop = new AtomicBoolean();
        List<Future<?>> writers = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            writers.add(pool.submit(() -> {
                while (!stop.get()) {
                    try {
                        Resp r = send(a, "POST", "/api/core/applications", "ulm1", APPLICATION);
                        if (r.status() == 201) {
                            acknowledged.add(Long.parseLong(field(r.body(), "id")));
                        }
                    } catch (Exception gone) {
                        return null;
                    }
                }
                return null;
            }));
        }
        Thread.sleep(3000);
        ProcessHandle.of(pidA).ifPresent(ProcessHandle::destroyForcibly);
        Thread.sleep(1000);
        stop.set(true);
        for (Future<?> w : writers) {
            w.get(120, TimeUnit.SECONDS);
        }
        if (acknowledged.isEmpty()) {
            fail("vor dem kill -9 wurde nichts bestätigt");
        }
        for (long id : acknowledged) {
            expect(200, send(b, "GET", "/api/core/applications/" + id, "office2", null), "bestätigter Antrag " + id + " nach kill -9");
        }
        System.out.println("kill9_acknowledged_and_present " + acknowledged.size());
        pool.shutdownNow();
        System.out.println("ZWEI KNOTEN: alle Prüfungen bestanden");
    }
}
