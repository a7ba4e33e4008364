package de.paktwerk.core.internal.security;

import de.paktwerk.core.api.AuditLog;
import de.paktwerk.core.api.InvalidInputException;
import de.paktwerk.core.api.UnknownEntityException;
import de.paktwerk.core.api.db.Sql;
import de.paktwerk.core.internal.db.CoreDatabase;
import de.paktwerk.core.internal.db.Jdbc;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * API tokens for machine clients ({@code Authorization: Bearer pw_…}). A token acts as its user with that
 * user's current roles; only its SHA-256 hash is stored, the token itself is shown once when created.
 */
@Component(service = ApiTokens.class)
public class ApiTokens {

    static final String PREFIX = "pw_";
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private final SecureRandom random = new SecureRandom();

    /** A token as listed (never the token itself). */
    public record TokenInfo(long id, String user, String label, Instant createdAt, Instant revokedAt) {
    }

    /** A new token: shown once. */
    public record NewToken(long id, String user, String token) {
    }

    private final Jdbc jdbc;
    private final AuditLog audit;
    private final JaasUsers users;
    private final AuthCache cache;

    @Activate
    public ApiTokens(@Reference CoreDatabase database, @Reference AuditLog audit, @Reference JaasUsers users, @Reference AuthCache cache) {
        this.jdbc = database.jdbc();
        this.audit = audit;
        this.users = users;
        this.cache = cache;
    }

    public NewToken create(String user, String label, String actor) {
        if (users.roles(user).isEmpty()) {
            throw new UnknownEntityException("Benutzer '" + user + "' gibt es im Realm 'karaf' nicht.");
        }
        if (label == null || label.isBlank() || label.length() > 200) {
            throw new InvalidInputException("Die Bezeichnung des Tokens fehlt oder ist länger als 200 Zeichen.");
        }
        StringBuilder sb = new StringBuilder(PREFIX);
        for (int i = 0; i < 40; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        String token = sb.toString();
        return jdbc.tx(c -> {
            long id = Sql.insert(c, "INSERT INTO api_token (user_name, label, token_hash, created_at) VALUES (?, ?, ?, ?)",
                    user, label.trim(), hash(token), Instant.now().truncatedTo(ChronoUnit.MILLIS));
            audit.append(c, actor, "api_token", String.valueOf(id), "create", null, "{\"user\":\"" + user + "\"}");
            return new NewToken(id, user, token);
        });
    }

    public void revoke(long id, String actor) {
        jdbc.tx(c -> {
            if (Sql.update(c, "UPDATE api_token SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL", Instant.now(), id) == 0) {
                throw new UnknownEntityException("Kein gültiges Token " + id + ".");
            }
            audit.append(c, actor, "api_token", String.valueOf(id), "revoke", null, null);
            return null;
        });
        cache.clear(); // a revoked token stops working at once
    }

    public List<TokenInfo> list() {
        return jdbc.tx(c -> Sql.list(c, "SELECT * FROM api_token ORDER BY id", rs -> new TokenInfo(rs.getLong("id"),
                rs.getString("user_name"), rs.getString("label"), Sql.instant(rs, "created_at"), Sql.instant(rs, "revoked_at"))));
    }

    /** The user a valid, unrevoked token belongs to. */
    public Optional<String> authenticate(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
            return Optional.empty();
        }
        return jdbc.tx(c -> Sql.one(c, "SELECT user_name FROM api_token WHERE token_hash = ? AND revoked_at IS NULL",
                rs -> rs.getString(1), hash(token)));
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
