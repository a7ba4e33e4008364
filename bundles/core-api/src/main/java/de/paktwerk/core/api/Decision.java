package de.paktwerk.core.api;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A funding decision (Bewilligungsbescheid).
 *
 * @param id identifier
 * @param applicationId the application
 * @param number decision number, e.g. "PFI-2017-000042"
 * @param date date of the decision
 * @param approver who decided
 * @param outcome APPROVED, PARTIALLY_APPROVED or REJECTED
 * @param amount approved amount
 * @param conditions conditions
 * @param needsConfirmation true when above the four-eyes threshold
 * @param confirmedBy second approver, once confirmed
 * @param confirmedAt time of confirmation
 * @param approvalOffice the approval office that issued it, e.g. "Regierungspräsidium Stuttgart" (since 2.0)
 */
public record Decision(long id, long applicationId, String number, LocalDate date, String approver,
                       ApplicationState outcome, Money amount, String conditions, boolean needsConfirmation,
                       String confirmedBy, Instant confirmedAt, String approvalOffice) {
    /** True when the decision is in force (no confirmation needed or already confirmed). */
    public boolean effective() {
        return !needsConfirmation || confirmedBy != null;
    }
}
