package de.paktwerk.core.internal.security;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Counts failed logins per user name and per client address in a sliding window. Once a user or an address
 * has {@link LoginConfig#maxFailures()} failures inside {@link LoginConfig#windowMinutes()}, further attempts
 * for it are refused without checking the password until the oldest failure leaves the window. Only the REST
 * API is throttled: Karaf's console over SSH (localhost only) authenticates on its own and stays usable for
 * the admin.
 */
@Component(service = LoginThrottle.class, configurationPid = "de.paktwerk.login")
@Designate(ocd = LoginConfig.class)
public class LoginThrottle {

    /** Bounds the memory an attacker with many names or addresses can take. */
    static final int MAX_KEYS = 100_000;

    private final ConcurrentMap<String, Deque<Long>> failures = new ConcurrentHashMap<>();
    private final Clock clock;
    private volatile int maxFailures;
    private volatile long windowMillis;

    @Activate
    public LoginThrottle(LoginConfig config) {
        this(config, Clock.systemUTC());
    }

    LoginThrottle(LoginConfig config, Clock clock) {
        this.clock = clock;
        modified(config);
    }

    @Modified
    void modified(LoginConfig config) {
        if (config.maxFailures() < 1 || config.windowMinutes() < 1) {
            throw new IllegalArgumentException("maxFailures und windowMinutes müssen mindestens 1 sein");
        }
        this.maxFailures = config.maxFailures();
        this.windowMillis = Duration.ofMinutes(config.windowMinutes()).toMillis();
    }

    /** How long the user or the address is still refused; empty if a login may be tried. */
    public Optional<Duration> blocked(String user, String address) {
        long now = clock.millis();
        long wait = Math.max(waitFor("u:" + user, now), waitFor("a:" + address, now));
        return wait > 0 ? Optional.of(Duration.ofMillis(wait)) : Optional.empty();
    }

    private long waitFor(String key, long now) {
        Deque<Long> times = failures.get(key);
        if (times == null) {
            return 0;
        }
        synchronized (times) {
            prune(times, now);
            if (times.size() < maxFailures) {
                return 0;
            }
            // blocked until enough failures have left the window for the count to drop below the limit
            long[] sorted = times.stream().mapToLong(Long::longValue).toArray();
            return sorted[sorted.length - maxFailures] + windowMillis - now;
        }
    }

    public void failed(String user, String address) {
        count(now -> new String[] {"u:" + user, "a:" + address});
    }

    private void count(java.util.function.LongFunction<String[]> keys) {
        long now = clock.millis();
        if (failures.size() > MAX_KEYS) {
            failures.entrySet().removeIf(e -> {
                synchronized (e.getValue()) {
                    prune(e.getValue(), now);
                    return e.getValue().isEmpty();
                }
            });
        }
        for (String key : keys.apply(now)) {
            Deque<Long> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
            synchronized (times) {
                prune(times, now);
                times.addLast(now);
            }
        }
    }

    /** The part of a bearer token by which invalid tokens are counted: its first eight characters. */
    public static String tokenPrefix(String token) {
        return token.length() <= 8 ? token : token.substring(0, 8);
    }

    /**
     * How long invalid bearer tokens from the address or with the prefix are still refused. Invalid tokens are
     * counted apart from passwords: they never block a user name, a password login or a valid token.
     */
    public Optional<Duration> blockedToken(String prefix, String address) {
        long now = clock.millis();
        long wait = Math.max(waitFor("tp:" + prefix, now), waitFor("ta:" + address, now));
        return wait > 0 ? Optional.of(Duration.ofMillis(wait)) : Optional.empty();
    }

    public void failedToken(String prefix, String address) {
        count(now -> new String[] {"tp:" + prefix, "ta:" + address});
    }

    /** A successful login clears the user's failures (not the address's). */
    public void succeeded(String user) {
        failures.remove("u:" + user);
    }

    private void prune(Deque<Long> times, long now) {
        while (!times.isEmpty() && times.peekFirst() <= now - windowMillis) {
            times.removeFirst();
        }
    }
}
