package de.paktwerk.core.internal.distribution;

import de.paktwerk.core.api.ConflictException;
import de.paktwerk.core.api.InvalidInputException;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Shares an amount of cents out by weights with the largest-remainder method (Hare–Niemeyer): every body
 * gets the integer part of its quota, the cents left over go one each to the largest remainders. The
 * shares sum exactly to the amount; equal remainders are broken by official key, so a run is
 * deterministic and reproducible.
 */
public final class LargestRemainder {

    private LargestRemainder() {
    }

    /**
     * @param totalCents amount to share out, not negative
     * @param weights weight per body key, none negative, sum positive
     * @return cents per body key, in key order; sums to {@code totalCents}
     */
    public static SortedMap<String, Long> allocate(long totalCents, Map<String, Long> weights) {
        if (totalCents < 0) {
            throw new InvalidInputException("Der zu verteilende Betrag darf nicht negativ sein.");
        }
        String[] keys = weights.keySet().toArray(new String[0]);
        Arrays.sort(keys);
        int n = keys.length;
        long[] w = new long[n];
        long sum = 0;
        for (int i = 0; i < n; i++) {
            long value = weights.get(keys[i]);
            if (value < 0) {
                throw new InvalidInputException("Der Verteilungsschlüssel enthält für " + keys[i] + " einen negativen Wert.");
            }
            w[i] = value;
            sum = Math.addExact(sum, value);
        }
        if (sum == 0) {
            throw new ConflictException("Der Verteilungsschlüssel ist leer: zum Stichtag liegen keine Werte vor.");
        }
        long[] share = new long[n];
        long[] remainder = new long[n];
        long distributed = 0;
        BigInteger total = BigInteger.valueOf(totalCents);
        BigInteger divisor = BigInteger.valueOf(sum);
        boolean fits = totalCents == 0 || Long.MAX_VALUE / totalCents >= max(w);
        for (int i = 0; i < n; i++) {
            if (fits) {
                long product = totalCents * w[i];
                share[i] = product / sum;
                remainder[i] = product % sum;
            } else {
                BigInteger[] qr = total.multiply(BigInteger.valueOf(w[i])).divideAndRemainder(divisor);
                share[i] = qr[0].longValueExact();
                remainder[i] = qr[1].longValueExact();
            }
            distributed += share[i];
        }
        int left = Math.toIntExact(totalCents - distributed); // < n
        if (left > 0) {
            for (int i : largestRemainders(remainder, sum, left)) {
                share[i]++;
            }
        }
        SortedMap<String, Long> out = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            out.put(keys[i], share[i]);
        }
        return out;
    }

    /**
     * Indices of the {@code count} largest remainders; equal remainders by index, i.e. by official key. While
     * remainder and index fit into one long, a primitive sort does it without boxing.
     */
    static int[] largestRemainders(long[] remainder, long sum, int count) {
        int n = remainder.length;
        int[] result = new int[count];
        if (sum <= Integer.MAX_VALUE) {
            long[] packed = new long[n];
            for (int i = 0; i < n; i++) {
                packed[i] = ((sum - 1 - remainder[i]) << 32) | i; // ascending = largest remainder first, then lowest index
            }
            Arrays.sort(packed);
            for (int k = 0; k < count; k++) {
                result[k] = (int) packed[k];
            }
            return result;
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> remainder[a] != remainder[b] ? Long.compare(remainder[b], remainder[a]) : Integer.compare(a, b));
        for (int k = 0; k < count; k++) {
            result[k] = order[k];
        }
        return result;
    }

    private static long max(long[] values) {
        long m = 0;
        for (long v : values) {
            m = Math.max(m, v);
        }
        return m;
    }
}
