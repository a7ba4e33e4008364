package de.paktwerk.core.internal.security;

import de.paktwerk.core.api.rest.Caller;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import org.osgi.service.component.annotations.Component;

/**
 * Remembers successful authentications for a short time, keyed by a SHA-256 of the credentials (never the
 * credentials themselves): a JAAS login or token lookup per request would cost more than the request.
 * Any change of the realm's users file (a user, role or scope added or removed) clears the cache at once, as
 * does revoking a token; other role sources take effect within {@link #TTL_SECONDS}.
 */
@Component(service = AuthCache.class)
public class AuthCache {

    static final long TTL_SECONDS = 30;
    static final int MAX_ENTRIES = 10_000;

    private record Entry(Caller caller, long expiresAt) {
    }

    private final ConcurrentMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final Path usersFile = Path.of(System.getProperty("karaf.etc", "etc"), "users.properties");
    private volatile long usersStamp = stamp();

    private long stamp() {
        try {
            return Files.getLastModifiedTime(usersFile).toMillis();
        } catch (IOException e) {
            return -1;
        }
    }

    /** The cached caller for these credentials, if still fresh. */
    public Optional<Caller> get(String kind, String credentials) {
        long now = stamp();
        if (now != usersStamp) {
            entries.clear();
            usersStamp = now;
        }
        Entry e = entries.get(key(kind, credentials));
        if (e == null || e.expiresAt() < System.nanoTime()) {
            return Optional.empty();
        }
        return Optional.of(e.caller());
    }

    public void put(String kind, String credentials, Caller caller) {
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(key(kind, credentials), new Entry(caller, System.nanoTime() + TimeUnit.SECONDS.toNanos(TTL_SECONDS)));
    }

    public void clear() {
        entries.clear();
    }

    private static String key(String kind, String credentials) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(kind.getBytes(StandardCharsets.UTF_8));
            md.update((byte) 0);
            return HexFormat.of().formatHex(md.digest(credentials.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
