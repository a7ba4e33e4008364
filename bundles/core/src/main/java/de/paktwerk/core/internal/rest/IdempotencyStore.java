package de.paktwerk.core.internal.rest;

import de.paktwerk.core.api.db.Sql;
import de.paktwerk.core.internal.db.CoreDatabase;
import de.paktwerk.core.internal.db.Jdbc;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Remembers the answer to each Idempotency-Key. The key is claimed, the request is carried out and its
 * answer stored in one transaction bound to the request thread: either all of it commits or none of it, and
 * the primary key lets a concurrent duplicate wait and then find the first answer.
 */
@Component(service = IdempotencyStore.class)
public class IdempotencyStore {

    /** A stored answer. */
    public record Entry(String requestHash, int status, String contentType, String body) {
    }

    private final Jdbc jdbc;

    @Activate
    public IdempotencyStore(@Reference CoreDatabase database) {
        this.jdbc = database.jdbc();
    }

    /** The committed answer to a key, if there is one. */
    public Optional<Entry> find(String key) {
        return jdbc.tx(c -> Sql.one(c, "SELECT request_hash, status, content_type, response_body FROM idempotency WHERE idem_key = ?",
                rs -> new Entry(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4)), key));
    }

    /**
     * Opens the request's transaction and claims the key in it. False if the key is taken (by a request that
     * committed meanwhile); the transaction is then already ended.
     */
    public boolean begin(String key, String requestHash) throws SQLException {
        jdbc.begin();
        try {
            Sql.update(jdbc.bound(), "INSERT INTO idempotency (idem_key, request_hash, status, created_at) VALUES (?, ?, 0, ?)",
                    key, requestHash, Instant.now());
            return true;
        } catch (SQLException e) {
            jdbc.end(false);
            if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
                return false;
            }
            throw e;
        }
    }

    /** Stores the answer and commits the request's transaction; false if it could not commit. */
    public boolean commit(String key, int status, String contentType, String body) {
        try {
            if (jdbc.rollbackOnly()) {
                jdbc.end(false);
                return false;
            }
            Sql.update(jdbc.bound(), "UPDATE idempotency SET status = ?, content_type = ?, response_body = ? WHERE idem_key = ?",
                    status, contentType, body, key);
            jdbc.end(true);
            return true;
        } catch (SQLException e) {
            try {
                jdbc.end(false);
            } catch (SQLException ignored) {
                // the connection is gone; nothing was committed
            }
            return false;
        }
    }

    /** Rolls the request's transaction back: the request and the claim of its key are undone. */
    public void rollback() {
        try {
            jdbc.end(false);
        } catch (SQLException ignored) {
            // nothing was committed
        }
    }

    /**
     * Deletes stored answers older than {@code cutoff}: they hold whole responses, case data included. A key older
     * than the retention period counts as new again.
     *
     * @return how many were deleted
     */
    public int purgeOlderThan(Instant cutoff) {
        return jdbc.tx(c -> Sql.update(c, "DELETE FROM idempotency WHERE created_at < ?", cutoff));
    }
}
