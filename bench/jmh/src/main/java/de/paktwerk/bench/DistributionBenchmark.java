package de.paktwerk.bench;

import de.paktwerk.core.internal.distribution.LargestRemainder;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The distribution algorithm over 1,101 bodies (BW's municipalities and Stadtkreise) and 100× as many.
 * Baseline: the bare proportional quotas (one multiply-divide per body, no remainders, no tie-breaking),
 * measured in the same run, so the ratio shows what exactness to the cent costs.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DistributionBenchmark {

    @Param({"1101", "110100"})
    int bodies;

    Map<String, Long> weights;
    long[] plain;
    static final long AMOUNT = 3_500_000_000L; // 35,000,000.00 EUR in cents

    @Setup
    public void setUp() {
        SplittableRandom random = new SplittableRandom(2017);
        weights = new HashMap<>(bodies * 2);
        plain = new long[bodies];
        for (int i = 0; i < bodies; i++) {
            long w = 5 + random.nextInt(3000);
            weights.put(String.format("08%06d", i), w);
            plain[i] = w;
        }
    }

    @Benchmark
    public Object largestRemainder() {
        return LargestRemainder.allocate(AMOUNT, weights);
    }

    @Benchmark
    public long baselineQuotas() {
        long sum = 0;
        for (long w : plain) {
            sum += w;
        }
        long acc = 0;
        for (long w : plain) {
            acc += AMOUNT * w / sum;
        }
        return acc;
    }
}
