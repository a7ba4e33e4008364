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
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * The hash-chained audit log.
 *
 * <p>Services append inside their own transaction ({@link #append(Connection, String, String, String, String, String,
 * String)}): the entry is written to {@code audit_pending} with the change it records, so both commit together or not
 * at all, and no transaction waits for another one's audit entry. One chain writer per node links committed pending
 * entries into the chain ({@code audit_log}) in batches, with the single head row locked only for that short
 * transaction: it runs when a transaction with entries has committed, and links every pending entry, also those of
 * another node or those a crashed node left (and the log links what is pending when it starts). Nodes linking at once
 * queue on the head row, so the chain stays linear. Reads and {@link #verify()} link what is pending first, so they
 * see every committed entry.
 *
 * <p>Before, each transaction locked the head row from its first entry to its commit, and every write of the platform
 * queued on it (docs/BENCHMARKS.md, profile of approvals on PostgreSQL).
 *
 * <p>The chain can never be deleted, so it never holds personal data: of the before/after snapshots a caller
 * passes, an entry keeps only the names of the fields that changed and a SHA-256 of the snapshot
 * ({@link AuditRecords#minimise}); the data itself lives in tables that retention can delete. Chains written
 * before this rule are redacted once at start into a new segment whose first entry commits to the old head
 * ({@link AuditRecords}).
 */
@Component(service = AuditLog.class)
public class AuditLogImpl implements AuditLog {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(AuditLogImpl.class);
    /** Pending entries linked per transaction of the chain writer. */
    static final int BATCH = 500;

    private final Jdbc jdbc;
    /** One thread, started when there is something to link and ended after 30 s without work. */
    private final ThreadPoolExecutor writer = new ThreadPoolExecutor(1, 1, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
        Thread t = new Thread(r, "paktwerk-audit-chain");
        t.setDaemon(true);
        return t;
    });
    /** True while a run of the writer is queued and has not started yet: commits in the meantime need no other. */
    private final AtomicBoolean queued = new AtomicBoolean();

    @Activate
    public AuditLogImpl(@Reference CoreDatabase database) {
        this.jdbc = database.jdbc();
        jdbc.tx(c -> {
            AuditRecords.redactLegacy(c);
            return null;
        });
        writer.allowCoreThreadTimeOut(true);
        link(); // what a stopped or crashed node left pending
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        writer.shutdown();
        if (!writer.awaitTermination(10, TimeUnit.SECONDS)) {
            LOG.warn("Der Schreiber der Audit-Kette hat nicht in 10 s beendet; offene Einträge verknüpft der nächste Start.");
        }
    }

    /** Appends in its own transaction and links it at once (with whatever was pending before it). */
    @Override
    public AuditEntry append(String actor, String entityType, String entityId, String action, String before, String after) {
        if (jdbc.holdsTransaction()) {
            return jdbc.tx(c -> append(c, actor, entityType, entityId, action, before, after));
        }
        return jdbc.tx(c -> {
            Head head = linkPending(c, lockHead(c), Integer.MAX_VALUE);
            return insert(c, head.seq() + 1, now(), actor(actor), entityType, entityId, action, AuditRecords.minimise(before, after),
                    head.hash());
        });
    }

    /**
     * Writes the entry into the caller's transaction; it is linked into the chain after the commit. The returned entry
     * has {@code seq} 0 and no hashes yet: those are given when it is linked.
     */
    @Override
    public AuditEntry append(Connection c, String actor, String entityType, String entityId, String action,
                             String before, String after) throws SQLException {
        Instant at = now();
        String safeActor = actor(actor);
        String record = AuditRecords.minimise(before, after);
        Sql.update(c, "INSERT INTO audit_pending (at, actor, entity_type, entity_id, action, after_json) VALUES (?, ?, ?, ?, ?, ?)",
                at, safeActor, entityType, entityId, action, record);
        jdbc.afterCommit(this::signal);
        return new AuditEntry(0, at, safeActor, entityType, entityId, action, null, record, null, null);
    }

    private void signal() {
        if (queued.compareAndSet(false, true)) {
            try {
                writer.execute(() -> {
                    queued.set(false);
                    linkQuietly();
                });
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                queued.set(false); // the component stops; the entry stays pending for the next start
            }
        }
    }

    private void linkQuietly() {
        try {
            link();
        } catch (RuntimeException e) {
            LOG.warn("Audit-Einträge konnten nicht in die Kette verknüpft werden; sie bleiben vorgemerkt bis zum nächsten Versuch: {}",
                    e.toString());
        }
    }

    /** Links every committed pending entry into the chain, in batches; returns how many. */
    public long link() {
        // nothing pending (most reads, most signals after a batch): no need to lock the head
        if (jdbc.tx(c -> Sql.one(c, "SELECT id FROM audit_pending FETCH FIRST 1 ROWS ONLY", rs -> rs.getLong(1))).isEmpty()) {
            return 0;
        }
        long total = 0;
        int linked;
        do {
            linked = jdbc.tx(c -> {
                Head before = lockHead(c);
                return (int) (linkPending(c, before, BATCH).seq() - before.seq());
            });
            total += linked;
        } while (linked == BATCH);
        return total;
    }

    /** Before a read: link what is pending unless this thread is inside a transaction (whose head lock would outlive the read). */
    private void linkBeforeReading() {
        if (!jdbc.holdsTransaction()) {
            link();
        }
    }

    private record Head(long seq, String hash) {
    }

    private static Head lockHead(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT last_seq, last_hash FROM audit_head WHERE id = 1 FOR UPDATE");
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new SQLException("audit_head fehlt");
            }
            return new Head(rs.getLong(1), rs.getString(2));
        }
    }

    /** Links up to {@code max} pending entries after the locked head, oldest first; returns the new head. */
    private static Head linkPending(Connection c, Head head, int max) throws SQLException {
        List<Long> ids = new java.util.ArrayList<>();
        long seq = head.seq();
        String prev = head.hash();
        try (PreparedStatement select = c.prepareStatement("SELECT id, at, actor, entity_type, entity_id, action, after_json"
                + " FROM audit_pending ORDER BY id FETCH FIRST " + Math.min(max, BATCH) + " ROWS ONLY");
             PreparedStatement insert = c.prepareStatement("INSERT INTO audit_log (seq, at, actor, entity_type, entity_id, action,"
                     + " before_json, after_json, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, NULL, ?, ?, ?)");
             ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                seq++;
                Instant at = Sql.instant(rs, "at");
                String hash = AuditChain.hash(prev, seq, at, rs.getString("actor"), rs.getString("entity_type"),
                        rs.getString("entity_id"), rs.getString("action"), null, rs.getString("after_json"));
                insert.setLong(1, seq);
                insert.setObject(2, java.time.OffsetDateTime.ofInstant(at, java.time.ZoneOffset.UTC));
                insert.setString(3, rs.getString("actor"));
                insert.setString(4, rs.getString("entity_type"));
                insert.setString(5, rs.getString("entity_id"));
                insert.setString(6, rs.getString("action"));
                insert.setString(7, rs.getString("after_json"));
                insert.setString(8, prev);
                insert.setString(9, hash);
                insert.addBatch();
                ids.add(rs.getLong("id"));
                prev = hash;
            }
            if (ids.isEmpty()) {
                return head;
            }
            insert.executeBatch();
        }
        // each linked id by itself: a range would also delete entries committed after the SELECT, unlinked
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM audit_pending WHERE id = ?")) {
            for (long id : ids) {
                delete.setLong(1, id);
                delete.addBatch();
            }
            delete.executeBatch();
        }
        Sql.update(c, "UPDATE audit_head SET last_seq = ?, last_hash = ? WHERE id = 1", seq, prev);
        return new Head(seq, prev);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    private static String actor(String actor) {
        return actor == null ? "system" : actor;
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
        linkBeforeReading();
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
        linkBeforeReading();
        return jdbc.tx(c -> Sql.list(c, "SELECT * FROM audit_log" + where + " ORDER BY seq OFFSET ? ROWS FETCH NEXT ? ROWS ONLY",
                AuditLogImpl::map, params.toArray()));
    }

    @Override
    public AuditVerification verify() {
        linkBeforeReading();
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
