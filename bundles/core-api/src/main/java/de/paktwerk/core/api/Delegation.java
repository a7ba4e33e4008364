package de.paktwerk.core.api;

import java.time.Instant;

/**
 * Aufgabenübertragung: for one funding area a municipality hands the task to its district, which then
 * receives that share and is responsible.
 *
 * @param municipalityKey the delegating GEMEINDE
 * @param areaId the funding area
 * @param districtKey the district taking over
 * @param since when it was recorded
 */
public record Delegation(String municipalityKey, String areaId, String districtKey, Instant since) {
}
