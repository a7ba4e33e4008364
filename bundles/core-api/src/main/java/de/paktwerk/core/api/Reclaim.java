package de.paktwerk.core.api;

import java.time.Instant;

/**
 * A reclaim (Rückforderung) of unspent paid funds.
 *
 * @param id identifier
 * @param applicationId the application
 * @param debtorKey official key of the body that pays back
 * @param amount amount to pay back
 * @param at when it arose
 */
public record Reclaim(long id, long applicationId, String debtorKey, Money amount, Instant at) {
}
