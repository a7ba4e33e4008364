package de.paktwerk.core.api;

import java.util.List;

/** The append-only, hash-chained audit log. */
public interface AuditLog {

    /** Appends an entry in its own transaction. {@code before}/{@code after} are JSON or null. */
    AuditEntry append(String actor, String entityType, String entityId, String action, String before, String after);

    List<AuditEntry> entries(String entityType, String entityId);

    /** Walks the whole chain and names the first entry whose hash does not match. */
    AuditVerification verify();
}
