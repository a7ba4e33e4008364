package de.paktwerk.core.internal.distribution;

import de.paktwerk.core.api.Money;
import de.paktwerk.core.api.Municipality;
import de.paktwerk.core.api.MunicipalityRegistry;
import de.paktwerk.core.api.UnknownEntityException;
import de.paktwerk.core.api.db.Sql;
import de.paktwerk.core.internal.budget.BudgetServiceImpl;
import de.paktwerk.core.internal.db.CoreDatabase;
import de.paktwerk.core.internal.db.Jdbc;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * All Pakt money of a body in a period, from the core's records: the flat allocation received (payments net of
 * repayments) and, per funding area, what was approved (decisions in force), paid (drawdowns and final payments),
 * released at proof of use and reclaimed. The same summed per district and per administrative region.
 */
@Component(service = MoneyOverview.class)
public class MoneyOverview {

    /** The money of one funding area (or of the flat allocation, area {@code flat-allocation}). */
    public record AreaMoney(String areaId, Money approved, Money paid, Money released, Money reclaimed) {
        AreaMoney plus(AreaMoney o) {
            return new AreaMoney(areaId, approved.plus(o.approved), paid.plus(o.paid), released.plus(o.released), reclaimed.plus(o.reclaimed));
        }
    }

    /**
     * A body's (or a district's or region's) Pakt money in a period. A Stadtkreis is its own district.
     *
     * @param flat the flat allocation received, net of repayments
     * @param areas per funding area
     * @param programme the areas summed
     */
    public record Overview(String key, String name, String kind, String districtKey, String region, String periodId, Money flat,
                           List<AreaMoney> areas, AreaMoney programme) {
    }

    /** The pseudo-area under which rows of the flat allocation appear in the CSV. */
    public static final String FLAT = "flat-allocation";

    private final Jdbc jdbc;
    private final MunicipalityRegistry registry;

    @Activate
    public MoneyOverview(@Reference CoreDatabase database, @Reference MunicipalityRegistry registry) {
        this.jdbc = database.jdbc();
        this.registry = registry;
    }

    /** One body. */
    public Overview body(String key, String periodId) {
        Municipality m = registry.find(key).orElseThrow(() -> new UnknownEntityException("Kommune " + key + " ist unbekannt."));
        Map<String, Overview> all = jdbc.tx(c -> {
            BudgetServiceImpl.findPeriod(c, periodId, false);
            return bodies(c, periodId, key);
        });
        return all.getOrDefault(key, empty(m, periodId));
    }

    /** Every body with any Pakt money in the period, by official key. */
    public List<Overview> bodies(String periodId) {
        return jdbc.tx(c -> {
            BudgetServiceImpl.findPeriod(c, periodId, false);
            return new ArrayList<>(bodies(c, periodId, null).values());
        });
    }

    /** The bodies summed per district (a Stadtkreis is its own district) or per administrative region. */
    public List<Overview> grouped(String periodId, boolean byRegion) {
        Map<String, Overview> groups = new TreeMap<>();
        for (Overview o : bodies(periodId)) {
            boolean stadtkreis = "STADTKREIS".equals(o.kind());
            String district = stadtkreis ? o.key() : o.districtKey();
            String key = byRegion ? o.region() : district;
            String name = byRegion ? o.region() : stadtkreis ? o.name() : registry.find(district).map(Municipality::name).orElse(district);
            Overview group = groups.get(key);
            Overview one = new Overview(key, name, byRegion ? "REGIERUNGSBEZIRK" : "KREIS", byRegion ? null : district, o.region(), periodId,
                    o.flat(), o.areas(), o.programme());
            groups.put(key, group == null ? one : sum(group, one));
        }
        return new ArrayList<>(groups.values());
    }

    private static Overview sum(Overview a, Overview b) {
        Map<String, AreaMoney> areas = new TreeMap<>();
        for (AreaMoney m : a.areas()) {
            areas.put(m.areaId(), m);
        }
        for (AreaMoney m : b.areas()) {
            areas.merge(m.areaId(), m, AreaMoney::plus);
        }
        return new Overview(a.key(), a.name(), a.kind(), a.districtKey(), a.region(), a.periodId(), a.flat().plus(b.flat()),
                new ArrayList<>(areas.values()), a.programme().plus(b.programme()));
    }

    private Overview empty(Municipality m, String periodId) {
        return new Overview(m.key(), m.name(), m.kind().name(), m.districtKey(), m.region(), periodId, Money.ZERO, List.of(),
                new AreaMoney(null, Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO));
    }

    /** The sums, from the records, in four grouped queries (and one for the flat allocation). */
    private Map<String, Overview> bodies(Connection c, String periodId, String only) throws SQLException {
        String body = only == null ? "" : " AND a.applicant_key = ?";
        Object[] params = only == null ? new Object[] {periodId} : new Object[] {periodId, only};
        Map<String, Map<String, long[]>> money = new TreeMap<>();
        collect(c, money, 0, "SELECT a.applicant_key, a.area_id, SUM(d.amount_cents) FROM decision d JOIN application a ON a.id = d.application_id"
                + " WHERE a.period_id = ? AND d.outcome <> 'REJECTED' AND (d.needs_confirmation = FALSE OR d.confirmed_by IS NOT NULL)" + body
                + " GROUP BY a.applicant_key, a.area_id", params);
        collect(c, money, 1, "SELECT a.applicant_key, a.area_id, SUM(w.amount_cents) FROM drawdown w JOIN application a ON a.id = w.application_id"
                + " WHERE a.period_id = ?" + body + " GROUP BY a.applicant_key, a.area_id", params);
        collect(c, money, 2, "SELECT a.applicant_key, a.area_id, SUM(p.released_cents) FROM proof_of_use p JOIN application a"
                + " ON a.id = p.application_id WHERE a.period_id = ?" + body + " GROUP BY a.applicant_key, a.area_id", params);
        collect(c, money, 3, "SELECT a.applicant_key, a.area_id, SUM(r.amount_cents) FROM reclaim r JOIN application a ON a.id = r.application_id"
                + " WHERE a.period_id = ?" + body + " GROUP BY a.applicant_key, a.area_id", params);
        Map<String, Long> flat = new TreeMap<>();
        for (Object[] row : Sql.list(c, "SELECT body_key, SUM(CASE WHEN kind = 'REPAYMENT' THEN -amount_cents ELSE amount_cents END) FROM flat_payment"
                + " WHERE period_id = ?" + (only == null ? "" : " AND body_key = ?") + " GROUP BY body_key",
                rs -> new Object[] {rs.getString(1), rs.getLong(2)}, params)) {
            flat.put((String) row[0], (Long) row[1]);
            money.computeIfAbsent((String) row[0], k -> new TreeMap<>());
        }
        Map<String, Overview> result = new TreeMap<>();
        for (Map.Entry<String, Map<String, long[]>> e : money.entrySet()) {
            Municipality m = registry.find(e.getKey()).orElse(null);
            if (m == null) {
                continue;
            }
            List<AreaMoney> areas = new ArrayList<>();
            AreaMoney programme = new AreaMoney(null, Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO);
            for (Map.Entry<String, long[]> a : e.getValue().entrySet()) {
                long[] v = a.getValue();
                AreaMoney am = new AreaMoney(a.getKey(), Money.ofCents(v[0]), Money.ofCents(v[1]), Money.ofCents(v[2]), Money.ofCents(v[3]));
                areas.add(am);
                programme = programme.plus(am);
            }
            result.put(m.key(), new Overview(m.key(), m.name(), m.kind().name(), m.districtKey(), m.region(), periodId,
                    Money.ofCents(flat.getOrDefault(m.key(), 0L)), areas, programme));
        }
        return result;
    }

    private static void collect(Connection c, Map<String, Map<String, long[]>> money, int column, String sql, Object... params) throws SQLException {
        for (Object[] row : Sql.list(c, sql, rs -> new Object[] {rs.getString(1), rs.getString(2), rs.getLong(3)}, params)) {
            money.computeIfAbsent((String) row[0], k -> new TreeMap<>()).computeIfAbsent((String) row[1], k -> new long[4])[column] = (Long) row[2];
        }
    }
}
