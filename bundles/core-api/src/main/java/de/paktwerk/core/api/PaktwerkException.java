package de.paktwerk.core.api;

/**
 * Base of the errors the Paktwerk services raise on purpose. The message is German and meant for
 * the user; REST turns it into the {@code detail} of an {@code application/problem+json} response.
 */
public abstract class PaktwerkException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ProblemType type;

    protected PaktwerkException(String germanMessage) {
        this(germanMessage, null);
    }

    /**
     * @param type the specific cause, or null for the general type of {@link #status()}
     * @since 1.1
     */
    protected PaktwerkException(String germanMessage, ProblemType type) {
        super(germanMessage);
        this.type = type;
    }

    /** HTTP status that fits this error. */
    public abstract int status();

    /** German title of the problem type. */
    public abstract String title();

    /**
     * The stable cause REST answers name in {@code type}.
     *
     * @since 1.1
     */
    public ProblemType problemType() {
        return type != null ? type : ProblemType.ofStatus(status());
    }
}
