package de.paktwerk.core.api;

/** The input is malformed, of the wrong type, out of range or unknown (HTTP 400). */
public class InvalidInputException extends PaktwerkException {
    private static final long serialVersionUID = 1L;

    public InvalidInputException(String germanMessage) {
        super(germanMessage);
    }

    /**
     * With a specific cause (its status must be this exception's).
     *
     * @since 1.1
     */
    public InvalidInputException(String germanMessage, ProblemType type) {
        super(germanMessage, type);
    }

    @Override
    public int status() {
        return 400;
    }

    @Override
    public String title() {
        return problemType().status() == status() ? problemType().title() : "Ungültige Eingabe";
    }
}
