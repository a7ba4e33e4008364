package de.paktwerk.core.api;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The municipalities, districts and district-free cities of Baden-Württemberg with their refugee counts. */
public interface MunicipalityRegistry {

    Optional<Municipality> find(String key);

    /** The municipality or a German 404. */
    default Municipality get(String key) {
        return find(key).orElseThrow(() -> new UnknownEntityException("Kommune mit Schlüssel '" + key + "' ist unbekannt."));
    }

    Page<Municipality> list(MunicipalityQuery query, int offset, int limit);

    /** Refugee counts of every municipality at one reference date (key → count); missing ones count 0. */
    Map<String, Long> refugeeCountsAt(LocalDate referenceDate);

    /** The time series of one municipality. */
    List<RefugeeCount> refugeeCounts(String key);

    /** Reference dates for which counts exist. */
    List<LocalDate> referenceDates();

    /** Stores counts (replacing those at the same key and date); all or nothing. Returns how many were stored. */
    int importRefugeeCounts(Collection<RefugeeCount> counts, String actor);

    /** Records that {@code municipalityKey} hands the task of {@code areaId} to its district. */
    Delegation delegate(String municipalityKey, String areaId, String actor);

    /** Takes a delegation back. */
    void revokeDelegation(String municipalityKey, String areaId, String actor);

    List<Delegation> delegations(String areaId);

    /** The body responsible for {@code key} in {@code areaId}: its district if it delegated, else itself. */
    String responsibleBody(String key, String areaId);

    Provider addProvider(String responsibleKey, String name, String actor);

    List<Provider> providers(String responsibleKey);

    Optional<Provider> provider(long id);
}
