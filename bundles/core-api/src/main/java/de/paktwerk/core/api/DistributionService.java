package de.paktwerk.core.api;

import java.util.List;

/** Distributions (Verteilungen) of an area's budget over the responsible bodies: money follows the refugee. */
@org.osgi.annotation.versioning.ProviderType
public interface DistributionService {

    /**
     * Runs and freezes a distribution with the key the funding area supplies (or the key figures the request
     * names), by the largest-remainder method. Every run replaces the latest run of the same area and period and
     * sets the shares approvals are checked against. After a final run only final runs follow (corrections, each a
     * new version); a provisional run is refused. Where a body's new share is below what is already approved for it,
     * the run records an {@link OverAllocation} and says so in its answer.
     */
    Distribution run(DistributionRequest request, String actor);

    List<Distribution> list(String areaId, String periodId);

    Distribution get(long id);

    List<Share> shares(long distributionId);

    /**
     * The latest runs whose frozen inputs these key figures would change (same type and reference date, another
     * value or a body that was not counted), so an import can say that a re-run is due.
     *
     * @since 2.0
     */
    List<Distribution> runsChangedBy(java.util.Collection<KeyFigure> figures);

    /** Per body the difference between the run this one replaced and this one. */
    List<ShareDifference> difference(long distributionId);
}
