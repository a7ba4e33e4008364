package de.paktwerk.core.api.rest;

/**
 * Service properties that tie a JAX-RS application into Paktwerk. A module registers its
 * {@code javax.ws.rs.core.Application} with {@code paktwerk.api=true}; the core's shared extensions
 * select every application carrying that property.
 */
public final class PaktwerkRest {
    /** Service property marking a Paktwerk JAX-RS application. */
    public static final String API_PROPERTY = "paktwerk.api";
    /** Filter by which shared extensions select Paktwerk applications. */
    public static final String API_SELECT = "(" + API_PROPERTY + "=true)";
    /** Media type of error responses (RFC 9457). */
    public static final String PROBLEM_JSON = "application/problem+json";
    /** Request header carrying a client's idempotency key on POST. */
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private PaktwerkRest() {
    }
}
