package de.paktwerk.core.api;

/**
 * Kinds of providers (Träger) that carry out funded work or, where an area allows it, apply themselves.
 *
 * @since 2.0
 */
public enum ProviderKind {
    /** Volkshochschule */
    VHS,
    /** eingetragener Verein */
    ASSOCIATION,
    /** Kirchengemeinde */
    CHURCH_PARISH,
    /** Wohlfahrtsverband */
    WELFARE_ASSOCIATION,
    /** sonstiger Träger */
    OTHER
}
