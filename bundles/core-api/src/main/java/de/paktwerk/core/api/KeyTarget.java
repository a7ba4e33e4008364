package de.paktwerk.core.api;

/**
 * Which bodies a distribution key shares among.
 *
 * @since 2.0
 */
public enum KeyTarget {
    /**
     * Every municipality and Stadtkreis with its own figure; a municipality that delegated the area counts for its
     * Landkreis.
     */
    MUNICIPALITIES,
    /** Only the 44 Stadt- and Landkreise: a Landkreis counts the figures of its municipalities (or its own figure). */
    DISTRICTS
}
