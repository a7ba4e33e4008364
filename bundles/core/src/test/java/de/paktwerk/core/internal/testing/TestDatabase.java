package de.paktwerk.core.internal.testing;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.Assume;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The database a fixture runs on: a fresh in-memory H2 database, or — with {@code -Dpaktwerk.test.db=postgresql} (the
 * build's second test run) — a fresh schema in the PostgreSQL database named by {@code PAKTWERK_TEST_PG_URL} (default
 * {@code jdbc:postgresql://127.0.0.1:5432/paktwerk_test?user=postgres}). Without a reachable PostgreSQL the PostgreSQL
 * run is skipped and says so, except in CI ({@code CI=true}), where it fails.
 */
public final class TestDatabase {

    public static final boolean POSTGRESQL = "postgresql".equals(System.getProperty("paktwerk.test.db"));
    static final String PG_URL = System.getenv().getOrDefault("PAKTWERK_TEST_PG_URL",
            "jdbc:postgresql://127.0.0.1:5432/paktwerk_test?user=postgres");
    private static volatile Boolean reachable;

    private TestDatabase() {
    }

    /** A fresh, empty database (lock timeout 20 s). */
    public static DataSource create() {
        if (!POSTGRESQL) {
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=20000");
            return h2;
        }
        requireReachable();
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "");
        PGSimpleDataSource base = new PGSimpleDataSource();
        base.setURL(PG_URL);
        try (Connection c = base.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("Schema " + schema + " nicht angelegt", e);
        }
        PGSimpleDataSource pg = new PGSimpleDataSource();
        pg.setURL(PG_URL);
        pg.setCurrentSchema(schema);
        pg.setOptions("-c lock_timeout=20000");
        // pooled as in production (HikariCP, at most 10 here): 200 racing approvals must not open 200 connections
        com.zaxxer.hikari.HikariConfig config = new com.zaxxer.hikari.HikariConfig();
        config.setDataSource(pg);
        config.setMaximumPoolSize(10);
        config.setMinimumIdle(0);
        config.setIdleTimeout(10_000);
        config.setConnectionTimeout(120_000);
        config.setPoolName(schema);
        com.zaxxer.hikari.HikariDataSource pool = new com.zaxxer.hikari.HikariDataSource(config);
        synchronized (POOLS) {
            POOLS.addLast(pool);
            while (POOLS.size() > OPEN_POOLS) {
                POOLS.removeFirst().close(); // a finished test's pool: its idle connections would count against max_connections
            }
        }
        return pool;
    }

    /** Pools of the last few fixtures stay open (a test may use up to three); older ones are closed. */
    private static final int OPEN_POOLS = 4;
    private static final java.util.Deque<com.zaxxer.hikari.HikariDataSource> POOLS = new java.util.ArrayDeque<>();

    /** Sets how long a statement waits for a lock before the database gives up. */
    static void lockTimeout(DataSource dataSource, int millis) {
        if (dataSource instanceof JdbcDataSource h2) {
            h2.setURL(h2.getURL().replaceAll("LOCK_TIMEOUT=\\d+", "LOCK_TIMEOUT=" + millis));
        } else if (dataSource instanceof com.zaxxer.hikari.HikariDataSource pool
                && pool.getDataSource() instanceof PGSimpleDataSource pg) {
            pg.setOptions("-c lock_timeout=" + millis);
            pool.getHikariPoolMXBean().softEvictConnections(); // new connections take the new timeout
        }
    }

    /** On a developer's machine: the default database {@code paktwerk_test} is created when the server is there. */
    private static boolean createDefaultDatabase() {
        PGSimpleDataSource server = new PGSimpleDataSource();
        server.setURL(PG_URL.replace("/paktwerk_test?", "/postgres?"));
        server.setConnectTimeout(3);
        try (Connection c = server.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE paktwerk_test");
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private static void requireReachable() {
        if (reachable == null) {
            PGSimpleDataSource probe = new PGSimpleDataSource();
            probe.setURL(PG_URL);
            probe.setConnectTimeout(3);
            String why = null;
            try (Connection c = probe.getConnection()) {
                reachable = c.isValid(3);
            } catch (SQLException e) {
                why = e.getMessage();
                reachable = System.getenv("PAKTWERK_TEST_PG_URL") == null && createDefaultDatabase();
            }
            if (!reachable) {
                System.err.println("*** PostgreSQL unter " + PG_URL + " nicht erreichbar (" + why
                        + "): die PostgreSQL-Tests wurden NICHT ausgeführt, nur H2. ***");
            }
        }
        if (!reachable && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("PostgreSQL unter " + PG_URL + " nicht erreichbar; in CI (CI=true) müssen die PostgreSQL-Tests laufen.");
        }
        Assume.assumeTrue("PostgreSQL nicht erreichbar: übersprungen", reachable);
    }
}
