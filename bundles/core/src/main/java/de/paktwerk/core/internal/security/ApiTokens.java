package de.paktwerk.core.internal.security;

import de.paktwerk.core.api.AuditLog;
import de.paktwerk.core.api.InvalidInputException;
import de.paktwerk.core.api.UnknownEntityException;
import de.paktwerk.core.api.db.Sql;
import de.paktwerk.core.internal.db.CoreDatabase;
import de.paktwerk.core.internal.db.Jdbc;
import de.paktwerk.core.internal.json.Json;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * API tokens for machine clients ({@code Authorization: Bearer pw_…}). A token acts as its user with that
 * user's <em>current</em> roles, stops working when the user is gone, and expires (by default one year after
 * it was created). Only its SHA-256 hash is stored; the token itself is shown once when created.
 */
@Component(service = ApiTokens.class)
public class ApiTokens {

    static final String PREFIX = "pw_";
    /** Default lifetime of a token. */
    public static final int DEFAULT_VALIDITY_DAYS = 365;
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private final SecureRandom random = new SecureRandom();

    /** A token as listed (never the token itself). */
    public record TokenInfo(long id, String user, String label, Instant createdAt, Instant expiresAt, Instant revokedAt) {
    }

    /** A new token: shown once. */
    public record NewToken(long id, String user, String token, Instant expiresAt) {
    }

    /** The user a token belongs to and that user's roles now. */
    public record TokenUser(String user, Set<String> roles) {
    }

    private final Jdbc jdbc;
    private final AuditLog audit;
    private final ActorRoles users;
    private final AuthCache cache;
    private final Clock clock;

    @Activate
    public ApiTokens(@Reference CoreDatabase database, @Reference AuditLog audit, @Reference ActorRoles users, @Reference AuthCache cache,
                     @Reference Clock clock) {
        this.jdbc = database.jdbc();
        this.audit = audit;
        this.users = users;
        this.cache = cache;
        this.clock = clock;
    }

    /** A token for {@code user}, valid until the start of {@code expiresOn} (Berlin time); null = one year. */
    public NewToken create(String user, String label, LocalDate expiresOn, String actor) {
        if (users.roles(user).isEmpty()) {
            throw new UnknownEntityException("Benutzer '" + user + "' gibt es im Realm 'karaf' nicht.");
        }
        if (label == null || label.isBlank() || label.length() > 200) {
            throw new InvalidInputException("Die Bezeichnung des Tokens fehlt oder ist länger als 200 Zeichen.");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        LocalDate today = LocalDate.ofInstant(now, BERLIN);
        LocalDate until = expiresOn != null ? expiresOn : today.plusDays(DEFAULT_VALIDITY_DAYS);
        if (!until.isAfter(today)) {
            throw new InvalidInputException("Das Ablaufdatum " + until + " muss nach dem heutigen Tag liegen.");
        }
        if (until.isAfter(today.plusYears(5))) {
            throw new InvalidInputException("Ein Token gilt höchstens fünf Jahre (bis " + today.plusYears(5) + ").");
        }
        Instant expiresAt = until.atStartOfDay(BERLIN).toInstant();
        StringBuilder sb = new StringBuilder(PREFIX);
        for (int i = 0; i < 40; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        String token = sb.toString();
        return jdbc.tx(c -> {
            long id = Sql.insert(c, "INSERT INTO api_token (user_name, label, token_hash, created_at, expires_at, credential) VALUES (?, ?, ?, ?, ?, ?)",
                    user, label.trim(), hash(token), now, expiresAt, users.identity(user).orElseThrow(
                            () -> new UnknownEntityException("Benutzer '" + user + "' gibt es im Realm 'karaf' nicht.")));
            audit.append(c, actor, "api_token", String.valueOf(id), "create", null,
                    Json.object(Map.of("user", user, "expiresAt", expiresAt.toString())));
            return new NewToken(id, user, token, expiresAt);
        });
    }

    public void revoke(long id, String actor) {
        jdbc.tx(c -> {
            if (Sql.update(c, "UPDATE api_token SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL", clock.instant(), id) == 0) {
                throw new UnknownEntityException("Kein gültiges Token " + id + ".");
            }
            audit.append(c, actor, "api_token", String.valueOf(id), "revoke", null, null);
            return null;
        });
        cache.clear(); // a revoked token stops working at once
    }

    public List<TokenInfo> list() {
        return jdbc.tx(c -> Sql.list(c, "SELECT * FROM api_token ORDER BY id", rs -> new TokenInfo(rs.getLong("id"),
                rs.getString("user_name"), rs.getString("label"), Sql.instant(rs, "created_at"), Sql.instant(rs, "expires_at"),
                Sql.instant(rs, "revoked_at"))));
    }

    /** The user of a valid token — unrevoked, unexpired, its user still in the realm — with that user's roles now. */
    public Optional<TokenUser> authenticate(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
            return Optional.empty();
        }
        Optional<String[]> found = jdbc.tx(c -> Sql.one(c, "SELECT id, user_name, credential FROM api_token WHERE token_hash = ?"
                + " AND revoked_at IS NULL AND expires_at > ?", rs -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)},
                hash(token), clock.instant()));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        String user = found.get()[1];
        Optional<Set<String>> roles = users.roles(user);
        if (roles.isEmpty() || !users.identity(user).equals(Optional.ofNullable(found.get()[2]))) {
            // its account is gone or is another one now (recreated, new password): revoked for good
            revoke(List.of(Long.parseLong(found.get()[0])), "(Konto geändert)");
            return Optional.empty();
        }
        return Optional.of(new TokenUser(user, roles.get()));
    }

    /**
     * Revokes every live token whose account is gone or another one now (deleted, created anew, new password) —
     * whichever way the realm was changed; tokens from before accounts were fingerprinted are bound to the account as
     * it is now. Called at start and whenever the users file changes.
     *
     * @return the number of tokens revoked
     */
    public int reconcile() {
        List<String[]> live = jdbc.tx(c -> Sql.list(c, "SELECT id, user_name, credential FROM api_token WHERE revoked_at IS NULL",
                rs -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}));
        List<Long> gone = new java.util.ArrayList<>();
        for (String[] t : live) {
            Optional<String> now = users.identity(t[1]);
            if (t[2] == null && now.isPresent()) {
                jdbc.tx(c -> Sql.update(c, "UPDATE api_token SET credential = ? WHERE id = ? AND credential IS NULL", now.get(), Long.parseLong(t[0])));
            } else if (now.isEmpty() || !now.get().equals(t[2])) {
                gone.add(Long.parseLong(t[0]));
            }
        }
        revoke(gone, "(Konto geändert)");
        return gone.size();
    }

    private void revoke(List<Long> ids, String actor) {
        if (ids.isEmpty()) {
            return;
        }
        jdbc.tx(c -> {
            for (long id : ids) {
                if (Sql.update(c, "UPDATE api_token SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL", clock.instant(), id) > 0) {
                    audit.append(c, actor, "api_token", String.valueOf(id), "revoke", null, null);
                }
            }
            return null;
        });
        cache.clear();
    }

    /** Revokes every token of the user (an account created or replaced under that name starts without tokens). */
    public int revokeAllOf(String user, String actor) {
        int n = jdbc.tx(c -> {
            List<Long> ids = Sql.list(c, "SELECT id FROM api_token WHERE user_name = ? AND revoked_at IS NULL", rs -> rs.getLong(1), user);
            for (long id : ids) {
                Sql.update(c, "UPDATE api_token SET revoked_at = ? WHERE id = ?", clock.instant(), id);
                audit.append(c, actor, "api_token", String.valueOf(id), "revoke", null, null);
            }
            return ids.size();
        });
        cache.clear();
        return n;
    }

    static String hash(String token) {
        return de.paktwerk.core.internal.json.Sha256.hex(token);
    }
}
