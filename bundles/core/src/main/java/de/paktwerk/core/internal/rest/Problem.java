package de.paktwerk.core.internal.rest;

/**
 * An RFC 9457 problem document; {@code detail} is German and never contains a stack trace.
 *
 * @param type problem type URI
 * @param title short German title
 * @param status HTTP status
 * @param detail German explanation for the user
 */
public record Problem(String type, String title, int status, String detail) {

    /** A problem of the general type of its status. */
    public static Problem of(int status, String title, String detail) {
        return new Problem(de.paktwerk.core.api.ProblemType.ofStatus(status).uri(), title, status, detail);
    }

    /** A problem of a specific, stable cause. */
    public static Problem of(de.paktwerk.core.api.ProblemType type, String detail) {
        return new Problem(type.uri(), type.title(), type.status(), detail);
    }
}
