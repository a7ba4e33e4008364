package de.paktwerk.core.api;

/** The input is malformed, of the wrong type, out of range or unknown (HTTP 400). */
public class InvalidInputException extends PaktwerkException {
    private static final long serialVersionUID = 1L;

    /** The input field concerned, as a path into the request body ({@code positions[0].fte}); null if none. */
    private final String field;

    public InvalidInputException(String germanMessage) {
        super(germanMessage);
        this.field = null;
    }

    /**
     * About one field of the input: REST answers name it in the problem's {@code field} member, so that a form can
     * show the detail next to that field.
     *
     * @param field path of the field in the request body, e.g. {@code fte} or {@code positions[0].fte}
     * @since 2.2
     */
    public InvalidInputException(String germanMessage, String field) {
        super(germanMessage);
        this.field = field;
    }

    private InvalidInputException(String germanMessage, ProblemType type, String field) {
        super(germanMessage, type);
        this.field = field;
    }

    /**
     * The field this problem concerns, or null.
     *
     * @since 2.2
     */
    public String field() {
        return field;
    }

    /**
     * The same problem about a field inside an element of the input, e.g. {@code inside("positions[2]")} turns
     * {@code fte} into {@code positions[2].fte} (and no field into {@code positions[2]}).
     *
     * @since 2.2
     */
    public InvalidInputException inside(String prefix) {
        InvalidInputException e = new InvalidInputException(getMessage(), problemType(), field == null ? prefix : prefix + "." + field);
        e.setStackTrace(getStackTrace());
        return e;
    }

    /**
     * The same problem seen from inside the element at {@code prefix}: {@code outside("payload")} turns
     * {@code payload.positions[0].fte} into {@code positions[0].fte}; a field elsewhere stays as it is.
     *
     * @since 2.3
     */
    public InvalidInputException outside(String prefix) {
        if (field == null || !field.startsWith(prefix + ".") && !field.startsWith(prefix + "[")) {
            return this;
        }
        String inner = field.substring(prefix.length());
        InvalidInputException e = new InvalidInputException(getMessage(), problemType(), inner.startsWith(".") ? inner.substring(1) : inner);
        e.setStackTrace(getStackTrace());
        return e;
    }

    /**
     * With a specific cause (its status must be this exception's).
     *
     * @since 1.1
     */
    public InvalidInputException(String germanMessage, ProblemType type) {
        super(germanMessage, type);
        this.field = null;
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
