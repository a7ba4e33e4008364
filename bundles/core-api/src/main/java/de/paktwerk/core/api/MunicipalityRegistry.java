package de.paktwerk.core.api;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The municipalities, districts and district-free cities of Baden-Württemberg (their key figures: {@link KeyFigures}). */
@org.osgi.annotation.versioning.ProviderType
public interface MunicipalityRegistry {

    Optional<Municipality> find(String key);

    /** The municipality or a German 404. */
    default Municipality get(String key) {
        return find(key).orElseThrow(() -> new UnknownEntityException("Kommune mit Schlüssel '" + key + "' ist unbekannt."));
    }

    Page<Municipality> list(MunicipalityQuery query, int offset, int limit);

    /** Records that {@code municipalityKey} hands the task of {@code areaId} to its district. */
    Delegation delegate(String municipalityKey, String areaId, String actor);

    /** Takes a delegation back. */
    void revokeDelegation(String municipalityKey, String areaId, String actor);

    List<Delegation> delegations(String areaId);

    /** The body responsible for {@code key} in {@code areaId}: its district if it delegated, else itself. */
    String responsibleBody(String key, String areaId);

    /** Records a provider of kind {@link ProviderKind#OTHER}. */
    default Provider addProvider(String responsibleKey, String name, String actor) {
        return addProvider(responsibleKey, name, ProviderKind.OTHER, actor);
    }

    /**
     * Records a provider (Träger) for a responsible body.
     *
     * @since 2.0
     */
    Provider addProvider(String responsibleKey, String name, ProviderKind kind, String actor);

    List<Provider> providers(String responsibleKey);

    Optional<Provider> provider(long id);
}
