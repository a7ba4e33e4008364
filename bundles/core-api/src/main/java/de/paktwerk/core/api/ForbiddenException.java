package de.paktwerk.core.api;

/** The caller may not do this, e.g. confirm its own decision (four-eyes rule) (HTTP 403). */
public class ForbiddenException extends PaktwerkException {
    private static final long serialVersionUID = 1L;

    public ForbiddenException(String germanMessage) {
        super(germanMessage);
    }

    /**
     * With a specific cause (its status must be this exception's).
     *
     * @since 1.1
     */
    public ForbiddenException(String germanMessage, ProblemType type) {
        super(germanMessage, type);
    }

    @Override
    public int status() {
        return 403;
    }

    @Override
    public String title() {
        return problemType().status() == status() ? problemType().title() : "Nicht erlaubt";
    }
}
