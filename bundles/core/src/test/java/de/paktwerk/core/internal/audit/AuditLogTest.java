package de.paktwerk.core.internal.audit;

import static de.paktwerk.core.internal.testing.CoreFixture.AREA;
import static de.paktwerk.core.internal.testing.CoreFixture.euros;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import de.paktwerk.core.api.AuditVerification;
import de.paktwerk.core.internal.testing.CoreFixture;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.Test;

public class AuditLogTest {

    @Test
    public void theChainVerifiesAfterAScenarioAndNamesTheTamperedEntry() throws Exception {
        CoreFixture f = new CoreFixture("100000.00");
        f.budgets.setBudget("2017", AREA, euros("1000.00"), "anna");
        f.budgets.setBudget("2017", AREA, euros("2000.00"), "anna");
        f.registry.addProvider("08111000", "Caritas Stuttgart", "bernd");
        f.audit.append("carla", "test", "1", "note", null, "{\"x\":1}");
        AuditVerification ok = f.audit.verify();
        assertTrue(ok.message(), ok.intact());
        assertEquals(5, ok.entriesChecked()); // municipality import + 4

        try (Connection c = f.dataSource.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE audit_log SET after_json = '{\"amount\":\"9999.00\"}' WHERE seq = 3");
        }
        AuditVerification broken = f.audit.verify();
        assertFalse(broken.intact());
        assertEquals(Long.valueOf(3), broken.firstBrokenSeq());
    }

    @Test
    public void aDeletedEntryBreaksTheChain() throws Exception {
        CoreFixture f = new CoreFixture("100000.00");
        f.audit.append("a", "t", "1", "x", null, null);
        f.audit.append("a", "t", "2", "x", null, null);
        try (Connection c = f.dataSource.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM audit_log WHERE seq = 3");
        }
        AuditVerification v = f.audit.verify();
        assertFalse(v.intact());
        assertEquals(Long.valueOf(2), v.firstBrokenSeq());
    }

    /** The chain keeps field names and a hash, never values: a manager's name never enters it. */
    @Test
    public void anEntryKeepsTheNamesOfChangedFieldsAndAHashButNoValues() throws Exception {
        CoreFixture f = new CoreFixture("100000.00");
        String before = "{\"state\":\"DRAFT\",\"payload\":{\"managerName\":\"A. Beispiel\"},\"amount\":\"5.00\"}";
        String after = "{\"state\":\"SUBMITTED\",\"payload\":{\"managerName\":\"A. Beispiel\"},\"amount\":\"5.00\"}";
        de.paktwerk.core.api.AuditEntry e = f.audit.append("o'Brien \"the\" clerk", "application", "7", "submit", before, after);
        assertEquals(null, e.before());
        assertEquals("{\"changed\":[\"state\"],\"sha256\":\"" + sha256(after) + "\"}", e.after());
        de.paktwerk.core.api.AuditEntry created = f.audit.append("x", "application", "8", "create", null,
                "{\"b\":1,\"a\":{\"managerName\":\"B. Muster\"}}");
        assertEquals("{\"changed\":[\"a\",\"b\"],\"sha256\":\"" + sha256("{\"b\":1,\"a\":{\"managerName\":\"B. Muster\"}}") + "\"}",
                created.after());
        assertTrue(f.audit.verify().intact());
        // a user name with quotes is a value of the row, never spliced into a record
        assertEquals("o'Brien \"the\" clerk", f.audit.entries("application", "7").get(0).actor());
    }

    /** A chain written before the rule is redacted into a new segment that commits to the old head. */
    @Test
    public void aLegacyChainIsRedactedIntoANewSegmentThatNamesTheOldHead() throws Exception {
        CoreFixture f = new CoreFixture("100000.00");
        f.audit.link(); // the fixture's own entries are in the chain before the old code's entries follow
        String oldHead;
        try (Connection c = f.dataSource.getConnection(); Statement s = c.createStatement()) {
            // two entries as the old code wrote them: whole snapshots, hashed as they were
            java.sql.ResultSet rs = s.executeQuery("SELECT last_seq, last_hash FROM audit_head");
            rs.next();
            long seq = rs.getLong(1);
            String prev = rs.getString(2);
            java.time.Instant at = java.time.Instant.parse("2019-05-01T10:00:00Z");
            for (String name : new String[] {"A. Beispiel", "B. Muster"}) {
                seq++;
                String after = "{\"managerName\":\"" + name + "\"}";
                String hash = AuditChain.hash(prev, seq, at, "anna", "im_position", String.valueOf(seq), "create", null, after);
                try (java.sql.PreparedStatement ps = c.prepareStatement("INSERT INTO audit_log (seq, at, actor, entity_type, entity_id, action,"
                        + " before_json, after_json, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, NULL, ?, ?, ?)")) {
                    ps.setLong(1, seq);
                    ps.setObject(2, java.time.OffsetDateTime.ofInstant(at, java.time.ZoneOffset.UTC));
                    ps.setString(3, "anna");
                    ps.setString(4, "im_position");
                    ps.setString(5, String.valueOf(seq));
                    ps.setString(6, "create");
                    ps.setString(7, after);
                    ps.setString(8, prev);
                    ps.setString(9, hash);
                    ps.executeUpdate();
                }
                prev = hash;
            }
            s.executeUpdate("UPDATE audit_head SET last_seq = " + seq + ", last_hash = '" + prev + "'");
            oldHead = prev;
        }
        assertTrue(f.audit.verify().intact());
        long before = f.audit.verify().entriesChecked();
        AuditLogImpl restarted = new AuditLogImpl(f.database); // what happens at the next start
        AuditVerification v = restarted.verify();
        assertTrue(v.message(), v.intact());
        assertEquals(before + 1, v.entriesChecked());
        de.paktwerk.core.api.AuditEntry segment = restarted.entries("audit", "segment-1").get(0);
        assertEquals("redact", segment.action());
        assertTrue(segment.after(), segment.after().contains("\"previousHeadHash\":\"" + oldHead + "\""));
        assertTrue(segment.after(), segment.after().contains("\"previousHeadSeq\":" + before));
        try (Connection c = f.dataSource.getConnection(); Statement s = c.createStatement();
             java.sql.ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM audit_log WHERE after_json LIKE '%Beispiel%'"
                     + " OR after_json LIKE '%Muster%' OR before_json IS NOT NULL")) {
            rs.next();
            assertEquals(0, rs.getLong(1));
        }
        // a second start finds nothing left to redact
        new AuditLogImpl(f.database);
        assertEquals(before + 1, restarted.verify().entriesChecked());
    }

    /**
     * A transaction that has written an audit entry and not yet committed does not hold up another transaction's
     * entry (it did while every entry locked the chain's head until its commit); both are linked once committed.
     */
    @Test
    public void anOpenTransactionWithAnEntryDoesNotHoldUpAnotherOnesEntry() throws Exception {
        CoreFixture f = new CoreFixture("100000.00");
        long before = f.audit.verify().entriesChecked();
        java.util.concurrent.CountDownLatch written = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        java.util.concurrent.Future<?> slow = pool.submit(() -> f.database.jdbc().tx(c -> {
            f.audit.append(c, "a", "test", "slow", "create", null, null);
            written.countDown();
            try {
                release.await(60, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        }));
        assertTrue(written.await(30, java.util.concurrent.TimeUnit.SECONDS));
        java.util.concurrent.Future<?> fast = pool.submit(() -> f.database.jdbc().tx(c -> f.audit.append(c, "b", "test", "fast", "create", null, null)));
        try {
            fast.get(10, java.util.concurrent.TimeUnit.SECONDS); // the old code waited here for the slow commit
        } finally {
            release.countDown();
        }
        slow.get(30, java.util.concurrent.TimeUnit.SECONDS);
        pool.shutdown();
        AuditVerification v = f.audit.verify();
        assertTrue(v.message(), v.intact());
        assertEquals(before + 2, v.entriesChecked());
        assertEquals(java.util.Set.of(before + 1, before + 2), java.util.Set.of(f.audit.entries("test", "fast").get(0).seq(),
                f.audit.entries("test", "slow").get(0).seq()));
        assertEquals(0, count(f, "SELECT COUNT(*) FROM audit_pending"));
    }

    /** An entry of a transaction that rolls back never reaches the chain. */
    @Test
    public void anEntryOfARolledBackTransactionIsNeverLinked() throws Exception {
        CoreFixture f = new CoreFixture("100000.00");
        long before = f.audit.verify().entriesChecked();
        try {
            f.database.jdbc().tx(c -> {
                f.audit.append(c, "a", "test", "1", "create", null, null);
                throw new IllegalStateException("abgebrochen");
            });
        } catch (IllegalStateException expected) {
            // rolled back
        }
        assertEquals(before, f.audit.verify().entriesChecked());
        assertEquals(0, f.audit.entries("test", "1").size());
        assertEquals(0, count(f, "SELECT COUNT(*) FROM audit_pending"));
    }

    /** Entries a node committed but did not link before it died are linked when the log starts again. */
    @Test
    public void entriesLeftPendingByACrashAreLinkedAtTheNextStart() throws Exception {
        CoreFixture f = new CoreFixture("100000.00");
        f.audit.link(); // the fixture's own entries first, so that only the two below are left pending
        long linked = count(f, "SELECT COUNT(*) FROM audit_log");
        try (Connection c = f.dataSource.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO audit_pending (at, actor, entity_type, entity_id, action, after_json)"
                    + " VALUES (TIMESTAMP WITH TIME ZONE '2026-11-28 10:00:00+00', 'a', 'test', '1', 'create', NULL)");
            s.executeUpdate("INSERT INTO audit_pending (at, actor, entity_type, entity_id, action, after_json)"
                    + " VALUES (TIMESTAMP WITH TIME ZONE '2026-11-28 10:00:01+00', 'a', 'test', '1', 'submit', NULL)");
        }
        new AuditLogImpl(f.database); // the next start, before anyone reads
        assertEquals(linked + 2, count(f, "SELECT COUNT(*) FROM audit_log"));
        assertEquals(0, count(f, "SELECT COUNT(*) FROM audit_pending"));
        List<de.paktwerk.core.api.AuditEntry> entries = f.audit.entries("test", "1");
        assertEquals(List.of("create", "submit"), entries.stream().map(de.paktwerk.core.api.AuditEntry::action).toList());
        assertTrue(f.audit.verify().intact());
    }

    /** 16 threads with 40 transactions of two entries each, while the writer links: one linear chain, nothing lost. */
    @Test
    public void concurrentTransactionsGiveOneLinearChainWithEveryEntry() throws Exception {
        CoreFixture f = new CoreFixture("100000.00");
        long before = f.audit.verify().entriesChecked();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(16);
        List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
        for (int t = 0; t < 16; t++) {
            int thread = t;
            done.add(pool.submit(() -> {
                for (int i = 0; i < 40; i++) {
                    String id = thread + "-" + i;
                    f.database.jdbc().tx(c -> {
                        f.audit.append(c, "a", "load", id, "create", null, null);
                        return f.audit.append(c, "a", "load", id, "submit", null, null);
                    });
                }
                return null;
            }));
        }
        for (java.util.concurrent.Future<?> d : done) {
            d.get(120, java.util.concurrent.TimeUnit.SECONDS);
        }
        pool.shutdown();
        AuditVerification v = f.audit.verify();
        assertTrue(v.message(), v.intact());
        assertEquals(before + 16 * 40 * 2, v.entriesChecked());
        assertEquals(16 * 40 * 2, count(f, "SELECT COUNT(DISTINCT seq) FROM audit_log WHERE entity_type = 'load'"));
        // within a transaction, create is linked before submit
        assertEquals(0, count(f, "SELECT COUNT(*) FROM audit_log c JOIN audit_log s ON c.entity_id = s.entity_id"
                + " WHERE c.entity_type = 'load' AND s.entity_type = 'load' AND c.action = 'create' AND s.action = 'submit' AND s.seq < c.seq"));
    }

    private static long count(CoreFixture f, String sql) throws Exception {
        try (Connection c = f.dataSource.getConnection(); Statement s = c.createStatement(); java.sql.ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static String sha256(String s) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
}
