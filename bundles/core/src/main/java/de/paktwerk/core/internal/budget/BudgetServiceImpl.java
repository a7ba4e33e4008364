package de.paktwerk.core.internal.budget;

import de.paktwerk.core.api.db.Sql;
import de.paktwerk.core.api.Budget;
import de.paktwerk.core.api.BudgetService;
import de.paktwerk.core.api.ConflictException;
import de.paktwerk.core.api.FundingPeriod;
import de.paktwerk.core.api.InvalidInputException;
import de.paktwerk.core.api.Money;
import de.paktwerk.core.api.UnknownEntityException;
import de.paktwerk.core.api.AuditLog;
import de.paktwerk.core.internal.db.CoreDatabase;
import de.paktwerk.core.internal.db.Jdbc;
import de.paktwerk.core.internal.json.Json;
import de.paktwerk.core.internal.municipality.MunicipalityRegistryImpl;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Funding periods and budgets; the budgets of a period never exceed its envelope. */
@Component(service = BudgetService.class)
public class BudgetServiceImpl implements BudgetService {

    private final Jdbc jdbc;
    private final AuditLog audit;
    private final de.paktwerk.core.api.FundingAreas areas;

    @Activate
    public BudgetServiceImpl(@Reference CoreDatabase database, @Reference AuditLog audit,
                             @Reference de.paktwerk.core.api.FundingAreas areas) {
        this.jdbc = database.jdbc();
        this.audit = audit;
        this.areas = areas;
    }

    @Override
    public List<FundingPeriod> periods() {
        return jdbc.tx(c -> Sql.list(c, "SELECT * FROM funding_period ORDER BY first_year", BudgetServiceImpl::period));
    }

    @Override
    public FundingPeriod period(String periodId) {
        return jdbc.tx(c -> findPeriod(c, periodId, false));
    }

    @Override
    public FundingPeriod periodOf(de.paktwerk.core.api.Term term) {
        return jdbc.tx(c -> periodOf(c, term));
    }

    /** The period in which the term starts (where it is budgeted). */
    public static FundingPeriod periodOf(Connection c, de.paktwerk.core.api.Term term) throws SQLException {
        return Sql.one(c, "SELECT * FROM funding_period WHERE start_date <= ? AND end_date >= ? ORDER BY start_date FETCH FIRST 1 ROWS ONLY",
                BudgetServiceImpl::period, term.start(), term.start()).orElseThrow(() -> new UnknownEntityException(
                "Kein Förderzeitraum enthält den Beginn von " + term.label() + " (" + term.start() + ")."));
    }

    /** The period containing the day: where a draft without period and term is priced. */
    public static FundingPeriod periodOn(Connection c, java.time.LocalDate day) throws SQLException {
        return Sql.one(c, "SELECT * FROM funding_period WHERE start_date <= ? AND end_date >= ? ORDER BY start_date FETCH FIRST 1 ROWS ONLY",
                BudgetServiceImpl::period, day, day).orElseThrow(() -> new InvalidInputException("Kein Förderzeitraum enthält den "
                + day.format(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy")) + "; bitte den Förderzeitraum angeben.", "periodId"));
    }

    public static FundingPeriod findPeriod(Connection c, String periodId, boolean lock) throws SQLException {
        return Sql.one(c, "SELECT * FROM funding_period WHERE id = ?" + (lock ? " FOR UPDATE" : ""), BudgetServiceImpl::period, periodId)
                .orElseThrow(() -> new UnknownEntityException("Förderzeitraum '" + periodId + "' ist unbekannt."));
    }

    @Override
    public List<Budget> budgets(String periodId) {
        return jdbc.tx(c -> {
            findPeriod(c, periodId, false);
            return Sql.list(c, "SELECT * FROM budget WHERE period_id = ? ORDER BY area_id", BudgetServiceImpl::budget, periodId);
        });
    }

    @Override
    public Budget budget(String periodId, String areaId) {
        return jdbc.tx(c -> find(c, periodId, areaId)
                .orElseThrow(() -> new UnknownEntityException("Für '" + areaId + "' ist im Zeitraum " + periodId + " kein Budget festgelegt.")));
    }

    public static Optional<Budget> find(Connection c, String periodId, String areaId) throws SQLException {
        return Sql.one(c, "SELECT * FROM budget WHERE period_id = ? AND area_id = ?", BudgetServiceImpl::budget, periodId, areaId);
    }

    @Override
    public Budget setBudget(String periodId, String areaId, Money amount, String actor) {
        return setBudget(periodId, areaId, amount, true, actor);
    }

    @Override
    public Budget setBudget(String periodId, String areaId, Money amount, boolean capped, String actor) {
        MunicipalityRegistryImpl.checkArea(areaId);
        if (amount == null || amount.isNegative()) {
            throw new InvalidInputException("Das Budget muss ein Betrag von mindestens 0,00 € sein.");
        }
        areas.require(areaId); // a budget for an area no module provides (a typo) is refused
        return jdbc.tx(c -> {
            FundingPeriod period = findPeriod(c, periodId, true); // serialises budget changes of one period
            long others = Sql.count(c, "SELECT COALESCE(SUM(amount_cents), 0) FROM budget WHERE period_id = ? AND area_id <> ?", periodId, areaId);
            long flat = Sql.count(c, "SELECT flat_cents FROM funding_period WHERE id = ?", periodId);
            if (others + flat + amount.cents() > period.envelope().cents()) {
                throw new ConflictException("Die Budgets des Zeitraums " + periodId + " überschritten mit "
                        + amount.toGerman() + " den Gesamtrahmen von " + period.envelope().toGerman() + " (bereits vergeben: "
                        + Money.ofCents(others).toGerman() + (flat > 0 ? " an Förderbereiche und " + Money.ofCents(flat).toGerman()
                        + " als pauschale Zuweisung" : "") + ").");
            }
            Optional<Budget> before = find(c, periodId, areaId);
            // the period row keeps the sum of its budgets; its constraint refuses budgets and flat part above the envelope
            Sql.update(c, "UPDATE funding_period SET budgeted_cents = budgeted_cents + ? WHERE id = ?",
                    amount.cents() - before.map(b -> b.amount().cents()).orElse(0L), periodId);
            if (capped && before.isPresent() && before.get().committed().cents() > amount.cents()) {
                throw new ConflictException("Das Budget kann nicht unter die bereits bewilligte Summe von "
                        + before.get().committed().toGerman() + " gesenkt werden.");
            }
            if (before.isPresent()) {
                Sql.update(c, "UPDATE budget SET amount_cents = ?, capped = ? WHERE period_id = ? AND area_id = ?", amount.cents(), capped,
                        periodId, areaId);
            } else {
                Sql.update(c, "INSERT INTO budget (period_id, area_id, amount_cents, committed_cents, capped) VALUES (?, ?, ?, 0, ?)",
                        periodId, areaId, amount.cents(), capped);
            }
            Budget after = find(c, periodId, areaId).orElseThrow();
            audit.append(c, actor, "budget", periodId + "/" + areaId, "set", before.map(Json::write).orElse(null), Json.write(after));
            return after;
        });
    }

    static FundingPeriod period(ResultSet rs) throws SQLException {
        return new FundingPeriod(rs.getString("id"), rs.getInt("first_year"), rs.getInt("last_year"),
                Money.ofCents(rs.getLong("envelope_cents")), Sql.date(rs, "start_date"), Sql.date(rs, "end_date"));
    }

    static Budget budget(ResultSet rs) throws SQLException {
        return new Budget(rs.getString("period_id"), rs.getString("area_id"), Money.ofCents(rs.getLong("amount_cents")),
                Money.ofCents(rs.getLong("committed_cents")), rs.getBoolean("capped"));
    }
}
