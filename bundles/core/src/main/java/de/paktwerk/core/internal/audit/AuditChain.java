package de.paktwerk.core.internal.audit;

import de.paktwerk.core.api.AuditEntry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/** The hash of an audit entry: SHA-256 over the previous hash and the entry's fields. */
public final class AuditChain {

    /** Hash before the first entry. */
    public static final String GENESIS = "0".repeat(64);
    private static final char SEP = '\u001f';

    private AuditChain() {
    }

    public static String hash(String prevHash, long seq, Instant at, String actor, String entityType, String entityId,
                              String action, String before, String after) {
        StringBuilder sb = new StringBuilder(256);
        sb.append(prevHash).append(SEP).append(seq).append(SEP).append(at.toEpochMilli()).append(SEP)
                .append(actor).append(SEP).append(entityType).append(SEP).append(entityId).append(SEP)
                .append(action).append(SEP).append(before == null ? "\u0000" : before).append(SEP)
                .append(after == null ? "\u0000" : after);
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(sb.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Recomputes an entry's hash from its fields and its recorded predecessor hash. */
    public static String recompute(AuditEntry e) {
        return hash(e.prevHash(), e.seq(), e.at(), e.actor(), e.entityType(), e.entityId(), e.action(), e.before(), e.after());
    }
}
