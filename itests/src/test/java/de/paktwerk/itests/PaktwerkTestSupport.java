package de.paktwerk.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.maven;
import static org.ops4j.pax.exam.CoreOptions.options;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.CoreOptions.vmOption;
import static org.ops4j.pax.exam.CoreOptions.vmOptions;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.function.BooleanSupplier;
import javax.inject.Inject;
import org.junit.Before;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.karaf.options.LogLevelOption;
import org.ops4j.pax.exam.options.MavenArtifactUrlReference;
import org.osgi.framework.BundleContext;

/**
 * Boots the built Paktwerk distribution (the tar.gz of karaf-assembly) in Pax Exam and talks to it over
 * real HTTP on a free port. Test users are added to {@code etc/users.properties}; admin gets its password
 * from {@code PAKTWERK_ADMIN_PASSWORD} like in production.
 */
public abstract class PaktwerkTestSupport {

    protected static final String PW = "itest-pw";
    /**
     * {@link #PW} as Karaf stores it (bcrypt, hex, {@code {CRYPT}}): the test users go into etc/users.properties already
     * encrypted, so Karaf's auto-encryption, which rewrites the file in place when it finds a plain password, never writes it
     * while the core adds its admin (two writers of one file at start lost users now and then: a class whose users never
     * authenticated).
     */
    protected static final String STORED_PW = "{CRYPT}2432612431302448625a386539796a473836506b4b474277526f6d4e7533544a49554c54346c565071777769486d535951754c715030316574347161{CRYPT}";
    protected static final String APPROVER1 = "approver1";
    protected static final String APPROVER2 = "approver2";
    protected static final String MUNICIPALITY = "stuttgart";
    protected static final String AUDITOR = "auditor1";
    protected static final String CASEWORKER = "caseworker1";
    /** A municipality user bound to Ulm (08421000). */
    protected static final String ULM_USER = "ulm";
    /** A municipality user of the district (Landkreis) Böblingen, 08115. */
    protected static final String DISTRICT_USER = "lkbb";
    protected static final String NOBODY = "nobody";
    protected static final ObjectMapper JSON = new ObjectMapper();
    /** The documented problem types (README, "Errors") and their statuses. */
    static final java.util.Map<String, Integer> PROBLEM_STATUS = java.util.Map.ofEntries(
            java.util.Map.entry("invalid-input", 400), java.util.Map.entry("duplicate-field", 400), java.util.Map.entry("unauthenticated", 401),
            java.util.Map.entry("forbidden", 403), java.util.Map.entry("separation-of-duties", 403), java.util.Map.entry("four-eyes", 403),
            java.util.Map.entry("not-found", 404), java.util.Map.entry("method-not-allowed", 405), java.util.Map.entry("not-acceptable", 406),
            java.util.Map.entry("conflict", 409), java.util.Map.entry("illegal-transition", 409), java.util.Map.entry("budget-exhausted", 409),
            java.util.Map.entry("share-exceeded", 409), java.util.Map.entry("area-not-installed", 409),
            java.util.Map.entry("idempotency-key-reused", 422), java.util.Map.entry("rule-violated", 422), java.util.Map.entry("body-too-large", 413),
            java.util.Map.entry("unsupported-media-type", 415), java.util.Map.entry("too-many-logins", 429));
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Inject
    protected BundleContext bundleContext;

    @Inject
    protected org.apache.karaf.shell.api.console.SessionFactory sessionFactory;

    /** Runs console commands in one session as a subject with the given roles; returns what they printed. */
    protected String console(String[] roles, String... commands) throws Exception {
        javax.security.auth.Subject subject = new javax.security.auth.Subject();
        subject.getPrincipals().add(new org.apache.karaf.jaas.boot.principal.UserPrincipal(roles.length > 0 ? "itest-" + roles[0] : "itest"));
        for (String role : roles) {
            subject.getPrincipals().add(new org.apache.karaf.jaas.boot.principal.RolePrincipal(role));
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.PrintStream print = new java.io.PrintStream(out, true, StandardCharsets.UTF_8);
        org.apache.karaf.shell.api.console.Session session = sessionFactory.create(new java.io.ByteArrayInputStream(new byte[0]), print, print);
        try {
            javax.security.auth.Subject.doAs(subject, (java.security.PrivilegedExceptionAction<Object>) () -> {
                for (String command : commands) {
                    Object result = session.execute(command);
                    if (result != null) {
                        print.println(result);
                    }
                }
                return null;
            });
        } finally {
            session.close();
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Runs a console command that must fail; returns the message of its error. */
    protected String consoleFails(String[] roles, String command) {
        try {
            String out = console(roles, command);
            throw new AssertionError("Befehl hätte scheitern müssen: " + command + " → " + out);
        } catch (AssertionError e) {
            throw e;
        } catch (Exception e) {
            StringBuilder messages = new StringBuilder();
            for (Throwable t = e; t != null; t = t.getCause()) {
                messages.append(t.getMessage()).append('\n');
            }
            return messages.toString();
        }
    }

    @Inject
    protected org.osgi.service.cm.ConfigurationAdmin configurationAdmin;

    @Inject
    protected java.time.Clock platformClock;

    /** Sets the platform clock ({@code de.paktwerk.clock}) to the instant and waits until the services see it. */
    protected void today(String instant) throws Exception {
        org.osgi.service.cm.Configuration c = configurationAdmin.getConfiguration("de.paktwerk.clock", "?");
        java.util.Dictionary<String, Object> p = new java.util.Hashtable<>();
        p.put("fixedInstant", instant);
        c.update(p);
        await("Uhr steht auf " + instant, Duration.ofSeconds(20), () -> platformClock.instant().equals(java.time.Instant.parse(instant)));
    }

    /** Adds a role (or scope) to a user of the realm, as an admin does on the console. */
    protected void grantRole(String user, String role) throws Exception {
        console(new String[] {"admin"}, "jaas:realm-manage --realm karaf", "jaas:role-add " + user + " " + role, "jaas:update");
    }

    /**
     * The container is up before Paktwerk's REST is, and while components keep arriving Aries rebuilds the
     * application (a short 404 "No service was found"). Wait until every core resource class answers, three
     * rounds in a row.
     */
    @Before
    public void awaitCoreRest() {
        // health (no credentials) is 200 only once the database, the areas and the demo data are in
        String[][] probes = {{"/api/core/health", null}, {"/api/core/periods", APPROVER1}, {"/api/core/applications?applicant=08111000", APPROVER1},
                {"/api/core/municipalities/08111000/providers", APPROVER1}, {"/api/core/funding-areas", APPROVER1},
                {"/api/core/audit/verify", AUDITOR}};
        int[] streak = {0};
        await("alle Ressourcen von /api/core antworten stabil", Duration.ofSeconds(90), () -> {
            try {
                for (String[] p : probes) {
                    if (get(p[0], p[1]).status() != 200) {
                        streak[0] = 0;
                        return false;
                    }
                }
            } catch (UncheckedIOException notYetListening) {
                streak[0] = 0;
                return false;
            }
            return ++streak[0] >= 3;
        });
        // health is UP while a module of the boot features may still be on its way (its area not yet registered)
        for (String area : bootAreas()) {
            await("Förderbereich " + area + " installiert", Duration.ofSeconds(90),
                    () -> get("/api/core/funding-areas", APPROVER1).body().contains("\"id\":\"" + area + "\""));
        }
    }

    /** The funding areas the class's boot features install; every test starts once they are registered. */
    protected java.util.List<String> bootAreas() {
        return java.util.List.of("integration-management", "youth-career", "language-courses", "civic-engagement");
    }

    @Configuration
    public Option[] config() {
        return options(baseOptions(), extraOptions(), postgres() ? postgresOptions() : org.ops4j.pax.exam.CoreOptions.composite());
    }

    /** Whether the container boots the demo feature (synthetic refugee counts), as ./run.sh does. */
    protected boolean demo() {
        return true;
    }

    /** Whether the class runs on PostgreSQL instead of the embedded H2 (the {@code *OnPostgresIT} subclasses). */
    protected boolean postgres() {
        return false;
    }

    /**
     * The distribution's data source on a fresh schema of the PostgreSQL database named by {@code PAKTWERK_TEST_PG_URL}
     * (created here, on the host, before the container starts). Without a reachable PostgreSQL the class is skipped
     * and says so ({@link #requirePostgresWhereAsked}), except in CI ({@code CI=true}), where it fails.
     */
    private Option postgresOptions() {
        String url = System.getenv().getOrDefault("PAKTWERK_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/paktwerk_test?user=postgres");
        String schema = "it_" + getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT) + "_" + System.currentTimeMillis();
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url); java.sql.Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA " + schema);
        } catch (java.sql.SQLException e) {
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError("PostgreSQL unter " + url + " nicht erreichbar; in CI (CI=true) laufen diese Tests auf PostgreSQL.", e);
            }
            System.err.println("*** PostgreSQL unter " + url + " nicht erreichbar: " + getClass().getSimpleName()
                    + " wurde NICHT auf PostgreSQL ausgeführt. ***");
            return systemProperty("paktwerk.itest.postgres").value("unreachable");
        }
        // lock_timeout as the H2 URL has LOCK_TIMEOUT: a lock not got in time is 503, not a hanging request
        String jdbcUrl = url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema + "&options=-c%20lock_timeout%3D10000";
        String cfg = "etc/org.ops4j.datasource-paktwerk.cfg";
        return org.ops4j.pax.exam.CoreOptions.composite(
                systemProperty("paktwerk.itest.postgres").value(schema),
                editConfigurationFilePut(cfg, "osgi.jdbc.driver.class", "org.postgresql.Driver"),
                editConfigurationFilePut(cfg, "url", jdbcUrl),
                editConfigurationFilePut(cfg, "user", "postgres"),
                editConfigurationFilePut(cfg, "password", ""));
    }

    /** A class that asked for PostgreSQL runs only on PostgreSQL: skipped (and said so) when none was reachable. */
    @Before
    public void requirePostgresWhereAsked() {
        org.junit.Assume.assumeFalse("PostgreSQL nicht erreichbar: auf PostgreSQL übersprungen",
                "unreachable".equals(System.getProperty("paktwerk.itest.postgres")));
    }

    /** Further options of a test class, e.g. a different boot feature list. */
    protected Option extraOptions() {
        return org.ops4j.pax.exam.CoreOptions.composite();
    }

    protected Option baseOptions() {
        MavenArtifactUrlReference distribution = maven().groupId("de.paktwerk").artifactId("paktwerk-karaf")
                .type("tar.gz").version(System.getProperty("paktwerk.version"));
        String karafVersion = System.getProperty("karaf.version");
        String localRepository = System.getProperty("org.ops4j.pax.url.mvn.localRepository");
        int httpPort = freePort();
        int httpsPort = freePort();
        return org.ops4j.pax.exam.CoreOptions.composite(
                karafDistributionConfiguration().frameworkUrl(distribution).name("Paktwerk")
                        .unpackDirectory(new File("target/exam")).useDeployFolder(false),
                configureConsole().ignoreLocalConsole().ignoreRemoteShell(),
                org.ops4j.pax.exam.CoreOptions.when(Boolean.getBoolean("paktwerk.itest.keep"))
                        .useOptions(org.ops4j.pax.exam.karaf.options.KarafDistributionOption.keepRuntimeFolder()),
                logLevel(LogLevelOption.LogLevel.WARN),
                editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", String.valueOf(httpPort)),
                systemProperty("paktwerk.itest.http.port").value(String.valueOf(httpPort)),
                // HTTPS with a keystore made by the distribution's own first-start script (bin/paktwerk-tls)
                editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port.secure", String.valueOf(httpsPort)),
                org.ops4j.pax.exam.karaf.options.KarafDistributionOption.replaceConfigurationFile("etc/paktwerk-tls.p12", keystore()),
                systemProperty("paktwerk.itest.https.port").value(String.valueOf(httpsPort)),
                systemProperty("paktwerk.itest.keystore").value(keystore().getAbsolutePath()),
                systemProperty("paktwerk.readme").value(new File(System.getProperty("paktwerk.readme", "../README.md")).getAbsolutePath()),
                org.ops4j.pax.exam.CoreOptions.when(demo()).useOptions(org.ops4j.pax.exam.karaf.options.KarafDistributionOption.features(
                        maven().groupId("de.paktwerk").artifactId("paktwerk-features").type("xml").classifier("features")
                                .version(System.getProperty("paktwerk.version")), "paktwerk-demo")),
                // the login throttle counts per address, and every test talks from 127.0.0.1: LoginHardeningIT tests it
                editConfigurationFilePut("etc/de.paktwerk.login.cfg", "maxFailures", "1000"),
                editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort", String.valueOf(freePort())),
                editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiRegistryPort", String.valueOf(freePort())),
                editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiServerPort", String.valueOf(freePort())),
                editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.localRepository", localRepository),
                editConfigurationFilePut("etc/users.properties", APPROVER1, STORED_PW + ",approver"),
                editConfigurationFilePut("etc/users.properties", APPROVER2, STORED_PW + ",approver"),
                editConfigurationFilePut("etc/users.properties", MUNICIPALITY, STORED_PW + ",municipality,municipality:08111000"),
                editConfigurationFilePut("etc/users.properties", ULM_USER, STORED_PW + ",municipality,municipality:08421000"),
                editConfigurationFilePut("etc/users.properties", DISTRICT_USER, STORED_PW + ",municipality,municipality:08115"),
                editConfigurationFilePut("etc/users.properties", AUDITOR, STORED_PW + ",auditor"),
                editConfigurationFilePut("etc/users.properties", CASEWORKER, STORED_PW + ",caseworker"),
                editConfigurationFilePut("etc/users.properties", NOBODY, STORED_PW + ",viewer"),
                systemProperty("paktwerk.version").value(System.getProperty("paktwerk.version")),
                // the probe waits for Pax Exam's invoker service; its default of 10 s is too short on a loaded 2-core
                // machine (the probe then never runs and the class hangs)
                systemProperty("pax.exam.service.timeout").value("180000"),
                systemProperty("paktwerk.itest.m2").value(localRepository),
                vmOption("-Djdk.util.zip.disableZip64ExtraFieldValidation=true"),
                // Karaf's own Java 9+ flags (bin/karaf); Pax Exam 4.13.5 does not add them
                vmOptions("--add-reads=java.xml=java.logging",
                        "--add-exports=java.base/org.apache.karaf.specs.locator=java.xml,ALL-UNNAMED",
                        "--patch-module", "java.base=lib/endorsed/org.apache.karaf.specs.locator-" + karafVersion + ".jar",
                        "--patch-module", "java.xml=lib/endorsed/org.apache.karaf.specs.java.xml-" + karafVersion + ".jar",
                        "--add-opens", "java.base/java.security=ALL-UNNAMED",
                        "--add-opens", "java.base/java.net=ALL-UNNAMED",
                        "--add-opens", "java.base/java.lang=ALL-UNNAMED",
                        "--add-opens", "java.base/java.util=ALL-UNNAMED",
                        "--add-opens", "java.naming/javax.naming.spi=ALL-UNNAMED",
                        "--add-opens", "java.rmi/sun.rmi.transport.tcp=ALL-UNNAMED",
                        "--add-exports=java.base/sun.net.www.protocol.file=ALL-UNNAMED",
                        "--add-exports=java.base/sun.net.www.protocol.ftp=ALL-UNNAMED",
                        "--add-exports=java.base/sun.net.www.protocol.http=ALL-UNNAMED",
                        "--add-exports=java.base/sun.net.www.protocol.https=ALL-UNNAMED",
                        "--add-exports=java.base/sun.net.www.protocol.jar=ALL-UNNAMED",
                        "--add-exports=java.base/sun.net.www.content.text=ALL-UNNAMED",
                        "--add-exports=jdk.xml.dom/org.w3c.dom.html=ALL-UNNAMED",
                        "--add-exports=jdk.naming.rmi/com.sun.jndi.url.rmi=ALL-UNNAMED",
                        "-classpath", "lib/jdk9plus/*" + File.pathSeparator + "lib/boot/*"));
    }

    private static File keystore;

    /** A keystore made once per test JVM by bin/paktwerk-tls of the built distribution. */
    static synchronized File keystore() {
        if (keystore == null) {
            try {
                File dir = new File("target/itest-tls").getAbsoluteFile();
                dir.mkdirs();
                File ks = new File(dir, "paktwerk-tls.p12");
                if (!ks.exists()) {
                    Process p = new ProcessBuilder(System.getProperty("paktwerk.tls.script"), dir.getPath()).inheritIO().start();
                    if (p.waitFor() != 0 || !ks.exists()) {
                        throw new IllegalStateException("bin/paktwerk-tls hat keinen Keystore erzeugt");
                    }
                }
                keystore = ks;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return keystore;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An HTTP answer. */
    protected record Resp(int status, String contentType, String body, java.util.Map<String, java.util.List<String>> headers) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).flatMap(e -> e.getValue().stream())
                    .findFirst().orElse(null);
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("keine JSON-Antwort: " + body, e);
            }
        }

        Resp expect(int expected) {
            assertEquals("HTTP-Status, Antwort: " + body, expected, status);
            return this;
        }

        /** A 4xx problem+json of a specific documented type ({@code urn:paktwerk:problem:<slug>}). */
        Resp expectProblem(int expected, String slug) {
            expectProblem(expected);
            assertEquals("Problemtyp, Antwort: " + body, "urn:paktwerk:problem:" + slug, json().path("type").asText());
            return this;
        }

        /** A 4xx problem+json with a detail, no stack trace, and a documented type of that status. */
        Resp expectProblem(int expected) {
            expect(expected);
            String type = json().path("type").asText();
            assertTrue("Problemtyp nicht dokumentiert: " + body, type.startsWith("urn:paktwerk:problem:")
                    && PROBLEM_STATUS.containsKey(type.substring("urn:paktwerk:problem:".length())));
            assertEquals("Status des Problemtyps " + type, Integer.valueOf(expected), PROBLEM_STATUS.get(type.substring("urn:paktwerk:problem:".length())));
            assertTrue("problem+json erwartet, war " + contentType, contentType != null && contentType.startsWith("application/problem+json"));
            JsonNode p = json();
            assertEquals(expected, p.path("status").asInt());
            assertTrue("detail fehlt: " + body, p.path("detail").asText().length() > 5);
            assertTrue("Stacktrace in der Antwort: " + body, !body.contains("Exception") && !body.contains("\tat "));
            return this;
        }
    }

    protected Resp request(String method, String path, String user, String contentType, String body, String... headers) {
        return send(HTTP, httpBase() + path, method, user, contentType, body, headers);
    }

    protected Resp send(HttpClient client, String url, String method, String user, String contentType, String body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        if (user != null) {
            String password = "admin".equals(user) ? System.getenv("PAKTWERK_ADMIN_PASSWORD") : PW;
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        boolean accept = false;
        for (int i = 0; i + 1 < headers.length; i += 2) {
            accept |= headers[i].equalsIgnoreCase("Accept");
        }
        if (!accept) {
            b.header("Accept", "application/json");
        }
        if (body != null) {
            b.header("Content-Type", contentType);
            b.method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Resp(r.statusCode(), r.headers().firstValue("Content-Type").orElse(null), r.body(), r.headers().map());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Files an application after asking its price at the core's one door ({@code POST /api/core/applications/pricing}
     * with the same body): the price is the filed application's assessment, line for line and to the cent.
     */
    protected Resp fileAtItsPrice(String user, String body) {
        JsonNode price = post("/api/core/applications/pricing", user, body).expect(200).json();
        Resp created = post("/api/core/applications", user, body).expect(201);
        assertEquals("Preis des Entwurfs = Bewertung des Antrags", price.path("items"), created.json().path("assessment"));
        assertEquals(price.path("amount").asText(), created.json().path("priced").asText());
        return created;
    }

    protected Resp get(String path, String user) {
        return request("GET", path, user, null, null);
    }

    protected Resp post(String path, String user, String json) {
        return request("POST", path, user, "application/json", json);
    }

    protected Resp put(String path, String user, String json) {
        return request("PUT", path, user, "application/json", json);
    }

    /** Where the container's HTTP service listens (a free port chosen when the test was configured). */
    protected static String httpBase() {
        return "http://localhost:" + System.getProperty("paktwerk.itest.http.port");
    }

    /** Waits until the condition holds, polling; fails after the timeout. */
    protected static void await(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Nicht eingetreten innerhalb " + timeout.toSeconds() + " s: " + what);
            }
            try {
                Thread.sleep(50); // polling interval of the await loop, not a fixed wait for an outcome
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
