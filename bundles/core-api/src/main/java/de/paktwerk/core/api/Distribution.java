package de.paktwerk.core.api;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A frozen distribution run (Verteilung).
 *
 * @param id identifier
 * @param areaId funding area
 * @param periodId funding period
 * @param kind provisional or final
 * @param version 1, 2, … per area and period
 * @param amount the amount shared out; the shares sum to it exactly
 * @param referenceDate reference date of the key
 * @param keyDescription German description of the key used
 * @param createdAt when it ran
 * @param createdBy who ran it
 * @param replacesId the run this one replaces, if any
 * @param bodies number of receiving bodies
 * @param keyFigureType the key figures shared by, e.g. "refugees" (since 2.0)
 * @param overAllocations bodies whose share in this run is below what was already approved for them (since 2.0)
 */
public record Distribution(long id, String areaId, String periodId, DistributionKind kind, int version,
                           Money amount, LocalDate referenceDate, String keyDescription, Instant createdAt,
                           String createdBy, Long replacesId, int bodies, String keyFigureType,
                           java.util.List<OverAllocation> overAllocations) {
}
