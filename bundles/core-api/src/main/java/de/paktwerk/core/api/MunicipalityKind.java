package de.paktwerk.core.api;

/** Kind of a local authority. */
public enum MunicipalityKind {
    /** A town or municipality inside a district (kreisangehörige Gemeinde). */
    GEMEINDE,
    /** A district-free city (Stadtkreis); it is its own district. */
    STADTKREIS,
    /** A district (Landkreis). */
    LANDKREIS
}
