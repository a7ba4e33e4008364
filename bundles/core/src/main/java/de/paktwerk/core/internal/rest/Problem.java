package de.paktwerk.core.internal.rest;

/**
 * An RFC 9457 problem document; {@code detail} is German and never contains a stack trace.
 *
 * @param type problem type URI
 * @param title short German title
 * @param status HTTP status
 * @param detail German explanation for the user
 * @param field the input field concerned, as a path into the request body ({@code positions[0].fte}); absent if none
 */
public record Problem(String type, String title, int status, String detail,
                      @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL) String field) {

    /** A problem about no particular field. */
    public Problem(String type, String title, int status, String detail) {
        this(type, title, status, detail, null);
    }

    /** A problem of the general type of its status. */
    public static Problem of(int status, String title, String detail) {
        return new Problem(de.paktwerk.core.api.ProblemType.ofStatus(status).uri(), title, status, detail);
    }

    /** A problem of a specific, stable cause. */
    public static Problem of(de.paktwerk.core.api.ProblemType type, String detail) {
        return new Problem(type.uri(), type.title(), type.status(), detail);
    }
}
