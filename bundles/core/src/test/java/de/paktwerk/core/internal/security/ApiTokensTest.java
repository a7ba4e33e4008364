package de.paktwerk.core.internal.security;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import de.paktwerk.core.api.InvalidInputException;
import de.paktwerk.core.api.UnknownEntityException;
import de.paktwerk.core.internal.testing.CoreFixture;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.Test;

public class ApiTokensTest {

    final CoreFixture f = new CoreFixture("100000.00");
    final Map<String, Set<String>> realm = new ConcurrentHashMap<>(Map.of("ulm1", Set.of("municipality", "municipality:08421000")));
    // 2026-11-28 12:00 in Berlin
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T11:00:00Z"));
    final ApiTokens tokens = new ApiTokens(f.database, f.audit, user -> Optional.ofNullable(realm.get(user)), new AuthCache(), clock);

    @Test
    public void aTokenActsWithItsUsersCurrentRolesAndStopsWhenTheUserIsGone() {
        ApiTokens.NewToken t = tokens.create("ulm1", "Fachverfahren", null, "admin");
        assertEquals(Set.of("municipality", "municipality:08421000"), tokens.authenticate(t.token()).orElseThrow().roles());
        realm.put("ulm1", Set.of("auditor"));
        assertEquals(Set.of("auditor"), tokens.authenticate(t.token()).orElseThrow().roles());
        realm.remove("ulm1");
        assertEquals(Optional.empty(), tokens.authenticate(t.token()));
        assertThrows(UnknownEntityException.class, () -> tokens.create("ulm1", "neu", null, "admin"));
    }

    @Test
    public void aTokenExpiresAfterOneYearByDefaultOrOnTheDayGiven() {
        ApiTokens.NewToken year = tokens.create("ulm1", "Standard", null, "admin");
        // valid until the start of 2027-11-28 in Berlin (UTC+1 in November)
        assertEquals(Instant.parse("2027-11-27T23:00:00Z"), year.expiresAt());
        ApiTokens.NewToken shortLived = tokens.create("ulm1", "kurz", LocalDate.of(2026, 12, 1), "admin");
        assertEquals(Instant.parse("2026-11-30T23:00:00Z"), shortLived.expiresAt());
        assertTrue(tokens.authenticate(shortLived.token()).isPresent());
        clock.advance(Duration.ofDays(2).plusHours(12).minusSeconds(1)); // 2026-11-30T23:59:59 Berlin
        assertTrue(tokens.authenticate(shortLived.token()).isPresent());
        clock.advance(Duration.ofSeconds(1));
        assertEquals(Optional.empty(), tokens.authenticate(shortLived.token()));
        assertTrue(tokens.authenticate(year.token()).isPresent());
        assertEquals(Instant.parse("2026-11-30T23:00:00Z"), tokens.list().get(1).expiresAt());
        assertThrows(InvalidInputException.class, () -> tokens.create("ulm1", "gestern", LocalDate.of(2026, 11, 30), "admin"));
    }
}
