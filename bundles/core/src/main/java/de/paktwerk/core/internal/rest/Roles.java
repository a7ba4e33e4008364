package de.paktwerk.core.internal.rest;

/** Role names of the Karaf JAAS realm (see README, role table). {@code admin} may do everything. */
public final class Roles {
    public static final String ADMIN = "admin";
    public static final String APPROVER = "approver";
    public static final String MUNICIPALITY = "municipality";
    public static final String CASEWORKER = "caseworker";
    public static final String AUDITOR = "auditor";

    private Roles() {
    }
}
