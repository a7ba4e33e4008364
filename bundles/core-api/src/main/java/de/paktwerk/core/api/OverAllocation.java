package de.paktwerk.core.api;

/**
 * A body whose share in a new distribution run is below what is already approved for it: the approvals stand, the
 * office must resolve the difference (a reclaim, a partial revocation or a budget decision). New approvals for the
 * body are refused until its share covers them again.
 *
 * @param bodyKey official key
 * @param share its share in the run
 * @param approved what was approved (committed) for it when the run was made
 * @param excess approved − share
 * @since 2.0
 */
public record OverAllocation(String bodyKey, Money share, Money approved, Money excess) {
}
