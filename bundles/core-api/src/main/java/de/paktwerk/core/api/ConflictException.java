package de.paktwerk.core.api;

/**
 * The request is well-formed but conflicts with the current state: an illegal state transition, an
 * amount above the budget or allocation, a funding area that is not installed (HTTP 409).
 */
public class ConflictException extends PaktwerkException {
    private static final long serialVersionUID = 1L;

    public ConflictException(String germanMessage) {
        super(germanMessage);
    }

    /**
     * With a specific cause (its status must be this exception's).
     *
     * @since 1.1
     */
    public ConflictException(String germanMessage, ProblemType type) {
        super(germanMessage, type);
    }

    @Override
    public int status() {
        return 409;
    }

    @Override
    public String title() {
        return problemType().status() == status() ? problemType().title() : "Konflikt mit dem aktuellen Zustand";
    }
}
