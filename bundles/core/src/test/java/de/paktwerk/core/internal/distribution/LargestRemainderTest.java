package de.paktwerk.core.internal.distribution;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import de.paktwerk.core.api.ConflictException;
import de.paktwerk.core.api.InvalidInputException;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.SplittableRandom;
import org.junit.Test;

public class LargestRemainderTest {

    /** Property: for many random inputs the shares sum exactly, and each is its quota rounded down or up by one cent. */
    @Test
    public void sharesSumExactlyAndStayWithinOneCentOfTheQuota() {
        for (long seed = 1; seed <= 2000; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            int bodies = 1 + random.nextInt(1200);
            Map<String, Long> weights = new HashMap<>();
            for (int i = 0; i < bodies; i++) {
                long w = random.nextInt(10) == 0 ? 0 : random.nextLong(1, random.nextBoolean() ? 50 : 5_000_000);
                weights.put(String.format("08%06d", i), w);
            }
            weights.put("08999999", 1L); // at least one positive weight
            long total = random.nextBoolean() ? random.nextLong(0, 1_000_000_000_000L) : random.nextLong(0, 10_000);
            SortedMap<String, Long> shares = LargestRemainder.allocate(total, weights);

            long sumWeights = weights.values().stream().mapToLong(Long::longValue).sum();
            assertEquals("seed " + seed, total, shares.values().stream().mapToLong(Long::longValue).sum());
            assertEquals(weights.keySet(), shares.keySet());
            for (Map.Entry<String, Long> e : shares.entrySet()) {
                BigInteger quotaFloor = BigInteger.valueOf(total).multiply(BigInteger.valueOf(weights.get(e.getKey())))
                        .divide(BigInteger.valueOf(sumWeights));
                long diff = e.getValue() - quotaFloor.longValueExact();
                assertTrue("seed " + seed + " key " + e.getKey() + " off by " + diff, diff == 0 || diff == 1);
            }
            assertEquals("deterministic, seed " + seed, shares, LargestRemainder.allocate(total, new HashMap<>(weights)));
        }
    }

    @Test
    public void equalRemaindersGoToTheLowerOfficialKeyFirst() {
        // 100 cents over three equal weights: 33 each, the one cent left goes to the smallest key
        SortedMap<String, Long> shares = LargestRemainder.allocate(100, Map.of("08115003", 1L, "08111000", 1L, "08116000", 1L));
        assertEquals(Long.valueOf(34), shares.get("08111000"));
        assertEquals(Long.valueOf(33), shares.get("08115003"));
        assertEquals(Long.valueOf(33), shares.get("08116000"));
        // 2 cents left over five equal weights: the two smallest keys
        SortedMap<String, Long> five = LargestRemainder.allocate(502, Map.of("e", 1L, "a", 1L, "d", 1L, "b", 1L, "c", 1L));
        assertEquals(Map.of("a", 101L, "b", 101L, "c", 100L, "d", 100L, "e", 100L), five);
    }

    @Test
    public void largestRemainderWinsBeforeKeyOrder() {
        // quotas 1/3 and 2/3 of 1 cent: the larger remainder gets the cent although its key is larger
        SortedMap<String, Long> shares = LargestRemainder.allocate(1, Map.of("a", 1L, "b", 2L));
        assertEquals(Long.valueOf(0), shares.get("a"));
        assertEquals(Long.valueOf(1), shares.get("b"));
    }

    @Test
    public void bothWaysOfRankingRemaindersAgree() {
        SplittableRandom random = new SplittableRandom(7);
        for (int round = 0; round < 500; round++) {
            int n = 1 + random.nextInt(300);
            long[] remainder = new long[n];
            long sum = 1 + random.nextLong(1_000_000);
            for (int i = 0; i < n; i++) {
                remainder[i] = random.nextInt(4) == 0 ? remainder[Math.max(0, i - 1)] : random.nextLong(sum); // with ties
            }
            int count = random.nextInt(n);
            int[] packed = LargestRemainder.largestRemainders(remainder, sum, count);
            int[] boxed = LargestRemainder.largestRemainders(remainder, Long.MAX_VALUE, count);
            org.junit.Assert.assertArrayEquals("round " + round, boxed, packed);
        }
    }

    @Test
    public void refusesEmptyOrNegativeKeys() {
        assertThrows(ConflictException.class, () -> LargestRemainder.allocate(100, Map.of("a", 0L)));
        assertThrows(InvalidInputException.class, () -> LargestRemainder.allocate(100, Map.of("a", -1L, "b", 3L)));
        assertThrows(InvalidInputException.class, () -> LargestRemainder.allocate(-1, Map.of("a", 1L)));
    }

    @Test
    public void hugeAmountsAndWeightsDoNotOverflow() {
        SortedMap<String, Long> shares = LargestRemainder.allocate(1_000_000_000_000L, Map.of("a", Long.MAX_VALUE / 4, "b", Long.MAX_VALUE / 4));
        assertEquals(500_000_000_000L, (long) shares.get("a"));
        assertEquals(500_000_000_000L, (long) shares.get("b"));
    }
}
