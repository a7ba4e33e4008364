package de.paktwerk.core.api;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The key figures distributions are computed from (refugees, population, pupils …), per body and reference date.
 * The core ships the population of every body from the official data at 2019-12-31 and 2022-05-15.
 *
 * @since 2.0
 */
@ProviderType
public interface KeyFigures {

    /** The figures of one type at one reference date (body key → value); bodies without a figure are missing. */
    Map<String, Long> at(String type, LocalDate referenceDate);

    /** The time series of one body for one type, oldest first. */
    List<KeyFigure> series(String bodyKey, String type);

    /** The reference dates for which figures of the type exist, oldest first. */
    List<LocalDate> referenceDates(String type);

    /** The types for which figures exist. */
    List<String> types();

    /**
     * Stores figures (replacing those of the same type, body and date), all or nothing, for known bodies only.
     *
     * @return how many were stored
     */
    int importFigures(Collection<KeyFigure> figures, String actor);
}
