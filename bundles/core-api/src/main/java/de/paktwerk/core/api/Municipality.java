package de.paktwerk.core.api;

/**
 * A local authority of Baden-Württemberg that can receive funds: a municipality (8-digit AGS), a
 * district-free city (8-digit AGS) or a district (5-digit key).
 *
 * @param key official key (AGS, 8 digits; 5 digits for a Landkreis)
 * @param name official name
 * @param kind GEMEINDE, STADTKREIS or LANDKREIS
 * @param districtKey 5-digit key of the district it belongs to (its own key for a district or Stadtkreis)
 * @param districtName name of that district
 * @param region administrative region (Regierungsbezirk)
 * @param population population at 31.12.2019
 */
public record Municipality(String key, String name, MunicipalityKind kind, String districtKey,
                           String districtName, String region, long population) {
}
