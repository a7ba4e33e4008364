package de.paktwerk.core.internal.distribution;

import de.paktwerk.core.api.AuditLog;
import de.paktwerk.core.api.ConflictException;
import de.paktwerk.core.api.DistributionKind;
import de.paktwerk.core.api.FundingPeriod;
import de.paktwerk.core.api.InvalidInputException;
import de.paktwerk.core.api.KeyFigure;
import de.paktwerk.core.api.KeyFigures;
import de.paktwerk.core.api.KeyTarget;
import de.paktwerk.core.api.Money;
import de.paktwerk.core.api.MunicipalityRegistry;
import de.paktwerk.core.api.UnknownEntityException;
import de.paktwerk.core.api.db.Sql;
import de.paktwerk.core.internal.budget.BudgetServiceImpl;
import de.paktwerk.core.internal.db.CoreDatabase;
import de.paktwerk.core.internal.db.Jdbc;
import de.paktwerk.core.internal.json.Json;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
 * The flat allocation (pauschale Zuweisung, the Integrationslastenausgleich of § 29d FAG): the other half of a
 * period's envelope, paid to every body by key without applications. A run shares the period's flat part by the
 * largest-remainder method; a final run pays: the first one a payment (Zuweisung) per body, every later one only the
 * differences (top-ups and repayments). Payments are written once and never changed. They are paid out in the
 * instalments of the period's schedule.
 */
@Component(service = FlatAllocations.class)
public class FlatAllocations {

    /** Kinds of payments. */
    public enum PaymentKind {
        ALLOCATION, TOP_UP, REPAYMENT
    }

    /** The flat part of a period and what it has paid. */
    public record Status(String periodId, Money envelope, Money flat, Money budgets, Money paid, List<Run> runs, List<Instalment> schedule) {
    }

    /** A run of the flat allocation. */
    public record Run(long id, String periodId, int version, DistributionKind kind, Money amount, LocalDate referenceDate, String keyFigureType,
                      int bodies, Long replacesId, Money paidByRun, int payments, String createdBy, Instant createdAt) {
    }

    /** A body's share in a run. */
    public record RunShare(String bodyKey, long weight, Money amount) {
    }

    /**
     * A payment to a body (Zuweisung): its amount, kind, the key figure and reference date it was computed from.
     *
     * @param signed the amount as it counts: negative for a repayment
     */
    public record Payment(long id, long runId, String periodId, String bodyKey, PaymentKind kind, Money amount, Money signed, long weight,
                          LocalDate referenceDate, Instant createdAt) {
    }

    /** An instalment of the payment schedule: number, due date and its percentage of every payment. */
    public record Instalment(int number, LocalDate dueDate, int percent) {
    }

    /** What a run is asked to do. */
    public record RunRequest(DistributionKind kind, LocalDate referenceDate, String keyFigureType) {
    }

    private final Jdbc jdbc;
    private final AuditLog audit;
    private final MunicipalityRegistry registry;
    private final KeyFigures figures;
    private final Clock clock;
    private final de.paktwerk.core.api.SurveyService surveys;

    @Activate
    public FlatAllocations(@Reference CoreDatabase database, @Reference AuditLog audit, @Reference MunicipalityRegistry registry,
                           @Reference KeyFigures figures, @Reference Clock clock, @Reference de.paktwerk.core.api.SurveyService surveys) {
        this.jdbc = database.jdbc();
        this.audit = audit;
        this.registry = registry;
        this.figures = figures;
        this.clock = clock;
        this.surveys = surveys;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    // ---- the split of the envelope -----------------------------------------------------------------------

    /**
     * Sets the flat part of a period's envelope. Flat part and budgets never exceed the envelope: checked here with a
     * German answer, and by the period row's constraint in the database.
     */
    public Status setFlat(String periodId, Money amount, String actor) {
        if (amount == null || amount.isNegative()) {
            throw new InvalidInputException("Der pauschale Anteil ist ein Betrag von mindestens 0,00 € (amount).");
        }
        return jdbc.tx(c -> {
            FundingPeriod period = BudgetServiceImpl.findPeriod(c, periodId, true);
            long budgets = Sql.count(c, "SELECT budgeted_cents FROM funding_period WHERE id = ?", periodId);
            if (budgets + amount.cents() > period.envelope().cents()) {
                throw new ConflictException("Pauschaler Anteil " + amount.toGerman() + " und die Budgets der Förderbereiche ("
                        + Money.ofCents(budgets).toGerman() + ") überschritten den Gesamtrahmen von " + period.envelope().toGerman() + ".");
            }
            long before = Sql.count(c, "SELECT flat_cents FROM funding_period WHERE id = ?", periodId);
            Sql.update(c, "UPDATE funding_period SET flat_cents = ? WHERE id = ?", amount.cents(), periodId);
            audit.append(c, actor, "flat_allocation", periodId, "set", Json.write(Map.of("amount", Money.ofCents(before).toString())),
                    Json.write(Map.of("amount", amount.toString())));
            return status(c, periodId);
        });
    }

    public Status status(String periodId) {
        return jdbc.tx(c -> status(c, periodId));
    }

    private Status status(Connection c, String periodId) throws SQLException {
        FundingPeriod period = BudgetServiceImpl.findPeriod(c, periodId, false);
        long[] split = Sql.one(c, "SELECT flat_cents, budgeted_cents FROM funding_period WHERE id = ?", rs -> new long[] {rs.getLong(1), rs.getLong(2)},
                periodId).orElseThrow();
        long paid = Sql.count(c, "SELECT COALESCE(SUM(CASE WHEN kind = 'REPAYMENT' THEN -amount_cents ELSE amount_cents END), 0) FROM flat_payment"
                + " WHERE period_id = ?", periodId);
        return new Status(periodId, period.envelope(), Money.ofCents(split[0]), Money.ofCents(split[1]), Money.ofCents(paid), runs(c, periodId),
                schedule(c, periodId));
    }

    // ---- runs and payments ---------------------------------------------------------------------------------

    /** Shares the period's flat part by key; a final run pays (the first in full, later ones the differences). */
    public Run run(String periodId, RunRequest request, String actor) {
        if (request == null || request.kind() == null || request.referenceDate() == null) {
            throw new InvalidInputException("Ein Lauf braucht kind (PROVISIONAL oder FINAL) und den Stichtag des Schlüssels (referenceDate).");
        }
        String type = request.keyFigureType() == null ? KeyFigure.REFUGEES : request.keyFigureType();
        if (!type.matches("[a-z][a-z0-9-]{0,31}")) {
            throw new InvalidInputException("keyFigureType besteht aus Kleinbuchstaben, Ziffern und Bindestrichen, z. B. refugees.");
        }
        Map<String, Long> at = figures.at(type, request.referenceDate());
        if (at.isEmpty()) {
            throw new ConflictException("Der Verteilungsschlüssel ist leer: zum Stichtag " + request.referenceDate() + " liegen keine Kennzahlen '"
                    + type + "' vor.");
        }
        Map<String, Long> weights = new HashMap<>();
        for (DistributionServiceImpl.Input in : DistributionServiceImpl.inputs(registry, Map.of(), at, KeyTarget.MUNICIPALITIES)) {
            weights.merge(in.responsibleKey(), in.weight(), Long::sum);
        }
        Instant now = now();
        return jdbc.tx(c -> {
            BudgetServiceImpl.findPeriod(c, periodId, true); // one run per period at a time, and no change of the flat part meanwhile
            SurveyGate.check(surveys, request.kind(), type, request.referenceDate());
            long flat = Sql.count(c, "SELECT flat_cents FROM funding_period WHERE id = ?", periodId);
            if (flat <= 0) {
                throw new ConflictException("Für den Zeitraum " + periodId + " ist kein pauschaler Anteil festgelegt (PUT periods/" + periodId
                        + "/flat-allocation).");
            }
            SortedMap<String, Long> shares = LargestRemainder.allocate(flat, weights);
            Optional<Run> latest = Sql.one(c, RUN_SELECT + " WHERE r.period_id = ? ORDER BY r.version DESC FETCH FIRST 1 ROWS ONLY",
                    FlatAllocations::run, periodId);
            if (latest.isPresent() && latest.get().kind() == DistributionKind.FINAL && request.kind() == DistributionKind.PROVISIONAL) {
                throw new ConflictException("Nach dem endgültigen Lauf (Version " + latest.get().version() + ") ist kein vorläufiger mehr möglich.");
            }
            int version = latest.map(r -> r.version() + 1).orElse(1);
            long id = Sql.insert(c, "INSERT INTO flat_run (period_id, version, kind, amount_cents, reference_date, key_figure_type, bodies, replaces_id,"
                    + " created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", periodId, version, request.kind(), flat, request.referenceDate(),
                    type, shares.size(), latest.map(Run::id).orElse(null), actor, now);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO flat_share (run_id, body_key, weight, amount_cents) VALUES (?, ?, ?, ?)")) {
                for (Map.Entry<String, Long> e : shares.entrySet()) {
                    ps.setLong(1, id);
                    ps.setString(2, e.getKey());
                    ps.setLong(3, weights.get(e.getKey()));
                    ps.setLong(4, e.getValue());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            int payments = 0;
            long net = 0;
            if (request.kind() == DistributionKind.FINAL) {
                Map<String, Long> paid = new HashMap<>();
                for (Object[] row : Sql.list(c, "SELECT body_key, SUM(CASE WHEN kind = 'REPAYMENT' THEN -amount_cents ELSE amount_cents END)"
                        + " FROM flat_payment WHERE period_id = ? GROUP BY body_key", rs -> new Object[] {rs.getString(1), rs.getLong(2)}, periodId)) {
                    paid.put((String) row[0], (Long) row[1]);
                }
                boolean first = paid.isEmpty();
                TreeSet<String> bodies = new TreeSet<>(shares.keySet());
                bodies.addAll(paid.keySet());
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO flat_payment (run_id, period_id, body_key, kind, amount_cents, weight,"
                        + " reference_date, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                    for (String body : bodies) {
                        long difference = shares.getOrDefault(body, 0L) - paid.getOrDefault(body, 0L);
                        if (difference == 0) {
                            continue;
                        }
                        PaymentKind kind = first ? PaymentKind.ALLOCATION : difference > 0 ? PaymentKind.TOP_UP : PaymentKind.REPAYMENT;
                        ps.setLong(1, id);
                        ps.setString(2, periodId);
                        ps.setString(3, body);
                        ps.setString(4, kind.name());
                        ps.setLong(5, Math.abs(difference));
                        ps.setLong(6, weights.getOrDefault(body, 0L));
                        ps.setObject(7, request.referenceDate());
                        ps.setObject(8, now.atOffset(java.time.ZoneOffset.UTC));
                        ps.addBatch();
                        payments++;
                        net += difference;
                    }
                    ps.executeBatch();
                }
            }
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("periodId", periodId);
            record.put("version", version);
            record.put("kind", request.kind().name());
            record.put("amount", Money.ofCents(flat).toString());
            record.put("payments", payments);
            record.put("paid", Money.ofCents(net).toString());
            audit.append(c, actor, "flat_run", String.valueOf(id), "run", null, Json.write(record));
            return run(c, id);
        });
    }

    private static final String RUN_SELECT = "SELECT r.*, (SELECT COUNT(*) FROM flat_payment p WHERE p.run_id = r.id) AS payments,"
            + " (SELECT COALESCE(SUM(CASE WHEN p.kind = 'REPAYMENT' THEN -p.amount_cents ELSE p.amount_cents END), 0) FROM flat_payment p"
            + " WHERE p.run_id = r.id) AS paid FROM flat_run r";

    private static List<Run> runs(Connection c, String periodId) throws SQLException {
        return Sql.list(c, RUN_SELECT + " WHERE r.period_id = ? ORDER BY r.version", FlatAllocations::run, periodId);
    }

    public Run run(long id) {
        return jdbc.tx(c -> run(c, id));
    }

    private static Run run(Connection c, long id) throws SQLException {
        return Sql.one(c, RUN_SELECT + " WHERE r.id = ?", FlatAllocations::run, id)
                .orElseThrow(() -> new UnknownEntityException("Lauf " + id + " der pauschalen Zuweisung ist unbekannt."));
    }

    private static Run run(ResultSet rs) throws SQLException {
        return new Run(rs.getLong("id"), rs.getString("period_id"), rs.getInt("version"), DistributionKind.valueOf(rs.getString("kind")),
                Money.ofCents(rs.getLong("amount_cents")), Sql.date(rs, "reference_date"), rs.getString("key_figure_type"), rs.getInt("bodies"),
                Sql.nullableLong(rs, "replaces_id"), Money.ofCents(rs.getLong("paid")), rs.getInt("payments"), rs.getString("created_by"),
                Sql.instant(rs, "created_at"));
    }

    public List<RunShare> shares(long runId) {
        return jdbc.tx(c -> {
            run(c, runId);
            return Sql.list(c, "SELECT * FROM flat_share WHERE run_id = ? ORDER BY body_key", rs -> new RunShare(rs.getString("body_key"),
                    rs.getLong("weight"), Money.ofCents(rs.getLong("amount_cents"))), runId);
        });
    }

    /** Payments of a period, of one body or all, in the order they were made. */
    public List<Payment> payments(String periodId, String bodyKey) {
        return jdbc.tx(c -> {
            BudgetServiceImpl.findPeriod(c, periodId, false);
            return bodyKey == null
                    ? Sql.list(c, "SELECT * FROM flat_payment WHERE period_id = ? ORDER BY id", FlatAllocations::payment, periodId)
                    : Sql.list(c, "SELECT * FROM flat_payment WHERE period_id = ? AND body_key = ? ORDER BY id", FlatAllocations::payment, periodId,
                    bodyKey);
        });
    }

    private static Payment payment(ResultSet rs) throws SQLException {
        PaymentKind kind = PaymentKind.valueOf(rs.getString("kind"));
        Money amount = Money.ofCents(rs.getLong("amount_cents"));
        return new Payment(rs.getLong("id"), rs.getLong("run_id"), rs.getString("period_id"), rs.getString("body_key"), kind, amount,
                kind == PaymentKind.REPAYMENT ? Money.ofCents(-amount.cents()) : amount, rs.getLong("weight"), Sql.date(rs, "reference_date"),
                Sql.instant(rs, "created_at"));
    }

    // ---- the payment schedule and the treasury files -----------------------------------------------------------

    /** Replaces the period's schedule: 1 to 12 instalments with ascending due dates whose percentages sum to 100. */
    public List<Instalment> setSchedule(String periodId, List<Instalment> schedule, String actor) {
        if (schedule == null || schedule.isEmpty() || schedule.size() > 12) {
            throw new InvalidInputException("Der Zahlungsplan hat 1 bis 12 Raten (number, dueDate, percent).");
        }
        int sum = 0;
        LocalDate previous = null;
        for (int i = 0; i < schedule.size(); i++) {
            Instalment r = schedule.get(i);
            if (r == null || r.number() != i + 1 || r.dueDate() == null || r.percent() < 1 || r.percent() > 100) {
                throw new InvalidInputException("Rate " + (i + 1) + ": number " + (i + 1) + ", ein Fälligkeitstag (dueDate) und 1 bis 100 Prozent (percent).");
            }
            if (previous != null && !r.dueDate().isAfter(previous)) {
                throw new InvalidInputException("Die Raten sind nach Fälligkeit geordnet: Rate " + r.number() + " ist nicht später als die vorige.");
            }
            previous = r.dueDate();
            sum += r.percent();
        }
        if (sum != 100) {
            throw new InvalidInputException("Die Raten ergeben zusammen 100 %, nicht " + sum + " %.");
        }
        return jdbc.tx(c -> {
            BudgetServiceImpl.findPeriod(c, periodId, true);
            List<Instalment> before = schedule(c, periodId);
            Sql.update(c, "DELETE FROM flat_instalment WHERE period_id = ?", periodId);
            for (Instalment r : schedule) {
                Sql.update(c, "INSERT INTO flat_instalment (period_id, number, due_date, percent) VALUES (?, ?, ?, ?)", periodId, r.number(),
                        r.dueDate(), r.percent());
            }
            audit.append(c, actor, "flat_schedule", periodId, "set", Json.write(before), Json.write(schedule));
            return schedule(c, periodId);
        });
    }

    public List<Instalment> schedule(String periodId) {
        return jdbc.tx(c -> {
            BudgetServiceImpl.findPeriod(c, periodId, false);
            return schedule(c, periodId);
        });
    }

    /** The schedule, or one instalment of 100 % on the period's first day if none is set. */
    private static List<Instalment> schedule(Connection c, String periodId) throws SQLException {
        List<Instalment> s = Sql.list(c, "SELECT * FROM flat_instalment WHERE period_id = ? ORDER BY number", rs -> new Instalment(rs.getInt("number"),
                Sql.date(rs, "due_date"), rs.getInt("percent")), periodId);
        return s.isEmpty() ? List.of(new Instalment(1, BudgetServiceImpl.findPeriod(c, periodId, false).start(), 100)) : s;
    }

    /**
     * Each payment's part in each instalment: its percentage rounded down, the last instalment taking the rest, so the
     * parts of a payment sum to it exactly.
     */
    static long[] parts(long amount, List<Instalment> schedule) {
        long[] parts = new long[schedule.size()];
        long given = 0;
        for (int i = 0; i < schedule.size(); i++) {
            parts[i] = i == schedule.size() - 1 ? amount - given : amount * schedule.get(i).percent() / 100;
            given += parts[i];
        }
        return parts;
    }

    /** One line of a treasury file: a body, its net amount in the instalment (negative: to be repaid), purpose, instalment. */
    public record TreasuryLine(String bodyKey, String name, Money amount, String purpose, int instalment) {
    }

    /** What the state treasury pays in an instalment, per body (net of top-ups and repayments of that instalment). */
    public List<TreasuryLine> treasury(String periodId, int instalment) {
        return jdbc.tx(c -> {
            BudgetServiceImpl.findPeriod(c, periodId, false);
            List<Instalment> schedule = schedule(c, periodId);
            if (instalment < 1 || instalment > schedule.size()) {
                throw new UnknownEntityException("Der Zahlungsplan des Zeitraums " + periodId + " hat " + schedule.size() + " Raten, nicht " + instalment + ".");
            }
            Map<String, Long> net = new TreeMap<>();
            for (Payment p : Sql.list(c, "SELECT * FROM flat_payment WHERE period_id = ? ORDER BY id", FlatAllocations::payment, periodId)) {
                long part = parts(p.amount().cents(), schedule)[instalment - 1];
                net.merge(p.bodyKey(), p.kind() == PaymentKind.REPAYMENT ? -part : part, Long::sum);
            }
            List<TreasuryLine> lines = new ArrayList<>();
            String purpose = "Pakt für Integration " + periodId + ", pauschale Zuweisung (Integrationslastenausgleich), Rate " + instalment + " von "
                    + schedule.size();
            for (Map.Entry<String, Long> e : net.entrySet()) {
                if (e.getValue() != 0) {
                    lines.add(new TreasuryLine(e.getKey(), registry.find(e.getKey()).map(de.paktwerk.core.api.Municipality::name).orElse(""),
                            Money.ofCents(e.getValue()), purpose, instalment));
                }
            }
            return lines;
        });
    }
}
