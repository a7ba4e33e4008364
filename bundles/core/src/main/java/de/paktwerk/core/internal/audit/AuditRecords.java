package de.paktwerk.core.internal.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import de.paktwerk.core.api.db.Sql;
import de.paktwerk.core.internal.json.Json;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an audit entry keeps of a change: the names of the fields that changed and a SHA-256 of the snapshot,
 * never the values (they may be personal data, and the chain cannot be deleted).
 *
 * <p><b>Legacy chains.</b> Entries written before this rule held whole snapshots. At start the core redacts
 * them once: it verifies the old chain, replaces every old entry's snapshots by their minimised record,
 * recomputes the hashes from the genesis, and appends an entry {@code audit/segment-N/redact} whose record
 * names the old head (sequence number and hash). Whoever kept the old head (an export, a printed
 * verification) can match it against that entry; from there on the chain verifies as usual. A broken legacy
 * chain is left as it is and reported.
 */
public final class AuditRecords {

    private static final Logger LOG = LoggerFactory.getLogger(AuditRecords.class);
    static final String PREFIX = "{\"changed\":";

    private AuditRecords() {
    }

    /** The record of a change: {@code {"changed":[…],"sha256":"…"}}, or null if there was no snapshot at all. */
    public static String minimise(String before, String after) {
        if (before == null && after == null) {
            return null;
        }
        TreeSet<String> changed = new TreeSet<>();
        JsonNode b = parse(before);
        JsonNode a = parse(after);
        if (a != null && a.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = a.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                if (b == null || !f.getValue().equals(b.get(f.getKey()))) {
                    changed.add(f.getKey());
                }
            }
        }
        if (b != null && b.isObject()) {
            for (Iterator<String> it = b.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                if (a == null || !a.has(name)) {
                    changed.add(name);
                }
            }
        }
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("changed", new ArrayList<>(changed));
        record.put("sha256", sha256(after != null ? after : before));
        return Json.write(record);
    }

    private static JsonNode parse(String json) {
        if (json == null) {
            return null;
        }
        try {
            return Json.stored().readTree(json);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    static String sha256(String s) {
        return de.paktwerk.core.internal.json.Sha256.hex(s);
    }

    /** Redacts entries written before the rule into a new segment (see the class comment). Runs with the head locked. */
    static void redactLegacy(Connection c) throws SQLException {
        String legacy = " WHERE before_json IS NOT NULL OR (after_json IS NOT NULL AND after_json NOT LIKE '" + PREFIX + "%')";
        if (Sql.count(c, "SELECT COUNT(*) FROM audit_log" + legacy) == 0) {
            return;
        }
        Sql.one(c, "SELECT last_seq FROM audit_head WHERE id = 1 FOR UPDATE", rs -> rs.getLong(1));
        List<de.paktwerk.core.api.AuditEntry> entries = Sql.list(c, "SELECT * FROM audit_log ORDER BY seq", AuditLogImpl::map);
        String prev = AuditChain.GENESIS;
        long expected = 1;
        for (de.paktwerk.core.api.AuditEntry e : entries) {
            if (e.seq() != expected++ || !e.prevHash().equals(prev) || !AuditChain.recompute(e).equals(e.hash())) {
                LOG.error("Die alte Audit-Kette ist bei Eintrag {} nicht intakt; sie wird nicht geschwärzt.", e.seq());
                return;
            }
            prev = e.hash();
        }
        long oldSeq = entries.get(entries.size() - 1).seq();
        String oldHead = prev;
        prev = AuditChain.GENESIS;
        for (de.paktwerk.core.api.AuditEntry e : entries) {
            String record = e.before() == null && e.after() != null && e.after().startsWith(PREFIX) ? e.after() : minimise(e.before(), e.after());
            String hash = AuditChain.hash(prev, e.seq(), e.at(), e.actor(), e.entityType(), e.entityId(), e.action(), null, record);
            Sql.update(c, "UPDATE audit_log SET before_json = NULL, after_json = ?, prev_hash = ?, hash = ? WHERE seq = ?", record, prev, hash, e.seq());
            prev = hash;
        }
        Sql.update(c, "UPDATE audit_head SET last_seq = ?, last_hash = ? WHERE id = 1", oldSeq, prev);
        long segment = Sql.count(c, "SELECT COUNT(*) FROM audit_log WHERE entity_type = 'audit' AND action = 'redact'") + 1;
        Map<String, Object> note = new LinkedHashMap<>();
        note.put("changed", List.of());
        note.put("previousHeadSeq", oldSeq);
        note.put("previousHeadHash", oldHead);
        AuditLogImpl.insert(c, oldSeq + 1, Instant.now().truncatedTo(ChronoUnit.MILLIS), "system", "audit", "segment-" + segment, "redact",
                Json.write(note), prev);
        LOG.warn("Audit-Kette: {} ältere Einträge mit vollständigen Datensätzen geschwärzt; neues Segment ab Eintrag {} (alter Kopf {}).",
                oldSeq, oldSeq + 1, oldHead);
    }
}
