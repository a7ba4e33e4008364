package de.paktwerk.im.internal;

import de.paktwerk.core.api.AuditLog;
import de.paktwerk.core.api.ConflictException;
import de.paktwerk.core.api.FundingAreas;
import de.paktwerk.core.api.InvalidInputException;
import de.paktwerk.core.api.Money;
import de.paktwerk.core.api.Municipality;
import de.paktwerk.core.api.MunicipalityKind;
import de.paktwerk.core.api.MunicipalityRegistry;
import de.paktwerk.core.api.Provider;
import de.paktwerk.core.api.SchemaMigrations;
import de.paktwerk.core.api.UnknownEntityException;
import de.paktwerk.core.api.db.Sql;
import de.paktwerk.core.api.db.Transactions;
import de.paktwerk.im.internal.Model.Case;
import de.paktwerk.im.internal.Model.CaseInput;
import de.paktwerk.im.internal.Model.Goal;
import de.paktwerk.im.internal.Model.Measure;
import de.paktwerk.im.internal.Model.OverdueReview;
import de.paktwerk.im.internal.Model.Plan;
import de.paktwerk.im.internal.Model.PlanInput;
import de.paktwerk.im.internal.Model.Position;
import de.paktwerk.im.internal.Model.PositionInput;
import de.paktwerk.im.internal.Model.Pricing;
import de.paktwerk.im.internal.Model.Report;
import de.paktwerk.im.internal.Model.Review;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The module's tables: positions, pseudonymised cases, integration plans and reviews. Migrated by the
 * module itself when it starts; every change is audited in the same transaction, with pseudonymous ids only.
 */
@Component(service = ImStore.class)
public class ImStore {

    static final String CHANGELOG = "db/integration-management/changelog.sql";
    private static final Pattern CASE_ID = Pattern.compile("[A-Za-z0-9-]{3,40}");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2,3}");
    private static final Pattern AREA_ID = Pattern.compile("[a-z][a-z0-9-]{1,63}");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private final java.time.Clock clock;

    private final Transactions tx;
    private final AuditLog audit;
    private final MunicipalityRegistry registry;
    private final ImRules rules;
    private final FundingAreas areas;

    @Activate
    public ImStore(@Reference Transactions tx, @Reference AuditLog audit, @Reference MunicipalityRegistry registry,
                   @Reference SchemaMigrations migrations, @Reference ImRules rules, @Reference FundingAreas areas,
                   @Reference java.time.Clock clock) {
        this.clock = clock;
        migrations.migrate(CHANGELOG, ImStore.class.getClassLoader());
        this.tx = tx;
        this.audit = audit;
        this.registry = registry;
        this.rules = rules;
        this.areas = areas;
    }

    /** Today in Berlin by the platform's clock (tests and demonstrations may fix it: de.paktwerk.clock). */
    LocalDate today() {
        return LocalDate.now(clock.withZone(BERLIN));
    }

    // ---- positions ---------------------------------------------------------------------------------

    /** Validates a position and prices it over its funded window; nothing is stored. */
    public Position check(PositionInput in) {
        if (in == null) {
            throw new InvalidInputException("Angaben zur Stelle fehlen.");
        }
        Municipality body = registry.get(in.responsibleKey());
        String responsible = registry.responsibleBody(body.key(), ImRules.AREA);
        if (!responsible.equals(body.key())) {
            throw new ConflictException(body.name() + " hat das Integrationsmanagement an den Landkreis (" + responsible + ") übertragen.");
        }
        if (in.providerId() != null) {
            Provider p = registry.provider(in.providerId())
                    .orElseThrow(() -> new InvalidInputException("Träger " + in.providerId() + " ist unbekannt.", "providerId"));
            if (!p.responsibleKey().equals(body.key())) {
                throw new InvalidInputException("Träger " + p.name() + " ist nicht für " + body.name() + " eingetragen.");
            }
        }
        if (in.managerName() == null || in.managerName().isBlank() || in.managerName().length() > 200) {
            throw new InvalidInputException("Name der Integrationsmanagerin bzw. des Integrationsmanagers fehlt oder ist zu lang.", "managerName");
        }
        int fte = Rules.fte(in.fte());
        Rules.checkQualification(in.qualification(), in.experience());
        if (in.hireDate() == null || in.hireDate().getYear() < 2015 || in.hireDate().getYear() > 2040) {
            throw new InvalidInputException("Das Einstellungsdatum (hireDate) fehlt oder ist unplausibel.", "hireDate");
        }
        Rules r = rules.get();
        return new Position(0, body.key(), in.providerId(), in.managerName().trim(), fteText(fte), in.qualification(),
                blankToNull(in.experience()), in.hireDate(), r.fundedUntil(in.hireDate()), r.price(in.qualification(), fte));
    }

    public Pricing price(List<PositionInput> positions) {
        if (positions == null || positions.isEmpty()) {
            throw new InvalidInputException("Mindestens eine Stelle ist anzugeben (positions).");
        }
        if (positions.size() > 500) {
            throw new InvalidInputException("Höchstens 500 Stellen je Antrag.");
        }
        List<Position> checked = new java.util.ArrayList<>();
        for (int i = 0; i < positions.size(); i++) {
            try {
                checked.add(check(positions.get(i)));
            } catch (InvalidInputException e) {
                throw e.inside("positions[" + i + "]"); // a form shows the detail next to the field
            }
        }
        Money total = checked.stream().map(Position::funding).reduce(Money.ZERO, Money::plus);
        return new Pricing(checked, total);
    }

    public Position createPosition(PositionInput in, String actor) {
        Position p = check(in);
        return tx.inTransaction(c -> {
            long id = Sql.insert(c, "INSERT INTO im_position (responsible_key, provider_id, manager_name, fte_hundredths, qualification,"
                            + " experience, hire_date, funded_until, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    p.responsibleKey(), p.providerId(), p.managerName(), Rules.fte(p.fte()), p.qualification(), p.experience(),
                    p.hireDate(), p.fundedUntil(), now());
            audit.append(c, actor, "im_position", String.valueOf(id), "create", null, json(Map.of("responsibleKey", p.responsibleKey(),
                    "fte", p.fte(), "qualification", String.valueOf(p.qualification()))));
            return position(c, id);
        });
    }

    public List<Position> positions(String responsibleKey) {
        return tx.inTransaction(c -> Sql.list(c, "SELECT * FROM im_position" + (responsibleKey == null ? "" : " WHERE responsible_key = ?")
                + " ORDER BY id", this::mapPosition, responsibleKey == null ? new Object[0] : new Object[] {responsibleKey}));
    }

    public Position position(long id) {
        return tx.inTransaction(c -> position(c, id));
    }

    private Position position(Connection c, long id) throws SQLException {
        return Sql.one(c, "SELECT * FROM im_position WHERE id = ?", this::mapPosition, id)
                .orElseThrow(() -> new UnknownEntityException("Stelle " + id + " ist unbekannt."));
    }

    private Position mapPosition(ResultSet rs) throws SQLException {
        Qualification q = Qualification.valueOf(rs.getString("qualification"));
        int fte = rs.getInt("fte_hundredths");
        return new Position(rs.getLong("id"), rs.getString("responsible_key"), Sql.nullableLong(rs, "provider_id"),
                rs.getString("manager_name"), fteText(fte), q, rs.getString("experience"), Sql.date(rs, "hire_date"),
                Sql.date(rs, "funded_until"), rules.get().price(q, fte));
    }

    static String fteText(int hundredths) {
        return BigDecimal.valueOf(hundredths, 2).toPlainString();
    }

    // ---- cases -------------------------------------------------------------------------------------

    public Case createCase(CaseInput in, String actor) {
        if (in == null) {
            throw new InvalidInputException("Angaben zum Fall fehlen.");
        }
        if (in.id() == null || !CASE_ID.matcher(in.id()).matches()) {
            throw new InvalidInputException("Die Fallkennung muss 3 bis 40 Zeichen aus Buchstaben, Ziffern und '-' haben (ein Pseudonym, kein Name).", "id");
        }
        Municipality m = registry.get(in.municipalityKey());
        if (m.kind() == MunicipalityKind.LANDKREIS) {
            throw new InvalidInputException("Ein Fall gehört zu der Gemeinde der Anschlussunterbringung, nicht zum " + m.name() + ".", "municipalityKey");
        }
        LocalDate today = today();
        if (in.birthYear() < 1900 || in.birthYear() > today.getYear()) {
            throw new InvalidInputException("Geburtsjahr " + in.birthYear() + " ist unplausibel.", "birthYear");
        }
        if (in.country() == null || !COUNTRY.matcher(in.country()).matches()) {
            throw new InvalidInputException("Herkunftsland als ISO-Code aus zwei oder drei Großbuchstaben angeben (z. B. SYR).", "country");
        }
        if (in.householdSize() < 1 || in.householdSize() > 30) {
            throw new InvalidInputException("Haushaltsgröße muss zwischen 1 und 30 liegen.", "householdSize");
        }
        if (in.arrivalDate() == null || in.arrivalDate().isAfter(today) || in.arrivalDate().getYear() < 1990) {
            throw new InvalidInputException("Das Ankunftsdatum fehlt oder ist unplausibel.", "arrivalDate");
        }
        LocalDate start = in.counsellingStart() == null ? today : in.counsellingStart();
        if (start.isBefore(in.arrivalDate())) {
            throw new InvalidInputException("Die Beratung kann nicht vor der Ankunft beginnen.", "counsellingStart");
        }
        return tx.inTransaction(c -> {
            Position p = position(c, in.positionId());
            String responsible = registry.responsibleBody(m.key(), ImRules.AREA);
            if (!responsible.equals(p.responsibleKey())) {
                throw new InvalidInputException(m.name() + " gehört nicht zum Gebiet der Stelle " + p.id() + " (" + p.responsibleKey()
                        + "); zuständig für " + m.name() + " ist " + responsible + ".", "municipalityKey");
            }
            if (Sql.count(c, "SELECT COUNT(*) FROM im_case WHERE id = ?", in.id()) > 0) {
                throw new ConflictException("Fall " + in.id() + " gibt es bereits.");
            }
            Sql.update(c, "INSERT INTO im_case (id, municipality_key, position_id, birth_year, country, household_size, arrival_date,"
                            + " counselling_start, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    in.id(), m.key(), in.positionId(), in.birthYear(), in.country(), in.householdSize(), in.arrivalDate(), start, now());
            audit.append(c, actor, "im_case", in.id(), "create", null, null);
            return findCase(c, in.id());
        });
    }

    /** The position whose caseload a case belongs to, without reading (or auditing) the case itself. */
    public Optional<Long> positionOfCase(String id) {
        return tx.inTransaction(c -> Sql.one(c, "SELECT position_id FROM im_case WHERE id = ?", rs -> rs.getLong(1), id));
    }

    /** Reads a case; the read is audited, with the reason if the caller gave one. */
    public Case getCase(String id, String actor, String reason) {
        return tx.inTransaction(c -> {
            Case found = findCase(c, id);
            audit.append(c, actor, "im_case", id, "read", null, accessReason(c, id, actor, reason));
            return found;
        });
    }

    /** An audit record built by the JSON library, keys sorted. */
    static String json(Map<String, ?> fields) {
        try {
            return IntegrationManagementArea.PAYLOAD.writeValueAsString(new java.util.TreeMap<>(fields));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Keeps the reason of a read with the case (deleted with it); the audit chain learns only that a reason was
     * given. Returns the audit record.
     */
    private String accessReason(Connection c, String caseId, String actor, String reason) throws SQLException {
        if (reason == null) {
            return null;
        }
        if (reason.length() > 500) {
            throw new InvalidInputException("Der Grund ist länger als 500 Zeichen.");
        }
        Sql.insert(c, "INSERT INTO im_access_reason (case_id, actor, at, reason) VALUES (?, ?, ?, ?)", caseId, actor, now(), reason);
        return json(Map.of("reason", reason));
    }

    public List<Case> cases(String municipalityKey, Long positionId) {
        return cases(municipalityKey, positionId == null ? null : java.util.Set.of(positionId));
    }

    /** Cases as {@link #cases(String, java.util.Set)}, each one listed audited like a single read. */
    public List<Case> listCases(String municipalityKey, java.util.Set<Long> positionIds, String actor) {
        List<Case> found = cases(municipalityKey, positionIds);
        if (!found.isEmpty()) {
            tx.inTransaction(c -> {
                for (Case k : found) {
                    audit.append(c, actor, "im_case", k.id(), "list", null, null);
                }
                return null;
            });
        }
        return found;
    }

    /** Whether the position exists. */
    public boolean positionExists(long id) {
        return tx.inTransaction(c -> Sql.count(c, "SELECT COUNT(*) FROM im_position WHERE id = ?", id) > 0);
    }

    /** Cases, optionally of one municipality and of some positions only. */
    public List<Case> cases(String municipalityKey, java.util.Set<Long> positionIds) {
        StringBuilder sql = new StringBuilder("SELECT * FROM im_case WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (municipalityKey != null) {
            sql.append(" AND municipality_key = ?");
            params.add(municipalityKey);
        }
        if (positionIds != null) {
            if (positionIds.isEmpty()) {
                return List.of();
            }
            sql.append(" AND position_id IN (").append(String.join(",", java.util.Collections.nCopies(positionIds.size(), "?"))).append(")");
            params.addAll(positionIds);
        }
        return tx.inTransaction(c -> Sql.list(c, sql + " ORDER BY id", this::mapCase, params.toArray()));
    }

    public Case extend(String id, String reason, String actor) {
        if (reason == null || reason.isBlank() || reason.length() > 2000) {
            throw new InvalidInputException("Für die Verlängerung auf vier Jahre ist ein Grund anzugeben (höchstens 2000 Zeichen).");
        }
        return tx.inTransaction(c -> {
            Case before = findCase(c, id);
            if (before.counsellingEnd() != null) {
                throw new ConflictException("Die Beratung von Fall " + id + " ist bereits beendet.");
            }
            Sql.update(c, "UPDATE im_case SET extension_reason = ? WHERE id = ?", reason.trim(), id);
            audit.append(c, actor, "im_case", id, "extend", null, null);
            return findCase(c, id);
        });
    }

    public Case close(String id, LocalDate end, String actor) {
        if (end == null) {
            throw new InvalidInputException("Das Ende der Beratung (end) fehlt.");
        }
        return tx.inTransaction(c -> {
            Case before = findCase(c, id);
            if (before.counsellingEnd() != null) {
                throw new ConflictException("Die Beratung von Fall " + id + " ist bereits beendet.");
            }
            rules.get().checkCounsellingEnd(before.counsellingStart(), end, before.extensionReason());
            Sql.update(c, "UPDATE im_case SET counselling_end = ? WHERE id = ?", end, id);
            audit.append(c, actor, "im_case", id, "close", null, null);
            return findCase(c, id);
        });
    }

    private Case findCase(Connection c, String id) throws SQLException {
        return Sql.one(c, "SELECT * FROM im_case WHERE id = ?", this::mapCase, id)
                .orElseThrow(() -> new UnknownEntityException("Fall " + id + " ist unbekannt."));
    }

    private Case mapCase(ResultSet rs) throws SQLException {
        LocalDate start = Sql.date(rs, "counselling_start");
        String reason = rs.getString("extension_reason");
        return new Case(rs.getString("id"), rs.getString("municipality_key"), rs.getLong("position_id"), rs.getInt("birth_year"),
                rs.getString("country"), rs.getInt("household_size"), Sql.date(rs, "arrival_date"), start,
                Sql.date(rs, "counselling_end"), reason, rules.get().latestCounsellingEnd(start, reason != null));
    }

    /**
     * Deletes every case whose counselling ended more than the retention period ago, with its plan, goals,
     * measures and reviews. The audit chain keeps its entries: they hold only the pseudonymous case id.
     *
     * @return the ids of the deleted cases
     */
    public List<String> purgeExpired(LocalDate today, String actor) {
        LocalDate before = rules.get().deleteEndedBefore(today);
        return tx.inTransaction(c -> {
            List<String> ids = new ArrayList<>(Sql.list(c, "SELECT id FROM im_case WHERE counselling_end IS NOT NULL AND counselling_end < ?"
                    + " ORDER BY id", rs -> rs.getString(1), before));
            // a case never closed is deleted after its latest possible end plus the retention period
            for (Case open : Sql.list(c, "SELECT * FROM im_case WHERE counselling_end IS NULL ORDER BY id", this::mapCase)) {
                if (open.latestEnd().isBefore(before)) {
                    ids.add(open.id());
                }
            }
            java.util.Collections.sort(ids);
            for (String id : ids) {
                Sql.update(c, "DELETE FROM im_access_reason WHERE case_id = ?", id);
                Sql.update(c, "DELETE FROM im_measure WHERE goal_id IN (SELECT id FROM im_goal WHERE case_id = ?)", id);
                Sql.update(c, "DELETE FROM im_goal WHERE case_id = ?", id);
                Sql.update(c, "DELETE FROM im_review WHERE case_id = ?", id);
                Sql.update(c, "DELETE FROM im_plan WHERE case_id = ?", id);
                Sql.update(c, "DELETE FROM im_case WHERE id = ?", id);
                audit.append(c, actor, "im_case", id, "delete", null, null);
            }
            return ids;
        });
    }

    // ---- plans -------------------------------------------------------------------------------------

    public Plan putPlan(String caseId, PlanInput in, String actor) {
        if (in == null || in.agreedOn() == null) {
            throw new InvalidInputException("Das Datum der Zustimmung fehlt.", "agreedOn");
        }
        if (in.agreedOn().isAfter(today())) {
            throw new InvalidInputException("Das Datum der Zustimmung liegt in der Zukunft.", "agreedOn");
        }
        rules.get().checkReviewInterval(in.reviewIntervalMonths());
        if (in.goals() == null || in.goals().isEmpty() || in.goals().size() > 50) {
            throw new InvalidInputException("Ein Integrationsplan hat 1 bis 50 Ziele.", "goals");
        }
        for (Goal g : in.goals()) {
            checkGoal(g);
            for (Measure m : g.measures() == null ? List.<Measure>of() : g.measures()) {
                // a measure may point at an item of another funding area only while that area's module runs
                if (m.referenceArea() != null && areas.find(m.referenceArea()).isEmpty()) {
                    throw new ConflictException("Der Förderbereich '" + m.referenceArea() + "' ist nicht installiert;"
                            + " eine Maßnahme kann erst auf ihn verweisen, wenn sein Modul läuft.");
                }
            }
        }
        return tx.inTransaction(c -> {
            Case found = findCase(c, caseId);
            if (in.agreedOn().isBefore(found.arrivalDate())) {
                throw new InvalidInputException("Das Datum der Zustimmung liegt vor der Ankunft.", "agreedOn");
            }
            boolean exists = Sql.count(c, "SELECT COUNT(*) FROM im_plan WHERE case_id = ?", caseId) > 0;
            if (exists) {
                Sql.update(c, "DELETE FROM im_measure WHERE goal_id IN (SELECT id FROM im_goal WHERE case_id = ?)", caseId);
                Sql.update(c, "DELETE FROM im_goal WHERE case_id = ?", caseId);
                Sql.update(c, "UPDATE im_plan SET agreed_on = ?, review_interval_months = ?, updated_at = ? WHERE case_id = ?",
                        in.agreedOn(), in.reviewIntervalMonths(), now(), caseId);
            } else {
                Sql.update(c, "INSERT INTO im_plan (case_id, agreed_on, review_interval_months, updated_at) VALUES (?, ?, ?, ?)",
                        caseId, in.agreedOn(), in.reviewIntervalMonths(), now());
            }
            for (Goal g : in.goals()) {
                long goalId = Sql.insert(c, "INSERT INTO im_goal (case_id, life_area, description, outcome) VALUES (?, ?, ?, ?)",
                        caseId, g.lifeArea(), g.description().trim(), g.outcome());
                for (Measure m : g.measures() == null ? List.<Measure>of() : g.measures()) {
                    Sql.insert(c, "INSERT INTO im_measure (goal_id, description, actor, reference_area, reference_id) VALUES (?, ?, ?, ?, ?)",
                            goalId, m.description().trim(), m.actor(), m.referenceArea(), m.referenceId());
                }
            }
            audit.append(c, actor, "im_plan", caseId, exists ? "update" : "create", null, null);
            return plan(c, caseId);
        });
    }

    private static void checkGoal(Goal g) {
        if (g == null || g.lifeArea() == null) {
            throw new InvalidInputException("Jedes Ziel braucht einen Lebensbereich (lifeArea: LANGUAGE, EDUCATION, WORK, HOUSING, HEALTH, SOCIAL).");
        }
        text(g.description(), "Zielbeschreibung");
        if (g.measures() != null) {
            if (g.measures().size() > 50) {
                throw new InvalidInputException("Höchstens 50 Maßnahmen je Ziel.");
            }
            for (Measure m : g.measures()) {
                if (m == null || m.actor() == null) {
                    throw new InvalidInputException("Jede Maßnahme braucht einen verantwortlichen Akteur (actor).");
                }
                text(m.description(), "Maßnahmenbeschreibung");
                boolean area = m.referenceArea() != null;
                boolean id = m.referenceId() != null;
                if (area != id) {
                    throw new InvalidInputException("Ein Verweis auf einen anderen Förderbereich braucht referenceArea und referenceId.");
                }
                if (area && (!AREA_ID.matcher(m.referenceArea()).matches() || m.referenceId().isBlank() || m.referenceId().length() > 100)) {
                    throw new InvalidInputException("Der Verweis auf '" + m.referenceArea() + "' ist ungültig.");
                }
            }
        }
    }

    private static void text(String s, String what) {
        if (s == null || s.isBlank() || s.length() > 2000) {
            throw new InvalidInputException(what + " fehlt oder ist länger als 2000 Zeichen.");
        }
    }

    /** Reads a plan; every read is audited (who, when, which case, and why if the caller said so). */
    public Plan getPlan(String caseId, String actor, String reason) {
        return tx.inTransaction(c -> {
            Plan p = plan(c, caseId);
            audit.append(c, actor, "im_plan", caseId, "read", null, accessReason(c, caseId, actor, reason));
            return p;
        });
    }

    public Plan addReview(String caseId, Review review, String actor) {
        if (review == null || review.date() == null || review.outcome() == null) {
            throw new InvalidInputException("Eine Überprüfung braucht Datum (date) und Ergebnis (outcome).");
        }
        if (review.date().isAfter(today())) {
            throw new InvalidInputException("Eine Überprüfung kann nicht in der Zukunft liegen.");
        }
        if (review.note() != null && review.note().length() > 2000) {
            throw new InvalidInputException("Die Notiz ist länger als 2000 Zeichen.");
        }
        return tx.inTransaction(c -> {
            Plan p = plan(c, caseId);
            if (review.date().isBefore(p.agreedOn())) {
                throw new InvalidInputException("Die Überprüfung liegt vor der Zustimmung zum Plan.");
            }
            Sql.insert(c, "INSERT INTO im_review (case_id, review_date, outcome, note) VALUES (?, ?, ?, ?)",
                    caseId, review.date(), review.outcome(), review.note());
            audit.append(c, actor, "im_plan", caseId, "review", null, null);
            return plan(c, caseId);
        });
    }

    private Plan plan(Connection c, String caseId) throws SQLException {
        findCase(c, caseId);
        record Head(LocalDate agreedOn, int interval) {
        }
        Head head = Sql.one(c, "SELECT agreed_on, review_interval_months FROM im_plan WHERE case_id = ?",
                rs -> new Head(Sql.date(rs, "agreed_on"), rs.getInt(2)), caseId)
                .orElseThrow(() -> new UnknownEntityException("Für Fall " + caseId + " gibt es noch keinen Integrationsplan."));
        Map<Long, List<Measure>> measures = new TreeMap<>();
        Sql.list(c, "SELECT m.* FROM im_measure m JOIN im_goal g ON g.id = m.goal_id WHERE g.case_id = ? ORDER BY m.id",
                rs -> measures.computeIfAbsent(rs.getLong("goal_id"), k -> new ArrayList<>()).add(new Measure(rs.getString("description"),
                        Actor.valueOf(rs.getString("actor")), rs.getString("reference_area"), rs.getString("reference_id"))), caseId);
        List<Goal> goals = Sql.list(c, "SELECT * FROM im_goal WHERE case_id = ? ORDER BY id", rs -> new Goal(
                LifeArea.valueOf(rs.getString("life_area")), rs.getString("description"),
                rs.getString("outcome") == null ? null : Outcome.valueOf(rs.getString("outcome")),
                measures.getOrDefault(rs.getLong("id"), List.of())), caseId);
        List<Review> reviews = Sql.list(c, "SELECT * FROM im_review WHERE case_id = ? ORDER BY review_date, id", rs -> new Review(
                Sql.date(rs, "review_date"), Outcome.valueOf(rs.getString("outcome")), rs.getString("note")), caseId);
        LocalDate last = reviews.isEmpty() ? null : reviews.get(reviews.size() - 1).date();
        return new Plan(caseId, head.agreedOn(), head.interval(), goals, reviews, Rules.nextReview(head.agreedOn(), head.interval(), last));
    }

    /** Plans whose review is overdue today, optionally of one municipality or one position (manager). */
    public List<OverdueReview> overdue(String municipalityKey, Long positionId) {
        LocalDate today = today();
        StringBuilder sql = new StringBuilder("SELECT p.case_id, p.agreed_on, p.review_interval_months, c.municipality_key, c.position_id,"
                + " s.manager_name, (SELECT MAX(r.review_date) FROM im_review r WHERE r.case_id = p.case_id) AS last_review"
                + " FROM im_plan p JOIN im_case c ON c.id = p.case_id JOIN im_position s ON s.id = c.position_id"
                + " WHERE c.counselling_end IS NULL");
        List<Object> params = new ArrayList<>();
        if (municipalityKey != null) {
            sql.append(" AND c.municipality_key = ?");
            params.add(municipalityKey);
        }
        if (positionId != null) {
            sql.append(" AND c.position_id = ?");
            params.add(positionId);
        }
        sql.append(" ORDER BY p.case_id");
        List<OverdueReview> out = new ArrayList<>();
        tx.inTransaction(c -> Sql.list(c, sql.toString(), rs -> {
            LocalDate agreed = Sql.date(rs, "agreed_on");
            int interval = rs.getInt("review_interval_months");
            LocalDate last = Sql.date(rs, "last_review");
            if (Rules.overdue(agreed, interval, last, today)) {
                out.add(new OverdueReview(rs.getString("case_id"), rs.getString("municipality_key"), rs.getLong("position_id"),
                        rs.getString("manager_name"), Rules.nextReview(agreed, interval, last)));
            }
            return null;
        }, params.toArray()));
        return out;
    }

    // ---- reports -----------------------------------------------------------------------------------

    /** Pseudonymised report of one municipality; groups smaller than the configured minimum are suppressed. */
    public Report report(String municipalityKey) {
        registry.get(municipalityKey);
        int min = rules.get().minReportGroup();
        List<Case> cases = cases(municipalityKey, (Long) null);
        if (cases.size() < min) {
            return new Report(municipalityKey, cases.isEmpty() ? 0 : null, null, null, null, null, Map.of(), true);
        }
        return tx.inTransaction(c -> {
            long fteHundredths = Sql.count(c, "SELECT COALESCE(SUM(fte_hundredths), 0) FROM im_position WHERE id IN"
                    + " (SELECT DISTINCT position_id FROM im_case WHERE municipality_key = ?)", municipalityKey);
            long plans = Sql.count(c, "SELECT COUNT(*) FROM im_plan p JOIN im_case k ON k.id = p.case_id WHERE k.municipality_key = ?",
                    municipalityKey);
            int overdue = overdue(municipalityKey, null).size();
            Map<String, Map<String, Integer>> outcomes = new LinkedHashMap<>();
            Sql.list(c, "SELECT g.life_area, COALESCE(g.outcome, 'OPEN') AS o, COUNT(*) AS n FROM im_goal g JOIN im_case k ON k.id = g.case_id"
                    + " WHERE k.municipality_key = ? GROUP BY g.life_area, COALESCE(g.outcome, 'OPEN') ORDER BY 1, 2", rs -> {
                        int n = rs.getInt("n");
                        if (n >= min) {
                            outcomes.computeIfAbsent(rs.getString(1), k -> new TreeMap<>()).put(rs.getString("o"), n);
                        }
                        return null;
                    }, municipalityKey);
            String fte = fteText((int) fteHundredths);
            String perFte = fteHundredths == 0 ? null : BigDecimal.valueOf(cases.size() * 100L)
                    .divide(BigDecimal.valueOf(fteHundredths), 1, RoundingMode.HALF_UP).toPlainString();
            double plansPerCase = BigDecimal.valueOf(plans).divide(BigDecimal.valueOf(cases.size()), 2, RoundingMode.HALF_UP).doubleValue();
            return new Report(municipalityKey, cases.size(), fte, perFte, plansPerCase, overdue >= min || overdue == 0 ? overdue : null,
                    outcomes, false);
        });
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
