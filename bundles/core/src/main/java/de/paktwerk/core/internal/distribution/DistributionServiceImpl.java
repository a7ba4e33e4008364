package de.paktwerk.core.internal.distribution;

import de.paktwerk.core.api.db.Sql;
import de.paktwerk.core.api.Budget;
import de.paktwerk.core.api.ConflictException;
import de.paktwerk.core.api.Distribution;
import de.paktwerk.core.api.DistributionKind;
import de.paktwerk.core.api.DistributionRequest;
import de.paktwerk.core.api.DistributionService;
import de.paktwerk.core.api.FundingAreas;
import de.paktwerk.core.api.InvalidInputException;
import de.paktwerk.core.api.Money;
import de.paktwerk.core.api.Municipality;
import de.paktwerk.core.api.MunicipalityKind;
import de.paktwerk.core.api.MunicipalityRegistry;
import de.paktwerk.core.api.Share;
import de.paktwerk.core.api.ShareDifference;
import de.paktwerk.core.api.UnknownEntityException;
import de.paktwerk.core.api.spi.DistributionKey;
import de.paktwerk.core.api.KeyFigure;
import de.paktwerk.core.api.OverAllocation;
import de.paktwerk.core.api.KeyFigures;
import de.paktwerk.core.api.KeyTarget;
import de.paktwerk.core.internal.area.FundingAreaTracker;
import de.paktwerk.core.api.AuditLog;
import de.paktwerk.core.internal.budget.BudgetServiceImpl;
import de.paktwerk.core.internal.db.CoreDatabase;
import de.paktwerk.core.internal.db.Jdbc;
import de.paktwerk.core.internal.municipality.MunicipalityRegistryImpl;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Runs distributions: the area supplies a weight per municipality, delegated weights move to the
 * district, the largest-remainder method shares the amount, and the run is frozen with its inputs. The
 * newest run of an area and period sets every body's allocation, the ceiling for approvals.
 */
@Component(service = DistributionService.class)
public class DistributionServiceImpl implements DistributionService {

    private final Jdbc jdbc;
    private final AuditLog audit;
    private final FundingAreaTracker areas;
    private final MunicipalityRegistry registry;
    private final KeyFigures figures;
    private final de.paktwerk.core.api.SurveyService surveys;

    @Activate
    public DistributionServiceImpl(@Reference CoreDatabase database, @Reference AuditLog audit,
                                   @Reference FundingAreaTracker areas, @Reference MunicipalityRegistry registry,
                                   @Reference KeyFigures figures, @Reference de.paktwerk.core.api.SurveyService surveys) {
        this.jdbc = database.jdbc();
        this.audit = audit;
        this.areas = areas;
        this.registry = registry;
        this.figures = figures;
        this.surveys = surveys;
    }

    /** German words for a key figure type in a key description. */
    static String figureWord(String type) {
        return switch (type) {
            case KeyFigure.REFUGEES -> "Geflüchtete in Anschlussunterbringung";
            case KeyFigure.POPULATION -> "Einwohner";
            default -> "Kennzahl '" + type + "'";
        };
    }

    /** A municipality's weight and the body that receives it. */
    record Input(String municipalityKey, long weight, String responsibleKey) {
    }

    @Override
    public Distribution run(DistributionRequest request, String actor) {
        if (request == null) {
            throw new InvalidInputException("Angaben zur Verteilung fehlen.");
        }
        MunicipalityRegistryImpl.checkArea(request.areaId());
        if (request.periodId() == null || request.kind() == null || request.amount() == null) {
            throw new InvalidInputException("periodId, kind und amount sind Pflichtangaben.");
        }
        if (!request.amount().isPositive()) {
            throw new InvalidInputException("Der zu verteilende Betrag muss größer als 0,00 € sein.");
        }
        areas.requireArea(request.areaId());
        DistributionKey key = areas.key(request.areaId()).orElseThrow(() -> new ConflictException("Der Förderbereich '"
                + request.areaId() + "' vergibt seine Mittel nicht nach einem Verteilungsschlüssel (Festbetrag, Abrechnung nach"
                + " Ist-Angaben oder Aufruf); eine Verteilung gibt es für ihn nicht."));
        LocalDate referenceDate = request.referenceDate() != null ? request.referenceDate() : key.defaultReferenceDate();
        String type = request.keyFigureType() != null ? request.keyFigureType() : key.keyFigureType();
        if (!type.matches("[a-z][a-z0-9-]{0,31}")) {
            throw new InvalidInputException("keyFigureType besteht aus Kleinbuchstaben, Ziffern und Bindestrichen, z. B. population.");
        }
        KeyTarget target = request.target() != null ? request.target() : key.target();
        String description = request.keyFigureType() == null && request.target() == null ? key.description()
                : figureWord(type) + (target == KeyTarget.DISTRICTS ? " je Stadt- und Landkreis" : " je Gemeinde") + " zum Stichtag";
        Map<String, Long> figuresAt = figures.at(type, referenceDate);
        if (figuresAt.isEmpty()) {
            throw new ConflictException("Der Verteilungsschlüssel ist leer: zum Stichtag " + referenceDate + " liegen keine Kennzahlen '"
                    + type + "' vor.");
        }
        List<Input> inputs = inputs(request.areaId(), figuresAt, target);
        Map<String, Long> weights = new HashMap<>();
        for (Input in : inputs) {
            weights.merge(in.responsibleKey(), in.weight(), Long::sum);
        }
        SortedMap<String, Long> shares = LargestRemainder.allocate(request.amount().cents(), weights);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        return jdbc.tx(c -> {
            BudgetServiceImpl.findPeriod(c, request.periodId(), true); // one run per period at a time
            Optional<de.paktwerk.core.api.SurveyService.Survey> survey = SurveyGate.check(surveys, request.kind(), type, referenceDate);
            Budget budget = BudgetServiceImpl.find(c, request.periodId(), request.areaId())
                    .orElseThrow(() -> new ConflictException("Für '" + request.areaId() + "' ist im Zeitraum "
                            + request.periodId() + " kein Budget festgelegt."));
            if (request.amount().compareTo(budget.amount()) > 0) {
                throw new ConflictException("Der Betrag " + request.amount().toGerman() + " übersteigt das Budget von "
                        + budget.amount().toGerman() + ".");
            }
            Optional<Distribution> latest = Sql.one(c, "SELECT * FROM distribution WHERE area_id = ? AND period_id = ?"
                    + " ORDER BY version DESC FETCH FIRST 1 ROWS ONLY", DistributionServiceImpl::map, request.areaId(), request.periodId());
            if (latest.isPresent() && latest.get().kind() == DistributionKind.FINAL && request.kind() == DistributionKind.PROVISIONAL) {
                throw new ConflictException("Nach der endgültigen Verteilung (Version " + latest.get().version()
                        + ") ist keine vorläufige Verteilung mehr möglich.");
            }
            int version = latest.map(d -> d.version() + 1).orElse(1);
            Long replaces = latest.map(Distribution::id).orElse(null);
            long id = Sql.insert(c, "INSERT INTO distribution (area_id, period_id, kind, version, amount_cents, reference_date,"
                            + " key_description, created_at, created_by, replaces_id, bodies, key_figure_type)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    request.areaId(), request.periodId(), request.kind(), version, request.amount().cents(), referenceDate,
                    description, now, actor, replaces, shares.size(), type);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO distribution_input (distribution_id, municipality_key,"
                    + " weight, responsible_key) VALUES (?, ?, ?, ?)")) {
                for (Input in : inputs) {
                    ps.setLong(1, id);
                    ps.setString(2, in.municipalityKey());
                    ps.setLong(3, in.weight());
                    ps.setString(4, in.responsibleKey());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO distribution_share (distribution_id, body_key, weight,"
                    + " amount_cents) VALUES (?, ?, ?, ?)")) {
                for (Map.Entry<String, Long> e : shares.entrySet()) {
                    ps.setLong(1, id);
                    ps.setString(2, e.getKey());
                    ps.setLong(3, weights.get(e.getKey()));
                    ps.setLong(4, e.getValue());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            List<OverAllocation> over = updateAllocations(c, request, id, shares);
            Distribution d = new Distribution(id, request.areaId(), request.periodId(), request.kind(), version, request.amount(),
                    referenceDate, description, now, actor, replaces, shares.size(), type, over);
            audit.append(c, actor, "distribution", String.valueOf(id), "run", null, survey.isEmpty() ? de.paktwerk.core.internal.json.Json.write(d)
                    : de.paktwerk.core.internal.json.Json.write(Map.of("run", d, "surveyId", survey.get().id())));
            return d;
        });
    }

    /**
     * Weights per body, checked, with the body that receives each: for municipalities, a municipality that delegated
     * the area counts for its Landkreis; for districts, every municipality counts for its Landkreis, and a Landkreis's
     * own figure only where none of its municipalities has one (so nothing counts twice).
     */
    List<Input> inputs(String areaId, Map<String, Long> weights, KeyTarget target) {
        Map<String, String> delegatedTo = new HashMap<>();
        registry.delegations(areaId).forEach(d -> delegatedTo.put(d.municipalityKey(), d.districtKey()));
        return inputs(registry, delegatedTo, weights, target);
    }

    /** As {@link #inputs(String, Map, KeyTarget)}, with the delegations given (none for the flat allocation). */
    static List<Input> inputs(MunicipalityRegistry registry, Map<String, String> delegatedTo, Map<String, Long> weights, KeyTarget target) {
        java.util.Set<String> districtsWithMembers = new java.util.HashSet<>();
        for (String k : weights.keySet()) {
            registry.find(k).filter(m -> m.kind() == MunicipalityKind.GEMEINDE).ifPresent(m -> districtsWithMembers.add(m.districtKey()));
        }
        List<Input> out = new ArrayList<>(weights.size());
        for (Map.Entry<String, Long> e : new TreeMap<>(weights).entrySet()) {
            Municipality m = registry.find(e.getKey()).orElseThrow(() -> new ConflictException(
                    "Der Verteilungsschlüssel nennt die unbekannte Kommune '" + e.getKey() + "'."));
            if (e.getValue() == null || e.getValue() < 0) {
                throw new ConflictException("Der Verteilungsschlüssel enthält für " + m.name() + " keinen gültigen Wert.");
            }
            String responsible;
            if (target == KeyTarget.DISTRICTS) {
                if (m.kind() == MunicipalityKind.LANDKREIS && districtsWithMembers.contains(m.key())) {
                    continue;
                }
                responsible = m.kind() == MunicipalityKind.GEMEINDE ? m.districtKey() : m.key();
            } else {
                if (m.kind() == MunicipalityKind.LANDKREIS) {
                    continue; // a Landkreis receives what its municipalities delegate, not by a figure of its own
                }
                responsible = m.kind() == MunicipalityKind.GEMEINDE ? delegatedTo.getOrDefault(m.key(), m.key()) : m.key();
            }
            out.add(new Input(m.key(), e.getValue(), responsible));
        }
        return out;
    }

    /**
     * Sets every body's allocation to its share in the run. Where a body's share is below what is already approved for
     * it, the excess is recorded (allocation and over_allocation) instead of storing approved above allocated.
     */
    private static List<OverAllocation> updateAllocations(Connection c, DistributionRequest request, long id,
                                                          SortedMap<String, Long> shares) throws SQLException {
        Sql.update(c, "UPDATE allocation SET allocated_cents = 0, over_allocated_cents = committed_cents, distribution_id = ?"
                + " WHERE area_id = ? AND period_id = ?", id, request.areaId(), request.periodId());
        TreeSet<String> existing = new TreeSet<>(Sql.list(c, "SELECT body_key FROM allocation WHERE area_id = ? AND period_id = ?",
                rs -> rs.getString(1), request.areaId(), request.periodId()));
        try (PreparedStatement upd = c.prepareStatement("UPDATE allocation SET allocated_cents = ?, over_allocated_cents ="
                + " CASE WHEN committed_cents > ? THEN committed_cents - ? ELSE 0 END WHERE area_id = ? AND period_id = ? AND body_key = ?");
             PreparedStatement ins = c.prepareStatement("INSERT INTO allocation (area_id, period_id, body_key, allocated_cents,"
                     + " committed_cents, distribution_id) VALUES (?, ?, ?, ?, 0, ?)")) {
            for (Map.Entry<String, Long> e : shares.entrySet()) {
                if (existing.contains(e.getKey())) {
                    upd.setLong(1, e.getValue());
                    upd.setLong(2, e.getValue());
                    upd.setLong(3, e.getValue());
                    upd.setString(4, request.areaId());
                    upd.setString(5, request.periodId());
                    upd.setString(6, e.getKey());
                    upd.addBatch();
                } else {
                    ins.setString(1, request.areaId());
                    ins.setString(2, request.periodId());
                    ins.setString(3, e.getKey());
                    ins.setLong(4, e.getValue());
                    ins.setLong(5, id);
                    ins.addBatch();
                }
            }
            upd.executeBatch();
            ins.executeBatch();
        }
        List<OverAllocation> over = Sql.list(c, "SELECT body_key, allocated_cents, committed_cents FROM allocation WHERE area_id = ?"
                + " AND period_id = ? AND over_allocated_cents > 0 ORDER BY body_key", rs -> new OverAllocation(rs.getString(1),
                Money.ofCents(rs.getLong(2)), Money.ofCents(rs.getLong(3)), Money.ofCents(rs.getLong(3) - rs.getLong(2))),
                request.areaId(), request.periodId());
        for (OverAllocation o : over) {
            Sql.update(c, "INSERT INTO over_allocation (distribution_id, body_key, share_cents, committed_cents) VALUES (?, ?, ?, ?)",
                    id, o.bodyKey(), o.share().cents(), o.approved().cents());
        }
        return over;
    }

    private static List<OverAllocation> overAllocations(Connection c, long distributionId) throws SQLException {
        return Sql.list(c, "SELECT * FROM over_allocation WHERE distribution_id = ? ORDER BY body_key", rs -> new OverAllocation(
                rs.getString("body_key"), Money.ofCents(rs.getLong("share_cents")), Money.ofCents(rs.getLong("committed_cents")),
                Money.ofCents(rs.getLong("committed_cents") - rs.getLong("share_cents"))), distributionId);
    }

    private static Distribution withOverAllocations(Connection c, Distribution d) throws SQLException {
        return new Distribution(d.id(), d.areaId(), d.periodId(), d.kind(), d.version(), d.amount(), d.referenceDate(), d.keyDescription(),
                d.createdAt(), d.createdBy(), d.replacesId(), d.bodies(), d.keyFigureType(), overAllocations(c, d.id()));
    }

    @Override
    public List<Distribution> runsChangedBy(java.util.Collection<KeyFigure> imported) {
        Map<String, Map<LocalDate, Map<String, Long>>> byTypeAndDate = new HashMap<>();
        for (KeyFigure f : imported) {
            byTypeAndDate.computeIfAbsent(f.type(), t -> new HashMap<>()).computeIfAbsent(f.referenceDate(), d -> new HashMap<>())
                    .put(f.bodyKey(), f.value());
        }
        return jdbc.tx(c -> {
            List<Distribution> changed = new ArrayList<>();
            // the latest run of every area and period
            for (Distribution d : Sql.list(c, "SELECT * FROM distribution d WHERE version = (SELECT MAX(version) FROM distribution x"
                    + " WHERE x.area_id = d.area_id AND x.period_id = d.period_id) ORDER BY id", DistributionServiceImpl::map)) {
                Map<String, Long> figures = byTypeAndDate.getOrDefault(d.keyFigureType(), Map.of()).get(d.referenceDate());
                if (figures == null) {
                    continue;
                }
                Map<String, Long> frozen = new HashMap<>();
                Sql.list(c, "SELECT municipality_key, weight FROM distribution_input WHERE distribution_id = ?",
                        rs -> frozen.put(rs.getString(1), rs.getLong(2)), d.id());
                for (Map.Entry<String, Long> e : figures.entrySet()) {
                    Long before = frozen.get(e.getKey());
                    if (before == null ? e.getValue() != 0 : !before.equals(e.getValue())) {
                        changed.add(withOverAllocations(c, d));
                        break;
                    }
                }
            }
            return changed;
        });
    }

    @Override
    public List<Distribution> list(String areaId, String periodId) {
        StringBuilder sql = new StringBuilder("SELECT * FROM distribution WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (areaId != null && !areaId.isBlank()) {
            sql.append(" AND area_id = ?");
            params.add(areaId);
        }
        if (periodId != null && !periodId.isBlank()) {
            sql.append(" AND period_id = ?");
            params.add(periodId);
        }
        sql.append(" ORDER BY id");
        return jdbc.tx(c -> {
            List<Distribution> out = new ArrayList<>();
            for (Distribution d : Sql.list(c, sql.toString(), DistributionServiceImpl::map, params.toArray())) {
                out.add(withOverAllocations(c, d));
            }
            return out;
        });
    }

    @Override
    public Distribution get(long id) {
        return jdbc.tx(c -> find(c, id));
    }

    private static Distribution find(Connection c, long id) throws SQLException {
        return withOverAllocations(c, Sql.one(c, "SELECT * FROM distribution WHERE id = ?", DistributionServiceImpl::map, id)
                .orElseThrow(() -> new UnknownEntityException("Verteilung " + id + " ist unbekannt.")));
    }

    @Override
    public List<Share> shares(long distributionId) {
        return jdbc.tx(c -> {
            find(c, distributionId);
            return shares(c, distributionId);
        });
    }

    private static List<Share> shares(Connection c, long distributionId) throws SQLException {
        return Sql.list(c, "SELECT * FROM distribution_share WHERE distribution_id = ? ORDER BY body_key",
                rs -> new Share(rs.getString("body_key"), rs.getLong("weight"), Money.ofCents(rs.getLong("amount_cents"))),
                distributionId);
    }

    @Override
    public List<ShareDifference> difference(long distributionId) {
        return jdbc.tx(c -> {
            Distribution d = find(c, distributionId);
            Map<String, Money> before = new TreeMap<>();
            if (d.replacesId() != null) {
                shares(c, d.replacesId()).forEach(s -> before.put(s.bodyKey(), s.amount()));
            }
            Map<String, Money> after = new TreeMap<>();
            shares(c, distributionId).forEach(s -> after.put(s.bodyKey(), s.amount()));
            TreeSet<String> keys = new TreeSet<>(before.keySet());
            keys.addAll(after.keySet());
            List<ShareDifference> out = new ArrayList<>(keys.size());
            for (String key : keys) {
                Money b = before.getOrDefault(key, Money.ZERO);
                Money a = after.getOrDefault(key, Money.ZERO);
                out.add(new ShareDifference(key, b, a, a.minus(b)));
            }
            return out;
        });
    }

    static Distribution map(ResultSet rs) throws SQLException {
        return new Distribution(rs.getLong("id"), rs.getString("area_id"), rs.getString("period_id"),
                DistributionKind.valueOf(rs.getString("kind")), rs.getInt("version"), Money.ofCents(rs.getLong("amount_cents")),
                Sql.date(rs, "reference_date"), rs.getString("key_description"), Sql.instant(rs, "created_at"),
                rs.getString("created_by"), Sql.nullableLong(rs, "replaces_id"), rs.getInt("bodies"), rs.getString("key_figure_type"), List.of());
    }
}
