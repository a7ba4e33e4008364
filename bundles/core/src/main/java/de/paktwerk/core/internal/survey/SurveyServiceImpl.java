package de.paktwerk.core.internal.survey;

import de.paktwerk.core.api.AuditLog;
import de.paktwerk.core.api.ConflictException;
import de.paktwerk.core.api.ForbiddenException;
import de.paktwerk.core.api.InvalidInputException;
import de.paktwerk.core.api.KeyFigure;
import de.paktwerk.core.api.Municipality;
import de.paktwerk.core.api.MunicipalityKind;
import de.paktwerk.core.api.MunicipalityQuery;
import de.paktwerk.core.api.MunicipalityRegistry;
import de.paktwerk.core.api.Page;
import de.paktwerk.core.api.SurveyService;
import de.paktwerk.core.api.UnknownEntityException;
import de.paktwerk.core.api.db.Sql;
import de.paktwerk.core.api.rest.Caller;
import de.paktwerk.core.internal.db.CoreDatabase;
import de.paktwerk.core.internal.db.Jdbc;
import de.paktwerk.core.internal.json.Json;
import de.paktwerk.core.internal.municipality.KeyFiguresImpl;
import de.paktwerk.core.internal.security.ActorRoles;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The count survey ({@code survey}, {@code survey_report}, {@code survey_correction}): who reports, who confirms,
 * completeness, closing into key figures and corrections. Every change of a survey holds the survey's row lock, so
 * that a report, a confirmation and the closing never cross.
 */
@Component(service = SurveyService.class, configurationPid = "de.paktwerk.survey")
@Designate(ocd = SurveyConfig.class)
public class SurveyServiceImpl implements SurveyService {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final Set<MunicipalityKind> REPORTING = Set.of(MunicipalityKind.GEMEINDE, MunicipalityKind.STADTKREIS);

    private final Jdbc jdbc;
    private final AuditLog audit;
    private final MunicipalityRegistry registry;
    private final KeyFiguresImpl figures;
    private final ActorRoles actors;
    private final Clock clock;
    private volatile int maxChangePercent;
    /** Events go out through EventAdmin when it is there (feature eventadmin), after the change is committed. */
    @Reference(cardinality = org.osgi.service.component.annotations.ReferenceCardinality.OPTIONAL,
            policy = org.osgi.service.component.annotations.ReferencePolicy.DYNAMIC,
            policyOption = org.osgi.service.component.annotations.ReferencePolicyOption.GREEDY)
    volatile org.osgi.service.event.EventAdmin eventAdmin;

    @Activate
    public SurveyServiceImpl(@Reference CoreDatabase database, @Reference AuditLog audit, @Reference MunicipalityRegistry registry,
                             @Reference KeyFiguresImpl figures, @Reference ActorRoles actors, @Reference Clock clock, SurveyConfig config) {
        this.jdbc = database.jdbc();
        this.audit = audit;
        this.registry = registry;
        this.figures = figures;
        this.actors = actors;
        this.clock = clock;
        modified(config);
    }

    @Modified
    void modified(SurveyConfig config) {
        if (config.maxChangePercent() < 1) {
            throw new IllegalArgumentException("maxChangePercent must be at least 1");
        }
        this.maxChangePercent = config.maxChangePercent();
    }

    /** Who acts: the office sees and closes everything; scopes name the bodies (and Landkreise) a user acts for. */
    private record Who(String name, boolean office, boolean readsAll, Set<String> scopes) {
        boolean actsFor(String key) {
            return key != null && scopes.contains(key);
        }
    }

    private Who who(String actor) {
        Set<String> roles = actors.roles(actor).orElse(Set.of());
        boolean office = roles.contains(Caller.ADMIN) || roles.contains(Caller.APPROVER) || roles.contains(Caller.STATISTICS);
        Set<String> scopes = new HashSet<>();
        roles.stream().filter(r -> r.startsWith(Caller.MUNICIPALITY_SCOPE)).forEach(r -> scopes.add(r.substring(Caller.MUNICIPALITY_SCOPE.length())));
        return new Who(actor, office, office || roles.contains(Caller.AUDITOR), scopes);
    }

    /** The body that confirms a body's report: its Landkreis, or a Stadtkreis itself. */
    private static String confirmer(Municipality m) {
        return m.kind() == MunicipalityKind.STADTKREIS ? m.key() : m.districtKey();
    }

    private static boolean maySee(Who who, Municipality m) {
        return who.readsAll() || who.actsFor(m.key()) || who.actsFor(m.districtKey());
    }

    /** Posts a survey event once the current transaction has committed: keys and counts, no personal data. */
    private void event(String topic, Survey s, String bodyKey, Long value) {
        Map<String, Object> props = new HashMap<>();
        props.put(de.paktwerk.core.api.SurveyEvents.SURVEY_ID, s.id());
        props.put(de.paktwerk.core.api.SurveyEvents.KEY_FIGURE_TYPE, s.keyFigureType());
        props.put(de.paktwerk.core.api.SurveyEvents.REFERENCE_DATE, s.referenceDate().toString());
        if (bodyKey != null) {
            props.put(de.paktwerk.core.api.SurveyEvents.BODY_KEY, bodyKey);
        }
        if (value != null) {
            props.put(de.paktwerk.core.api.SurveyEvents.VALUE, value);
        }
        org.osgi.service.event.Event e = new org.osgi.service.event.Event(topic, props);
        jdbc.afterCommit(() -> {
            org.osgi.service.event.EventAdmin admin = eventAdmin;
            if (admin != null) {
                admin.postEvent(e);
            }
        });
    }

    // ---------------------------------------------------------------- surveys

    @Override
    public Survey open(Opening opening, String actor) {
        if (!who(actor).office()) {
            throw new ForbiddenException("Eine Erhebung eröffnet die Bewilligungsstelle oder das Statistische Landesamt.");
        }
        if (opening == null) {
            throw new InvalidInputException("Es fehlen die Angaben der Erhebung.");
        }
        String type = opening.keyFigureType() == null ? KeyFigure.REFUGEES : opening.keyFigureType();
        if (!type.matches("[a-z][a-z0-9-]{0,31}")) {
            throw new InvalidInputException("Die Art der Kennzahl besteht aus Kleinbuchstaben, Ziffern und Bindestrichen, z. B. refugees.", "keyFigureType");
        }
        if (KeyFigure.POPULATION.equals(type)) {
            throw new InvalidInputException("Einwohnerzahlen kommen aus der amtlichen Statistik und werden nicht erhoben.", "keyFigureType");
        }
        LocalDate day = opening.referenceDate();
        if (day == null) {
            throw new InvalidInputException("Bitte den Stichtag der Erhebung angeben.", "referenceDate");
        }
        String cohort = text(opening.cohort(), "cohort", 2000);
        if (cohort == null) {
            throw new InvalidInputException("Bitte beschreiben, wer gezählt wird (z. B. Geflüchtete der Zugänge 01.01.2015–29.02.2016 in der"
                    + " Anschlussunterbringung).", "cohort");
        }
        plausibleDay(day, "referenceDate");
        plausibleDay(opening.reportDeadline(), "reportDeadline");
        plausibleDay(opening.correctionsUntil(), "correctionsUntil");
        LocalDate deadline = opening.reportDeadline() != null ? opening.reportDeadline() : LocalDate.of(day.getYear(), 10, 15);
        LocalDate correctionsUntil = opening.correctionsUntil() != null ? opening.correctionsUntil() : LocalDate.of(day.getYear(), 12, 31);
        if (!deadline.isAfter(day)) {
            throw new InvalidInputException("Die Meldefrist (" + deadline.format(DAY) + ") muss nach dem Stichtag (" + day.format(DAY) + ") liegen.",
                    "reportDeadline");
        }
        if (correctionsUntil.isBefore(deadline)) {
            throw new InvalidInputException("Korrekturen enden (" + correctionsUntil.format(DAY) + ") nicht vor der Meldefrist ("
                    + deadline.format(DAY) + ").", "correctionsUntil");
        }
        return jdbc.tx(c -> {
            Optional<Survey> existing = of(c, type, day);
            if (existing.isPresent()) {
                throw new ConflictException("Für den Stichtag " + day.format(DAY) + " gibt es schon die Erhebung Nr. " + existing.get().id() + ".");
            }
            Instant now = clock.instant();
            long id = Sql.insert(c, "INSERT INTO survey (figure_type, reference_date, cohort, report_deadline, corrections_until, state,"
                    + " opened_by, opened_at) VALUES (?, ?, ?, ?, ?, 'OPEN', ?, ?)", type, day, cohort, deadline, correctionsUntil, actor,
                    now);
            audit.append(c, actor, "survey", String.valueOf(id), "open", null, Json.object(Map.of("keyFigureType", type,
                    "referenceDate", day.toString(), "reportDeadline", deadline.toString(), "correctionsUntil", correctionsUntil.toString())));
            Survey opened = find(c, id, false);
            event(de.paktwerk.core.api.SurveyEvents.OPENED, opened, null, null);
            return opened;
        });
    }

    @Override
    public List<Survey> surveys() {
        return jdbc.tx(c -> Sql.list(c, "SELECT * FROM survey ORDER BY reference_date DESC, figure_type", SurveyServiceImpl::survey));
    }

    @Override
    public Survey get(long id) {
        return jdbc.tx(c -> find(c, id, false));
    }

    @Override
    public Optional<Survey> of(String keyFigureType, LocalDate referenceDate) {
        return jdbc.tx(c -> of(c, keyFigureType, referenceDate));
    }

    private static Optional<Survey> of(Connection c, String type, LocalDate day) throws SQLException {
        return Sql.one(c, "SELECT * FROM survey WHERE figure_type = ? AND reference_date = ?", SurveyServiceImpl::survey, type, day);
    }

    private static Survey find(Connection c, long id, boolean lock) throws SQLException {
        return Sql.one(c, "SELECT * FROM survey WHERE id = ?" + (lock ? " FOR UPDATE" : ""), SurveyServiceImpl::survey, id)
                .orElseThrow(() -> new UnknownEntityException("Erhebung Nr. " + id + " ist unbekannt."));
    }

    private static Survey survey(ResultSet rs) throws SQLException {
        return new Survey(rs.getLong("id"), rs.getString("figure_type"), Sql.date(rs, "reference_date"), rs.getString("cohort"),
                Sql.date(rs, "report_deadline"), Sql.date(rs, "corrections_until"), State.valueOf(rs.getString("state")),
                rs.getInt("corrections"), rs.getString("opened_by"), Sql.instant(rs, "opened_at"), rs.getString("closed_by"),
                Sql.instant(rs, "closed_at"));
    }

    // ---------------------------------------------------------------- reading reports

    /** The bodies that report, by key. */
    private Map<String, Municipality> reportingBodies() {
        Map<String, Municipality> out = new LinkedHashMap<>();
        registry.list(new MunicipalityQuery(null, REPORTING, null), 0, Page.MAX_LIMIT).items().forEach(m -> out.put(m.key(), m));
        return out;
    }

    private Municipality reportingBody(String key) {
        if (key == null || key.isBlank()) {
            throw new InvalidInputException("Bitte die Gemeinde (amtlicher Schlüssel) angeben.", "bodyKey");
        }
        Municipality m = registry.find(key).orElseThrow(() -> new UnknownEntityException("Kommune mit Schlüssel '"
                + (key.length() > 12 ? key.substring(0, 12) + "…" : key) + "' ist unbekannt."));
        if (!REPORTING.contains(m.kind())) {
            throw new InvalidInputException(m.name() + " meldet nicht selbst: gemeldet wird je Gemeinde und Stadtkreis.", "bodyKey");
        }
        return m;
    }

    /** The stored rows of a survey, by body key. */
    private static Map<String, Row> rows(Connection c, long id) throws SQLException {
        Map<String, Row> out = new HashMap<>(2048);
        Sql.list(c, "SELECT * FROM survey_report WHERE survey_id = ?", SurveyServiceImpl::row, id).forEach(r -> out.put(r.bodyKey(), r));
        return out;
    }

    private static Optional<Row> row(Connection c, long id, String key) throws SQLException {
        return Sql.one(c, "SELECT * FROM survey_report WHERE survey_id = ? AND body_key = ?", SurveyServiceImpl::row, id, key);
    }

    /** A stored row of survey_report. */
    private record Row(String bodyKey, ReportState state, Long value, boolean enteredByDistrict, String contact, String remark,
                       String returnReason, String flags, String assumption, String reportedBy, Instant reportedAt, String confirmedBy,
                       Instant confirmedAt) {
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getString("body_key"), ReportState.valueOf(rs.getString("state")), Sql.nullableLong(rs, "figure_value"),
                rs.getBoolean("entered_by_district"), rs.getString("contact"), rs.getString("remark"), rs.getString("return_reason"),
                rs.getString("flags"), rs.getString("assumption"), rs.getString("reported_by"), Sql.instant(rs, "reported_at"),
                rs.getString("confirmed_by"), Sql.instant(rs, "confirmed_at"));
    }

    private static Report report(long id, Municipality m, Row r) {
        if (r == null) {
            return new Report(id, m.key(), m.name(), m.districtKey(), ReportState.MISSING, null, false, null, null, null, List.of(),
                    null, null, null, null, null);
        }
        return new Report(id, m.key(), m.name(), m.districtKey(), r.state(), r.value(), r.enteredByDistrict(), r.contact(), r.remark(),
                r.returnReason(), r.flags() == null || r.flags().isEmpty() ? List.of() : List.of(r.flags().split("\n")), r.reportedBy(),
                r.reportedAt(), r.confirmedBy(), r.confirmedAt(), r.assumption());
    }

    @Override
    public Page<Report> reports(long id, String districtKey, ReportState state, String text, String actor, int offset, int limit) {
        Page.check(offset, limit);
        if (text != null && text.length() > 200) {
            throw new InvalidInputException("Der Suchtext ist länger als 200 Zeichen.", "q");
        }
        Who who = who(actor);
        Map<String, Municipality> bodies = reportingBodies();
        String needle = text == null || text.isBlank() ? null : text.trim().toLowerCase(Locale.GERMAN);
        Predicate<Municipality> shown = m -> maySee(who, m) && (districtKey == null || districtKey.isBlank() || districtKey.equals(m.districtKey()))
                && (needle == null || m.key().startsWith(needle) || m.name().toLowerCase(Locale.GERMAN).contains(needle));
        return jdbc.tx(c -> {
            find(c, id, false);
            Map<String, Row> rows = rows(c, id);
            List<Report> all = bodies.values().stream().filter(shown).map(m -> report(id, m, rows.get(m.key())))
                    .filter(r -> state == null || r.state() == state)
                    .sorted(Comparator.comparing(Report::bodyName, java.text.Collator.getInstance(Locale.GERMAN)).thenComparing(Report::bodyKey))
                    .toList();
            return new Page<>(all.subList(Math.min(offset, all.size()), Math.min(all.size(), offset + limit)), all.size(), offset, limit);
        });
    }

    @Override
    public Report report(long id, String bodyKey, String actor) {
        Municipality m = reportingBody(bodyKey);
        if (!maySee(who(actor), m)) {
            throw new ForbiddenException("Die Meldung von " + m.name() + " sehen nur die Gemeinde, ihr Kreis und die Bewilligungsstelle.");
        }
        return jdbc.tx(c -> {
            find(c, id, false);
            return report(id, m, row(c, id, m.key()).orElse(null));
        });
    }

    // ---------------------------------------------------------------- reporting and confirming

    @Override
    public Report submit(long id, String bodyKey, Count count, String actor) {
        Municipality m = reportingBody(bodyKey);
        Who who = who(actor);
        boolean own = who.actsFor(m.key());
        boolean district = !own && m.kind() == MunicipalityKind.GEMEINDE && who.actsFor(m.districtKey());
        if (!own && !district) {
            throw new ForbiddenException("Für " + m.name() + " meldet die Gemeinde selbst; ihr Kreis trägt eine Zahl nur ein, wenn sie nicht meldet.");
        }
        if (count == null) {
            throw new InvalidInputException("Es fehlt die Meldung.");
        }
        long value = checkedValue(count.value(), m);
        String contact = text(count.contact(), "contact", 200);
        String remark = text(count.remark(), "remark", 2000);
        return jdbc.tx(c -> {
            Survey s = find(c, id, true);
            requireOpen(s);
            Optional<Row> before = row(c, id, m.key());
            ReportState now = before.map(Row::state).orElse(ReportState.MISSING);
            if (now == ReportState.CONFIRMED) {
                throw new ConflictException("Die Zahl von " + m.name() + " ist vom " + (m.kind() == MunicipalityKind.STADTKREIS ? "Stadtkreis" : "Kreis")
                        + " bestätigt; ändern kann sie jetzt nur noch der Kreis, indem er sie zurückgibt, oder nach dem Abschluss eine Korrektur.");
            }
            if (district && now == ReportState.REPORTED) {
                throw new ConflictException(m.name() + " hat selbst gemeldet; der Kreis bestätigt die Meldung oder gibt sie zurück.");
            }
            List<String> flags = flags(c, s, m, value);
            Instant at = clock.instant();
            ReportState next = district ? ReportState.CONFIRMED : ReportState.REPORTED;
            if (before.isEmpty()) {
                Sql.update(c, "INSERT INTO survey_report (survey_id, body_key, state, figure_value, entered_by_district, contact, remark, flags,"
                                + " reported_by, reported_at, confirmed_by, confirmed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        id, m.key(), next.name(), value, district, contact, remark, String.join("\n", flags), actor, at,
                        district ? actor : null, district ? at : null);
            } else {
                Sql.update(c, "UPDATE survey_report SET state = ?, figure_value = ?, entered_by_district = ?, contact = ?, remark = ?, flags = ?,"
                                + " reported_by = ?, reported_at = ?, confirmed_by = ?, confirmed_at = ? WHERE survey_id = ? AND body_key = ?",
                        next.name(), value, district, contact, remark, String.join("\n", flags), actor, at,
                        district ? actor : null, district ? at : null, id, m.key());
            }
            // counts only: the contact and the remark are the municipality's words and stay out of the chain
            audit.append(c, actor, "survey_report", id + "/" + m.key(), district ? "enter" : "report",
                    before.map(r -> Json.object(Map.of("state", r.state().name(), "value", String.valueOf(r.value())))).orElse(null),
                    Json.object(Map.of("state", next.name(), "value", value, "flags", flags.size())));
            event(district ? de.paktwerk.core.api.SurveyEvents.CONFIRMED : de.paktwerk.core.api.SurveyEvents.REPORTED, s, m.key(), value);
            return report(id, m, row(c, id, m.key()).orElseThrow());
        });
    }

    @Override
    public Report confirm(long id, String bodyKey, String actor) {
        Municipality m = reportingBody(bodyKey);
        requireConfirmer(who(actor), m);
        return jdbc.tx(c -> {
            Survey s = find(c, id, true);
            requireOpen(s);
            Row r = reported(c, id, m);
            Instant at = clock.instant();
            Sql.update(c, "UPDATE survey_report SET state = 'CONFIRMED', confirmed_by = ?, confirmed_at = ? WHERE survey_id = ? AND body_key = ?",
                    actor, at, id, m.key());
            audit.append(c, actor, "survey_report", id + "/" + m.key(), "confirm", null,
                    Json.object(Map.of("state", "CONFIRMED", "value", r.value())));
            event(de.paktwerk.core.api.SurveyEvents.CONFIRMED, s, m.key(), r.value());
            return report(id, m, row(c, id, m.key()).orElseThrow());
        });
    }

    @Override
    public Report giveBack(long id, String bodyKey, String reason, String actor) {
        Municipality m = reportingBody(bodyKey);
        Who who = who(actor);
        requireConfirmer(who, m);
        if (m.kind() == MunicipalityKind.STADTKREIS) {
            throw new ConflictException("Ein Stadtkreis gibt seine eigene Meldung nicht zurück; er meldet die Zahl neu, solange sie nicht bestätigt ist.");
        }
        String why = text(reason, "reason", 2000);
        if (why == null) {
            throw new InvalidInputException("Bitte begründen, was die Gemeinde prüfen soll.", "reason");
        }
        return jdbc.tx(c -> {
            Survey s = find(c, id, true);
            requireOpen(s);
            Row r = reported(c, id, m);
            Sql.update(c, "UPDATE survey_report SET state = 'RETURNED', return_reason = ? WHERE survey_id = ? AND body_key = ?", why, id, m.key());
            audit.append(c, actor, "survey_report", id + "/" + m.key(), "return", null, Json.object(Map.of("state", "RETURNED")));
            event(de.paktwerk.core.api.SurveyEvents.RETURNED, s, m.key(), r.value());
            return report(id, m, row(c, id, m.key()).orElseThrow());
        });
    }

    private static void requireConfirmer(Who who, Municipality m) {
        if (!who.actsFor(confirmer(m))) {
            throw new ForbiddenException(m.kind() == MunicipalityKind.STADTKREIS
                    ? "Die Meldung von " + m.name() + " bestätigt der Stadtkreis selbst."
                    : "Die Meldung von " + m.name() + " bestätigt ihr Landkreis.");
        }
    }

    private static Row reported(Connection c, long id, Municipality m) throws SQLException {
        Row r = row(c, id, m.key()).orElseThrow(() -> new ConflictException(m.name() + " hat noch nicht gemeldet."));
        if (r.state() != ReportState.REPORTED) {
            throw new ConflictException("Die Meldung von " + m.name() + " ist " + stateWord(r.state()) + "; bestätigen oder zurückgeben lässt"
                    + " sich nur eine gemeldete Zahl.");
        }
        return r;
    }

    private static String stateWord(ReportState s) {
        return switch (s) {
            case MISSING -> "noch nicht eingegangen";
            case REPORTED -> "gemeldet";
            case RETURNED -> "zurückgegeben";
            case CONFIRMED -> "schon bestätigt";
            case ASSUMED -> "beim Abschluss angenommen";
        };
    }

    private static void requireOpen(Survey s) {
        if (s.state() != State.OPEN) {
            throw new ConflictException("Die Erhebung zum " + s.referenceDate().format(DAY) + " ist abgeschlossen; eine Zahl ändert sich nur"
                    + " noch als Korrektur mit Begründung.");
        }
    }

    /** A count is a whole number from 0 to the body's population. */
    private static long checkedValue(Long value, Municipality m) {
        if (value == null) {
            throw new InvalidInputException("Bitte die Anzahl angeben.", "value");
        }
        if (value < 0) {
            throw new InvalidInputException("Die Anzahl kann nicht negativ sein.", "value");
        }
        if (m.population() > 0 && value > m.population()) {
            NumberFormat n = NumberFormat.getIntegerInstance(Locale.GERMANY);
            throw new InvalidInputException("Die gemeldete Zahl (" + n.format(value) + ") ist größer als die Einwohnerzahl von " + m.name()
                    + " (" + n.format(m.population()) + "); bitte prüfen.", "value");
        }
        return value;
    }

    /** Plausibility notes for the district: a large change against the last closed survey of the same kind. */
    private List<String> flags(Connection c, Survey s, Municipality m, long value) throws SQLException {
        List<String> out = new ArrayList<>();
        Optional<Survey> last = lastClosed(c, s);
        if (last.isPresent()) {
            // the body's own series, not the whole key of that date: this runs for every report
            LocalDate then = last.get().referenceDate();
            Long before = figures.series(m.key(), s.keyFigureType()).stream().filter(f -> f.referenceDate().equals(then))
                    .map(KeyFigure::value).findFirst().orElse(null);
            if (before != null && before > 0 && Math.abs(value - before) * 100 > (long) maxChangePercent * before) {
                out.add("Abweichung von mehr als " + maxChangePercent + " % gegenüber der Erhebung zum " + last.get().referenceDate().format(DAY)
                        + " (damals " + before + ")");
            }
        }
        return out;
    }

    private static Optional<Survey> lastClosed(Connection c, Survey s) throws SQLException {
        return Sql.one(c, "SELECT * FROM survey WHERE figure_type = ? AND reference_date < ? AND state = 'CLOSED' ORDER BY reference_date DESC"
                + " FETCH FIRST 1 ROWS ONLY", SurveyServiceImpl::survey, s.keyFigureType(), s.referenceDate());
    }

    // ---------------------------------------------------------------- the office

    @Override
    public List<Tally> progress(long id) {
        Map<String, Municipality> bodies = reportingBodies();
        return jdbc.tx(c -> {
            find(c, id, false);
            Map<String, Row> rows = rows(c, id);
            Map<String, int[]> byDistrict = new TreeMap<>();
            Map<String, String> names = new HashMap<>();
            int[] total = new int[5];
            for (Municipality m : bodies.values()) {
                Row r = rows.get(m.key());
                ReportState st = r == null ? ReportState.MISSING : r.state();
                int[] t = byDistrict.computeIfAbsent(m.districtKey(), k -> new int[5]);
                names.putIfAbsent(m.districtKey(), m.districtName());
                for (int[] x : new int[][] {t, total}) {
                    x[0]++;
                    switch (st) {
                        case REPORTED -> x[1]++;
                        case RETURNED -> x[2]++;
                        case CONFIRMED, ASSUMED -> x[3]++;
                        case MISSING -> x[4]++;
                    }
                }
            }
            List<Tally> out = new ArrayList<>();
            byDistrict.forEach((k, t) -> out.add(new Tally(k, names.get(k), t[0], t[1], t[2], t[3], t[4])));
            out.add(new Tally(null, "Baden-Württemberg", total[0], total[1], total[2], total[3], total[4]));
            return out;
        });
    }

    @Override
    public Survey close(long id, List<Missing> missing, String actor) {
        if (!who(actor).office()) {
            throw new ForbiddenException("Eine Erhebung schließt die Bewilligungsstelle oder das Statistische Landesamt ab.");
        }
        List<Missing> named = missing == null ? List.of() : missing;
        Map<String, Municipality> bodies = reportingBodies();
        Map<String, Missing> byKey = new LinkedHashMap<>();
        for (int i = 0; i < named.size(); i++) {
            Missing x = named.get(i);
            String at = "missing[" + i + "]";
            if (x == null || x.bodyKey() == null || !bodies.containsKey(x.bodyKey())) {
                throw new InvalidInputException("Eintrag " + (i + 1) + " der fehlenden nennt keine meldende Gemeinde.", at + ".bodyKey");
            }
            if (x.countedAs() == null) {
                throw new InvalidInputException("Bitte angeben, wie " + bodies.get(x.bodyKey()).name() + " gezählt wird (mit 0 oder mit der Zahl"
                        + " der letzten abgeschlossenen Erhebung).", at + ".countedAs");
            }
            if (text(x.reason(), at + ".reason", 2000) == null) {
                throw new InvalidInputException("Bitte begründen, warum " + bodies.get(x.bodyKey()).name() + " so gezählt wird.", at + ".reason");
            }
            if (byKey.put(x.bodyKey(), x) != null) {
                throw new InvalidInputException(bodies.get(x.bodyKey()).name() + " ist doppelt genannt.", at + ".bodyKey");
            }
        }
        return jdbc.tx(c -> {
            Survey s = find(c, id, true);
            requireOpen(s);
            Map<String, Row> rows = rows(c, id);
            List<String> open = new ArrayList<>();
            Map<String, Long> values = new TreeMap<>();
            for (Municipality m : bodies.values()) {
                Row r = rows.get(m.key());
                boolean confirmed = r != null && r.state() == ReportState.CONFIRMED;
                if (confirmed) {
                    if (byKey.containsKey(m.key())) {
                        throw new InvalidInputException("Die Zahl von " + m.name() + " ist bestätigt; sie gehört nicht zu den fehlenden.",
                                "missing[" + new ArrayList<>(byKey.keySet()).indexOf(m.key()) + "].bodyKey");
                    }
                    values.put(m.key(), r.value());
                } else if (!byKey.containsKey(m.key())) {
                    open.add(m.name());
                }
            }
            if (!open.isEmpty()) {
                throw new ConflictException("Die Erhebung kann nicht abgeschlossen werden: " + open.size() + (open.size() == 1 ? " Kommune hat" : " Kommunen haben")
                        + " keine bestätigte Zahl (" + String.join(", ", open.subList(0, Math.min(5, open.size()))) + (open.size() > 5 ? " …" : "")
                        + "). Zum Abschließen die fehlenden nennen, mit Zählweise und Begründung.");
            }
            Optional<Survey> last = lastClosed(c, s);
            Map<String, Long> lastFigures = last.isPresent() ? figures.at(s.keyFigureType(), last.get().referenceDate()) : Map.of();
            List<String> keys = new ArrayList<>(byKey.keySet());
            for (int i = 0; i < keys.size(); i++) {
                Missing x = byKey.get(keys.get(i));
                Municipality m = bodies.get(x.bodyKey());
                long value;
                String how;
                if (x.countedAs() == Assumption.LAST) {
                    Long before = lastFigures.get(m.key());
                    if (before == null) {
                        throw new InvalidInputException("Für " + m.name() + " gibt es keine Zahl einer früheren abgeschlossenen Erhebung; bitte mit 0 zählen.",
                                "missing[" + i + "].countedAs");
                    }
                    value = before;
                    how = "mit der Zahl der Erhebung zum " + last.get().referenceDate().format(DAY) + " gezählt (" + before + ")";
                } else {
                    value = 0;
                    how = "mit 0 gezählt";
                }
                String assumption = how + ": " + x.reason().trim();
                if (rows.containsKey(m.key())) {
                    Sql.update(c, "UPDATE survey_report SET state = 'ASSUMED', figure_value = ?, assumption = ?, confirmed_by = ?, confirmed_at = ?"
                            + " WHERE survey_id = ? AND body_key = ?", value, assumption, actor, clock.instant(), id, m.key());
                } else {
                    Sql.update(c, "INSERT INTO survey_report (survey_id, body_key, state, figure_value, assumption, confirmed_by, confirmed_at)"
                            + " VALUES (?, ?, 'ASSUMED', ?, ?, ?, ?)", id, m.key(), value, assumption, actor, clock.instant());
                }
                values.put(m.key(), value);
            }
            figures.storeSurvey(c, id, s.keyFigureType(), s.referenceDate(), values);
            Sql.update(c, "UPDATE survey SET state = 'CLOSED', closed_by = ?, closed_at = ? WHERE id = ?", actor,
                    clock.instant(), id);
            long sum = values.values().stream().mapToLong(Long::longValue).sum();
            audit.append(c, actor, "survey", String.valueOf(id), "close", null, Json.object(Map.of("bodies", values.size(),
                    "assumed", byKey.size(), "sum", sum)));
            Survey closed = find(c, id, false);
            event(de.paktwerk.core.api.SurveyEvents.CLOSED, closed, null, sum);
            return closed;
        });
    }

    @Override
    public Corrected correct(long id, Correction correction, String actor) {
        if (correction == null) {
            throw new InvalidInputException("Es fehlt die Korrektur.");
        }
        Municipality m = reportingBody(correction.bodyKey());
        Who who = who(actor);
        if (!who.office() && !who.actsFor(confirmer(m))) {
            throw new ForbiddenException("Eine Korrektur für " + m.name() + " meldet " + (m.kind() == MunicipalityKind.STADTKREIS ? "der Stadtkreis"
                    : "ihr Landkreis") + " oder die Bewilligungsstelle.");
        }
        long value = checkedValue(correction.value(), m);
        String reason = text(correction.reason(), "reason", 2000);
        if (reason == null) {
            throw new InvalidInputException("Eine Korrektur nach dem Abschluss braucht eine Begründung.", "reason");
        }
        return jdbc.tx(c -> {
            Survey s = find(c, id, true);
            if (s.state() != State.CLOSED) {
                throw new ConflictException("Die Erhebung ist noch offen; die Zahl wird dort gemeldet, nicht korrigiert.");
            }
            LocalDate today = LocalDate.now(clock.withZone(BERLIN));
            if (today.isAfter(s.correctionsUntil())) {
                throw new ConflictException("Korrekturen der Erhebung zum " + s.referenceDate().format(DAY) + " waren nur bis zum "
                        + s.correctionsUntil().format(DAY) + " möglich.");
            }
            Row r = row(c, id, m.key()).orElseThrow();
            long previous = r.value();
            if (previous == value) {
                throw new InvalidInputException("Die Zahl von " + m.name() + " ist schon " + value + "; eine Korrektur ändert sie.", "value");
            }
            Instant at = clock.instant();
            Sql.update(c, "UPDATE survey_report SET state = 'CONFIRMED', figure_value = ?, confirmed_by = ?, confirmed_at = ? WHERE survey_id = ?"
                    + " AND body_key = ?", value, actor, at, id, m.key());
            Sql.update(c, "INSERT INTO survey_correction (survey_id, body_key, previous_value, figure_value, reason, corrected_by, corrected_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?)", id, m.key(), previous, value, reason, actor, at);
            Sql.update(c, "UPDATE survey SET corrections = corrections + 1 WHERE id = ?", id);
            KeyFigure figure = figures.correctSurveyFigure(c, id, s.keyFigureType(), s.referenceDate(), m.key(), value);
            audit.append(c, actor, "survey_report", id + "/" + m.key(), "correct", Json.object(Map.of("value", previous)),
                    Json.object(Map.of("value", value)));
            event(de.paktwerk.core.api.SurveyEvents.CORRECTED, s, m.key(), value);
            return new Corrected(report(id, m, row(c, id, m.key()).orElseThrow()), previous, figure);
        });
    }

    /** A day of the programme's time: the Pakt began in 2017; nothing is counted before 2000 or after 2100. */
    private static void plausibleDay(LocalDate day, String field) {
        if (day != null && (day.getYear() < 2000 || day.getYear() > 2100)) {
            throw new InvalidInputException("Das Datum " + day + " liegt außerhalb der Jahre 2000 bis 2100.", field);
        }
    }

    /** Text a person typed: trimmed, null if blank, refused if longer than the column holds. */
    private static String text(String s, String field, int max) {
        if (s == null || s.isBlank()) {
            return null;
        }
        String t = s.trim();
        if (t.codePointCount(0, t.length()) > max || t.length() > max) {
            throw new InvalidInputException("Der Text ist länger als " + max + " Zeichen.", field);
        }
        return t;
    }
}
