package de.paktwerk.core.api;

/**
 * Base of the errors the Paktwerk services raise on purpose. The message is German and meant for
 * the user; REST turns it into the {@code detail} of an {@code application/problem+json} response.
 */
public abstract class PaktwerkException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    protected PaktwerkException(String germanMessage) {
        super(germanMessage);
    }

    /** HTTP status that fits this error. */
    public abstract int status();

    /** German title of the problem type. */
    public abstract String title();
}
