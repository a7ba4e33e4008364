package de.paktwerk.core.internal.rest;

import de.paktwerk.core.api.rest.Caller;
import javax.ws.rs.core.SecurityContext;

/** The acting user of a request, for the audit log. Parameter parsing: {@link de.paktwerk.core.api.rest.RestParams}. */
public final class Params {

    private Params() {
    }

    public static String actor(SecurityContext sc) {
        return Caller.of(sc).name();
    }
}
