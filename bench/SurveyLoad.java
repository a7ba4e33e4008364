import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The count survey at the real size: the office opens a survey for 15.09.2018, every one of the 1,101 Gemeinden and
 * Stadtkreise reports its count over REST (THREADS at a time), the Landkreise and Stadtkreise confirm every report, then
 * the office closes the survey and runs the FINAL distribution of integration management 2018 on it — both timed, and
 * the bare endpoint of the same client (GET /api/core/health) as the baseline. The shares are checked to sum to the
 * amount and to follow the reported counts.
 * Usage: java SurveyLoad.java BASE_URL ADMIN PW REPORTER CONFIRMER THREADS
 * (REPORTER holds the scope of every reporting body, CONFIRMER those of the Landkreise and Stadtkreise; both have PW).
 * Prints "name value" lines for bench/run.sh.
 */
public class SurveyLoad {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static String base;

    public static void main(String[] args) throws Exception {
        base = args[0];
        String admin = basic(args[1], args[2]);
        String reporter = basic(args[3], args[2]);
        String confirmer = basic(args[4], args[2]);
        int threads = Integer.parseInt(args[5]);

        String survey = expect(201, send("POST", "/api/core/surveys", admin, "{\"referenceDate\":\"2018-09-15\",\"cohort\":\"Geflüchtete der Zugänge"
                + " 01.01.2015–29.02.2016 in der Anschlussunterbringung (Benchmark)\"}"));
        long id = Long.parseLong(field(survey, "id"));
        String page = expect(200, send("GET", "/api/core/surveys/" + id + "/reports?limit=2000", admin, null));
        List<String> keys = new ArrayList<>();
        Matcher m = Pattern.compile("\"bodyKey\":\"([0-9]{8})\"").matcher(page);
        while (m.find()) {
            keys.add(m.group(1));
        }
        if (keys.size() != 1101) {
            throw new IllegalStateException("erwartet 1101 meldende Kommunen, waren " + keys.size());
        }
        long[] counts = keys.stream().mapToLong(k -> 10 + Long.parseLong(k.substring(5)) % 190).toArray();
        long sum = Arrays.stream(counts).sum();

        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long t0 = System.nanoTime();
        List<Future<String>> sent = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            String key = keys.get(i);
            long value = counts[i];
            sent.add(pool.submit(() -> expect(200, send("PUT", "/api/core/surveys/" + id + "/reports/" + key, reporter,
                    "{\"value\":" + value + ",\"contact\":\"Benchmark\"}"))));
        }
        for (Future<String> f : sent) {
            f.get();
        }
        double reportSeconds = (System.nanoTime() - t0) / 1e9;
        t0 = System.nanoTime();
        sent.clear();
        for (String key : keys) {
            sent.add(pool.submit(() -> expect(200, send("POST", "/api/core/surveys/" + id + "/reports/" + key + "/confirm", confirmer, null))));
        }
        for (Future<String> f : sent) {
            f.get();
        }
        double confirmSeconds = (System.nanoTime() - t0) / 1e9;
        pool.shutdown();

        double bare = median(() -> expect(200, send("GET", "/api/core/health", null, null)), 50);
        expect(200, send("PUT", "/api/core/periods/2018/budgets/integration-management", admin, "{\"amount\":\"58000000.00\"}"));
        long c0 = System.nanoTime();
        String closed = expect(200, send("POST", "/api/core/surveys/" + id + "/close", admin, "{\"missing\":[]}"));
        double closeMs = (System.nanoTime() - c0) / 1e6;
        long f0 = System.nanoTime();
        String run = expect(201, send("POST", "/api/core/distributions", admin, "{\"areaId\":\"integration-management\",\"periodId\":\"2018\","
                + "\"kind\":\"FINAL\",\"amount\":\"" + sum + ".00\",\"referenceDate\":\"2018-09-15\"}"));
        double finalMs = (System.nanoTime() - f0) / 1e6;
        if (!closed.contains("\"state\":\"CLOSED\"")) {
            throw new IllegalStateException("nicht abgeschlossen: " + closed);
        }
        // one euro per counted refugee: every share is its count, to the cent
        String shares = expect(200, send("GET", "/api/core/distributions/" + field(run, "id") + "/shares?limit=2000", admin, null));
        Matcher s = Pattern.compile("\"bodyKey\":\"([0-9]{8})\"[^}]*\"amount\":\"([0-9.]+)\"").matcher(shares);
        int exact = 0;
        long total = 0;
        while (s.find()) {
            long cents = Math.round(Double.parseDouble(s.group(2)) * 100);
            total += cents;
            exact += cents == counts[keys.indexOf(s.group(1))] * 100 ? 1 : 0;
        }
        System.out.println("survey_bodies " + keys.size());
        System.out.printf("survey_reports_per_s %.1f%n", keys.size() / reportSeconds);
        System.out.printf("survey_confirms_per_s %.1f%n", keys.size() / confirmSeconds);
        System.out.printf("survey_close_ms %.1f%n", closeMs);
        System.out.printf("survey_final_ms %.1f%n", finalMs);
        System.out.printf("survey_close_and_final_ms %.1f%n", closeMs + finalMs);
        System.out.printf("survey_bare_ms %.2f%n", bare);
        System.out.println("survey_shares_exact " + exact);
        System.out.println("survey_shares_sum_matches " + (total == sum * 100));
    }

    interface Call {
        void run() throws Exception;
    }

    static double median(Call call, int n) throws Exception {
        double[] ms = new double[n];
        for (int i = 0; i < n; i++) {
            long t = System.nanoTime();
            call.run();
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        return ms[n / 2];
    }

    static String basic(String user, String pw) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + pw).getBytes(StandardCharsets.UTF_8));
    }

    static HttpResponse<String> send(String method, String path, String auth, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        if (auth != null) {
            b.header("Authorization", auth);
        }
        b.header("Accept", "application/json");
        if (json != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String expect(int status, HttpResponse<String> r) {
        if (r.statusCode() != status) {
            throw new IllegalStateException(r.request().method() + " " + r.request().uri() + ": " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"?([^\",}]*)").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException(name + " fehlt in " + json);
        }
        return m.group(1);
    }
}
