package de.paktwerk.civicengagement.internal;

import de.paktwerk.core.api.Money;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The jury's ranking of a call: in order of score (highest first; equal scores by the earlier application), each
 * application is approved while the call budget covers it; one that no longer fits is skipped, not cut, unless its
 * applicant accepts a reduced grant, which then gets what is left. Pure and deterministic: the same applications,
 * scores and budget give the same result.
 */
public final class Ranking {

    /** An application taking part: its score, what was priced and whether a reduced grant is accepted. */
    public record Candidate(long applicationId, String applicantKey, int score, Money requested, boolean acceptsReduction) {
    }

    /** Outcomes of a place. */
    public static final String APPROVED = "APPROVED";
    public static final String PARTIALLY_APPROVED = "PARTIALLY_APPROVED";
    public static final String NOT_FUNDED = "NOT_FUNDED";

    private Ranking() {
    }

    public static List<Model.Ranked> rank(List<Candidate> candidates, Money left) {
        List<Candidate> ordered = new ArrayList<>(candidates);
        ordered.sort(Comparator.comparingInt(Candidate::score).reversed().thenComparingLong(Candidate::applicationId));
        List<Model.Ranked> places = new ArrayList<>();
        Money rest = left;
        int rank = 0;
        for (Candidate c : ordered) {
            rank++;
            if (c.requested().compareTo(rest) <= 0) {
                places.add(new Model.Ranked(rank, c.applicationId(), c.applicantKey(), c.score(), c.requested(), APPROVED, c.requested()));
                rest = rest.minus(c.requested());
            } else if (c.acceptsReduction() && rest.isPositive()) {
                places.add(new Model.Ranked(rank, c.applicationId(), c.applicantKey(), c.score(), c.requested(), PARTIALLY_APPROVED, rest));
                rest = Money.ZERO;
            } else {
                places.add(new Model.Ranked(rank, c.applicationId(), c.applicantKey(), c.score(), c.requested(), NOT_FUNDED, Money.ZERO));
            }
        }
        return places;
    }
}
