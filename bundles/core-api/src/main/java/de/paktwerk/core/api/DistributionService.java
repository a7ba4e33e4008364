package de.paktwerk.core.api;

import java.util.List;

/** Distributions (Verteilungen) of an area's budget over the responsible bodies: money follows the refugee. */
public interface DistributionService {

    /**
     * Runs and freezes a distribution with the key the funding area supplies, by the largest-remainder
     * method. A final run replaces the latest run of the same area and period.
     */
    Distribution run(DistributionRequest request, String actor);

    List<Distribution> list(String areaId, String periodId);

    Distribution get(long id);

    List<Share> shares(long distributionId);

    /** Per body the difference between the run this one replaced and this one. */
    List<ShareDifference> difference(long distributionId);
}
