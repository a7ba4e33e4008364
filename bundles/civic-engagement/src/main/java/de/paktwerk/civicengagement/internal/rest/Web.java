package de.paktwerk.civicengagement.internal.rest;

import de.paktwerk.core.api.rest.Caller;
import javax.ws.rs.core.SecurityContext;

/** Role names of the platform and the acting user; parameter parsing is {@link de.paktwerk.core.api.rest.RestParams}. */
final class Web {
    static final String APPROVER = Caller.APPROVER;
    static final String MUNICIPALITY = Caller.MUNICIPALITY;
    static final String PROVIDER = Caller.PROVIDER;
    static final String AUDITOR = Caller.AUDITOR;

    private Web() {
    }

    static String actor(SecurityContext sc) {
        return Caller.of(sc).name();
    }
}
