package de.paktwerk.core.api;

/**
 * A funding period with its programme envelope.
 *
 * @param id e.g. "2017" or "2020-2021"
 * @param firstYear first calendar year
 * @param lastYear last calendar year
 * @param envelope total of the pact for the whole period
 */
public record FundingPeriod(String id, int firstYear, int lastYear, Money envelope) {
}
