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
}
