package de.paktwerk.core.internal.rest;

/** Role names of the Karaf JAAS realm (see README, role table). {@code admin} may do everything. */
public final class Roles {
    // the names live in core-api (Caller), so that modules use the same ones
    public static final String ADMIN = de.paktwerk.core.api.rest.Caller.ADMIN;
    public static final String APPROVER = de.paktwerk.core.api.rest.Caller.APPROVER;
    public static final String MUNICIPALITY = de.paktwerk.core.api.rest.Caller.MUNICIPALITY;
    public static final String CASEWORKER = de.paktwerk.core.api.rest.Caller.CASEWORKER;
    public static final String AUDITOR = de.paktwerk.core.api.rest.Caller.AUDITOR;
    public static final String PROVIDER = de.paktwerk.core.api.rest.Caller.PROVIDER;

    private Roles() {
    }
}
