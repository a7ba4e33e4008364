package de.paktwerk.civicengagement.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import de.paktwerk.core.api.Application;
import de.paktwerk.core.api.ApplicationService;
import de.paktwerk.core.api.ApplicationState;
import de.paktwerk.core.api.AuditLog;
import de.paktwerk.core.api.ConflictException;
import de.paktwerk.core.api.Decision;
import de.paktwerk.core.api.DecisionRequest;
import de.paktwerk.core.api.InvalidInputException;
import de.paktwerk.core.api.Money;
import de.paktwerk.core.api.Page;
import de.paktwerk.core.api.ProblemType;
import de.paktwerk.core.api.SchemaMigrations;
import de.paktwerk.core.api.UnknownEntityException;
import de.paktwerk.core.api.db.Sql;
import de.paktwerk.core.api.db.Transactions;
import de.paktwerk.core.api.spi.Payloads;
import de.paktwerk.civicengagement.internal.Model.Actuals;
import de.paktwerk.civicengagement.internal.Model.Call;
import de.paktwerk.civicengagement.internal.Model.Dialogue;
import de.paktwerk.civicengagement.internal.Model.Eligible;
import de.paktwerk.civicengagement.internal.Model.Kind;
import de.paktwerk.civicengagement.internal.Model.Payload;
import de.paktwerk.civicengagement.internal.Model.Ranked;
import de.paktwerk.civicengagement.internal.Model.StrategyStatus;
import de.paktwerk.civicengagement.internal.Model.SubGrant;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The module's tables: calls, jury scores, ranking runs, grants in force with their dialogues (events, strategies)
 * and sub-grants, settled proofs. Applications themselves stay in the core; the module reads them through
 * {@link ApplicationService}. Every change is audited in the same transaction, without personal data.
 */
@Component(service = CeStore.class)
public class CeStore {

    static final String CHANGELOG = "db/civic-engagement/changelog.sql";
    static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private final Transactions tx;
    private final AuditLog audit;
    private final CeRules rules;
    private final Clock clock;
    private final ApplicationService applications;

    @Activate
    public CeStore(@Reference Transactions tx, @Reference AuditLog audit, @Reference SchemaMigrations migrations, @Reference CeRules rules,
                   @Reference Clock clock, @Reference ApplicationService applications) {
        migrations.migrate(CHANGELOG, CeStore.class.getClassLoader());
        this.tx = tx;
        this.audit = audit;
        this.rules = rules;
        this.clock = clock;
        this.applications = applications;
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(BERLIN));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    // ---- payloads ---------------------------------------------------------------------------------------

    public static Payload payload(JsonNode node) {
        if (node == null || node.isNull() || !node.isObject()) {
            throw new InvalidInputException("Der Antrag braucht als payload den Aufruf und das Vorhaben: {\"callId\": …, \"kind\": …, …}.");
        }
        return Payloads.read(node, Payload.class, "Die Antragsangaben", "payload");
    }

    static Actuals actuals(JsonNode node) {
        if (node == null || node.isNull() || !node.isObject()) {
            throw new InvalidInputException("Der Verwendungsnachweis braucht Sachbericht und zahlenmäßigen Nachweis (actuals.report, actuals.totalCosts, …).");
        }
        return Payloads.read(node, Actuals.class, "Die Angaben des Verwendungsnachweises", "actuals");
    }

    // ---- calls -------------------------------------------------------------------------------------------

    public Call createCall(Model.CallInput in, String actor) {
        Call c = rules.get().call(in, now());
        return tx.inTransaction(con -> {
            long id = Sql.insert(con, "INSERT INTO ce_call (title, budget_cents, deadline, eligible, kinds, grant_min_cents, grant_max_cents,"
                            + " min_own_share, max_personnel_share, term_start, term_end, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    c.title(), c.budget().cents(), c.deadline(), join(c.eligible()), join(c.kinds()), c.grantMin().cents(), c.grantMax().cents(),
                    c.minOwnSharePercent(), c.maxPersonnelSharePercent(), c.termStart(), c.termEnd(), actor, c.createdAt());
            audit.append(con, actor, "ce_call", String.valueOf(id), "create", null, json("budget", c.budget().toString(), "deadline",
                    c.deadline().toString()));
            return call(con, id, false);
        });
    }

    private static String join(List<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }

    public List<Call> calls() {
        return tx.inTransaction(c -> Sql.list(c, "SELECT * FROM ce_call ORDER BY id", CeStore::call));
    }

    public Call call(long id) {
        return tx.inTransaction(c -> call(c, id, false));
    }

    /** The call; with {@code lock} its row is locked to the end of the transaction (applications and decisions in it queue). */
    static Call call(Connection c, long id, boolean lock) throws SQLException {
        return Sql.one(c, "SELECT * FROM ce_call WHERE id = ?" + (lock ? " FOR UPDATE" : ""), CeStore::call, id)
                .orElseThrow(() -> new UnknownEntityException("Aufruf " + id + " ist unbekannt."));
    }

    private static Call call(ResultSet rs) throws SQLException {
        List<Eligible> eligible = Arrays.stream(rs.getString("eligible").split(",")).map(Eligible::valueOf).sorted().toList();
        List<Kind> kinds = Arrays.stream(rs.getString("kinds").split(",")).map(Kind::valueOf).sorted().toList();
        return new Call(rs.getLong("id"), rs.getString("title"), Money.ofCents(rs.getLong("budget_cents")), Sql.date(rs, "deadline"), eligible, kinds,
                Money.ofCents(rs.getLong("grant_min_cents")), Money.ofCents(rs.getLong("grant_max_cents")), rs.getInt("min_own_share"),
                rs.getInt("max_personnel_share"), rs.getObject("term_start") == null ? null : Sql.date(rs, "term_start"),
                rs.getObject("term_end") == null ? null : Sql.date(rs, "term_end"), Sql.instant(rs, "created_at"));
    }

    // ---- applications of a call (read from the core) ---------------------------------------------------------

    /** Every application of the area in the call, any state, in the order they were made. */
    public List<Application> inCall(long callId) {
        List<Application> result = new ArrayList<>();
        int offset = 0;
        Page<Application> page;
        do {
            page = applications.list(null, CeRules.AREA, null, offset, 500);
            for (Application app : page.items()) {
                JsonNode id = app.payload() == null ? null : app.payload().get("callId");
                if (id != null && id.canConvertToLong() && id.asLong() == callId) {
                    result.add(app);
                }
            }
            offset += 500;
        } while (offset < page.total());
        result.sort((a, b) -> Long.compare(a.id(), b.id()));
        return result;
    }

    private static boolean live(Application app) {
        return app.state() != ApplicationState.REJECTED && app.state() != ApplicationState.WITHDRAWN && app.state() != ApplicationState.DRAFT;
    }

    /** What pricing needs; inside an application's creation the call row is locked, so concurrent applications count each other. */
    public Rules.Facts facts(String applicantKey, de.paktwerk.core.api.ApplicantKind kind, de.paktwerk.core.api.Provider provider, long population,
                             long callId, LocalDate asOf) {
        return tx.inTransaction(c -> {
            Call call = call(c, callId, true);
            List<String> dialogues = new ArrayList<>();
            for (Application app : inCall(callId)) {
                if (app.applicantKey().equals(applicantKey) && app.state() != ApplicationState.REJECTED && app.state() != ApplicationState.WITHDRAWN) {
                    Payload p = payload(app.payload());
                    if (p.kind() == Kind.DIALOGUE && p.dialogues() != null) {
                        p.dialogues().forEach(d -> dialogues.add(d.socialSpace()));
                    }
                }
            }
            return new Rules.Facts(asOf, call, kind, provider == null ? null : provider.kind(), population, dialogues);
        });
    }

    /** Approved (or waiting for a second approver) in the call, except one application. */
    Money committed(List<Application> inCall, long except) {
        Money sum = Money.ZERO;
        for (Application app : inCall) {
            if (app.id() == except) {
                continue;
            }
            Optional<Decision> d = applications.decision(app.id());
            if (d.isPresent() && d.get().outcome() != ApplicationState.REJECTED) {
                sum = sum.plus(d.get().amount());
            }
        }
        return sum;
    }

    /** The call budget: a decision that would take the call above it is refused (the call row is locked first). */
    public void requireWithinCall(Application app, Money amount) {
        long callId = payload(app.payload()).callId();
        tx.inTransaction(c -> {
            Call call = call(c, callId, true);
            Money committed = committed(inCall(callId), app.id());
            if (committed.plus(amount).compareTo(call.budget()) > 0) {
                throw new ConflictException("Das Budget des Aufrufs „" + call.title() + "“ (" + call.budget().toGerman() + ") ist mit "
                        + committed.toGerman() + " gebunden; " + amount.toGerman() + " passen nicht mehr hinein.", ProblemType.BUDGET_EXHAUSTED);
            }
            return null;
        });
    }

    // ---- jury scores and the ranking ------------------------------------------------------------------------

    public Model.Score score(long applicationId, Model.ScoreInput in, String approver) {
        if (in == null || in.score() == null || in.score() < 0 || in.score() > 100) {
            throw new InvalidInputException("Die Bewertung ist eine ganze Zahl von 0 bis 100 (score).");
        }
        Application app = applications.get(applicationId);
        if (!CeRules.AREA.equals(app.areaId())) {
            throw new UnknownEntityException("Antrag " + applicationId + " gehört nicht zum Förderbereich " + CeRules.AREA + ".");
        }
        long callId = payload(app.payload()).callId();
        return tx.inTransaction(c -> {
            Call call = call(c, callId, true);
            if (!today().isAfter(call.deadline())) {
                throw new ConflictException("Die Jury bewertet nach der Frist des Aufrufs (" + Rules.german(call.deadline()) + ").");
            }
            if (app.state() != ApplicationState.SUBMITTED || applications.decision(applicationId).isPresent()) {
                throw new ConflictException("Bewertet werden eingereichte Anträge ohne Entscheidung; Antrag " + applicationId + " ist " + app.state() + ".",
                        ProblemType.ILLEGAL_TRANSITION);
            }
            Sql.update(c, "DELETE FROM ce_score WHERE application_id = ?", applicationId);
            Sql.update(c, "INSERT INTO ce_score (application_id, call_id, score, scored_by, scored_at) VALUES (?, ?, ?, ?, ?)", applicationId, callId,
                    in.score(), approver, now());
            audit.append(c, approver, "ce_score", String.valueOf(applicationId), "score", null, json("callId", callId, "score", in.score()));
            return Sql.one(c, "SELECT * FROM ce_score WHERE application_id = ?", CeStore::score, applicationId).orElseThrow();
        });
    }

    public List<Model.Score> scores(long callId) {
        return tx.inTransaction(c -> Sql.list(c, "SELECT * FROM ce_score WHERE call_id = ? ORDER BY application_id", CeStore::score, callId));
    }

    private static Model.Score score(ResultSet rs) throws SQLException {
        return new Model.Score(rs.getLong("application_id"), rs.getLong("call_id"), rs.getInt("score"), rs.getString("scored_by"),
                Sql.instant(rs, "scored_at"));
    }

    /**
     * The ranking of a call after its deadline: a preview, or (with {@code execute}) the decisions in rank order, all
     * in one transaction — a decision the core refuses undoes the whole run. Applications decided before (by an
     * earlier run or one by one) keep their decisions and count against the call budget.
     */
    public Model.Ranking ranking(long callId, boolean execute, String approver) {
        return tx.inTransaction(c -> {
            Call call = call(c, callId, true);
            if (!today().isAfter(call.deadline())) {
                throw new ConflictException("Die Rangfolge entsteht nach der Frist des Aufrufs (" + Rules.german(call.deadline()) + ").");
            }
            List<Application> inCall = inCall(callId);
            Money before = committed(inCall, -1);
            Map<Long, Integer> scores = new HashMap<>();
            for (Model.Score s : Sql.list(c, "SELECT * FROM ce_score WHERE call_id = ?", CeStore::score, callId)) {
                scores.put(s.applicationId(), s.score());
            }
            List<Ranking.Candidate> candidates = new ArrayList<>();
            List<Long> unscored = new ArrayList<>();
            Map<Long, Application> byId = new HashMap<>();
            for (Application app : inCall) {
                if (app.state() != ApplicationState.SUBMITTED || applications.decision(app.id()).isPresent()) {
                    continue;
                }
                Integer score = scores.get(app.id());
                if (score == null) {
                    unscored.add(app.id());
                    continue;
                }
                byId.put(app.id(), app);
                candidates.add(new Ranking.Candidate(app.id(), app.applicantKey(), score, Money.min(app.requested(), app.priced()),
                        Boolean.TRUE.equals(payload(app.payload()).acceptsReduction())));
            }
            if (!unscored.isEmpty()) {
                throw new ConflictException(unscored.size() + " eingereichte Anträge des Aufrufs sind noch nicht bewertet: " + unscored.stream().limit(20)
                        .map(String::valueOf).collect(Collectors.joining(", ")) + (unscored.size() > 20 ? " …" : "") + ".");
            }
            List<Ranked> places = Ranking.rank(candidates, call.budget().minus(before));
            Money now = Money.ZERO;
            for (Ranked r : places) {
                now = now.plus(r.amount());
            }
            Model.Ranking result = new Model.Ranking(callId, call.budget(), before, now, call.budget().minus(before).minus(now), execute, places);
            if (execute) {
                for (Ranked r : places) {
                    if (r.outcome().equals(Ranking.NOT_FUNDED)) {
                        continue;
                    }
                    Application app = byId.get(r.applicationId());
                    boolean full = r.outcome().equals(Ranking.APPROVED) && r.amount().equals(app.requested());
                    applications.decide(app.id(), new DecisionRequest(full ? ApplicationState.APPROVED : ApplicationState.PARTIALLY_APPROVED,
                            full ? null : r.amount(), null), approver);
                }
                String record = json("places", places);
                long id = Sql.insert(c, "INSERT INTO ce_ranking (call_id, executed_by, executed_at, approved_cents, result) VALUES (?, ?, ?, ?, ?)",
                        callId, approver, now(), now.cents(), record);
                audit.append(c, approver, "ce_ranking", String.valueOf(id), "run", null, json("callId", callId, "approved", now.toString(),
                        "places", places.size()));
            }
            return result;
        });
    }

    // ---- grants in force ----------------------------------------------------------------------------------

    /** Records a grant whose decision came into force, with its dialogues (once; a second call finds it). */
    public int recordGrant(Application app, Decision decision) {
        if (decision == null || decision.number() == null || !decision.amount().isPositive()
                || (app.state() != ApplicationState.APPROVED && app.state() != ApplicationState.PARTIALLY_APPROVED)) {
            return 0;
        }
        Payload p = payload(app.payload());
        return tx.inTransaction(c -> {
            if (Sql.count(c, "SELECT COUNT(*) FROM ce_grant WHERE application_id = ?", app.id()) > 0) {
                return 0;
            }
            Sql.update(c, "INSERT INTO ce_grant (application_id, call_id, kind, applicant_key, provider_id, decision_number, approved_cents, created_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", app.id(), p.callId(), p.kind(), app.applicantKey(), app.providerId(), decision.number(),
                    decision.amount().cents(), now());
            int line = 0;
            if (p.kind() == Kind.DIALOGUE) {
                for (Model.DialogueInput d : p.dialogues()) {
                    line++;
                    Sql.insert(c, "INSERT INTO ce_dialogue (application_id, line_no, social_space, grant_cents, created_at) VALUES (?, ?, ?, ?, ?)",
                            app.id(), line, d.socialSpace().trim(), Money.parse(d.grant()).cents(), now());
                }
            }
            audit.append(c, "system", "ce_grant", String.valueOf(app.id()), "create", null, json("callId", p.callId(), "kind", p.kind().name(),
                    "decisionNumber", decision.number()));
            return 1;
        });
    }

    /** The grant of an application (404 unless its decision is in force). */
    public Map<String, Object> grant(long applicationId) {
        return tx.inTransaction(c -> grant(c, applicationId, false));
    }

    private static Map<String, Object> grant(Connection c, long applicationId, boolean lock) throws SQLException {
        return Sql.one(c, "SELECT * FROM ce_grant WHERE application_id = ?" + (lock ? " FOR UPDATE" : ""), rs -> {
            Map<String, Object> g = new LinkedHashMap<>();
            g.put("applicationId", rs.getLong("application_id"));
            g.put("callId", rs.getLong("call_id"));
            g.put("kind", rs.getString("kind"));
            g.put("applicantKey", rs.getString("applicant_key"));
            g.put("providerId", Sql.nullableLong(rs, "provider_id"));
            g.put("approved", Money.ofCents(rs.getLong("approved_cents")));
            g.put("passedOn", Money.ofCents(rs.getLong("passed_on_cents")));
            return g;
        }, applicationId).orElseThrow(() -> new UnknownEntityException("Zum Antrag " + applicationId + " gibt es keinen Zuschuss in Kraft."));
    }

    // ---- dialogues: events and strategies -------------------------------------------------------------------

    public List<Dialogue> dialogues(Long callId, String applicantKey) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (callId != null) {
            where.append(" AND g.call_id = ?");
            params.add(callId);
        }
        if (applicantKey != null) {
            where.append(" AND g.applicant_key = ?");
            params.add(applicantKey);
        }
        return tx.inTransaction(c -> Sql.list(c, DIALOGUE_SELECT + where + " ORDER BY d.id", CeStore::dialogue, params.toArray()));
    }

    private static final String DIALOGUE_SELECT = "SELECT d.*, g.call_id, g.applicant_key,"
            + " (SELECT COUNT(*) FROM ce_event e WHERE e.dialogue_id = d.id) AS events,"
            + " (SELECT COALESCE(SUM(e.participants), 0) FROM ce_event e WHERE e.dialogue_id = d.id) AS participants,"
            + " (SELECT COUNT(*) FROM ce_strategy s WHERE s.dialogue_id = d.id) AS strategies,"
            + " (SELECT COUNT(*) FROM ce_strategy s WHERE s.dialogue_id = d.id AND s.status = 'DONE') AS done"
            + " FROM ce_dialogue d JOIN ce_grant g ON g.application_id = d.application_id";

    public Dialogue dialogue(long id) {
        return tx.inTransaction(c -> dialogue(c, id));
    }

    private static Dialogue dialogue(Connection c, long id) throws SQLException {
        return Sql.one(c, DIALOGUE_SELECT + " WHERE d.id = ?", CeStore::dialogue, id)
                .orElseThrow(() -> new UnknownEntityException("Nachbarschaftsgespräch " + id + " ist unbekannt."));
    }

    private static Dialogue dialogue(ResultSet rs) throws SQLException {
        return new Dialogue(rs.getLong("id"), rs.getLong("application_id"), rs.getLong("call_id"), rs.getString("applicant_key"),
                rs.getString("social_space"), Money.ofCents(rs.getLong("grant_cents")), rs.getInt("events"), rs.getInt("participants"),
                rs.getInt("strategies"), rs.getInt("done"));
    }

    public Model.Event addEvent(long dialogueId, Model.EventInput in, String actor) {
        if (in == null || in.date() == null || in.participants() == null || in.participants() < 0 || in.participants() > 100_000) {
            throw new InvalidInputException("Eine Veranstaltung braucht ihr Datum und die Zahl der Teilnehmenden (date, participants 0 bis 100000).");
        }
        if (in.migrants() != null && (in.migrants() < 0 || in.migrants() > in.participants())) {
            throw new InvalidInputException("Teilnehmende mit Migrationsgeschichte sind 0 bis " + in.participants() + " (migrants).");
        }
        if (in.date().isAfter(today())) {
            throw new InvalidInputException("Die Veranstaltung am " + Rules.german(in.date()) + " liegt in der Zukunft.");
        }
        return tx.inTransaction(c -> {
            dialogue(c, dialogueId);
            long id = Sql.insert(c, "INSERT INTO ce_event (dialogue_id, event_date, participants, migrants, created_at) VALUES (?, ?, ?, ?, ?)",
                    dialogueId, in.date(), in.participants(), in.migrants(), now());
            audit.append(c, actor, "ce_event", String.valueOf(id), "create", null, json("dialogueId", dialogueId, "participants", in.participants()));
            return new Model.Event(id, dialogueId, in.date(), in.participants(), in.migrants());
        });
    }

    public List<Model.Event> events(long dialogueId) {
        return tx.inTransaction(c -> Sql.list(c, "SELECT * FROM ce_event WHERE dialogue_id = ? ORDER BY event_date, id", rs -> {
            int migrants = rs.getInt("migrants");
            return new Model.Event(rs.getLong("id"), dialogueId, Sql.date(rs, "event_date"), rs.getInt("participants"), rs.wasNull() ? null : migrants);
        }, dialogueId));
    }

    public Model.Strategy addStrategy(long dialogueId, Model.StrategyInput in, String actor) {
        if (in == null || Rules.blank(in.title()) || Rules.blank(in.measure()) || Rules.blank(in.owner()) || in.dueDate() == null) {
            throw new InvalidInputException("Eine vereinbarte Maßnahme braucht title, measure, owner und dueDate.");
        }
        if (in.title().length() > 200 || in.owner().length() > 200 || in.measure().length() > 2000) {
            throw new InvalidInputException("Titel und Verantwortliche höchstens 200, die Maßnahme höchstens 2000 Zeichen.");
        }
        return tx.inTransaction(c -> {
            dialogue(c, dialogueId);
            long id = Sql.insert(c, "INSERT INTO ce_strategy (dialogue_id, title, measure, owner, due_date, status, created_at, updated_at)"
                    + " VALUES (?, ?, ?, ?, ?, 'OPEN', ?, ?)", dialogueId, in.title().trim(), in.measure().trim(), in.owner().trim(), in.dueDate(), now(), now());
            audit.append(c, actor, "ce_strategy", String.valueOf(id), "create", null, json("dialogueId", dialogueId));
            return strategy(c, id);
        });
    }

    public Model.Strategy setStatus(long strategyId, Model.StatusInput in, String actor) {
        if (in == null || in.status() == null) {
            throw new InvalidInputException("Der Stand fehlt (status: OPEN, DONE oder DROPPED).");
        }
        return tx.inTransaction(c -> {
            Model.Strategy before = strategy(c, strategyId);
            Sql.update(c, "UPDATE ce_strategy SET status = ?, updated_at = ? WHERE id = ?", in.status(), now(), strategyId);
            audit.append(c, actor, "ce_strategy", String.valueOf(strategyId), "status", json("status", before.status().name()),
                    json("status", in.status().name()));
            return strategy(c, strategyId);
        });
    }

    public List<Model.Strategy> strategies(long dialogueId) {
        return tx.inTransaction(c -> Sql.list(c, "SELECT * FROM ce_strategy WHERE dialogue_id = ? ORDER BY id", CeStore::strategy, dialogueId));
    }

    public Model.Strategy strategy(long id) {
        return tx.inTransaction(c -> strategy(c, id));
    }

    private static Model.Strategy strategy(Connection c, long id) throws SQLException {
        return Sql.one(c, "SELECT * FROM ce_strategy WHERE id = ?", CeStore::strategy, id)
                .orElseThrow(() -> new UnknownEntityException("Maßnahme " + id + " ist unbekannt."));
    }

    private static Model.Strategy strategy(ResultSet rs) throws SQLException {
        return new Model.Strategy(rs.getLong("id"), rs.getLong("dialogue_id"), rs.getString("title"), rs.getString("measure"), rs.getString("owner"),
                Sql.date(rs, "due_date"), StrategyStatus.valueOf(rs.getString("status")));
    }

    // ---- passing on -------------------------------------------------------------------------------------

    /** A sub-grant to a local association; the grant row is updated in one guarded statement, so the sum never exceeds the grant. */
    public SubGrant addSubGrant(long applicationId, Model.SubGrantInput in, String actor) {
        if (in == null || Rules.blank(in.recipient()) || in.recipient().length() > 200 || Rules.blank(in.purpose()) || in.purpose().length() > 2000) {
            throw new InvalidInputException("Eine Weiterleitung nennt Empfänger (recipient, höchstens 200 Zeichen), Betrag (amount) und Zweck (purpose).");
        }
        Money amount = Rules.amount(in.amount(), "Der weitergeleitete Betrag (amount)");
        // the grant as it is in force now: an Änderungsbescheid of the approval office may have lowered it since it was recorded
        Optional<Long> inForce = applications.decision(applicationId).filter(Decision::effective).map(d -> d.amount().cents());
        return tx.inTransaction(c -> {
            if (inForce.isPresent()) { // lowered below what is passed on already: nothing more fits (reclaiming it is the body's matter)
                Sql.update(c, "UPDATE ce_grant SET approved_cents = GREATEST(?, passed_on_cents) WHERE application_id = ? AND approved_cents <> ?",
                        inForce.get(), applicationId, inForce.get());
            }
            Map<String, Object> g = grant(c, applicationId, true);
            int updated = Sql.update(c, "UPDATE ce_grant SET passed_on_cents = passed_on_cents + ? WHERE application_id = ?"
                    + " AND passed_on_cents + ? <= approved_cents", amount.cents(), applicationId, amount.cents());
            if (updated == 0) {
                Money grant = inForce.map(Money::ofCents).orElse((Money) g.get("approved"));
                throw new ConflictException("Die Weiterleitungen überstiegen den Zuschuss: " + ((Money) g.get("passedOn")).toGerman() + " von "
                        + grant.toGerman() + " sind weitergeleitet, " + amount.toGerman() + " passen nicht mehr hinein.");
            }
            long id = Sql.insert(c, "INSERT INTO ce_subgrant (application_id, recipient, amount_cents, purpose, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                    applicationId, in.recipient().trim(), amount.cents(), in.purpose().trim(), actor, now());
            audit.append(c, actor, "ce_subgrant", String.valueOf(id), "create", null, json("applicationId", applicationId, "amount", amount.toString()));
            return subGrant(c, id);
        });
    }

    public SubGrant proveSubGrant(long id, Model.SubGrantProof in, String actor) {
        if (in == null || Rules.blank(in.report()) || in.report().length() > 20_000) {
            throw new InvalidInputException("Der Nachweis der Weiterleitung braucht den ausgegebenen Betrag (spent) und einen kurzen Bericht (report).");
        }
        Money spent = Rules.nonNegative(in.spent(), "Der ausgegebene Betrag (spent)");
        return tx.inTransaction(c -> {
            SubGrant s = subGrant(c, id);
            if (spent.compareTo(s.amount()) > 0) {
                throw new InvalidInputException("Ausgegeben werden höchstens die weitergeleiteten " + s.amount().toGerman() + ".");
            }
            if (s.spent() != null) {
                throw new ConflictException("Die Weiterleitung " + id + " ist bereits nachgewiesen.", ProblemType.ILLEGAL_TRANSITION);
            }
            Sql.update(c, "UPDATE ce_subgrant SET spent_cents = ?, report = ?, proved_at = ? WHERE id = ?", spent.cents(), in.report().trim(), now(), id);
            audit.append(c, actor, "ce_subgrant", String.valueOf(id), "prove", null, json("spent", spent.toString()));
            return subGrant(c, id);
        });
    }

    public List<SubGrant> subGrants(long applicationId) {
        return tx.inTransaction(c -> Sql.list(c, "SELECT * FROM ce_subgrant WHERE application_id = ? ORDER BY id", CeStore::subGrant, applicationId));
    }

    public SubGrant subGrant(long id) {
        return tx.inTransaction(c -> subGrant(c, id));
    }

    private static SubGrant subGrant(Connection c, long id) throws SQLException {
        return Sql.one(c, "SELECT * FROM ce_subgrant WHERE id = ?", CeStore::subGrant, id)
                .orElseThrow(() -> new UnknownEntityException("Weiterleitung " + id + " ist unbekannt."));
    }

    private static SubGrant subGrant(ResultSet rs) throws SQLException {
        long spent = rs.getLong("spent_cents");
        Money spentMoney = rs.wasNull() ? null : Money.ofCents(spent);
        return new SubGrant(rs.getLong("id"), rs.getLong("application_id"), rs.getString("recipient"), Money.ofCents(rs.getLong("amount_cents")),
                rs.getString("purpose"), spentMoney, rs.getString("report"), Sql.instant(rs, "created_at"));
    }

    // ---- proof of use and reports --------------------------------------------------------------------------

    /** Stores the numerical statement and the report's counts with the accepted amount; inside the core's proof-of-use transaction. */
    public void recordProof(long applicationId, Actuals a, Money accepted) {
        Model.Report r = a.report();
        tx.inTransaction(c -> {
            Sql.update(c, "DELETE FROM ce_proof WHERE application_id = ?", applicationId);
            Sql.update(c, "INSERT INTO ce_proof (application_id, total_cents, own_cents, third_cents, personnel_cents, accepted_cents, events, participants,"
                            + " volunteers, strategies_done, strategies_open, report_text, reported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    applicationId, cents(a.totalCosts()), cents(a.ownContribution()), cents(a.thirdPartyFunds()), cents(a.personnelCosts()),
                    accepted.cents(), r.events(), r.participants(), r.volunteers(), r.strategiesDone(), r.strategiesOpen(), r.text().trim(), now());
            audit.append(c, "system", "ce_proof", String.valueOf(applicationId), "report", null, json("accepted", accepted.toString()));
            return null;
        });
    }

    private static Long cents(String amount) {
        return amount == null ? null : Money.parse(amount).cents();
    }

    /** Per kind of funding in a call; counts of groups under the minimum are suppressed. */
    public List<Model.CallReport> callReport(long callId) {
        int min = rules.get().minReportGroup();
        Call call = call(callId);
        List<Application> inCall = inCall(callId);
        Map<Kind, int[]> counts = new LinkedHashMap<>();
        for (Application app : inCall) {
            if (live(app)) {
                counts.computeIfAbsent(payload(app.payload()).kind(), k -> new int[1])[0]++;
            }
        }
        return tx.inTransaction(c -> {
            List<Model.CallReport> result = new ArrayList<>();
            for (Map.Entry<Kind, int[]> e : counts.entrySet()) {
                Object[] row = Sql.one(c, "SELECT COUNT(*), COALESCE(SUM(g.approved_cents), 0), COALESCE(SUM(p.accepted_cents), 0),"
                                + " SUM(p.events), SUM(p.participants), SUM(p.volunteers), SUM(p.strategies_done), SUM(p.strategies_open)"
                                + " FROM ce_grant g LEFT JOIN ce_proof p ON p.application_id = g.application_id WHERE g.call_id = ? AND g.kind = ?",
                        rs -> new Object[] {rs.getInt(1), rs.getLong(2), rs.getLong(3), group(rs, 4, min), group(rs, 5, min), group(rs, 6, min),
                                group(rs, 7, min), group(rs, 8, min)}, callId, e.getKey().name()).orElseThrow();
                result.add(new Model.CallReport(callId, call.title(), call.budget(), e.getKey(), e.getValue()[0], (Integer) row[0],
                        Money.ofCents((Long) row[1]), Money.ofCents((Long) row[2]), (Integer) row[3], (Integer) row[4], (Integer) row[5],
                        (Integer) row[6], (Integer) row[7]));
            }
            return result;
        });
    }

    /** Per applicant in a call. */
    public List<Model.ApplicantReport> applicantReport(long callId) {
        int min = rules.get().minReportGroup();
        call(callId);
        return tx.inTransaction(c -> Sql.list(c, "SELECT g.applicant_key, g.provider_id, COUNT(*) AS grants, SUM(g.approved_cents) AS approved,"
                        + " SUM(g.passed_on_cents) AS passed, SUM(p.participants) AS participants, SUM(p.volunteers) AS volunteers"
                        + " FROM ce_grant g LEFT JOIN ce_proof p ON p.application_id = g.application_id WHERE g.call_id = ?"
                        + " GROUP BY g.applicant_key, g.provider_id ORDER BY g.applicant_key, g.provider_id",
                rs -> new Model.ApplicantReport(callId, rs.getString("applicant_key"), Sql.nullableLong(rs, "provider_id"), rs.getInt("grants"),
                        Money.ofCents(rs.getLong("approved")), Money.ofCents(rs.getLong("passed")), group(rs, 6, min), group(rs, 7, min)), callId));
    }

    private static Integer group(ResultSet rs, int column, int min) throws SQLException {
        int n = rs.getInt(column);
        return rs.wasNull() || n < min ? null : n;
    }

    /** A snapshot for the audit record, its fields in the given order (name, value, …). */
    static String json(Object... fields) {
        Map<String, Object> ordered = new LinkedHashMap<>();
        for (int i = 0; i + 1 < fields.length; i += 2) {
            ordered.put((String) fields[i], fields[i + 1]);
        }
        try {
            return JSON.writeValueAsString(ordered);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
