import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
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
 * Language courses at the size of a large Landkreis: COURSES courses of 300 UE with 15 participants each, 60 course
 * days of 5 UE with everyone present, one signed attendance list per course; then the settlement of the Landkreis's
 * course period (GET /api/language-courses/settlements), timed, against the bare endpoint of the same client.
 * Usage, one phase per call (bench/run.sh sets the platform clock between them):
 * java LanguageCoursesLoad.java plan|decide|record|measure BASE_URL ADMIN PW KREIS_USER APPROVER2 COURSES THREADS
 * (every user has the password PW; KREIS_USER holds municipality:08226, APPROVER2 the approver role).
 * Prints "name value" lines for bench/run.sh.
 */
public class LanguageCoursesLoad {

    static final String KREIS = "08226";
    static final String LC = "/api/language-courses";
    static final int PARTICIPANTS = 15;
    static final int DAYS = 60;
    static final LocalDate FIRST_DAY = LocalDate.of(2017, 9, 4);
    static HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static String base;

    public static void main(String[] args) throws Exception {
        String phase = args[0];
        base = args[1];
        String admin = basic(args[2], args[3]);
        String kreis = basic(args[4], args[3]);
        String approver2 = basic(args[5], args[3]);
        int courses = Integer.parseInt(args[6]);
        int threads = Integer.parseInt(args[7]);
        switch (phase) {
            case "plan" -> plan(admin, kreis, courses);
            case "decide" -> decide(admin, approver2, kreis, courses);
            case "record" -> record(kreis, courses, threads);
            case "measure" -> measure(kreis, courses);
            default -> throw new IllegalArgumentException(phase);
        }
    }

    static String plan(long provider, int courses) {
        StringBuilder plan = new StringBuilder("{\"courses\":[");
        for (int i = 0; i < courses; i++) {
            plan.append(i == 0 ? "" : ",").append("{\"title\":\"Grundkurs A1 Nr. ").append(i + 1).append("\",\"providerId\":").append(provider)
                    .append(",\"format\":\"BASIC\",\"targetLevel\":\"A1\",\"plannedUnits\":300,\"unitsPerWeek\":10,\"timeOfDay\":\"DAY\",")
                    .append("\"capacity\":15,\"start\":\"2017-09-04\",\"end\":\"2018-06-29\",\"location\":\"Kursort ").append(i + 1).append("\"}");
        }
        return plan.append("]}").toString();
    }

    /** Waits until the platform clock stands where the phase needs it: pricing the plan answers as expected. */
    static void awaitClock(String kreis, String plan, int status, String contains) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            HttpResponse<String> r = request("POST", LC + "/pricing?applicant=" + KREIS + "&coursePeriod=2017/18", plan, kreis);
            if (r.statusCode() == status && r.body().contains(contains)) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Uhr nicht umgestellt: " + r.statusCode() + " " + r.body());
            }
            Thread.onSpinWait();
        }
    }

    /** Budget, provider, the course plan as an application, submitted (clock: before the deadline of 15.07.2017). */
    static void plan(String admin, String kreis, int courses) throws Exception {
        send("PUT", "/api/core/periods/2017/budgets/language-courses", "{\"amount\":\"50000000.00\"}", 200, admin);
        String provider = send("POST", "/api/core/municipalities/" + KREIS + "/providers", "{\"name\":\"VHS Bench\",\"kind\":\"VHS\"}", 201, kreis);
        long providerId = number(provider, "id");
        String plan = plan(providerId, courses);
        awaitClock(kreis, plan, 200, "\"total\"");
        // courses x 300 UE x 15 x 4.58
        String requested = String.format("%d.%02d", courses * 2061000L / 100, courses * 2061000L % 100);
        String created = send("POST", "/api/core/applications", "{\"applicantKey\":\"" + KREIS + "\",\"areaId\":\"language-courses\",\"requested\":\""
                + requested + "\",\"term\":{\"kind\":\"COURSE_PERIOD\",\"start\":\"2017-08-01\",\"end\":\"2018-07-31\"},\"payload\":" + plan + "}", 201, kreis);
        long app = number(created, "id");
        send("POST", "/api/core/applications/" + app + "/submit", null, 200, kreis);
        System.out.println("application " + app);
        System.out.println("provider " + providerId);
    }

    /** The office decides (four eyes: a second approver confirms); the module records the courses from the decision. */
    static void decide(String admin, String approver2, String kreis, int courses) throws Exception {
        String plan = plan(number(send("GET", "/api/core/municipalities/" + KREIS + "/providers", null, 200, kreis), "id"), courses);
        awaitClock(kreis, plan, 200, "Restmittel"); // 20.08.2017: after the deadline, a decision date before the first course day
        String apps = send("GET", "/api/core/applications?applicant=" + KREIS + "&area=language-courses&state=SUBMITTED", null, 200, admin);
        long app = number(apps, "id");
        String decision = send("POST", "/api/core/applications/" + app + "/decision", "{\"outcome\":\"APPROVED\"}", 201, admin);
        if (decision.contains("\"needsConfirmation\":true")) {
            send("POST", "/api/core/applications/" + app + "/decision/confirm", null, 200, approver2);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (count(send("GET", LC + "/courses?responsible=" + KREIS + "&coursePeriod=2017/18", null, 200, kreis)) < courses) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Kurse nicht erfasst");
            }
            Thread.onSpinWait();
        }
    }

    /** Participants, course days and signed lists, THREADS requests at a time. */
    static void record(String kreis, int courses, int threads) throws Exception {
        awaitClock(kreis, plan(number(send("GET", "/api/core/municipalities/" + KREIS + "/providers", null, 200, kreis), "id"), courses), 422,
                "zu spät"); // 02.07.2018: every course day lies in the past
        List<Long> ids = new ArrayList<>();
        Matcher m = Pattern.compile("\\{\"id\":(\\d+),").matcher(send("GET", LC + "/courses?responsible=" + KREIS + "&coursePeriod=2017/18", null, 200, kreis));
        while (m.find()) {
            ids.add(Long.parseLong(m.group(1)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long t0 = System.nanoTime();
        long[][] participants = new long[ids.size()][PARTICIPANTS];
        run(pool, ids.size() * PARTICIPANTS, i -> participants[i / PARTICIPANTS][i % PARTICIPANTS] = number(send("POST", LC + "/courses/"
                + ids.get(i / PARTICIPANTS) + "/participants", "{\"birthYear\":" + (1970 + i % 30) + ",\"status\":\"ASYLUM_PENDING\","
                + "\"integrationCourseEntitled\":false,\"enrolledOn\":\"2017-08-28\"}", 201, kreis), "id"));
        // a course's days go in date order (the first starts it); the courses run in parallel
        run(pool, ids.size(), c -> {
            String present = Arrays.toString(participants[c]).replace(" ", "");
            for (int d = 0; d < DAYS; d++) {
                send("POST", LC + "/courses/" + ids.get(c) + "/sessions", "{\"date\":\"" + FIRST_DAY.plusDays(d) + "\",\"units\":5,\"present\":" + present
                        + "}", 201, kreis);
            }
            byte[] list = ("%PDF-1.4 Anwesenheitsliste Kurs " + ids.get(c) + " unterschrieben").getBytes(StandardCharsets.UTF_8);
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + LC + "/courses/" + ids.get(c) + "/attendance-lists?from="
                    + FIRST_DAY + "&to=" + FIRST_DAY.plusDays(DAYS - 1))).header("Authorization", kreis).header("Accept", "application/json")
                    .header("Content-Type", "application/pdf").POST(HttpRequest.BodyPublishers.ofByteArray(list)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 201) {
                throw new IllegalStateException("Liste: " + r.statusCode() + " " + r.body());
            }
        });
        double seconds = (System.nanoTime() - t0) / 1e9;
        pool.shutdown();
        int requests = ids.size() * (PARTICIPANTS + DAYS + 1);
        System.out.printf("record_requests %d%n", requests);
        System.out.printf("record_seconds %.1f%n", seconds);
        System.out.printf("record_per_s %.1f%n", requests / seconds);
    }

    /** The settlement of the Landkreis's period, sequentially; the bare endpoint the same way as baseline. */
    static void measure(String kreis, int courses) throws Exception {
        String expected = String.format("\"total\":\"%d.%02d\"", courses * 2061000L / 100, courses * 2061000L % 100); // courses x 300 x 15 x 4.58
        int rounds = 20;
        double[] settle = new double[rounds];
        for (int i = -3; i < rounds; i++) { // three warm-up rounds
            long t = System.nanoTime();
            String body = send("GET", LC + "/settlements?responsible=" + KREIS + "&coursePeriod=2017/18", null, 200, kreis);
            if (i >= 0) {
                settle[i] = (System.nanoTime() - t) / 1e6;
            }
            if (!body.contains(expected)) {
                throw new IllegalStateException("Abrechnung falsch, erwartet " + expected + ": " + body.substring(0, Math.min(300, body.length())));
            }
        }
        double[] bare = new double[200];
        for (int i = -20; i < bare.length; i++) {
            long t = System.nanoTime();
            send("GET", "/bench/hello", null, 200, null);
            if (i >= 0) {
                bare[i] = (System.nanoTime() - t) / 1e6;
            }
        }
        Arrays.sort(settle);
        Arrays.sort(bare);
        System.out.printf("settle_median_ms %.1f%n", settle[rounds / 2]);
        System.out.printf("settle_max_ms %.1f%n", settle[rounds - 1]);
        System.out.printf("bare_median_ms %.2f%n", bare[bare.length / 2]);
        System.out.printf("settle_total %s%n", expected.replace("\"total\":", "").replace("\"", ""));
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

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static long number(String json, String field) {
        Matcher m = Pattern.compile("\"" + field + "\":(\\d+)").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException(field + " fehlt: " + json);
        }
        return Long.parseLong(m.group(1));
    }

    static int count(String jsonArray) {
        return jsonArray.split("\"decisionNumber\"", -1).length - 1;
    }

    static HttpResponse<String> request(String method, String path, String body, String authorization) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json").timeout(Duration.ofSeconds(60));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        if (body != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String send(String method, String path, String body, int expected, String authorization) throws Exception {
        HttpResponse<String> r = request(method, path, body, authorization);
        if (r.statusCode() != expected) {
            throw new IllegalStateException(method + " " + path + " -> " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }
}
