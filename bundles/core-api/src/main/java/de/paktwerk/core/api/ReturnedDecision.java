package de.paktwerk.core.api;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A decision the second person gave back instead of confirming it, with the reason given; the application waits for
 * a new decision.
 *
 * @param applicationId the application
 * @param decidedBy who decided
 * @param decidedOn the day of the decision
 * @param outcome what was decided
 * @param amount the amount decided
 * @param returnedBy who gave it back
 * @param returnedAt when
 * @param reason why
 * @since 2.3
 */
public record ReturnedDecision(long applicationId, String decidedBy, LocalDate decidedOn, ApplicationState outcome, Money amount,
                               String returnedBy, Instant returnedAt, String reason) {
}
