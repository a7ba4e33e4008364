package de.paktwerk.core.internal.security;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.Test;

public class LoginThrottleTest {

    static LoginConfig config(int max, int minutes) {
        LoginConfig c = mock(LoginConfig.class);
        when(c.maxFailures()).thenReturn(max);
        when(c.windowMinutes()).thenReturn(minutes);
        return c;
    }

    @Test
    public void tenFailuresForAUserBlockItUntilTheFirstLeavesTheWindow() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-28T10:00:00Z"));
        LoginThrottle t = new LoginThrottle(config(10, 15), clock);
        for (int i = 0; i < 9; i++) {
            t.failed("anna", "10.0.0." + i);
            clock.advance(Duration.ofSeconds(10));
        }
        assertEquals(Optional.empty(), t.blocked("anna", "10.0.0.99"));
        t.failed("anna", "10.0.0.9"); // the 10th, at 10:01:30
        // the first failure (10:00:00) leaves the window at 10:15:00: 13:30 from now
        assertEquals(Optional.of(Duration.ofSeconds(13 * 60 + 30)), t.blocked("anna", "10.0.0.99"));
        assertEquals(Optional.empty(), t.blocked("bert", "10.0.0.99"));
        clock.advance(Duration.ofSeconds(13 * 60 + 30));
        assertEquals(Optional.empty(), t.blocked("anna", "10.0.0.99"));
    }

    @Test
    public void tenFailuresFromAnAddressBlockEveryUserFromIt() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-28T10:00:00Z"));
        LoginThrottle t = new LoginThrottle(config(10, 15), clock);
        for (int i = 0; i < 10; i++) {
            t.failed("user" + i, "192.0.2.7");
        }
        assertEquals(Optional.of(Duration.ofMinutes(15)), t.blocked("admin", "192.0.2.7"));
        assertEquals(Optional.empty(), t.blocked("admin", "192.0.2.8"));
    }

    @Test
    public void aSuccessClearsTheUsersFailuresButNotTheAddresses() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-28T10:00:00Z"));
        LoginThrottle t = new LoginThrottle(config(3, 15), clock);
        t.failed("anna", "a1");
        t.failed("anna", "a2");
        t.succeeded("anna");
        t.failed("anna", "a3");
        t.failed("anna", "a3");
        assertEquals(Optional.empty(), t.blocked("anna", "a4"));
        t.failed("bert", "a3");
        assertTrue(t.blocked("anna", "a3").isPresent());
    }

    @Test
    public void invalidTokensAreCountedByAddressAndPrefixAndNeverBlockAUserOrPasswordLogins() {
        MutableClock clock = new MutableClock(Instant.parse("2026-12-07T10:00:00Z"));
        LoginThrottle t = new LoginThrottle(config(10, 15), clock);
        for (int i = 0; i < 12; i++) {
            String bogus = "pw_bogus" + i;
            if (t.blockedToken(LoginThrottle.tokenPrefix(bogus), "192.0.2.7").isEmpty()) {
                t.failedToken(LoginThrottle.tokenPrefix(bogus), "192.0.2.7");
            }
        }
        assertEquals(Optional.of(Duration.ofMinutes(15)), t.blockedToken("pw_Abcde", "192.0.2.7"));
        assertEquals("the same prefix from another address", Optional.of(Duration.ofMinutes(15)), t.blockedToken("pw_bogus", "192.0.2.8"));
        assertEquals(Optional.empty(), t.blockedToken("pw_Abcde", "192.0.2.8"));
        // passwords and users are counted apart: neither the address nor any user is blocked for them
        assertEquals(Optional.empty(), t.blocked("admin", "192.0.2.7"));
        assertEquals(Optional.empty(), t.blocked("(API-Token)", "192.0.2.7"));
        assertEquals("pw_bogus", LoginThrottle.tokenPrefix("pw_bogus123456"));
    }
}
