package de.paktwerk.core.api;

/**
 * Difference between a replaced and a replacing distribution for one body: positive is a top-up
 * (Nachzahlung), negative a reclaim (Rückforderung).
 *
 * @param bodyKey official key
 * @param before share in the replaced run
 * @param after share in the replacing run
 * @param difference after − before
 */
public record ShareDifference(String bodyKey, Money before, Money after, Money difference) {
}
