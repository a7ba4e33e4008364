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
import de.paktwerk.core.api.RefugeeCount;
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
    public static final Pattern AREA_ID = Pattern.compile("[a-z][a-z0-9-]{1,63}");

    private final Jdbc jdbc;
    private final AuditLog audit;
    /** All bodies by official key, in key order; immutable after activation. */
    private final Map<String, Municipality> byKey;

    @Activate
    public MunicipalityRegistryImpl(@Reference CoreDatabase database, @Reference AuditLog audit) {
        this.jdbc = database.jdbc();
        this.audit = audit;
        jdbc.tx(c -> {
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
    public Map<String, Long> refugeeCountsAt(LocalDate referenceDate) {
        Map<String, Long> out = new HashMap<>(2048);
        jdbc.tx(c -> Sql.list(c, "SELECT municipality_key, refugees FROM refugee_count WHERE reference_date = ?",
                rs -> out.put(rs.getString(1), rs.getLong(2)), referenceDate));
        return out;
    }

    @Override
    public List<RefugeeCount> refugeeCounts(String key) {
        get(key);
        return jdbc.tx(c -> Sql.list(c, "SELECT * FROM refugee_count WHERE municipality_key = ? ORDER BY reference_date",
                rs -> new RefugeeCount(rs.getString("municipality_key"), Sql.date(rs, "reference_date"),
                        rs.getLong("refugees"), rs.getBoolean("synthetic")), key));
    }

    @Override
    public List<LocalDate> referenceDates() {
        return jdbc.tx(c -> Sql.list(c, "SELECT DISTINCT reference_date FROM refugee_count ORDER BY reference_date",
                rs -> Sql.date(rs, "reference_date")));
    }

    @Override
    public int importRefugeeCounts(Collection<RefugeeCount> counts, String actor) {
        for (RefugeeCount rc : counts) {
            Municipality m = byKey.get(rc.municipalityKey());
            if (m == null) {
                throw new InvalidInputException("Kommune mit Schlüssel '" + rc.municipalityKey() + "' ist unbekannt.");
            }
            if (m.kind() == MunicipalityKind.LANDKREIS) {
                throw new InvalidInputException("Geflüchtete werden je Gemeinde erfasst, nicht für den " + m.name() + ".");
            }
        }
        return jdbc.tx(c -> {
            try (PreparedStatement del = c.prepareStatement("DELETE FROM refugee_count WHERE municipality_key = ? AND reference_date = ?");
                 PreparedStatement ins = c.prepareStatement("INSERT INTO refugee_count (municipality_key, reference_date, refugees, synthetic)"
                         + " VALUES (?, ?, ?, ?)")) {
                for (RefugeeCount rc : counts) {
                    del.setString(1, rc.municipalityKey());
                    del.setObject(2, rc.referenceDate());
                    del.addBatch();
                    ins.setString(1, rc.municipalityKey());
                    ins.setObject(2, rc.referenceDate());
                    ins.setLong(3, rc.refugees());
                    ins.setBoolean(4, rc.synthetic());
                    ins.addBatch();
                }
                del.executeBatch();
                ins.executeBatch();
            }
            audit.append(c, actor, "refugee_count", "*", "import", null, Json.object(Map.of("rows", counts.size())));
            return counts.size();
        });
    }

    @Override
    public Delegation delegate(String municipalityKey, String areaId, String actor) {
        Municipality m = get(municipalityKey);
        checkArea(areaId);
        if (m.kind() != MunicipalityKind.GEMEINDE) {
            throw new InvalidInputException("Nur eine kreisangehörige Gemeinde kann Aufgaben an ihren Landkreis übertragen; "
                    + m.name() + " ist " + m.kind() + ".");
        }
        Delegation d = new Delegation(municipalityKey, areaId, m.districtKey(), Instant.now());
        return jdbc.tx(c -> {
            if (Sql.count(c, "SELECT COUNT(*) FROM delegation WHERE municipality_key = ? AND area_id = ?", municipalityKey, areaId) > 0) {
                throw new de.paktwerk.core.api.ConflictException(m.name() + " hat den Förderbereich '" + areaId + "' bereits übertragen.");
            }
            Sql.update(c, "INSERT INTO delegation (municipality_key, area_id, district_key, since) VALUES (?, ?, ?, ?)",
                    municipalityKey, areaId, m.districtKey(), d.since());
            audit.append(c, actor, "delegation", municipalityKey + "/" + areaId, "delegate", null, Json.write(d));
            return d;
        });
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
    public Provider addProvider(String responsibleKey, String name, String actor) {
        get(responsibleKey);
        if (name == null || name.isBlank() || name.length() > 300) {
            throw new InvalidInputException("Name des Trägers fehlt oder ist länger als 300 Zeichen.");
        }
        return jdbc.tx(c -> {
            long id = Sql.insert(c, "INSERT INTO provider (responsible_key, name) VALUES (?, ?)", responsibleKey, name.trim());
            Provider p = new Provider(id, responsibleKey, name.trim());
            audit.append(c, actor, "provider", String.valueOf(id), "create", null, Json.write(p));
            return p;
        });
    }

    @Override
    public List<Provider> providers(String responsibleKey) {
        return jdbc.tx(c -> Sql.list(c, "SELECT * FROM provider WHERE responsible_key = ? ORDER BY id",
                rs -> new Provider(rs.getLong("id"), rs.getString("responsible_key"), rs.getString("name")), responsibleKey));
    }

    @Override
    public Optional<Provider> provider(long id) {
        return jdbc.tx(c -> Sql.one(c, "SELECT * FROM provider WHERE id = ?",
                rs -> new Provider(rs.getLong("id"), rs.getString("responsible_key"), rs.getString("name")), id));
    }

    /** Checks the form of a funding-area id. */
    public static void checkArea(String areaId) {
        if (areaId == null || !AREA_ID.matcher(areaId).matches()) {
            throw new InvalidInputException("Förderbereich '" + areaId + "' ist keine gültige Kennung (Kleinbuchstaben, Ziffern, Bindestriche).");
        }
    }
}
