import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Approvals per second through REST (authentication, JSON, idempotency key, audit, H2), and as baseline
 * the same client and threads on the bare endpoint. Usage:
 * java ApprovalLoad.java BASE_URL USER PASSWORD COUNT THREADS [CREATOR CREATOR_PASSWORD]
 * USER decides; CREATOR (a municipality user of the applicants) creates and submits — nobody decides what they filed.
 * APPLICANTS=key,key,... (default 08111000, Stuttgart) spreads the applications over these applicants.
 * Prints "name value" lines for bench/run.sh.
 */
public class ApprovalLoad {

    static HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static String base;
    static String auth;
    static String creatorAuth;

    public static void main(String[] args) throws Exception {
        base = args[0];
        auth = "Basic " + Base64.getEncoder().encodeToString((args[1] + ":" + args[2]).getBytes(StandardCharsets.UTF_8));
        creatorAuth = args.length > 6 ? "Basic " + Base64.getEncoder().encodeToString((args[5] + ":" + args[6]).getBytes(StandardCharsets.UTF_8))
                : auth;
        int count = Integer.parseInt(args[3]);
        int threads = Integer.parseInt(args[4]);
        ExecutorService pool = Executors.newFixedThreadPool(threads);

        // setup: create and submit the applications (integration management, 250.00 each), by default all for Stuttgart;
        // APPLICANTS=key,key,... spreads them round-robin over several applicants (the creator needs each one's scope)
        String[] applicants = System.getenv().getOrDefault("APPLICANTS", "08111000").split(",");
        java.util.function.IntFunction<String> body = i -> "{\"applicantKey\":\"" + applicants[i % applicants.length]
                + "\",\"areaId\":\"integration-management\",\"periodId\":\"2017\",\"requested\":\"250.00\","
                + "\"payload\":{\"positions\":[{\"managerName\":\"Last\",\"fte\":\"0.25\",\"qualification\":\"SOCIAL_WORK\",\"hireDate\":\"2017-10-01\"}]}}";
        ConcurrentLinkedQueue<Long> ids = new ConcurrentLinkedQueue<>();
        long t0 = System.nanoTime();
        run(pool, count, i -> {
            String created = send("POST", "/api/core/applications", body.apply(i), null, 201, creatorAuth);
            long id = Long.parseLong(created.replaceAll("^\\{\"id\":(\\d+).*$", "$1"));
            send("POST", "/api/core/applications/" + id + "/submit", null, null, 200, creatorAuth);
            ids.add(id);
        });
        double createSubmitPerSecond = count / ((System.nanoTime() - t0) / 1e9);

        List<Long> list = new ArrayList<>(ids);
        AtomicInteger next = new AtomicInteger();
        long t1 = System.nanoTime();
        run(pool, count, i -> {
            long id = list.get(next.getAndIncrement());
            send("POST", "/api/core/applications/" + id + "/decision", "{\"outcome\":\"APPROVED\"}", System.getenv("NO_IDEM") == null ? "approve-" + id : null, 201);
        });
        double approvalsPerSecond = count / ((System.nanoTime() - t1) / 1e9);

        long t2 = System.nanoTime();
        run(pool, count, i -> send("GET", "/bench/hello", null, null, 200));
        double barePerSecond = count / ((System.nanoTime() - t2) / 1e9);
        pool.shutdown();

        System.out.printf("create_submit_per_s %.1f%n", createSubmitPerSecond);
        System.out.printf("approvals_per_s %.1f%n", approvalsPerSecond);
        System.out.printf("bare_get_per_s %.1f%n", barePerSecond);
    }

    interface Task {
        void run(int i) throws Exception;
    }

    static void run(ExecutorService pool, int count, Task task) throws Exception {
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int n = i;
            futures.add(pool.submit(() -> {
                task.run(n);
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
    }

    static String send(String method, String path, String body, String idempotencyKey, int expected) throws Exception {
        return send(method, path, body, idempotencyKey, expected, auth);
    }

    static String send(String method, String path, String body, String idempotencyKey, int expected, String authorization) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", authorization)
                .header("Accept", "application/json").timeout(Duration.ofSeconds(30));
        if (idempotencyKey != null) {
            b.header("Idempotency-Key", idempotencyKey);
        }
        if (body != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != expected) {
            throw new IllegalStateException(method + " " + path + " -> " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }
}
