package de.paktwerk.core.api;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** The append-only, hash-chained audit log. */
@org.osgi.annotation.versioning.ProviderType
public interface AuditLog {

    /** Appends an entry in its own transaction. {@code before}/{@code after} are JSON or null. */
    AuditEntry append(String actor, String entityType, String entityId, String action, String before, String after);

    /**
     * Appends an entry inside the caller's transaction (see {@link de.paktwerk.core.api.db.Transactions}), so that
     * a change and its entry commit together or not at all. The entry is linked into the hash chain right after the
     * commit, so the returned entry carries {@code seq} 0 and no hashes; {@link #entries} and {@link #verify()} see
     * every committed entry.
     */
    AuditEntry append(Connection connection, String actor, String entityType, String entityId, String action,
                      String before, String after) throws SQLException;

    List<AuditEntry> entries(String entityType, String entityId);

    /**
     * Entries in time order, optionally of one actor and within {@code [from, to)}; at most {@code limit}
     * entries from {@code offset}. Any filter may be null.
     *
     * @since 1.1
     */
    List<AuditEntry> entries(String actor, java.time.Instant from, java.time.Instant to, int offset, int limit);

    /** Walks the whole chain and names the first entry whose hash does not match. */
    AuditVerification verify();
}
