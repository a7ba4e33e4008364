package de.paktwerk.core.api;

import java.time.Instant;

/**
 * One entry of the hash-chained audit log. Holds no personal data, only pseudonymous ids.
 *
 * @param seq position in the chain, from 1
 * @param at time
 * @param actor who
 * @param entityType kind of entity, e.g. "application"
 * @param entityId its id
 * @param action what happened, e.g. "submit"
 * @param before state before as JSON, or null
 * @param after state after as JSON, or null
 * @param prevHash hash of the previous entry
 * @param hash SHA-256 over prevHash and this entry's fields
 */
public record AuditEntry(long seq, Instant at, String actor, String entityType, String entityId, String action,
                         String before, String after, String prevHash, String hash) {
}
