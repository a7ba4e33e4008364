package de.paktwerk.core.internal.rest;

import de.paktwerk.core.api.db.Sql;
import de.paktwerk.core.internal.db.CoreDatabase;
import de.paktwerk.core.internal.db.Jdbc;
import java.time.Instant;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Remembers the first response to each Idempotency-Key. The primary key makes a key claimable once only. */
@Component(service = IdempotencyStore.class)
public class IdempotencyStore {

    /** What is known about a key. {@code status == null} while the first request is still running. */
    public record Entry(String requestHash, Integer status, String contentType, String body) {
    }

    private final Jdbc jdbc;

    @Activate
    public IdempotencyStore(@Reference CoreDatabase database) {
        this.jdbc = database.jdbc();
    }

    /** Claims the key for this request; empty if claimed now, else what an earlier request left. */
    public Optional<Entry> claim(String key, String requestHash) {
        try {
            jdbc.tx(c -> Sql.update(c, "INSERT INTO idempotency (idem_key, request_hash, created_at) VALUES (?, ?, ?)",
                    key, requestHash, Instant.now()));
            return Optional.empty();
        } catch (de.paktwerk.core.api.ConflictException duplicate) {
            return jdbc.tx(c -> Sql.one(c, "SELECT request_hash, status, content_type, response_body FROM idempotency WHERE idem_key = ?",
                    rs -> new Entry(rs.getString(1), Sql.nullableLong(rs, "status") == null ? null : rs.getInt(2), rs.getString(3),
                            rs.getString(4)), key))
                    .or(() -> Optional.of(new Entry(requestHash, null, null, null)));
        }
    }

    public void complete(String key, int status, String contentType, String body) {
        jdbc.tx(c -> Sql.update(c, "UPDATE idempotency SET status = ?, content_type = ?, response_body = ? WHERE idem_key = ?",
                status, contentType, body, key));
    }

    /** Frees a key whose request failed without effect, so that a retry can run. */
    public void release(String key) {
        jdbc.tx(c -> Sql.update(c, "DELETE FROM idempotency WHERE idem_key = ? AND status IS NULL", key));
    }

}
