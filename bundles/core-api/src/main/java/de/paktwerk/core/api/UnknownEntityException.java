package de.paktwerk.core.api;

/** The addressed entity does not exist (HTTP 404). */
public class UnknownEntityException extends PaktwerkException {
    private static final long serialVersionUID = 1L;

    public UnknownEntityException(String germanMessage) {
        super(germanMessage);
    }

    /**
     * With a specific cause (its status must be this exception's).
     *
     * @since 1.1
     */
    public UnknownEntityException(String germanMessage, ProblemType type) {
        super(germanMessage, type);
    }

    @Override
    public int status() {
        return 404;
    }

    @Override
    public String title() {
        return problemType().status() == status() ? problemType().title() : "Nicht gefunden";
    }
}
