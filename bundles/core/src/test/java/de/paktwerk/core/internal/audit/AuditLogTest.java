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

    static String sha256(String s) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
}
