package de.paktwerk.core.internal.security;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.lang.annotation.Annotation;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.Test;

public class SessionTokensTest {

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T09:00:00Z"));
    final Map<String, Set<String>> realm = new ConcurrentHashMap<>(Map.of("approver1", Set.of("approver"), "ulm1", Set.of("municipality")));
    final SessionTokens sessions = new SessionTokens(clock, user -> Optional.ofNullable(realm.get(user)), config(30, 10));

    static SessionTokens.Config config(int idle, int max) {
        return new SessionTokens.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return SessionTokens.Config.class;
            }

            @Override
            public int idleMinutes() {
                return idle;
            }

            @Override
            public int maxHours() {
                return max;
            }
        };
    }

    @Test
    public void aTokenIsRandomPrefixedAndActsAsItsUser() {
        SessionTokens.NewSession a = sessions.open("approver1");
        SessionTokens.NewSession b = sessions.open("approver1");
        assertTrue(a.token().startsWith("pws_"));
        assertEquals(4 + 43, a.token().length()); // 32 random bytes, base64url without padding
        assertNotEquals(a.token(), b.token());
        assertEquals(Instant.parse("2026-11-28T09:30:00Z"), a.expiresAt());
        assertEquals(Optional.of("approver1"), sessions.authenticate(a.token()));
        assertEquals(Optional.empty(), sessions.authenticate("pws_" + "A".repeat(43)));
        assertTrue(SessionTokens.isSessionToken(a.token()));
        assertFalse(SessionTokens.isSessionToken("pw_abc"));
    }

    @Test
    public void idleSessionsEndAndUseExtendsThem() {
        String token = sessions.open("ulm1").token();
        clock.advance(Duration.ofMinutes(29));
        assertEquals(Optional.of("ulm1"), sessions.authenticate(token)); // used: another 30 minutes from now
        clock.advance(Duration.ofMinutes(29));
        assertEquals(Optional.of("ulm1"), sessions.authenticate(token));
        clock.advance(Duration.ofMinutes(30));
        assertEquals(Optional.empty(), sessions.authenticate(token));
        assertEquals(0, sessions.count());
    }

    @Test
    public void aSessionEndsAtTheLatestAfterMaxHoursEvenWhenUsed() {
        String token = sessions.open("ulm1").token();
        for (int i = 0; i < 20; i++) {
            clock.advance(Duration.ofMinutes(29));
            assertEquals("used within 10 h after " + (i + 1) * 29 + " min", Optional.of("ulm1"), sessions.authenticate(token));
        }
        clock.advance(Duration.ofMinutes(20)); // 600 minutes after the login
        assertEquals(Optional.empty(), sessions.authenticate(token));
    }

    @Test
    public void logoutAndRemovalOfTheUserEndSessions() {
        String a = sessions.open("approver1").token();
        String b = sessions.open("ulm1").token();
        String c = sessions.open("ulm1").token();
        assertTrue(sessions.close(a));
        assertFalse(sessions.close(a));
        assertEquals(Optional.empty(), sessions.authenticate(a));
        realm.remove("ulm1");
        assertEquals(Optional.empty(), sessions.authenticate(b));
        realm.put("ulm1", Set.of("municipality"));
        assertEquals(Optional.of("ulm1"), sessions.authenticate(c));
        assertEquals(1, sessions.closeAllOf("ulm1"));
        assertEquals(Optional.empty(), sessions.authenticate(c));
    }

    @Test
    public void aChangedConfigurationAppliesToLiveSessions() {
        String token = sessions.open("ulm1").token();
        sessions.modified(config(5, 10));
        clock.advance(Duration.ofMinutes(6));
        assertEquals(Optional.empty(), sessions.authenticate(token));
    }
}
