package de.paktwerk.core.internal.security;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Sessions of the web interface ({@code Authorization: Bearer pws_…}): a login with user and password trades them
 * for a random token that lives only in this node's memory and in the browser tab's session storage. It expires
 * after {@code idleMinutes} without use and at the latest {@code maxHours} after the login; a logout, a restart or
 * the user's removal ends it. Only the token's SHA-256 hash is kept. The token carries no roles: every request
 * gets the user's roles as the realm holds them now.
 */
@Component(service = SessionTokens.class, configurationPid = SessionTokens.PID)
@Designate(ocd = SessionTokens.Config.class)
public class SessionTokens {

    public static final String PID = "de.paktwerk.session";
    static final String PREFIX = "pws_";
    private static final int BYTES = 32;

    @ObjectClassDefinition(name = "Paktwerk Sitzungen", description = "Sitzungen der Weboberfläche")
    public @interface Config {
        @AttributeDefinition(name = "Leerlauf in Minuten", description = "Eine Sitzung endet nach so vielen Minuten ohne Anfrage", min = "1")
        int idleMinutes() default 30;

        @AttributeDefinition(name = "Höchstdauer in Stunden", description = "Eine Sitzung endet spätestens so viele Stunden nach der Anmeldung", min = "1")
        int maxHours() default 10;
    }

    /** A new session: the token is shown once, to the browser that logged in. */
    public record NewSession(String token, String user, Instant expiresAt) {
    }

    /** A live session: its user and the account's identity when it was opened ({@link ActorRoles#identity}). */
    private record Session(String user, String identity, Instant created, Instant lastUsed) {
    }

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    private final ActorRoles users;
    private volatile Duration idle;
    private volatile Duration max;

    @Activate
    public SessionTokens(@Reference Clock clock, @Reference ActorRoles users, Config config) {
        this.clock = clock;
        this.users = users;
        modified(config);
    }

    @Modified
    void modified(Config config) {
        idle = Duration.ofMinutes(Math.max(1, config.idleMinutes()));
        max = Duration.ofHours(Math.max(1, config.maxHours()));
    }

    /** Opens a session for an authenticated user. */
    public NewSession open(String user) {
        byte[] bytes = new byte[BYTES];
        random.nextBytes(bytes);
        String token = PREFIX + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        String identity = users.identity(user).orElseThrow(() -> new IllegalStateException("Benutzer " + user + " gibt es nicht"));
        sessions.put(hash(token), new Session(user, identity, now, now));
        expireOld(now);
        return new NewSession(token, user, now.plus(idle));
    }

    /** Whether a bearer token is a session token (not an API token). */
    public static boolean isSessionToken(String token) {
        return token != null && token.startsWith(PREFIX);
    }

    /** The user of a live session, whose use extends it; empty if unknown, expired or the user is gone. */
    public Optional<String> authenticate(String token) {
        String key = hash(token);
        Instant now = clock.instant();
        Session s = sessions.computeIfPresent(key, (k, old) -> expired(old, now) ? null : new Session(old.user(), old.identity(), old.created(), now));
        if (s == null) {
            return Optional.empty();
        }
        if (!users.identity(s.user()).equals(Optional.of(s.identity()))) {
            sessions.remove(key); // the account is gone, or another one now (recreated, new password)
            return Optional.empty();
        }
        return Optional.of(s.user());
    }

    /** Ends every session whose account is gone or another one now; called whenever the users file changes. */
    public int reconcile() {
        int[] n = {0};
        sessions.entrySet().removeIf(e -> {
            boolean gone = !users.identity(e.getValue().user()).equals(Optional.of(e.getValue().identity()));
            if (gone) {
                n[0]++;
            }
            return gone;
        });
        return n[0];
    }

    /** Ends a session (logout); true if it was live. */
    public boolean close(String token) {
        return sessions.remove(hash(token)) != null;
    }

    /** Ends every session of a user (password change, removal). */
    public int closeAllOf(String user) {
        int[] n = {0};
        sessions.entrySet().removeIf(e -> {
            boolean his = e.getValue().user().equals(user);
            if (his) {
                n[0]++;
            }
            return his;
        });
        return n[0];
    }

    /** Live sessions on this node. */
    public int count() {
        expireOld(clock.instant());
        return sessions.size();
    }

    private boolean expired(Session s, Instant now) {
        return !now.isBefore(s.lastUsed().plus(idle)) || !now.isBefore(s.created().plus(max));
    }

    private void expireOld(Instant now) {
        sessions.values().removeIf(s -> expired(s, now));
    }

    static String hash(String token) {
        return de.paktwerk.core.internal.json.Sha256.hex(token);
    }
}
