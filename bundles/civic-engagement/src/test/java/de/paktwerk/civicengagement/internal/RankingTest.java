package de.paktwerk.civicengagement.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import de.paktwerk.core.api.Money;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.Test;

/** The jury's ranking: score order, ties by the earlier application, skip what no longer fits, reduction only where accepted. */
public class RankingTest {

    static Ranking.Candidate c(long id, int score, String amount, boolean reduction) {
        return new Ranking.Candidate(id, "08111000", score, Money.parse(amount), reduction);
    }

    @Test
    public void approvesInScoreOrderSkippingWhatNoLongerFits() {
        // budget 50,000.00: 90 -> 20,000 (left 30,000); 85 -> 25,000 (left 5,000); 80 -> 10,000 does not fit, skipped; 70 -> 5,000 fits
        List<Model.Ranked> r = Ranking.rank(List.of(c(4, 70, "5000.00", false), c(1, 90, "20000.00", false), c(3, 80, "10000.00", false),
                c(2, 85, "25000.00", false)), Money.parse("50000.00"));
        assertEquals(List.of(1L, 2L, 3L, 4L), r.stream().map(Model.Ranked::applicationId).toList());
        assertEquals(List.of("APPROVED", "APPROVED", "NOT_FUNDED", "APPROVED"), r.stream().map(Model.Ranked::outcome).toList());
        assertEquals(Money.ZERO, r.get(2).amount());
    }

    @Test
    public void theFirstThatNoLongerFitsGetsWhatIsLeftOnlyIfItAcceptsAReduction() {
        List<Model.Ranked> r = Ranking.rank(List.of(c(1, 90, "40000.00", false), c(2, 80, "30000.00", true), c(3, 70, "1000.00", false)),
                Money.parse("50000.00"));
        assertEquals(List.of("APPROVED", "PARTIALLY_APPROVED", "NOT_FUNDED"), r.stream().map(Model.Ranked::outcome).toList());
        assertEquals(Money.parse("10000.00"), r.get(1).amount());
    }

    @Test
    public void tiesGoToTheEarlierApplicationWhateverTheInputOrder() {
        List<Ranking.Candidate> input = new ArrayList<>();
        for (long id = 1; id <= 120; id++) {
            input.add(c(id, (int) (id % 7) * 10, String.format("%d.00", 10_000 + (id * 2_357) % 30_001), false));
        }
        List<Model.Ranked> first = Ranking.rank(input, Money.parse("1675000.00"));
        List<Ranking.Candidate> shuffled = new ArrayList<>(input);
        Collections.shuffle(shuffled, new Random(42));
        assertEquals(first, Ranking.rank(shuffled, Money.parse("1675000.00")));
        long approved = 0;
        for (int i = 0; i < first.size(); i++) {
            Model.Ranked p = first.get(i);
            approved += p.amount().cents();
            if (i > 0) {
                Model.Ranked q = first.get(i - 1);
                assertTrue(q.score() > p.score() || q.score() == p.score() && q.applicationId() < p.applicationId());
            }
        }
        assertTrue(approved <= Money.parse("1675000.00").cents());
    }
}
