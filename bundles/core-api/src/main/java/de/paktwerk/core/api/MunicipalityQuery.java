package de.paktwerk.core.api;

import java.util.Set;

/**
 * Filter for listing municipalities; {@code null} or empty parts do not filter.
 *
 * @param districtKey only those of this district (5-digit key)
 * @param kinds only these kinds
 * @param nameContains only those whose name contains this text, ignoring case
 */
public record MunicipalityQuery(String districtKey, Set<MunicipalityKind> kinds, String nameContains) {
    /** No filter. */
    public static final MunicipalityQuery ALL = new MunicipalityQuery(null, Set.of(), null);
}
