package de.paktwerk.core.api.rest;

import de.paktwerk.core.api.ForbiddenException;
import java.security.Principal;
import java.util.Set;
import java.util.TreeSet;
import javax.ws.rs.core.SecurityContext;

/**
 * The authenticated caller of a Paktwerk REST request: its user name and roles from the Karaf JAAS realm.
 * Scopes are roles too: {@code municipality:08421000} binds a municipality user to its official key,
 * {@code position:5} binds a caseworker to the caseload of integration-manager position 5. The core's
 * authentication filter puts a {@code Caller} as the user principal of every request's security context.
 *
 * @param name user name
 * @param roles roles and scopes
 */
public record Caller(String name, Set<String> roles) implements Principal {

    public static final String ADMIN = "admin";
    public static final String APPROVER = "approver";
    public static final String MUNICIPALITY = "municipality";
    public static final String CASEWORKER = "caseworker";
    public static final String AUDITOR = "auditor";
    /** The statistics office (Statistisches Landesamt) that receives a count survey (since 1.4). */
    public static final String STATISTICS = "statistics";
    /** Prefix of a municipality scope role. */
    public static final String MUNICIPALITY_SCOPE = "municipality:";
    /** Prefix of a caseload scope role. */
    public static final String POSITION_SCOPE = "position:";
    /** A provider (Träger) that applies in its own name; acts within its {@link #PROVIDER_SCOPE} (since 1.1). */
    public static final String PROVIDER = "provider";
    /** Prefix of a provider scope role, e.g. {@code provider:12} (since 1.1). */
    public static final String PROVIDER_SCOPE = "provider:";

    public Caller {
        roles = Set.copyOf(roles);
    }

    /** The caller of a request; a German 401-equivalent if there is none. */
    public static Caller of(SecurityContext sc) {
        if (sc != null && sc.getUserPrincipal() instanceof Caller c) {
            return c;
        }
        throw new ForbiddenException("Die Anfrage ist keinem angemeldeten Benutzer zugeordnet.");
    }

    @Override
    public String getName() {
        return name;
    }

    public boolean has(String role) {
        return roles.contains(role);
    }

    /** Admin, approver and auditor see every municipality's data. */
    public boolean seesAllMunicipalities() {
        return has(ADMIN) || has(APPROVER) || has(AUDITOR);
    }

    /** Official keys this caller acts for (its municipality scopes). */
    public Set<String> municipalities() {
        Set<String> keys = new TreeSet<>();
        for (String r : roles) {
            if (r.startsWith(MUNICIPALITY_SCOPE)) {
                keys.add(r.substring(MUNICIPALITY_SCOPE.length()));
            }
        }
        return keys;
    }

    /** Position ids whose caseload this caller keeps. */
    public Set<Long> positions() {
        return ids(POSITION_SCOPE);
    }

    /**
     * Ids of the providers in whose own name this caller applies.
     *
     * @since 1.1
     */
    public Set<Long> providers() {
        return ids(PROVIDER_SCOPE);
    }

    private Set<Long> ids(String prefix) {
        Set<Long> ids = new TreeSet<>();
        for (String r : roles) {
            if (r.startsWith(prefix)) {
                try {
                    ids.add(Long.parseLong(r.substring(prefix.length())));
                } catch (NumberFormatException ignored) {
                    // a malformed scope grants nothing
                }
            }
        }
        return ids;
    }

    /**
     * True if the caller may see or act for the application: the office, the applying body's users, or, for a
     * provider's own application, that provider's users.
     *
     * @since 1.1
     */
    public boolean mayActFor(de.paktwerk.core.api.Application application) {
        return mayActFor(application.applicantKey()) || application.applicantKind() == de.paktwerk.core.api.ApplicantKind.PROVIDER
                && application.providerId() != null && providers().contains(application.providerId());
    }

    /** True if the caller may see or act for this municipality; a missing key is no municipality of the caller's. */
    public boolean mayActFor(String municipalityKey) {
        return seesAllMunicipalities() || municipalityKey != null && municipalities().contains(municipalityKey);
    }

    /**
     * Refuses with 403 unless the caller may act for the municipality; a missing key is bad input (400), whoever
     * asks, never an error of the server.
     */
    public void requireMunicipality(String municipalityKey) {
        requireMunicipality(municipalityKey, null);
    }

    /**
     * Refuses with 403 unless the caller may act for the municipality given in the input's {@code field}; a missing
     * key is a 400 that names the field.
     *
     * @since 1.2
     */
    public void requireMunicipality(String municipalityKey, String field) {
        if (municipalityKey == null || municipalityKey.isBlank()) {
            throw new de.paktwerk.core.api.InvalidInputException("Bitte die Kommune angeben (amtlicher Schlüssel): ohne sie ist"
                    + " nicht zu prüfen, ob Sie für sie handeln dürfen.", field);
        }
        if (!mayActFor(municipalityKey)) {
            throw new ForbiddenException("Sie handeln nur für Ihre eigene Kommune, nicht für " + municipalityKey + ".");
        }
    }

    /**
     * Refuses unless the caller may file (or price) this draft: a body's users for their own body ({@code applicantKey}),
     * a provider's users for their provider when it applies in its own name, the office for anyone.
     *
     * @param draft the draft
     * @since 1.3
     */
    public void requireMayApply(de.paktwerk.core.api.NewApplication draft) {
        if (draft.applicantKind() == de.paktwerk.core.api.ApplicantKind.PROVIDER) {
            if (!seesAllMunicipalities() && (draft.providerId() == null || !providers().contains(draft.providerId()))) {
                throw new ForbiddenException("Sie beantragen nur im Namen Ihres eigenen Trägers.");
            }
        } else {
            requireMunicipality(draft.applicantKey(), "applicantKey");
        }
    }
}
