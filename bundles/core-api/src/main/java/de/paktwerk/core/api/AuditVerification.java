package de.paktwerk.core.api;

/**
 * Result of walking the audit chain.
 *
 * @param intact true if every entry's hash matches
 * @param entriesChecked number of entries walked
 * @param firstBrokenSeq sequence number of the first entry that does not match, or null
 * @param message German summary
 */
public record AuditVerification(boolean intact, long entriesChecked, Long firstBrokenSeq, String message) {
}
