package de.paktwerk.core.internal.rest;

import static org.junit.Assert.assertEquals;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import de.paktwerk.core.internal.testing.CoreFixture;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.Test;

public class IdempotencyRetentionTest {

    @Test
    public void storedAnswersAreDeletedAfterTheRetentionPeriod() throws Exception {
        CoreFixture f = new CoreFixture("100000.00");
        Instant now = Instant.parse("2026-11-28T12:00:00Z");
        try (Connection c = f.dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO idempotency (idem_key, request_hash, status, response_body, created_at)"
                     + " VALUES (?, ?, 201, '{\"case\":\"ULM-0001\"}', ?)")) {
            Object[][] rows = {{"eight-days", now.minusSeconds(8 * 86400)}, {"seven-days-and-a-second", now.minusSeconds(7 * 86400 + 1)},
                    {"six-days", now.minusSeconds(6 * 86400)}, {"today", now.minusSeconds(60)}};
            for (Object[] r : rows) {
                ps.setString(1, (String) r[0]);
                ps.setString(2, "0".repeat(64));
                ps.setObject(3, OffsetDateTime.ofInstant((Instant) r[1], ZoneOffset.UTC));
                ps.executeUpdate();
            }
        }
        RetentionConfig config = mock(RetentionConfig.class);
        when(config.idempotencyRetentionDays()).thenReturn(7);
        IdempotencyRetention retention = IdempotencyRetention.unscheduled(new IdempotencyStore(f.database), config, Clock.fixed(now, ZoneOffset.UTC));
        assertEquals(2, retention.purge());
        try (Connection c = f.dataSource.getConnection(); ResultSet rs = c.createStatement().executeQuery("SELECT idem_key FROM idempotency ORDER BY idem_key")) {
            rs.next();
            assertEquals("six-days", rs.getString(1));
            rs.next();
            assertEquals("today", rs.getString(1));
        }
    }
}
