package de.paktwerk.core.internal.db;

import de.paktwerk.core.api.PaktwerkException;
import de.paktwerk.core.api.ProblemType;

/**
 * The database could not get a lock in time, or gave up a transaction to resolve a deadlock: nothing was
 * changed and the same request will very likely succeed shortly (503 with {@code Retry-After}).
 */
public class Busy extends PaktwerkException {
    private static final long serialVersionUID = 1L;
    /** Seconds a client should wait before it tries again. */
    public static final int RETRY_AFTER_SECONDS = 1;

    public Busy(String germanMessage) {
        super(germanMessage, ProblemType.UNAVAILABLE);
    }

    @Override
    public int status() {
        return 503;
    }

    @Override
    public String title() {
        return ProblemType.UNAVAILABLE.title();
    }
}
