package de.paktwerk.core.api;

/**
 * An approver's change of a decision in force (Änderungsbescheid): a lower amount, other conditions, or both, with the
 * reason the letter states.
 *
 * @param amount the amount approved from now on (at most the amount in force, at least what is paid out); {@code null}
 *        keeps the amount
 * @param conditions the conditions from now on (Nebenbestimmungen); {@code null} keeps them, an empty text removes them
 * @param reason why the decision is changed (required, at most 2000 characters)
 * @since 2.2
 */
public record DecisionAmendment(Money amount, String conditions, String reason) {
}
