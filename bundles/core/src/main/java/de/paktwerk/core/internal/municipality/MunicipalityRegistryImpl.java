package de.paktwerk.core.internal.municipality;

import de.paktwerk.core.api.db.Sql;
import de.paktwerk.core.api.Delegation;
import de.paktwerk.core.api.InvalidInputException;
import de.paktwerk.core.api.Municipality;
import de.paktwerk.core.api.MunicipalityKind;
import de.paktwerk.core.api.MunicipalityQuery;
import de.paktwerk.core.api.MunicipalityRegistry;
import de.paktwerk.core.api.Page;
import de.paktwerk.core.api.Provider;
import de.paktwerk.core.api.UnknownEntityException;
import de.paktwerk.core.api.AuditLog;
import de.paktwerk.core.internal.db.CoreDatabase;
import de.paktwerk.core.internal.db.Jdbc;
import de.paktwerk.core.internal.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The municipalities of Baden-Württemberg. The reference list is imported at first start from the shipped
 * CSV files and held in memory afterwards (it is read on every request and changes only by migration).
 */
@Component(service = MunicipalityRegistry.class)
public class MunicipalityRegistryImpl implements MunicipalityRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(MunicipalityRegistryImpl.class);
    /** Ids of funding areas: lower-case words joined by dashes. */
    /** Reference date of the shipped population figures. */
    public static final LocalDate POPULATION_DATE = LocalDate.of(2019, 12, 31);
    public static final Pattern AREA_ID = Pattern.compile("[a-z][a-z0-9-]{1,63}");

    private final Jdbc jdbc;
    private final AuditLog audit;
    private final de.paktwerk.core.api.FundingAreas areas;
    /** All bodies by official key, in key order; immutable after activation. */
    private final Map<String, Municipality> byKey;

    @Activate
    public MunicipalityRegistryImpl(@Reference CoreDatabase database, @Reference AuditLog audit,
                                    @Reference de.paktwerk.core.api.FundingAreas areas) {
        this.jdbc = database.jdbc();
        this.audit = audit;
        this.areas = areas;
        jdbc.tx(c -> {
            // nodes starting at once on an empty database: one imports, the others wait here and then find the list
            lockReferenceData(c);
            if (Sql.count(c, "SELECT COUNT(*) FROM municipality") == 0) {
                importReference(c);
            }
            return null;
        });
        Map<String, Municipality> all = new LinkedHashMap<>();
        jdbc.tx(c -> Sql.list(c, "SELECT * FROM municipality ORDER BY official_key", rs -> new Municipality(
                rs.getString("official_key"), rs.getString("name"), MunicipalityKind.valueOf(rs.getString("kind")),
                rs.getString("district_key"), rs.getString("district_name"), rs.getString("region"), rs.getLong("population"))))
                .forEach(m -> all.put(m.key(), m));
        this.byKey = java.util.Collections.unmodifiableMap(all);
    }

    /** Serialises first-start imports across nodes (the row of changeset 11), until the transaction ends. */
    public static void lockReferenceData(Connection c) throws SQLException {
        Sql.one(c, "SELECT name FROM platform_lock WHERE name = 'reference-data' FOR UPDATE", rs -> rs.getString(1));
    }

    private void importReference(Connection c) throws SQLException {
        List<Municipality> list;
        try (InputStream g = resource("data/bw_gemeinden.csv"); InputStream k = resource("data/bw_kreise.csv")) {
            list = CsvData.read(g, k);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO municipality (official_key, name, kind, district_key,"
                + " district_name, region, population) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (Municipality m : list) {
                ps.setString(1, m.key());
                ps.setString(2, m.name());
                ps.setString(3, m.kind().name());
                ps.setString(4, m.districtKey());
                ps.setString(5, m.districtName());
                ps.setString(6, m.region());
                ps.setLong(7, m.population());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        // the population at 31.12.2019 is the first key figure besides refugees (e.g. the 2022 Ukraine top-up)
        Sql.update(c, "INSERT INTO key_figure (figure_type, body_key, reference_date, figure_value, synthetic)"
                + " SELECT ?, official_key, ?, population, FALSE FROM municipality", de.paktwerk.core.api.KeyFigure.POPULATION,
                POPULATION_DATE);
        audit.append(c, "system", "municipality", "*", "import", null,
                Json.object(Map.of("source", "Destatis GV-ISys / Zensus 2022, dl-de/by-2-0", "count", list.size())));
        LOG.info("Imported {} municipalities, districts and district-free cities", list.size());
    }

    private static InputStream resource(String path) throws IOException {
        InputStream in = MunicipalityRegistryImpl.class.getClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new IOException("Ressource fehlt: " + path);
        }
        return in;
    }

    @Override
    public Optional<Municipality> find(String key) {
        return key == null ? Optional.empty() : Optional.ofNullable(byKey.get(key));
    }

    @Override
    public Page<Municipality> list(MunicipalityQuery query, int offset, int limit) {
        Page.check(offset, limit);
        String name = query.nameContains() == null || query.nameContains().isBlank() ? null
                : query.nameContains().trim().toLowerCase(Locale.GERMAN);
        List<Municipality> matching = byKey.values().stream()
                .filter(m -> query.districtKey() == null || query.districtKey().isBlank() || m.districtKey().equals(query.districtKey()))
                .filter(m -> query.kinds() == null || query.kinds().isEmpty() || query.kinds().contains(m.kind()))
                .filter(m -> name == null || m.name().toLowerCase(Locale.GERMAN).contains(name))
                .toList();
        int from = Math.min(offset, matching.size());
        int to = Math.min(matching.size(), from + limit);
        return new Page<>(matching.subList(from, to), matching.size(), offset, limit);
    }

    @Override
    public Delegation delegate(String municipalityKey, String areaId, String actor) {
        Municipality m = get(municipalityKey);
        checkArea(areaId);
        if (m.kind() != MunicipalityKind.GEMEINDE) {
            throw new InvalidInputException("Nur eine kreisangehörige Gemeinde kann Aufgaben an ihren Landkreis übertragen; "
                    + m.name() + " ist " + m.kind() + ".");
        }
        areas.require(areaId); // a delegation for an area no module provides (a typo) is refused
        Delegation d = new Delegation(municipalityKey, areaId, m.districtKey(), Instant.now());
        return jdbc.tx(c -> {
            if (Sql.count(c, "SELECT COUNT(*) FROM delegation WHERE municipality_key = ? AND area_id = ?", municipalityKey, areaId) > 0) {
                throw new de.paktwerk.core.api.ConflictException(m.name() + " hat den Förderbereich '" + areaId + "' bereits übertragen.");
            }
            Sql.update(c, "INSERT INTO delegation (municipality_key, area_id, district_key, since) VALUES (?, ?, ?, ?)",
                    municipalityKey, areaId, m.districtKey(), d.since());
            audit.append(c, actor, "delegation", municipalityKey + "/" + areaId, "delegate", null, Json.write(d));
            moveRemainingShares(c, m, areaId, actor);
            return d;
        });
    }

    /**
     * A municipality that delegates after a distribution hands what is left of its share (not yet approved) to its
     * Landkreis at once, in every period of the area: otherwise neither could apply until the distribution is re-run.
     * What it already has approved stays with it.
     */
    private void moveRemainingShares(java.sql.Connection c, Municipality m, String areaId, String actor) throws SQLException {
        record Row(String periodId, long allocated, long committed, long distributionId) {
        }
        List<Row> rows = Sql.list(c, "SELECT period_id, allocated_cents, committed_cents, distribution_id FROM allocation"
                + " WHERE area_id = ? AND body_key = ? AND allocated_cents > committed_cents FOR UPDATE", rs -> new Row(rs.getString(1),
                rs.getLong(2), rs.getLong(3), rs.getLong(4)), areaId, m.key());
        for (Row r : rows) {
            long moved = r.allocated() - r.committed();
            Sql.update(c, "UPDATE allocation SET allocated_cents = committed_cents WHERE area_id = ? AND period_id = ? AND body_key = ?",
                    areaId, r.periodId(), m.key());
            if (Sql.update(c, "UPDATE allocation SET allocated_cents = allocated_cents + ? WHERE area_id = ? AND period_id = ? AND body_key = ?",
                    moved, areaId, r.periodId(), m.districtKey()) == 0) {
                Sql.update(c, "INSERT INTO allocation (area_id, period_id, body_key, allocated_cents, committed_cents, distribution_id)"
                        + " VALUES (?, ?, ?, ?, 0, ?)", areaId, r.periodId(), m.districtKey(), moved, r.distributionId());
            }
            audit.append(c, actor, "allocation", areaId + "/" + r.periodId() + "/" + m.key(), "move-to-district", null,
                    Json.object(Map.of("from", m.key(), "to", m.districtKey(), "movedCents", moved, "periodId", r.periodId())));
        }
    }

    @Override
    public void revokeDelegation(String municipalityKey, String areaId, String actor) {
        get(municipalityKey);
        jdbc.tx(c -> {
            if (Sql.update(c, "DELETE FROM delegation WHERE municipality_key = ? AND area_id = ?", municipalityKey, areaId) == 0) {
                throw new UnknownEntityException("Keine Aufgabenübertragung von " + municipalityKey + " für '" + areaId + "'.");
            }
            audit.append(c, actor, "delegation", municipalityKey + "/" + areaId, "revoke", null, null);
            return null;
        });
    }

    @Override
    public List<Delegation> delegations(String areaId) {
        return jdbc.tx(c -> Sql.list(c, "SELECT * FROM delegation WHERE area_id = ? ORDER BY municipality_key",
                rs -> new Delegation(rs.getString("municipality_key"), rs.getString("area_id"), rs.getString("district_key"),
                        Sql.instant(rs, "since")), areaId));
    }

    @Override
    public String responsibleBody(String key, String areaId) {
        get(key);
        return jdbc.tx(c -> Sql.one(c, "SELECT district_key FROM delegation WHERE municipality_key = ? AND area_id = ?",
                rs -> rs.getString(1), key, areaId)).orElse(key);
    }

    @Override
    public Provider addProvider(String responsibleKey, String name, de.paktwerk.core.api.ProviderKind kind, String actor) {
        get(responsibleKey);
        if (kind == null) {
            throw new InvalidInputException("Die Art des Trägers (kind: VHS, ASSOCIATION, CHURCH_PARISH, WELFARE_ASSOCIATION, OTHER) fehlt.");
        }
        if (name == null || name.isBlank() || name.length() > 300) {
            throw new InvalidInputException("Name des Trägers fehlt oder ist länger als 300 Zeichen.");
        }
        return jdbc.tx(c -> {
            long id = Sql.insert(c, "INSERT INTO provider (responsible_key, name, kind) VALUES (?, ?, ?)", responsibleKey, name.trim(),
                    kind.name());
            Provider p = new Provider(id, responsibleKey, name.trim(), kind);
            audit.append(c, actor, "provider", String.valueOf(id), "create", null, Json.write(p));
            return p;
        });
    }

    @Override
    public List<Provider> providers(String responsibleKey) {
        return jdbc.tx(c -> Sql.list(c, "SELECT * FROM provider WHERE responsible_key = ? ORDER BY id",
                MunicipalityRegistryImpl::provider, responsibleKey));
    }

    @Override
    public Optional<Provider> provider(long id) {
        return jdbc.tx(c -> Sql.one(c, "SELECT * FROM provider WHERE id = ?",
                MunicipalityRegistryImpl::provider, id));
    }

    private static Provider provider(java.sql.ResultSet rs) throws SQLException {
        return new Provider(rs.getLong("id"), rs.getString("responsible_key"), rs.getString("name"),
                de.paktwerk.core.api.ProviderKind.valueOf(rs.getString("kind")));
    }

    /** Checks the form of a funding-area id. */
    public static void checkArea(String areaId) {
        if (areaId == null || !AREA_ID.matcher(areaId).matches()) {
            throw new InvalidInputException("Förderbereich '" + areaId + "' ist keine gültige Kennung (Kleinbuchstaben, Ziffern, Bindestriche).");
        }
    }
}
