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
 * @param accepted the amount recognised: the spending up to the approval, or what the area settled from the actuals
 *        (since 2.0)
 * @param released the part of the approval given back to the budget and the share without being paid (since 2.0)
 * @param settlement the area's settlement lines, empty when the area does not settle on actuals (since 2.0)
 */
public record ProofOfUse(long id, long applicationId, Money spent, Money paid, Money reclaim, Instant at, String by,
                         Money accepted, Money released, java.util.List<LineItem> settlement) {
}
