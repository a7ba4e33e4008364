package de.paktwerk.core.api;

/**
 * What the core and its users need to know about an installed funding area.
 *
 * @param id stable id used in REST paths, roles and the database, e.g. {@code integration-management}
 * @param title German title, e.g. "Integrationsmanagement"
 * @param instrument how the area grants money
 * @param approvalOffice the approval office's name for decisions and reports, e.g. "Regierungspräsidium Stuttgart"
 *        or "KVJS"; an administrator may override it per area (factory configuration {@code de.paktwerk.approval.area})
 * @param payloadSchemaVersion version of the area's application payload schema (its OpenAPI document)
 * @param applicants who may apply, e.g. only Stadt- and Landkreise, or providers in their own name
 * @param termKind the kind of term an application of the area is for ({@code SCHOOL_YEAR}, {@code COURSE_PERIOD} …), or
 *        null if it is for its funding period; the core derives the term from the period when the application names
 *        none and only one term of this kind starts in it, and the form offers the terms to choose from (since 2.3)
 * @since 2.0
 */
public record AreaDescriptor(String id, String title, Instrument instrument, String approvalOffice, int payloadSchemaVersion,
                             java.util.Set<ApplicantKind> applicants, Term.Kind termKind) {

    /** An area whose applications are for their funding period (version 2.2). */
    public AreaDescriptor(String id, String title, Instrument instrument, String approvalOffice, int payloadSchemaVersion,
                          java.util.Set<ApplicantKind> applicants) {
        this(id, title, instrument, approvalOffice, payloadSchemaVersion, applicants, null);
    }

    /** An area for which every local authority may apply (not providers in their own name). */
    public AreaDescriptor(String id, String title, Instrument instrument, String approvalOffice, int payloadSchemaVersion) {
        this(id, title, instrument, approvalOffice, payloadSchemaVersion, ApplicantKind.BODIES);
    }

    public AreaDescriptor {
        if (id == null || !id.matches("[a-z][a-z0-9-]{1,63}")) {
            throw new IllegalArgumentException("area id must be lower case letters, digits and hyphens: " + id);
        }
        if (title == null || title.isBlank() || instrument == null || approvalOffice == null || approvalOffice.isBlank()) {
            throw new IllegalArgumentException("title, instrument and approval office are required for " + id);
        }
        if (applicants == null || applicants.isEmpty()) {
            throw new IllegalArgumentException("at least one kind of applicant is required for " + id);
        }
        applicants = java.util.Set.copyOf(applicants);
    }
}
