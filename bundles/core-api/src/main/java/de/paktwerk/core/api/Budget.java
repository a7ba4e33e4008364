package de.paktwerk.core.api;

/**
 * The budget of one funding area in one period.
 *
 * @param periodId the period
 * @param areaId the funding area
 * @param amount the budget
 * @param committed sum of approved amounts so far
 */
public record Budget(String periodId, String areaId, Money amount, Money committed) {
    /** What is still free. */
    public Money available() {
        return amount.minus(committed);
    }
}
