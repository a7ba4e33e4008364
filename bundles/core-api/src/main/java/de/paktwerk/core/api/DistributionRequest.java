package de.paktwerk.core.api;

import java.time.LocalDate;

/**
 * What to distribute.
 *
 * @param areaId funding area whose key is used
 * @param periodId funding period
 * @param kind provisional or final
 * @param amount amount to share out
 * @param referenceDate reference date (Stichtag) of the key, e.g. 2017-09-15
 * @param keyFigureType the key figures to share by, e.g. "population"; null for the area's own key (since 2.0)
 * @param target the bodies to share among; null for the area's own key's (since 2.0)
 */
public record DistributionRequest(String areaId, String periodId, DistributionKind kind, Money amount,
                                  LocalDate referenceDate, String keyFigureType, KeyTarget target) {
}
