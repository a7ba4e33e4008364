package de.paktwerk.core.api;

/**
 * An approver's decision on a submitted application.
 *
 * @param outcome APPROVED, PARTIALLY_APPROVED or REJECTED
 * @param amount approved amount (zero when rejected)
 * @param conditions conditions and remarks (Nebenbestimmungen), optional
 */
public record DecisionRequest(ApplicationState outcome, Money amount, String conditions) {
}
