package de.paktwerk.core.internal.application;

import de.paktwerk.core.api.db.Sql;
import de.paktwerk.core.api.Application;
import de.paktwerk.core.api.ApplicationService;
import de.paktwerk.core.api.ApplicationQuery;
import de.paktwerk.core.api.ApplicationState;
import de.paktwerk.core.api.ConflictException;
import de.paktwerk.core.api.Decision;
import de.paktwerk.core.api.DecisionAmendment;
import de.paktwerk.core.api.DecisionRequest;
import de.paktwerk.core.api.Drawdown;
import de.paktwerk.core.api.ForbiddenException;
import de.paktwerk.core.api.InvalidInputException;
import de.paktwerk.core.api.Money;
import de.paktwerk.core.api.Municipality;
import de.paktwerk.core.api.MunicipalityRegistry;
import de.paktwerk.core.api.NewApplication;
import de.paktwerk.core.api.Page;
import de.paktwerk.core.api.ProofOfUse;
import de.paktwerk.core.api.Provider;
import de.paktwerk.core.api.Reclaim;
import de.paktwerk.core.api.UnknownEntityException;
import de.paktwerk.core.api.spi.FundingArea;
import de.paktwerk.core.api.spi.AssessmentContext;
import de.paktwerk.core.api.spi.Settlement;
import de.paktwerk.core.api.spi.SettlementContext;
import de.paktwerk.core.api.ApplicationEvents;
import de.paktwerk.core.api.ApplicantKind;
import de.paktwerk.core.api.Assessment;
import de.paktwerk.core.api.Budget;
import de.paktwerk.core.api.FundingPeriod;
import de.paktwerk.core.api.ProofOfUseRequest;
import de.paktwerk.core.internal.area.FundingAreaTracker;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import de.paktwerk.core.api.AuditLog;
import de.paktwerk.core.internal.budget.BudgetServiceImpl;
import de.paktwerk.core.internal.db.CoreDatabase;
import de.paktwerk.core.internal.db.Jdbc;
import de.paktwerk.core.internal.json.Json;
import de.paktwerk.core.internal.municipality.MunicipalityRegistryImpl;
import de.paktwerk.core.internal.security.ActorRoles;
import de.paktwerk.core.api.rest.Caller;
import java.util.Map;
import java.util.Set;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Applications from draft to decision, and the funds that follow. Approved sums are reserved by
 * conditional updates of the budget and allocation rows inside the deciding transaction, so concurrent
 * approvals can never over-commit (the database checks {@code committed <= amount} as a last line).
 */
@Component(service = ApplicationService.class)
public class ApplicationServiceImpl implements ApplicationService {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final int MAX_PAYLOAD = 100_000;

    private final Jdbc jdbc;
    private final AuditLog audit;
    private final FundingAreaTracker areas;
    private final MunicipalityRegistry registry;
    private final ActorRoles actors;
    private final ApprovalSettings settings;
    /** Today and now for decisions and records: the platform's clock (tests set it). */
    private final java.time.Clock clock;
    /** Lifecycle events go out through EventAdmin when it is there (feature eventadmin). */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile EventAdmin eventAdmin;

    @Activate
    public ApplicationServiceImpl(@Reference CoreDatabase database, @Reference AuditLog audit,
                                  @Reference FundingAreaTracker areas, @Reference MunicipalityRegistry registry,
                                  @Reference ActorRoles actors, @Reference ApprovalSettings settings,
                                  @Reference java.time.Clock clock) {
        this.clock = clock;
        this.jdbc = database.jdbc();
        this.audit = audit;
        this.areas = areas;
        this.registry = registry;
        this.actors = actors;
        this.settings = settings;
    }

    /** Posts a lifecycle event once the current transaction has committed. */
    private void event(String topic, Application app, long amountCents, String decisionNumber) {
        Map<String, Object> props = new java.util.HashMap<>();
        props.put(ApplicationEvents.APPLICATION_ID, app.id());
        props.put(ApplicationEvents.AREA_ID, app.areaId());
        props.put(ApplicationEvents.APPLICANT_KEY, app.applicantKey());
        props.put(ApplicationEvents.PERIOD_ID, app.periodId());
        props.put(ApplicationEvents.STATE, app.state().name());
        props.put(ApplicationEvents.AMOUNT_CENTS, amountCents);
        if (decisionNumber != null) {
            props.put(ApplicationEvents.DECISION_NUMBER, decisionNumber);
        }
        Event event = new Event(topic, props);
        jdbc.afterCommit(() -> {
            EventAdmin admin = eventAdmin;
            if (admin != null) {
                admin.postEvent(event);
            }
        });
    }

    @Override
    public Application create(NewApplication a, String actor) {
        Draft d = prepare(a);
        Instant now = now();
        return jdbc.tx(c -> {
            Priced p = assess(c, a, d, today());
            Money priced = p.assessment().amount();
            long id = Sql.insert(c, "INSERT INTO application (applicant_key, area_id, period_id, requested_cents, priced_cents,"
                            + " provider_id, payload, state, created_at, created_by, updated_at, assessment, share_bound, term_kind, term_start,"
                            + " term_end, applicant_kind) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    a.applicantKey(), a.areaId(), p.period().id(), a.requested().cents(), priced.cents(), a.providerId(), d.payload(),
                    ApplicationState.DRAFT, now, actor, now, Json.write(p.assessment().items()), d.shareBound(),
                    p.term() == null ? null : p.term().kind().name(), p.term() == null ? null : p.term().start(),
                    p.term() == null ? null : p.term().end(), d.kind().name());
            Application created = find(c, id, false);
            audit.append(c, actor, "application", String.valueOf(id), "create", null, Json.write(created));
            return created;
        });
    }

    @Override
    public Assessment price(NewApplication a) {
        return price(a, null);
    }

    @Override
    public Assessment price(NewApplication a, LocalDate asOf) {
        LocalDate day = asOf != null ? asOf : today();
        Draft d = prepare(a, false);
        return jdbc.tx(c -> assess(c, a, d, day).assessment());
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(BERLIN));
    }

    /** What is checked of a draft before its area assesses it. */
    private record Draft(Municipality applicant, ApplicantKind kind, FundingArea area, Provider provider, boolean shareBound, String payload) {
    }

    /** The assessment of a draft, the period it falls in and its term (as given or derived). */
    private record Priced(FundingPeriod period, Assessment assessment, de.paktwerk.core.api.Term term) {
    }

    private Draft prepare(NewApplication a) {
        return prepare(a, true);
    }

    /** @param filed true if the draft is filed (a price may be asked without the amount and the period) */
    private Draft prepare(NewApplication a, boolean filed) {
        if (a == null) {
            throw new InvalidInputException("Antragsdaten fehlen.");
        }
        MunicipalityRegistryImpl.checkArea(a.areaId());
        Municipality applicant = registry.get(a.applicantKey());
        if ((filed || a.requested() != null) && (a.requested() == null || !a.requested().isPositive())) {
            throw new InvalidInputException("Der beantragte Betrag muss größer als 0,00 € sein.", "requested");
        }
        if (filed && a.periodId() == null && a.term() == null) {
            throw new InvalidInputException("Der Förderzeitraum (periodId) oder der Zeitraum des Vorhabens (term) fehlt.", "periodId");
        }
        if (a.providerId() != null) {
            Provider p = registry.provider(a.providerId())
                    .orElseThrow(() -> new InvalidInputException("Träger " + a.providerId() + " ist unbekannt.", "providerId"));
            if (!p.responsibleKey().equals(applicant.key())) {
                throw new InvalidInputException("Träger " + p.name() + " ist nicht für " + applicant.name() + " eingetragen.", "providerId");
            }
        }
        ApplicantKind kind = a.applicantKind() == ApplicantKind.PROVIDER ? ApplicantKind.PROVIDER : ApplicantKind.of(applicant.kind());
        if (kind == ApplicantKind.PROVIDER && a.providerId() == null) {
            throw new InvalidInputException("Wer als Träger im eigenen Namen beantragt, nennt den Träger (providerId).", "providerId");
        }
        String responsible = registry.responsibleBody(applicant.key(), a.areaId());
        if (!responsible.equals(applicant.key())) {
            throw new ConflictException(applicant.name() + " hat den Förderbereich an den Landkreis (" + responsible
                    + ") übertragen; antragsberechtigt ist der Landkreis.");
        }
        FundingArea area = areas.requireArea(a.areaId());
        de.paktwerk.core.api.AreaDescriptor descriptor = area.descriptor();
        if (!descriptor.applicants().contains(kind)) {
            throw new de.paktwerk.core.api.RuleViolatedException(applicantAdvice(descriptor, kind, applicant));
        }
        boolean shareBound = areas.key(a.areaId()).isPresent();
        String payload = payload(a.payload());
        Provider provider = a.providerId() == null ? null : registry.provider(a.providerId()).orElseThrow();
        return new Draft(applicant, kind, area, provider, shareBound, payload);
    }

    private Priced assess(java.sql.Connection c, NewApplication a, Draft d, LocalDate asOf) throws java.sql.SQLException {
        FundingPeriod period = a.periodId() != null ? BudgetServiceImpl.findPeriod(c, a.periodId(), false)
                : a.term() != null ? BudgetServiceImpl.periodOf(c, a.term()) : BudgetServiceImpl.periodOn(c, asOf);
        if (a.term() != null && !period.contains(a.term().start())) {
            throw new InvalidInputException(a.term().label() + " beginnt am " + a.term().start() + " und wird daher nicht im"
                    + " Förderzeitraum " + period.id() + " (" + period.start() + " bis " + period.end() + ") bewilligt.", "term");
        }
        de.paktwerk.core.api.Term term = a.term() != null ? a.term() : Terms.derive(d.area().descriptor(), period);
        Budget budget = BudgetServiceImpl.find(c, period.id(), a.areaId()).orElse(null);
        Optional<long[]> allocation = Sql.one(c, "SELECT allocated_cents, committed_cents FROM allocation WHERE area_id = ? AND period_id = ?"
                + " AND body_key = ?", rs -> new long[] {rs.getLong(1), rs.getLong(2)}, a.areaId(), period.id(), d.applicant().key());
        int delegating = (int) Sql.count(c, "SELECT COUNT(*) FROM delegation WHERE area_id = ? AND district_key = ?", a.areaId(), d.applicant().key());
        AssessmentContext context = new AssessmentContext(d.applicant(), d.provider(), period, a.requested(), budget,
                allocation.map(x -> Money.ofCents(x[0])).orElse(null), Money.ofCents(allocation.map(x -> x[1]).orElse(0L)), delegating,
                term, d.kind(), asOf);
        Assessment assessment = d.area().assess(context, a.payload());
        if (assessment == null) {
            throw new IllegalStateException("Förderbereich " + a.areaId() + " lieferte keine Bewertung");
        }
        return new Priced(period, assessment, term);
    }

    private static String payload(JsonNode payload) {
        if (payload == null || payload.isNull()) {
            return null;
        }
        try {
            String json = Json.mapper().writeValueAsString(payload);
            if (json.length() > MAX_PAYLOAD) {
                throw new InvalidInputException("Die bereichsspezifischen Angaben sind größer als " + MAX_PAYLOAD + " Zeichen.");
            }
            return json;
        } catch (JsonProcessingException e) {
            throw new InvalidInputException("Die bereichsspezifischen Angaben sind kein gültiges JSON.");
        }
    }

    @Override
    public Application get(long id) {
        return jdbc.tx(c -> find(c, id, false));
    }

    @Override
    public Page<Application> listOfProvider(long providerId, String areaId, ApplicationState state, int offset, int limit) {
        return search(new ApplicationQuery(null, providerId, areaId, state, null, null, true, null, false), offset, limit);
    }

    @Override
    public Page<Application> list(String applicantKey, String areaId, ApplicationState state, int offset, int limit) {
        return search(new ApplicationQuery(applicantKey, null, areaId, state, null, null, true, null, false), offset, limit);
    }

    private static final java.util.Map<ApplicationQuery.Sort, String> ORDER = java.util.Map.of(ApplicationQuery.Sort.ID, "a.id",
            ApplicationQuery.Sort.APPLICANT, "m.name", ApplicationQuery.Sort.AREA, "a.area_id", ApplicationQuery.Sort.PERIOD, "a.period_id",
            ApplicationQuery.Sort.REQUESTED, "a.requested_cents", ApplicationQuery.Sort.STATE, "a.state", ApplicationQuery.Sort.UPDATED, "a.updated_at");

    @Override
    public Page<Application> search(ApplicationQuery q, int offset, int limit) {
        Page.check(offset, limit);
        StringBuilder where = new StringBuilder(" FROM application a JOIN municipality m ON m.official_key = a.applicant_key WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (q.providerId() != null) {
            where.append(" AND a.provider_id = ? AND a.applicant_kind = ?");
            params.add(q.providerId());
            params.add(ApplicantKind.PROVIDER.name());
        }
        if (q.applicantKey() != null && !q.applicantKey().isBlank()) {
            where.append(" AND a.applicant_key = ?");
            params.add(q.applicantKey());
        }
        if (q.areaId() != null && !q.areaId().isBlank()) {
            where.append(" AND a.area_id = ?");
            params.add(q.areaId());
        }
        if (q.state() != null) {
            where.append(" AND a.state = ?");
            params.add(q.state().name());
        }
        if (!q.drafts()) {
            where.append(" AND a.state <> ?");
            params.add(ApplicationState.DRAFT.name());
        }
        if (q.undecided()) {
            where.append(" AND NOT EXISTS (SELECT 1 FROM decision d WHERE d.application_id = a.id)");
        }
        if (q.districtKey() != null && !q.districtKey().isBlank()) {
            where.append(" AND m.district_key = ?");
            params.add(q.districtKey());
        }
        if (q.text() != null && !q.text().isBlank()) {
            String text = q.text().strip().toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
            where.append(" AND (LOWER(m.name) LIKE ? ESCAPE '\\' OR a.applicant_key LIKE ? ESCAPE '\\')");
            params.add("%" + text + "%");
            params.add(text + "%");
        }
        String direction = q.descending() ? " DESC" : " ASC";
        String order = " ORDER BY " + ORDER.get(q.sort()) + direction + (q.sort() == ApplicationQuery.Sort.ID ? "" : ", a.id DESC");
        return jdbc.tx(c -> {
            long total = Sql.count(c, "SELECT COUNT(*)" + where, params.toArray());
            List<Object> paged = new ArrayList<>(params);
            paged.add(offset);
            paged.add(limit);
            List<Application> items = Sql.list(c, "SELECT a.*" + where + order + " OFFSET ? ROWS FETCH NEXT ? ROWS ONLY",
                    ApplicationServiceImpl::map, paged.toArray());
            return new Page<>(items, total, offset, limit);
        });
    }

    @Override
    public Application submit(long id, String actor) {
        return jdbc.tx(c -> {
            Application before = find(c, id, true);
            before.state().checkTransition(ApplicationState.SUBMITTED);
            areas.require(before.areaId());
            Sql.update(c, "UPDATE application SET submitted_by = ? WHERE id = ?", actor, id);
            Application after = transition(c, before, ApplicationState.SUBMITTED, "submit", actor);
            event(ApplicationEvents.SUBMITTED, after, after.requested().cents(), null);
            return after;
        });
    }

    @Override
    public Application withdraw(long id, String actor) {
        return jdbc.tx(c -> {
            Application before = find(c, id, true);
            before.state().checkTransition(ApplicationState.WITHDRAWN);
            if (findDecision(c, id).isPresent()) {
                throw new ConflictException("Über den Antrag " + id + " ist bereits entschieden worden; er kann nicht mehr zurückgezogen werden.");
            }
            Application after = transition(c, before, ApplicationState.WITHDRAWN, "withdraw", actor);
            event(ApplicationEvents.WITHDRAWN, after, after.requested().cents(), null);
            return after;
        });
    }

    private Application transition(Connection c, Application before, ApplicationState target, String action, String actor)
            throws SQLException {
        Sql.update(c, "UPDATE application SET state = ?, updated_at = ? WHERE id = ?", target, now(), before.id());
        Application after = find(c, before.id(), false);
        audit.append(c, actor, "application", String.valueOf(before.id()), action, Json.write(before), Json.write(after));
        return after;
    }

    @Override
    public Decision decide(long id, DecisionRequest request, String approver) {
        if (request == null || request.outcome() == null) {
            throw new InvalidInputException("Die Entscheidung (outcome) fehlt.");
        }
        ApplicationState outcome = request.outcome();
        if (outcome != ApplicationState.APPROVED && outcome != ApplicationState.PARTIALLY_APPROVED && outcome != ApplicationState.REJECTED) {
            throw new InvalidInputException("Eine Entscheidung lautet APPROVED, PARTIALLY_APPROVED oder REJECTED, nicht " + outcome + ".");
        }
        if (request.conditions() != null && request.conditions().length() > 4000) {
            throw new InvalidInputException("Die Nebenbestimmungen sind länger als 4000 Zeichen.");
        }
        return jdbc.tx(c -> {
            Application app = find(c, id, true);
            app.state().checkTransition(outcome);
            if (findDecision(c, id).isPresent()) {
                throw new ConflictException("Über den Antrag " + id + " ist bereits entschieden; die Entscheidung wartet auf Bestätigung.");
            }
            requireIndependent(c, app, approver, "entscheiden");
            Money amount = amount(app, outcome, request.amount());
            if (outcome != ApplicationState.REJECTED) {
                areas.policy(app.areaId()).ifPresent(p -> p.check(app, request, approver)); // the area's own rules, before any write
            }
            // four eyes on the sum for the same applicant, area and period: splitting does not avoid it. The running total
            // of what is decided for them is locked first, so concurrent decisions for the applicant count each other.
            long before = outcome == ApplicationState.REJECTED ? 0 : lockDecidedTotal(c, app);
            boolean needsConfirmation = outcome != ApplicationState.REJECTED
                    && Math.addExact(before, amount.cents()) > settings.fourEyesThreshold(app.areaId()).cents();
            LocalDate today = LocalDate.now(clock.withZone(BERLIN));
            String office = office(app);
            long decisionId = Sql.insert(c, "INSERT INTO decision (application_id, decided_on, approver, outcome, amount_cents,"
                            + " conditions, needs_confirmation, approval_office, letter_template) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    id, today, approver, outcome, amount.cents(), request.conditions(), needsConfirmation, office,
                    de.paktwerk.core.internal.letter.Letters.currentKey(c, app.areaId()));
            Decision decision;
            Application after = null;
            if (!needsConfirmation) {
                Sql.update(c, "UPDATE application SET state = ?, updated_at = ? WHERE id = ?", outcome, now(), id);
                after = find(c, id, false);
            }
            // the contended rows last, so that their locks are held as briefly as possible:
            // the budget and allocation of the area, then the head of the audit chain
            if (amount.isPositive()) {
                reserve(c, app, amount);
                addToDecidedTotal(c, app, amount.cents());
            }
            // the number last, and only for a decision in force: a refused, rolled-back or returned decision takes
            // none, so the numbers have no gaps (a decision awaiting its second approver gets it when confirmed)
            String number = null;
            if (!needsConfirmation) {
                number = nextDecisionNumber(c, settings.decisionPrefix(app.areaId()), today.getYear());
                Sql.update(c, "UPDATE decision SET number = ? WHERE id = ?", number, decisionId);
            }
            decision = new Decision(decisionId, id, number, today, approver, outcome, amount, request.conditions(),
                    needsConfirmation, null, null, office);
            audit.append(c, approver, "decision", String.valueOf(decisionId), "decide", null, Json.write(decision));
            if (after != null) {
                audit.append(c, approver, "application", String.valueOf(id), "decide", Json.write(app), Json.write(after));
                event(ApplicationEvents.DECIDED, after, amount.cents(), number);
            }
            return decision;
        });
    }

    private static Money amount(Application app, ApplicationState outcome, Money requestedAmount) {
        if (outcome == ApplicationState.REJECTED) {
            if (requestedAmount != null && requestedAmount.cents() != 0) {
                throw new InvalidInputException("Eine Ablehnung bewilligt keinen Betrag (amount weglassen oder 0.00).");
            }
            return Money.ZERO;
        }
        Money amount = requestedAmount == null && outcome == ApplicationState.APPROVED ? app.requested() : requestedAmount;
        if (amount == null || !amount.isPositive()) {
            throw new InvalidInputException("Der bewilligte Betrag muss größer als 0,00 € sein.");
        }
        if (outcome == ApplicationState.APPROVED && amount.compareTo(app.requested()) != 0) {
            throw new InvalidInputException("Eine volle Bewilligung bewilligt den beantragten Betrag von " + app.requested().toGerman()
                    + "; für weniger ist PARTIALLY_APPROVED zu wählen.");
        }
        if (outcome == ApplicationState.PARTIALLY_APPROVED && amount.compareTo(app.requested()) >= 0) {
            throw new InvalidInputException("Eine Teilbewilligung muss unter dem beantragten Betrag von " + app.requested().toGerman() + " liegen.");
        }
        if (amount.compareTo(app.priced()) > 0) {
            throw new ConflictException("Der Betrag " + amount.toGerman() + " übersteigt den förderfähigen Betrag von "
                    + app.priced().toGerman() + ".");
        }
        return amount;
    }

    /**
     * The approval office named on the decision: the one the administrator configured for the area; else the one the
     * area names for this application (its programmes may have different offices); else the area's own.
     */
    private String office(Application app) {
        if (!settings.configuresOffice(app.areaId())) {
            String own = areas.policy(app.areaId()).map(p -> p.approvalOffice(app)).orElse(null);
            if (own != null && !own.isBlank()) {
                return own;
            }
        }
        return areas.find(app.areaId()).map(settings::office).orElseGet(() -> settings.office(app.areaId()));
    }

    /** Whether approvals of the application count against the applicant's share (key-based areas). */
    private static boolean shareBound(Connection c, long applicationId) throws SQLException {
        return Sql.one(c, "SELECT share_bound FROM application WHERE id = ?", rs -> rs.getBoolean(1), applicationId).orElse(true);
    }

    /** Gives back what an approval no longer needs: the budget's and the allocation's committed amounts go down. */
    private static void release(Connection c, Application app, Money amount) throws SQLException {
        int budget = Sql.update(c, "UPDATE budget SET committed_cents = committed_cents - ? WHERE period_id = ? AND area_id = ?"
                + " AND committed_cents >= ?", amount.cents(), app.periodId(), app.areaId(), amount.cents());
        // an over-allocation shrinks with what is given back (approved never above allocated plus recorded excess)
        int allocation = !shareBound(c, app.id()) ? 1 : Sql.update(c, "UPDATE allocation SET committed_cents = committed_cents - ?,"
                + " over_allocated_cents = CASE WHEN committed_cents - ? > allocated_cents THEN committed_cents - ? - allocated_cents ELSE 0 END"
                + " WHERE area_id = ? AND period_id = ? AND body_key = ? AND committed_cents >= ?", amount.cents(), amount.cents(), amount.cents(),
                app.areaId(), app.periodId(), app.applicantKey(), amount.cents());
        if (budget != 1 || allocation != 1) {
            throw new IllegalStateException("Freigabe von " + amount + " für Antrag " + app.id() + " passt nicht zu Budget oder Anteil");
        }
    }

    /**
     * Locks the running total of what is decided for the application's applicant, area and period and returns it; the
     * row is made on first use (a concurrent first use finds it made: the insert runs behind a savepoint).
     */
    private static long lockDecidedTotal(Connection c, Application app) throws SQLException {
        String select = "SELECT decided_cents FROM decided_total WHERE applicant_key = ? AND area_id = ? AND period_id = ? FOR UPDATE";
        Optional<Long> total = Sql.one(c, select, rs -> rs.getLong(1), app.applicantKey(), app.areaId(), app.periodId());
        if (total.isPresent()) {
            return total.get();
        }
        java.sql.Savepoint first = c.setSavepoint();
        try {
            Sql.update(c, "INSERT INTO decided_total (applicant_key, area_id, period_id, decided_cents) VALUES (?, ?, ?, 0)",
                    app.applicantKey(), app.areaId(), app.periodId());
            c.releaseSavepoint(first);
        } catch (SQLException e) {
            if (!"23505".equals(e.getSQLState())) {
                throw e;
            }
            c.rollback(first); // made by a concurrent decision meanwhile
        }
        return Sql.one(c, select, rs -> rs.getLong(1), app.applicantKey(), app.areaId(), app.periodId()).orElseThrow();
    }

    private static void addToDecidedTotal(Connection c, Application app, long cents) throws SQLException {
        Sql.update(c, "UPDATE decided_total SET decided_cents = decided_cents + ? WHERE applicant_key = ? AND area_id = ? AND period_id = ?",
                cents, app.applicantKey(), app.areaId(), app.periodId());
    }

    /** Reserves the amount against the area budget and the applicant's allocation, or refuses. */
    private static void reserve(Connection c, Application app, Money amount) throws SQLException {
        int budget = Sql.update(c, "UPDATE budget SET committed_cents = committed_cents + ? WHERE period_id = ? AND area_id = ?"
                + " AND (capped = FALSE OR committed_cents + ? <= amount_cents)", amount.cents(), app.periodId(), app.areaId(), amount.cents());
        if (budget == 0) {
            throw new ConflictException("Die Bewilligung über " + amount.toGerman() + " überstiege das Budget des Förderbereichs '"
                    + app.areaId() + "' im Zeitraum " + app.periodId() + " (oder es ist keines festgelegt).",
                    de.paktwerk.core.api.ProblemType.BUDGET_EXHAUSTED);
        }
        if (!shareBound(c, app.id())) {
            return; // rate per position, settlement on actuals, competitive call: the budget is the only ceiling
        }
        int allocation = Sql.update(c, "UPDATE allocation SET committed_cents = committed_cents + ? WHERE area_id = ? AND period_id = ?"
                + " AND body_key = ? AND committed_cents + ? <= allocated_cents", amount.cents(), app.areaId(), app.periodId(),
                app.applicantKey(), amount.cents());
        if (allocation == 0) {
            throw new ConflictException("Die Bewilligung über " + amount.toGerman() + " überstiege den Anteil von "
                    + app.applicantKey() + " an der Verteilung (oder es gibt noch keine Verteilung).",
                    de.paktwerk.core.api.ProblemType.SHARE_EXCEEDED);
        }
    }

    @Override
    public Decision confirm(long id, String approver) {
        return jdbc.tx(c -> {
            Application app = find(c, id, true);
            Decision d = findDecision(c, id).orElseThrow(() -> new ConflictException("Über den Antrag " + id + " ist noch nicht entschieden."));
            if (!d.needsConfirmation()) {
                throw new ConflictException("Die Entscheidung über den Antrag " + id + " bedarf keiner Bestätigung.");
            }
            if (d.confirmedBy() != null) {
                throw new ConflictException("Die Entscheidung " + d.number() + " über den Antrag " + id + " ist bereits von " + d.confirmedBy() + " bestätigt.");
            }
            requireIndependent(c, app, approver, "bestätigen");
            if (d.approver().equals(approver)) {
                // an unconfirmed decision has no number yet (it gets it when confirmed)
                throw new ForbiddenException("Vier-Augen-Prinzip: die Entscheidung über den Antrag " + id
                        + " muss eine andere Person bestätigen als die, die entschieden hat.", de.paktwerk.core.api.ProblemType.FOUR_EYES);
            }
            Sql.update(c, "UPDATE decision SET confirmed_by = ?, confirmed_at = ?, number = ? WHERE id = ?", approver, now(),
                    nextDecisionNumber(c, settings.decisionPrefix(app.areaId()), LocalDate.now(clock.withZone(BERLIN)).getYear()), d.id());
            Decision confirmed = findDecision(c, id).orElseThrow();
            audit.append(c, approver, "decision", String.valueOf(d.id()), "confirm", Json.write(d), Json.write(confirmed));
            Application after = transition(c, app, d.outcome(), "decide", approver);
            event(ApplicationEvents.DECIDED, after, confirmed.amount().cents(), confirmed.number());
            return confirmed;
        });
    }

    @Override
    public Application returnDecision(long id, String reason, String approver) {
        if (reason == null || reason.isBlank() || reason.length() > 2000) {
            throw new InvalidInputException("Wer eine Entscheidung zurückgibt, nennt den Grund (reason, höchstens 2000 Zeichen).");
        }
        return jdbc.tx(c -> {
            Application app = find(c, id, true);
            Decision d = findDecision(c, id).orElseThrow(() -> new ConflictException("Über den Antrag " + id + " ist noch nicht entschieden."));
            if (d.effective()) {
                throw new ConflictException("Die Entscheidung über Antrag " + id + " ist bereits in Kraft; zurückgeben lässt sich nur eine,"
                        + " die auf die zweite Person wartet.", de.paktwerk.core.api.ProblemType.ILLEGAL_TRANSITION);
            }
            requireIndependent(c, app, approver, "zurückgeben");
            if (d.approver().equals(approver)) {
                throw new ForbiddenException("Vier-Augen-Prinzip: die wartende Entscheidung gibt die zweite Person zurück, nicht die, die"
                        + " entschieden hat.", de.paktwerk.core.api.ProblemType.FOUR_EYES);
            }
            Sql.insert(c, "INSERT INTO returned_decision (application_id, decided_by, decided_on, outcome, amount_cents, returned_by,"
                    + " returned_at, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", id, d.approver(), d.date(), d.outcome(), d.amount().cents(),
                    approver, now(), reason.trim());
            Sql.update(c, "DELETE FROM decision WHERE id = ?", d.id());
            if (d.amount().isPositive()) {
                lockDecidedTotal(c, app); // first, in the order decide takes its locks
                release(c, app, d.amount()); // the reservation goes back to the budget and the share
                addToDecidedTotal(c, app, -d.amount().cents());
            }
            audit.append(c, approver, "decision", String.valueOf(d.id()), "return", Json.write(d), null);
            return find(c, id, false);
        });
    }

    @Override
    public List<de.paktwerk.core.api.ReturnedDecision> returnedDecisions(long applicationId) {
        return jdbc.tx(c -> {
            find(c, applicationId, false);
            return Sql.list(c, "SELECT * FROM returned_decision WHERE application_id = ? ORDER BY id",
                    rs -> new de.paktwerk.core.api.ReturnedDecision(rs.getLong("application_id"), rs.getString("decided_by"), Sql.date(rs, "decided_on"),
                            ApplicationState.valueOf(rs.getString("outcome")), Money.ofCents(rs.getLong("amount_cents")), rs.getString("returned_by"),
                            rs.getTimestamp("returned_at").toInstant(), rs.getString("reason")), applicationId);
        });
    }

    @Override
    public Decision amendDecision(long id, DecisionAmendment request, String approver) {
        if (request == null || request.reason() == null || request.reason().isBlank() || request.reason().length() > 2000) {
            throw new InvalidInputException("Ein Änderungsbescheid nennt seinen Grund (reason, höchstens 2000 Zeichen).", "reason");
        }
        if (request.amount() == null && request.conditions() == null) {
            throw new InvalidInputException("Ein Änderungsbescheid ändert den Betrag (amount), die Nebenbestimmungen (conditions) oder beides.");
        }
        if (request.amount() != null && !request.amount().isPositive()) {
            throw new InvalidInputException("Der geänderte Betrag muss größer als 0,00 € sein; eine Zuwendung ganz aufzuheben ist kein"
                    + " Änderungsbescheid.", "amount");
        }
        if (request.conditions() != null && request.conditions().length() > 4000) {
            throw new InvalidInputException("Die Nebenbestimmungen sind länger als 4000 Zeichen.", "conditions");
        }
        return jdbc.tx(c -> {
            Application app = find(c, id, true); // drawdowns and the proof of use lock the application too
            Decision d = findDecision(c, id).filter(Decision::effective).filter(x -> x.outcome() != ApplicationState.REJECTED)
                    .orElseThrow(() -> new ConflictException("Antrag " + id + " hat keine Bewilligung in Kraft; ändern lässt sich nur eine solche.",
                            de.paktwerk.core.api.ProblemType.ILLEGAL_TRANSITION));
            if (Sql.count(c, "SELECT COUNT(*) FROM proof_of_use WHERE application_id = ?", id) > 0) {
                throw new ConflictException("Für Antrag " + id + " liegt der Verwendungsnachweis vor; die Zuwendung ist damit endgültig"
                        + " festgesetzt (Schlussbescheid) und lässt sich nicht mehr ändern.", de.paktwerk.core.api.ProblemType.ILLEGAL_TRANSITION);
            }
            requireIndependent(c, app, approver, "ändern");
            Money amount = request.amount() == null ? d.amount() : request.amount();
            if (amount.compareTo(d.amount()) > 0) {
                throw new ConflictException("Ein Änderungsbescheid setzt die Zuwendung herab: " + amount.toGerman() + " liegt über den bewilligten "
                        + d.amount().toGerman() + "; für mehr stellt der Antragsteller einen neuen Antrag.");
            }
            Money paid = Money.ofCents(Sql.count(c, "SELECT COALESCE(SUM(amount_cents), 0) FROM drawdown WHERE application_id = ?", id));
            if (amount.compareTo(paid) < 0) {
                throw new ConflictException("Ausgezahlt sind bereits " + paid.toGerman() + "; unter diesen Betrag lässt sich die Zuwendung"
                        + " nicht herabsetzen (" + amount.toGerman() + ").");
            }
            String conditions = request.conditions() == null ? d.conditions() : request.conditions().isBlank() ? null : request.conditions().trim();
            if (amount.compareTo(d.amount()) == 0 && java.util.Objects.equals(conditions, d.conditions())) {
                throw new InvalidInputException("Der Änderungsbescheid änderte nichts: Betrag und Nebenbestimmungen sind schon so bewilligt.");
            }
            ApplicationState outcome = amount.compareTo(app.requested()) < 0 ? ApplicationState.PARTIALLY_APPROVED : d.outcome();
            LocalDate today = LocalDate.now(clock.withZone(BERLIN));
            int seq = (int) Sql.count(c, "SELECT COUNT(*) FROM decision_amendment WHERE application_id = ?", id) + 1;
            Money lower = d.amount().minus(amount);
            if (lower.isPositive()) {
                lockDecidedTotal(c, app); // in the order decide takes its locks
                release(c, app, lower); // back to the budget and the applicant's share
                addToDecidedTotal(c, app, -lower.cents());
            }
            Sql.update(c, "UPDATE decision SET amount_cents = ?, conditions = ?, outcome = ? WHERE id = ?", amount.cents(), conditions, outcome, d.id());
            Application after = app;
            if (outcome != app.state()) {
                Sql.update(c, "UPDATE application SET state = ?, updated_at = ? WHERE id = ?", outcome, now(), id);
                after = find(c, id, false);
                audit.append(c, approver, "application", String.valueOf(id), "amend", Json.write(app), Json.write(after));
            }
            String number = nextDecisionNumber(c, settings.decisionPrefix(app.areaId()), today.getYear());
            Sql.insert(c, "INSERT INTO decision_amendment (application_id, seq, number, decided_on, approver, previous_outcome, previous_amount_cents,"
                            + " previous_conditions, outcome, amount_cents, conditions, reason, letter_template, created_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", id, seq, number, today, approver, d.outcome(), d.amount().cents(),
                    d.conditions(), outcome, amount.cents(), conditions, request.reason().trim(),
                    de.paktwerk.core.internal.letter.Letters.currentKey(c, app.areaId()), now());
            Decision amended = findDecision(c, id).orElseThrow();
            // the reason stays in the table; the chain records what changed and the change's number
            Map<String, Object> record = new java.util.TreeMap<>(Json.mapper().convertValue(amended, Map.class));
            record.put("amendment", number);
            audit.append(c, approver, "decision", String.valueOf(d.id()), "amend", Json.write(d), Json.object(record));
            event(ApplicationEvents.AMENDED, after, amount.cents(), number);
            return amended;
        });
    }

    @Override
    public List<Decision> awaitingConfirmation(String approver) {
        return jdbc.tx(c -> Sql.list(c, "SELECT * FROM decision WHERE needs_confirmation = TRUE AND confirmed_by IS NULL AND approver <> ?"
                + " ORDER BY id", ApplicationServiceImpl::mapDecision, approver == null ? "" : approver));
    }

    @Override
    public Optional<Decision> decision(long applicationId) {
        return jdbc.tx(c -> {
            find(c, applicationId, false);
            return findDecision(c, applicationId);
        });
    }

    private Decision effectiveApproval(Connection c, Application app) throws SQLException {
        if (app.state() != ApplicationState.APPROVED && app.state() != ApplicationState.PARTIALLY_APPROVED) {
            throw new ConflictException("Antrag " + app.id() + " ist " + app.state().german() + "; Mittel gibt es nur für bewilligte Anträge.");
        }
        return findDecision(c, app.id()).orElseThrow();
    }

    @Override
    public Drawdown drawdown(long id, Money amount, String actor) {
        if (amount == null || !amount.isPositive()) {
            throw new InvalidInputException("Der abgerufene Betrag muss größer als 0,00 € sein.");
        }
        return jdbc.tx(c -> {
            Application app = find(c, id, true); // the row lock serialises drawdowns of one application
            Decision d = effectiveApproval(c, app);
            if (!actsAsApplicant(app, actor)) {
                requireIndependent(c, app, actor, "auszahlen");
            }
            if (Sql.count(c, "SELECT COUNT(*) FROM proof_of_use WHERE application_id = ?", id) > 0) {
                throw new ConflictException("Für Antrag " + id + " liegt der Verwendungsnachweis vor; weitere Abrufe sind nicht möglich.");
            }
            long drawn = Sql.count(c, "SELECT COALESCE(SUM(amount_cents), 0) FROM drawdown WHERE application_id = ?", id);
            if (drawn + amount.cents() > d.amount().cents()) {
                throw new ConflictException("Der Abruf über " + amount.toGerman() + " überstiege den bewilligten Betrag von "
                        + d.amount().toGerman() + " (bereits abgerufen: " + Money.ofCents(drawn).toGerman() + ").");
            }
            Instant now = now();
            long drawdownId = Sql.insert(c, "INSERT INTO drawdown (application_id, amount_cents, created_at, created_by) VALUES (?, ?, ?, ?)",
                    id, amount.cents(), now, actor);
            Drawdown result = new Drawdown(drawdownId, id, amount, now, actor);
            audit.append(c, actor, "drawdown", String.valueOf(drawdownId), "create", null, Json.write(result));
            return result;
        });
    }

    @Override
    public List<Drawdown> drawdowns(long id) {
        return jdbc.tx(c -> {
            find(c, id, false);
            return Sql.list(c, "SELECT * FROM drawdown WHERE application_id = ? ORDER BY id", rs -> new Drawdown(rs.getLong("id"),
                    rs.getLong("application_id"), Money.ofCents(rs.getLong("amount_cents")), Sql.instant(rs, "created_at"),
                    rs.getString("created_by")), id);
        });
    }

    @Override
    public ProofOfUse proofOfUse(long id, ProofOfUseRequest request, String actor) {
        if (request == null) {
            throw new InvalidInputException("Angaben zum Verwendungsnachweis fehlen.");
        }
        Money spent = request.spent();
        if (spent == null || spent.isNegative()) {
            throw new InvalidInputException("Die verausgabte Summe muss mindestens 0,00 € sein.");
        }
        String reason = request.onBehalfReason() == null || request.onBehalfReason().isBlank() ? null : request.onBehalfReason().trim();
        if (reason != null && reason.length() > 2000) {
            throw new InvalidInputException("Die Begründung ist länger als 2000 Zeichen.");
        }
        JsonNode actuals = request.actuals() == null || request.actuals().isNull() ? null : request.actuals();
        String actualsJson = payload(actuals);
        return jdbc.tx(c -> {
            Application app = find(c, id, true);
            Decision decision = effectiveApproval(c, app);
            boolean onBehalf = !actsAsApplicant(app, actor);
            if (onBehalf) {
                requireIndependent(c, app, actor, "den Verwendungsnachweis erfassen");
                if (reason == null) {
                    throw new InvalidInputException("Den Verwendungsnachweis erfasst die Bewilligungsstelle nur für den Antragsteller"
                            + " und mit Begründung (reason).");
                }
            }
            if (Sql.count(c, "SELECT COUNT(*) FROM proof_of_use WHERE application_id = ?", id) > 0) {
                throw new ConflictException("Für Antrag " + id + " liegt bereits ein Verwendungsnachweis vor.");
            }
            areas.requireArea(app.areaId()); // only the area knows whether and how it settles
            Money approved = decision.amount();
            Money paid = Money.ofCents(Sql.count(c, "SELECT COALESCE(SUM(amount_cents), 0) FROM drawdown WHERE application_id = ?", id));
            Optional<Settlement> settlement = areas.settlement(app.areaId());
            Assessment settled = null;
            if (settlement.isPresent()) {
                if (actuals == null) {
                    throw new InvalidInputException("Der Förderbereich '" + app.areaId() + "' rechnet nach tatsächlicher Leistung ab:"
                            + " der Verwendungsnachweis braucht die Ist-Angaben (actuals).");
                }
                settled = settlement.get().settle(new SettlementContext(app, approved, paid, spent), actuals);
                if (settled == null) {
                    throw new IllegalStateException("Förderbereich " + app.areaId() + " lieferte keine Abrechnung");
                }
            } else if (actuals != null) {
                throw new InvalidInputException("Der Förderbereich '" + app.areaId() + "' rechnet nicht nach Ist-Angaben ab;"
                        + " actuals entfällt.");
            }
            // settlement: what is accepted is the spending up to the approved amount; what was paid beyond it is
            // reclaimed, what is accepted beyond what was paid is paid out now (Schlusszahlung), and the rest of
            // the approval is released; budget and allocation are committed for the accepted amount only, so
            // approved = paid (net of reclaims) + released + reclaimed
            Money accepted = Money.min(spent, approved);
            if (settled != null) {
                accepted = Money.min(accepted, settled.amount()); // never more than spent nor than approved
            }
            Money reclaim = Money.max(Money.ZERO, paid.minus(accepted));
            Money finalPayment = Money.max(Money.ZERO, accepted.minus(paid));
            Money released = approved.minus(Money.max(paid, accepted));
            Instant now = now();
            List<de.paktwerk.core.api.LineItem> lines = settled == null ? List.of() : settled.items();
            long proofId = Sql.insert(c, "INSERT INTO proof_of_use (application_id, spent_cents, paid_cents, released_cents, created_at,"
                    + " created_by, on_behalf_reason, accepted_cents, settlement) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", id, spent.cents(),
                    paid.cents(), released.cents(), now, actor, onBehalf ? reason : null, accepted.cents(),
                    settled == null ? null : Json.write(lines));
            if (finalPayment.isPositive()) {
                long drawdownId = Sql.insert(c, "INSERT INTO drawdown (application_id, amount_cents, created_at, created_by) VALUES (?, ?, ?, ?)",
                        id, finalPayment.cents(), now, de.paktwerk.core.api.Actors.SYSTEM);
                audit.append(c, de.paktwerk.core.api.Actors.SYSTEM, "drawdown", String.valueOf(drawdownId), "final-payment", null,
                        Json.write(new Drawdown(drawdownId, id, finalPayment, now, de.paktwerk.core.api.Actors.SYSTEM)));
            }
            Money freed = approved.minus(accepted);
            if (freed.isPositive()) {
                release(c, app, freed);
            }
            ProofOfUse proof = new ProofOfUse(proofId, id, spent, paid, reclaim, now, actor, accepted, released, lines);
            // the reason stays in the table (deletable); the chain records only that it was on behalf
            Map<String, Object> record = new java.util.TreeMap<>(Json.mapper().convertValue(proof, Map.class));
            record.put("onBehalf", onBehalf);
            audit.append(c, actor, "proof_of_use", String.valueOf(proofId), "create", null, Json.object(record));
            if (reclaim.isPositive()) {
                long reclaimId = Sql.insert(c, "INSERT INTO reclaim (application_id, debtor_key, amount_cents, created_at) VALUES (?, ?, ?, ?)",
                        id, app.applicantKey(), reclaim.cents(), now);
                audit.append(c, actor, "reclaim", String.valueOf(reclaimId), "create", null,
                        Json.write(new Reclaim(reclaimId, id, app.applicantKey(), reclaim, now)));
            }
            event(ApplicationEvents.SETTLED, app, accepted.cents(), decision.number());
            return proof;
        });
    }

    @Override
    public Optional<ProofOfUse> proof(long applicationId) {
        return jdbc.tx(c -> {
            find(c, applicationId, false);
            return Sql.one(c, "SELECT * FROM proof_of_use WHERE application_id = ?", rs -> {
                Money spent = Money.ofCents(rs.getLong("spent_cents"));
                Money paid = Money.ofCents(rs.getLong("paid_cents"));
                Money accepted = Money.ofCents(rs.getLong("accepted_cents"));
                return new ProofOfUse(rs.getLong("id"), applicationId, spent, paid, Money.max(Money.ZERO, paid.minus(accepted)),
                        Sql.instant(rs, "created_at"), rs.getString("created_by"), accepted, Money.ofCents(rs.getLong("released_cents")),
                        lines(rs.getString("settlement")));
            }, applicationId);
        });
    }

    @Override
    public List<Reclaim> reclaims(String debtorKey) {
        return jdbc.tx(c -> Sql.list(c, "SELECT * FROM reclaim" + (debtorKey == null ? "" : " WHERE debtor_key = ?") + " ORDER BY id",
                rs -> new Reclaim(rs.getLong("id"), rs.getLong("application_id"), rs.getString("debtor_key"),
                        Money.ofCents(rs.getLong("amount_cents")), Sql.instant(rs, "created_at")),
                debtorKey == null ? new Object[0] : new Object[] {debtorKey}));
    }

    /** Whether the actor holds the applicant's own scope (acts as the applicant, not as the office). */
    private boolean actsAsApplicant(Application app, String actor) {
        Set<String> roles = actors.roles(actor).orElse(Set.of());
        return roles.contains(Caller.MUNICIPALITY_SCOPE + app.applicantKey())
                || app.providerId() != null && roles.contains(Caller.PROVIDER_SCOPE + app.providerId());
    }

    /** Why this applicant may not apply in the area, with advice that fits it. */
    private String applicantAdvice(de.paktwerk.core.api.AreaDescriptor area, ApplicantKind kind, Municipality applicant) {
        if (kind == ApplicantKind.GEMEINDE && area.applicants().contains(ApplicantKind.LANDKREIS)) {
            return "Im Förderbereich " + area.title() + " beantragen die Stadt- und Landkreise; " + applicant.name()
                    + " nimmt über den Landkreis " + applicant.districtName() + " teil.";
        }
        if (kind == ApplicantKind.PROVIDER) {
            return "Im Förderbereich " + area.title() + " beantragt die Kommune, nicht der Träger im eigenen Namen;"
                    + " der Träger kann im Antrag der Kommune genannt werden (providerId).";
        }
        return "Im Förderbereich " + area.title() + " ist " + applicant.name() + " (" + kind + ") nicht antragsberechtigt.";
    }

    /**
     * Separation of duties: whoever created or submitted an application, or acts for its applicant, never decides,
     * confirms, pays out or records its proof of use on the office's side.
     */
    private void requireIndependent(Connection c, Application app, String actor, String what) throws SQLException {
        String submittedBy = Sql.one(c, "SELECT submitted_by FROM application WHERE id = ?", rs -> rs.getString(1), app.id()).orElse(null);
        String why = actor.equals(app.createdBy()) ? "Sie haben den Antrag " + app.id() + " angelegt"
                : actor.equals(submittedBy) ? "Sie haben den Antrag " + app.id() + " eingereicht"
                : actsAsApplicant(app, actor) ? "Sie handeln für den Antragsteller " + app.applicantKey() : null;
        if (why != null) {
            throw new ForbiddenException("Trennung der Aufgaben: " + why + "; Sie dürfen ihn daher nicht " + what + ".",
                    de.paktwerk.core.api.ProblemType.SEPARATION_OF_DUTIES);
        }
    }

    /**
     * The next decision number of the prefix and year, counted in a row of its own inside the deciding transaction:
     * a decision that rolls back gives its number back, so the numbers have no gaps. A missing row starts after the
     * highest number already issued (decisions made before the counter existed).
     */
    static String nextDecisionNumber(Connection c, String prefix, int year) throws SQLException {
        if (Sql.update(c, "UPDATE decision_counter SET last_number = last_number + 1 WHERE prefix = ? AND decision_year = ?", prefix, year) == 0) {
            String head = prefix + "-" + year + "-";
            long last = 0;
            for (String n : Sql.list(c, "SELECT number FROM decision WHERE number LIKE ?", rs -> rs.getString(1), head + "%")) {
                try {
                    last = Math.max(last, Long.parseLong(n.substring(head.length())));
                } catch (NumberFormatException ignored) {
                    // not one of ours
                }
            }
            java.sql.Savepoint sp = c.setSavepoint();
            try {
                Sql.update(c, "INSERT INTO decision_counter (prefix, decision_year, last_number) VALUES (?, ?, ?)", prefix, year, last + 1);
                c.releaseSavepoint(sp);
            } catch (SQLException raced) {
                if (raced.getSQLState() == null || !raced.getSQLState().startsWith("23")) {
                    throw raced;
                }
                c.rollback(sp); // another transaction created the row meanwhile: count on it
                Sql.update(c, "UPDATE decision_counter SET last_number = last_number + 1 WHERE prefix = ? AND decision_year = ?", prefix, year);
            }
        }
        long n = Sql.count(c, "SELECT last_number FROM decision_counter WHERE prefix = ? AND decision_year = ?", prefix, year);
        return String.format("%s-%d-%06d", prefix, year, n);
    }

    private static Application find(Connection c, long id, boolean lock) throws SQLException {
        return Sql.one(c, "SELECT * FROM application WHERE id = ?" + (lock ? " FOR UPDATE" : ""), ApplicationServiceImpl::map, id)
                .orElseThrow(() -> new UnknownEntityException("Antrag " + id + " ist unbekannt."));
    }

    private static Optional<Decision> findDecision(Connection c, long applicationId) throws SQLException {
        return Sql.one(c, "SELECT * FROM decision WHERE application_id = ?", ApplicationServiceImpl::mapDecision, applicationId);
    }

    private static Decision mapDecision(ResultSet rs) throws SQLException {
        return new Decision(rs.getLong("id"), rs.getLong("application_id"), rs.getString("number"), Sql.date(rs, "decided_on"),
                rs.getString("approver"), ApplicationState.valueOf(rs.getString("outcome")), Money.ofCents(rs.getLong("amount_cents")),
                rs.getString("conditions"), rs.getBoolean("needs_confirmation"), rs.getString("confirmed_by"), Sql.instant(rs, "confirmed_at"),
                rs.getString("approval_office"));
    }

    static Application map(ResultSet rs) throws SQLException {
        String payload = rs.getString("payload");
        JsonNode node;
        try {
            node = payload == null ? null : Json.stored().readTree(payload);
        } catch (JsonProcessingException e) {
            throw new SQLException("gespeicherte Angaben sind kein JSON", e);
        }
        return new Application(rs.getLong("id"), rs.getString("applicant_key"), rs.getString("area_id"), rs.getString("period_id"),
                Money.ofCents(rs.getLong("requested_cents")), Money.ofCents(rs.getLong("priced_cents")),
                Sql.nullableLong(rs, "provider_id"), node, ApplicationState.valueOf(rs.getString("state")),
                Sql.instant(rs, "created_at"), rs.getString("created_by"), Sql.instant(rs, "updated_at"), lines(rs.getString("assessment")),
                rs.getString("term_kind") == null ? null : new de.paktwerk.core.api.Term(de.paktwerk.core.api.Term.Kind.valueOf(rs.getString("term_kind")),
                        Sql.date(rs, "term_start"), Sql.date(rs, "term_end")),
                ApplicantKind.valueOf(rs.getString("applicant_kind")));
    }

    private static final com.fasterxml.jackson.core.type.TypeReference<List<de.paktwerk.core.api.LineItem>> LINES = new com.fasterxml.jackson.core.type.TypeReference<>() {
    };

    private static List<de.paktwerk.core.api.LineItem> lines(String json) throws SQLException {
        if (json == null) {
            return List.of();
        }
        try {
            return Json.stored().readValue(json, LINES);
        } catch (JsonProcessingException e) {
            throw new SQLException("gespeicherte Positionen sind kein JSON", e);
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
