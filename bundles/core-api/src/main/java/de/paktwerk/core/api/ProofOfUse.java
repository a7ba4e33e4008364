package de.paktwerk.core.api;

import java.time.Instant;

/**
 * Proof of use (Verwendungsnachweis) and the reclaim (Rückforderung) it causes.
 *
 * @param id identifier
 * @param applicationId the application
 * @param spent amount spent
 * @param paid amount drawn down in total
 * @param reclaim unspent paid amount to be paid back (zero if none)
 * @param at when
 * @param by who submitted it
 */
public record ProofOfUse(long id, long applicationId, Money spent, Money paid, Money reclaim, Instant at, String by) {
}
