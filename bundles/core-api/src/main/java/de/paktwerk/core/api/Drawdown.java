package de.paktwerk.core.api;

import java.time.Instant;

/**
 * A drawdown of approved funds (Mittelabruf).
 *
 * @param id identifier
 * @param applicationId the application
 * @param amount amount paid out
 * @param at when
 * @param by who asked
 */
public record Drawdown(long id, long applicationId, Money amount, Instant at, String by) {
}
