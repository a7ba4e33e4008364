package de.paktwerk.core.internal.audit;

import de.paktwerk.core.api.db.Sql;
import de.paktwerk.core.api.AuditEntry;
import de.paktwerk.core.api.AuditLog;
import de.paktwerk.core.api.AuditVerification;
import de.paktwerk.core.internal.db.CoreDatabase;
import de.paktwerk.core.internal.db.Jdbc;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The hash-chained audit log. Core services append inside their own transaction ({@link #append(Connection,
 * String, String, String, String, String, String)}), so a change and its audit entry commit together or not
 * at all; locking the single head row keeps the chain linear under concurrency.
 *
 * <p>The chain can never be deleted, so it never holds personal data: of the before/after snapshots a caller
 * passes, an entry keeps only the names of the fields that changed and a SHA-256 of the snapshot
 * ({@link AuditRecords#minimise}); the data itself lives in tables that retention can delete. Chains written
 * before this rule are redacted once at start into a new segment whose first entry commits to the old head
 * ({@link AuditRecords}).
 */
@Component(service = AuditLog.class)
public class AuditLogImpl implements AuditLog {

    private final Jdbc jdbc;

    @Activate
    public AuditLogImpl(@Reference CoreDatabase database) {
        this.jdbc = database.jdbc();
        jdbc.tx(c -> {
            AuditRecords.redactLegacy(c);
            return null;
        });
    }

    @Override
    public AuditEntry append(String actor, String entityType, String entityId, String action, String before, String after) {
        return jdbc.tx(c -> append(c, actor, entityType, entityId, action, before, after));
    }

    @Override
    public AuditEntry append(Connection c, String actor, String entityType, String entityId, String action,
                             String before, String after) throws SQLException {
        long lastSeq;
        String lastHash;
        try (PreparedStatement ps = c.prepareStatement("SELECT last_seq, last_hash FROM audit_head WHERE id = 1 FOR UPDATE");
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new SQLException("audit_head fehlt");
            }
            lastSeq = rs.getLong(1);
            lastHash = rs.getString(2);
        }
        long seq = lastSeq + 1;
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String safeActor = actor == null ? "system" : actor;
        String record = AuditRecords.minimise(before, after);
        return insert(c, seq, at, safeActor, entityType, entityId, action, record, lastHash);
    }

    /** Writes an entry after {@code prevHash} and moves the head to it; the head row must be locked. */
    static AuditEntry insert(Connection c, long seq, Instant at, String safeActor, String entityType, String entityId, String action,
                             String record, String lastHash) throws SQLException {
        String before = null;
        String after = record;
        String hash = AuditChain.hash(lastHash, seq, at, safeActor, entityType, entityId, action, before, after);
        Sql.update(c, "INSERT INTO audit_log (seq, at, actor, entity_type, entity_id, action, before_json, after_json, prev_hash, hash)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", seq, at, safeActor, entityType, entityId, action, before, after, lastHash, hash);
        Sql.update(c, "UPDATE audit_head SET last_seq = ?, last_hash = ? WHERE id = 1", seq, hash);
        return new AuditEntry(seq, at, safeActor, entityType, entityId, action, before, after, lastHash, hash);
    }

    @Override
    public List<AuditEntry> entries(String entityType, String entityId) {
        return jdbc.tx(c -> Sql.list(c, "SELECT * FROM audit_log WHERE entity_type = ? AND entity_id = ? ORDER BY seq",
                AuditLogImpl::map, entityType, entityId));
    }

    @Override
    public List<AuditEntry> entries(String actor, java.time.Instant from, java.time.Instant to, int offset, int limit) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        java.util.List<Object> params = new java.util.ArrayList<>();
        if (actor != null) {
            where.append(" AND actor = ?");
            params.add(actor);
        }
        if (from != null) {
            where.append(" AND at >= ?");
            params.add(from);
        }
        if (to != null) {
            where.append(" AND at < ?");
            params.add(to);
        }
        params.add(offset);
        params.add(limit);
        return jdbc.tx(c -> Sql.list(c, "SELECT * FROM audit_log" + where + " ORDER BY seq OFFSET ? ROWS FETCH NEXT ? ROWS ONLY",
                AuditLogImpl::map, params.toArray()));
    }

    @Override
    public AuditVerification verify() {
        return jdbc.tx(c -> {
            String expectedPrev = AuditChain.GENESIS;
            long expectedSeq = 1;
            long checked = 0;
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM audit_log ORDER BY seq")) {
                ps.setFetchSize(1000);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        AuditEntry e = map(rs);
                        checked++;
                        if (e.seq() != expectedSeq) {
                            return broken(checked, expectedSeq, "Eintrag " + expectedSeq + " fehlt in der Kette.");
                        }
                        if (!e.prevHash().equals(expectedPrev)) {
                            return broken(checked, e.seq(), "Eintrag " + e.seq() + " verweist nicht auf den Hash seines Vorgängers.");
                        }
                        if (!AuditChain.recompute(e).equals(e.hash())) {
                            return broken(checked, e.seq(), "Eintrag " + e.seq() + " wurde verändert: sein Hash stimmt nicht.");
                        }
                        expectedPrev = e.hash();
                        expectedSeq++;
                    }
                }
            }
            String headHash = Sql.one(c, "SELECT last_hash FROM audit_head WHERE id = 1", rs -> rs.getString(1)).orElse("");
            if (!headHash.equals(expectedPrev)) {
                return broken(checked, expectedSeq - 1, "Das Ende der Kette passt nicht zum letzten Eintrag (Einträge entfernt?).");
            }
            return new AuditVerification(true, checked, null, "Audit-Kette intakt: " + checked + " Einträge geprüft.");
        });
    }

    private static AuditVerification broken(long checked, long seq, String message) {
        return new AuditVerification(false, checked, seq, message);
    }

    static AuditEntry map(ResultSet rs) throws SQLException {
        return new AuditEntry(rs.getLong("seq"), Sql.instant(rs, "at"), rs.getString("actor"), rs.getString("entity_type"),
                rs.getString("entity_id"), rs.getString("action"), rs.getString("before_json"), rs.getString("after_json"),
                rs.getString("prev_hash"), rs.getString("hash"));
    }
}
