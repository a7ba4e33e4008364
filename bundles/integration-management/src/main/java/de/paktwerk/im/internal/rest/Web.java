package de.paktwerk.im.internal.rest;

import de.paktwerk.core.api.InvalidInputException;
import javax.ws.rs.core.SecurityContext;

/** Small helpers of the module's resources; roles as in the platform's JAAS realm. */
final class Web {
    static final String APPROVER = de.paktwerk.core.api.rest.Caller.APPROVER;
    static final String MUNICIPALITY = de.paktwerk.core.api.rest.Caller.MUNICIPALITY;
    static final String CASEWORKER = de.paktwerk.core.api.rest.Caller.CASEWORKER;
    static final String AUDITOR = de.paktwerk.core.api.rest.Caller.AUDITOR;

    private Web() {
    }

    static <T> T body(T body) {
        if (body == null) {
            throw new InvalidInputException("Der Anfragekörper fehlt (erwartet wird ein JSON-Objekt).");
        }
        return body;
    }

    static String actor(SecurityContext sc) {
        return de.paktwerk.core.api.rest.Caller.of(sc).name();
    }

    static Long optionalId(String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return id(value, name);
    }

    static long id(String value, String name) {
        try {
            long id = Long.parseLong(value.trim());
            if (id <= 0) {
                throw new NumberFormatException();
            }
            return id;
        } catch (NumberFormatException e) {
            throw new InvalidInputException("'" + (value.length() > 40 ? value.substring(0, 40) + "…" : value) + "' ist keine gültige " + name + ".");
        }
    }

    static String optional(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
