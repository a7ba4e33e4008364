package de.paktwerk.core.api;

/**
 * The budget of one funding area in one period.
 *
 * @param periodId the period
 * @param areaId the funding area
 * @param amount the budget
 * @param committed sum of approved amounts so far
 * @param capped true if approvals may never exceed the amount; false for a demand-driven budget (the amount is a
 *        planning figure, approvals follow the demand) — since 2.0
 */
public record Budget(String periodId, String areaId, Money amount, Money committed, boolean capped) {
    /** What is still free (negative when a demand-driven budget is exceeded). */
    public Money available() {
        return amount.minus(committed);
    }
}
