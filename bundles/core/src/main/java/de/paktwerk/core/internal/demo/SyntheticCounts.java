package de.paktwerk.core.internal.demo;

import de.paktwerk.core.api.Municipality;
import de.paktwerk.core.api.MunicipalityKind;
import de.paktwerk.core.api.KeyFigure;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Deterministic demo refugee counts. No public per-municipality figures exist, so these are generated from
 * population and a seed, and are always marked {@code synthetic}: same seed, same figures.
 */
public final class SyntheticCounts {

    private SyntheticCounts() {
    }

    /** Roughly 0.3 % to 1.3 % of the population per municipality, varying by date. */
    public static List<KeyFigure> generate(List<Municipality> municipalities, LocalDate referenceDate, long seed) {
        List<KeyFigure> out = new ArrayList<>(municipalities.size());
        for (Municipality m : municipalities) {
            if (m.kind() == MunicipalityKind.LANDKREIS) {
                continue;
            }
            SplittableRandom random = new SplittableRandom(seed * 31 + Long.parseLong(m.key()) * 7919 + referenceDate.toEpochDay());
            long perTenThousand = 30 + random.nextInt(101);
            long refugees = Math.max(0, m.population() * perTenThousand / 10_000 + random.nextInt(-2, 3));
            out.add(new KeyFigure(KeyFigure.REFUGEES, m.key(), referenceDate, refugees, true));
        }
        return out;
    }
}
