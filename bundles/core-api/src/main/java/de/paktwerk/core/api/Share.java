package de.paktwerk.core.api;

/**
 * One body's share in a distribution.
 *
 * @param bodyKey official key of the responsible body
 * @param weight its key figure (e.g. refugees, including those of delegating municipalities)
 * @param amount its share
 */
public record Share(String bodyKey, long weight, Money amount) {
}
