package de.paktwerk.core.internal.rest;

import de.paktwerk.core.api.rest.PaktwerkRest;
import javax.ws.rs.core.Response;

/** Builds problem+json responses. */
public final class Problems {

    private Problems() {
    }

    public static Response response(int status, String title, String detail) {
        return Response.status(status).type(PaktwerkRest.PROBLEM_JSON).entity(Problem.of(status, title, detail)).build();
    }
}
