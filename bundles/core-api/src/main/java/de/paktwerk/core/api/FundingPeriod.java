package de.paktwerk.core.api;

/**
 * A funding period with its programme envelope.
 *
 * @param id e.g. "2017" or "2020-2021"
 * @param firstYear first calendar year
 * @param lastYear last calendar year
 * @param envelope total of the pact for the whole period
 * @param start first day (since 2.0)
 * @param end last day, inclusive; "2020-2021" ends on 2021-12-31 (since 2.0)
 */
public record FundingPeriod(String id, int firstYear, int lastYear, Money envelope, java.time.LocalDate start, java.time.LocalDate end) {

    /** Whether the day lies in the period. */
    public boolean contains(java.time.LocalDate day) {
        return !day.isBefore(start) && !day.isAfter(end);
    }
}
