package de.paktwerk.languagecourses.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.paktwerk.core.api.Application;
import de.paktwerk.core.api.ApplicationState;
import de.paktwerk.core.api.Assessment;
import de.paktwerk.core.api.AuditLog;
import de.paktwerk.core.api.ConflictException;
import de.paktwerk.core.api.Decision;
import de.paktwerk.core.api.InvalidInputException;
import de.paktwerk.core.api.LineItem;
import de.paktwerk.core.api.Money;
import de.paktwerk.core.api.MunicipalityRegistry;
import de.paktwerk.core.api.Provider;
import de.paktwerk.core.api.RuleViolatedException;
import de.paktwerk.core.api.SchemaMigrations;
import de.paktwerk.core.api.Term;
import de.paktwerk.core.api.UnknownEntityException;
import de.paktwerk.core.api.db.Sql;
import de.paktwerk.core.api.db.Transactions;
import de.paktwerk.core.api.spi.Payloads;
import de.paktwerk.languagecourses.internal.Model.AttendanceList;
import de.paktwerk.languagecourses.internal.Model.Course;
import de.paktwerk.languagecourses.internal.Model.CoursePlan;
import de.paktwerk.languagecourses.internal.Model.CoursePlanned;
import de.paktwerk.languagecourses.internal.Model.EarlyStart;
import de.paktwerk.languagecourses.internal.Model.Format;
import de.paktwerk.languagecourses.internal.Model.Participant;
import de.paktwerk.languagecourses.internal.Model.ParticipantInput;
import de.paktwerk.languagecourses.internal.Model.ParticipantState;
import de.paktwerk.languagecourses.internal.Model.Session;
import de.paktwerk.languagecourses.internal.Model.SessionInput;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The module's tables: courses (created from approved course plans), participants with their waiting list, course
 * days with attendance, signed attendance lists, early starts and settled proofs. Migrated by the module when it
 * starts; every change is audited in the same transaction, without personal data (no pseudonyms, no reasons).
 */
@Component(service = LcStore.class)
public class LcStore {

    static final String CHANGELOG = "db/language-courses/changelog.sql";
    static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    /** Media types a signed attendance list may have (a scan or a signed PDF). */
    static final Set<String> LIST_TYPES = Set.of("application/pdf", "image/png", "image/jpeg", "image/tiff");

    private final Transactions tx;
    private final AuditLog audit;
    private final MunicipalityRegistry registry;
    private final LcRules rules;
    private final Clock clock;

    @Activate
    public LcStore(@Reference Transactions tx, @Reference AuditLog audit, @Reference MunicipalityRegistry registry,
                   @Reference SchemaMigrations migrations, @Reference LcRules rules, @Reference Clock clock) {
        migrations.migrate(CHANGELOG, LcStore.class.getClassLoader());
        this.tx = tx;
        this.audit = audit;
        this.registry = registry;
        this.rules = rules;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(BERLIN));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    // ---- payloads ---------------------------------------------------------------------------------------

    public static CoursePlan plan(JsonNode node) {
        if (node == null || node.isNull() || !node.isObject()) {
            throw new InvalidInputException("Der Antrag braucht als payload den Kursplan: {\"courses\": [...]}.");
        }
        return Payloads.read(node, CoursePlan.class, "Die Antragsangaben", "payload");
    }

    /** A proof of use settles on what is recorded here; its actuals are empty. */
    static void requireNoActuals(JsonNode node) {
        if (node != null && !node.isNull() && !(node.isObject() && node.isEmpty())) {
            throw new InvalidInputException("Der Verwendungsnachweis der Sprachkurse wird aus den erfassten Kurstagen, Anwesenheiten, Prüfungen und"
                    + " Fahrtkosten abgerechnet; actuals bleibt leer ({}).");
        }
    }

    /** The first calendar year of the course period an application is for; it must name its course period as term. */
    static int period(Term term) {
        if (term == null || term.kind() != Term.Kind.COURSE_PERIOD) {
            throw new InvalidInputException("Ein Kursplan gilt einer Kursperiode: term mit kind COURSE_PERIOD, start JJJJ-08-01 und end JJJJ-07-31"
                    + " des Folgejahres.");
        }
        return term.start().getYear();
    }

    /** What pricing needs from the records: the providers recorded for the applicant. */
    public Rules.Facts facts(String applicantKey, int periodYear, LocalDate asOf) {
        Set<Long> providers = registry.providers(applicantKey).stream().map(Provider::id).collect(Collectors.toSet());
        return new Rules.Facts(asOf, periodYear, providers::contains);
    }

    // ---- courses from approved plans ---------------------------------------------------------------------

    /** Records the courses of an application whose decision came into force (once; a second call finds them). */
    public int recordCourses(Application app, Decision decision) {
        if (decision == null || decision.number() == null || !decision.amount().isPositive()
                || (app.state() != ApplicationState.APPROVED && app.state() != ApplicationState.PARTIALLY_APPROVED)) {
            return 0;
        }
        CoursePlan plan = plan(app.payload());
        int year = period(app.term());
        Rules r = rules.get();
        return tx.inTransaction(c -> {
            if (Sql.count(c, "SELECT COUNT(*) FROM lc_course WHERE application_id = ?", app.id()) > 0) {
                return 0;
            }
            int line = 0;
            for (CoursePlanned p : plan.courses()) {
                line++;
                int min = r.minParticipants(p.format(), p.minParticipants(), "Kurs " + line);
                boolean childcare = p.format().childcare() && p.childcare() != null && p.childcare().children() != null && p.childcare().children() > 0;
                long id = Sql.insert(c, "INSERT INTO lc_course (application_id, line_no, decision_number, decided_on, responsible_key, for_municipality,"
                                + " provider_id, title, format, target_level, planned_units, units_per_week, time_of_day, capacity, min_participants,"
                                + " start_date, end_date, location, childcare, period_year, created_at)"
                                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        app.id(), line, decision.number(), decision.date(), app.applicantKey(), p.forMunicipalityKey(), p.providerId(),
                        p.title().trim(), p.format(), p.targetLevel(), p.plannedUnits(), p.unitsPerWeek(), p.timeOfDay(), p.capacity(), min,
                        p.start(), p.end(), p.location().trim(), childcare, year, now());
                audit.append(c, "system", "lc_course", String.valueOf(id), "create", null, json("applicationId", app.id(),
                        "format", p.format().name(), "decisionNumber", decision.number()));
            }
            return line;
        });
    }

    public List<Course> courses(Integer periodYear, String responsibleKey, Long applicationId) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (periodYear != null) {
            where.append(" AND c.period_year = ?");
            params.add(periodYear);
        }
        if (responsibleKey != null) {
            where.append(" AND c.responsible_key = ?");
            params.add(responsibleKey);
        }
        if (applicationId != null) {
            where.append(" AND c.application_id = ?");
            params.add(applicationId);
        }
        return tx.inTransaction(c -> Sql.list(c, COURSE_SELECT + where + " ORDER BY c.id", LcStore::course, params.toArray()));
    }

    private static final String COURSE_SELECT = "SELECT c.*,"
            + " (SELECT COUNT(*) FROM lc_participant p WHERE p.course_id = c.id AND p.state IN ('ENROLLED', 'COMPLETED', 'DROPPED_OUT')) AS enrolled,"
            + " (SELECT COUNT(*) FROM lc_participant p WHERE p.course_id = c.id AND p.state = 'WAITING') AS waiting FROM lc_course c";

    public Course course(long id) {
        return tx.inTransaction(c -> course(c, id));
    }

    private static Course course(Connection c, long id) throws SQLException {
        return Sql.one(c, COURSE_SELECT + " WHERE c.id = ?", LcStore::course, id)
                .orElseThrow(() -> new UnknownEntityException("Kurs " + id + " ist unbekannt."));
    }

    private static Course course(ResultSet rs) throws SQLException {
        int started = rs.getInt("started_with");
        Integer startedWith = rs.wasNull() ? null : started;
        String level = rs.getString("target_level");
        return new Course(rs.getLong("id"), rs.getLong("application_id"), rs.getInt("line_no"), rs.getString("decision_number"),
                Sql.date(rs, "decided_on"), rs.getString("responsible_key"), rs.getString("for_municipality"), rs.getLong("provider_id"),
                rs.getString("title"), Format.valueOf(rs.getString("format")), level == null ? null : Model.Level.valueOf(level),
                rs.getInt("planned_units"), rs.getInt("units_per_week"), Model.TimeOfDay.valueOf(rs.getString("time_of_day")), rs.getInt("capacity"),
                rs.getInt("min_participants"), Sql.date(rs, "start_date"), Sql.date(rs, "end_date"), rs.getString("location"),
                rs.getBoolean("childcare"), Rules.periodText(rs.getInt("period_year")), startedWith, rs.getInt("units_held"), rs.getInt("enrolled"),
                rs.getInt("waiting"));
    }

    /** Locks the course row: enrolments, departures and course days of one course are serialised on it. */
    private static void lockCourse(Connection c, long courseId) throws SQLException {
        if (Sql.one(c, "SELECT id FROM lc_course WHERE id = ? FOR UPDATE", rs -> rs.getLong(1), courseId).isEmpty()) {
            throw new UnknownEntityException("Kurs " + courseId + " ist unbekannt.");
        }
    }

    // ---- participants and the waiting list ----------------------------------------------------------------

    /** Enrols a participant, or puts them on the waiting list if the course is full. */
    public Participant enrol(long courseId, ParticipantInput in, String actor) {
        if (in == null) {
            throw new InvalidInputException("Angaben zur teilnehmenden Person fehlen.");
        }
        if (in.status() == null) {
            throw new InvalidInputException("Bitte den Aufenthaltsstatus angeben.", "status");
        }
        if (in.integrationCourseEntitled() == null) {
            throw new InvalidInputException("Bitte angeben, ob ein Anspruch auf einen Integrationskurs des Bundes besteht.", "integrationCourseEntitled");
        }
        LocalDate on = in.enrolledOn() == null ? today() : in.enrolledOn();
        if (in.birthYear() == null || in.birthYear() < 1900 || in.birthYear() > on.getYear()) {
            throw new InvalidInputException("Das Geburtsjahr fehlt oder ist unplausibel (z. B. 1990).", "birthYear");
        }
        if (in.sex() != null && !in.sex().matches("[fmd]")) {
            throw new InvalidInputException("Geschlecht ist weiblich, männlich oder divers (freiwillig).", "sex");
        }
        if (in.reference() != null && (in.reference().isBlank() || in.reference().length() > 40)) {
            throw new InvalidInputException("Die Kennung des Kreises ist leer oder länger als 40 Zeichen.", "reference");
        }
        if (in.reasonNotEntitled() != null && in.reasonNotEntitled().length() > 500) {
            throw new InvalidInputException("Der Grund ist länger als 500 Zeichen.", "reasonNotEntitled");
        }
        rules.get().requireEligible(in);
        return tx.inTransaction(c -> {
            lockCourse(c, courseId);
            Course course = course(c, courseId);
            if (on.isAfter(course.end())) {
                throw new ConflictException("Der Kurs " + courseId + " endete am " + Rules.german(course.end()) + "; niemand kann mehr aufgenommen werden.");
            }
            long active = Sql.count(c, "SELECT COUNT(*) FROM lc_participant WHERE course_id = ? AND state = 'ENROLLED'", courseId);
            boolean full = active >= course.capacity();
            long id = Sql.insert(c, "INSERT INTO lc_participant (course_id, reference, birth_year, sex, status, entitled, reason_not_entitled, state,"
                            + " waiting_since, enrolled_on, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    courseId, in.reference() == null ? null : in.reference().trim(), in.birthYear(), in.sex(), in.status(),
                    in.integrationCourseEntitled(), blankToNull(in.reasonNotEntitled()), full ? ParticipantState.WAITING : ParticipantState.ENROLLED,
                    full ? now() : null, full ? null : on, now());
            audit.append(c, actor, "lc_participant", String.valueOf(id), full ? "wait" : "enrol", null, json("courseId", courseId));
            return participant(c, id);
        });
    }

    /**
     * A participant leaves: an enrolled one drops out or completes, one on the waiting list withdraws. A place freed
     * before the course ends goes to the first one waiting.
     */
    public Participant leave(long participantId, Model.Leave l, String actor) {
        if (l == null || l.reason() == null) {
            throw new InvalidInputException("Der Grund fehlt (reason: COMPLETED, DROPPED_OUT oder WITHDRAWN).");
        }
        return tx.inTransaction(c -> {
            Participant p = participant(c, participantId);
            lockCourse(c, p.courseId());
            p = participant(c, participantId);
            Course course = course(c, p.courseId());
            LocalDate on = l.on() == null ? today() : l.on();
            ParticipantState to = l.reason();
            boolean ok = p.state() == ParticipantState.ENROLLED ? (to == ParticipantState.COMPLETED || to == ParticipantState.DROPPED_OUT)
                    : p.state() == ParticipantState.WAITING && to == ParticipantState.WITHDRAWN;
            if (!ok) {
                throw new ConflictException("Teilnehmende " + participantId + " (" + p.state() + ") können nicht mit " + to + " ausscheiden:"
                        + " Aufgenommene schließen ab (COMPLETED) oder brechen ab (DROPPED_OUT), Wartende ziehen zurück (WITHDRAWN).",
                        de.paktwerk.core.api.ProblemType.ILLEGAL_TRANSITION);
            }
            if (p.enrolledOn() != null && on.isBefore(p.enrolledOn())) {
                throw new InvalidInputException("Das Austrittsdatum liegt vor der Aufnahme am " + Rules.german(p.enrolledOn()) + ".");
            }
            if (p.state() == ParticipantState.ENROLLED && Sql.count(c, "SELECT COUNT(*) FROM lc_attendance a JOIN lc_session s ON s.id = a.session_id"
                    + " WHERE a.participant_id = ? AND s.session_date > ?", participantId, on) > 0) {
                throw new ConflictException("Teilnehmende " + participantId + " waren nach dem " + Rules.german(on) + " noch anwesend.");
            }
            Sql.update(c, "UPDATE lc_participant SET state = ?, left_on = ? WHERE id = ?", to, on, participantId);
            audit.append(c, actor, "lc_participant", String.valueOf(participantId), "leave", null, json("state", to.name()));
            if (p.state() == ParticipantState.ENROLLED && on.isBefore(course.end())) {
                Optional<Long> next = Sql.one(c, "SELECT id FROM lc_participant WHERE course_id = ? AND state = 'WAITING' ORDER BY waiting_since, id",
                        rs -> rs.getLong(1), p.courseId());
                if (next.isPresent()) {
                    LocalDate from = on.plusDays(1);
                    Sql.update(c, "UPDATE lc_participant SET state = 'ENROLLED', enrolled_on = ?, waiting_since = NULL WHERE id = ?", from, next.get());
                    audit.append(c, "system", "lc_participant", String.valueOf(next.get()), "move-up", null, json("courseId", p.courseId()));
                }
            }
            return participant(c, participantId);
        });
    }

    /** Records a participant's certified test and the travel costs reimbursed to them. */
    public Participant outcome(long participantId, Model.Outcome o, String actor) {
        if (o == null) {
            throw new InvalidInputException("Angaben fehlen (testLevel, testPassed, travelReimbursed).");
        }
        if ((o.testLevel() == null) != (o.testPassed() == null)) {
            throw new InvalidInputException("Eine Prüfung braucht ihr Niveau und ihr Ergebnis (testLevel und testPassed).");
        }
        Money travel = o.travelReimbursed() == null ? null : Rules.amount(o.travelReimbursed(), "Fahrtkosten");
        if (travel != null && travel.compareTo(Money.ofEuros(100_000)) > 0) {
            throw new InvalidInputException("Fahrtkosten von " + travel.toGerman() + " für eine Person sind unplausibel.");
        }
        return tx.inTransaction(c -> {
            Participant p = participant(c, participantId);
            if (p.state() == ParticipantState.WAITING || p.state() == ParticipantState.WITHDRAWN) {
                throw new ConflictException("Teilnehmende " + participantId + " waren nicht im Kurs (" + p.state() + ").");
            }
            Sql.update(c, "UPDATE lc_participant SET test_level = COALESCE(?, test_level), test_passed = COALESCE(?, test_passed),"
                    + " travel_cents = COALESCE(?, travel_cents) WHERE id = ?", o.testLevel(), o.testPassed(), travel == null ? null : travel.cents(),
                    participantId);
            audit.append(c, actor, "lc_participant", String.valueOf(participantId), "outcome", null, null);
            return participant(c, participantId);
        });
    }

    public List<Participant> participants(long courseId) {
        return tx.inTransaction(c -> {
            course(c, courseId);
            return Sql.list(c, PARTICIPANT_SELECT + " WHERE p.course_id = ? ORDER BY p.id", LcStore::participant, courseId);
        });
    }

    public Participant participant(long id) {
        return tx.inTransaction(c -> participant(c, id));
    }

    private static final String PARTICIPANT_SELECT = "SELECT p.*, CASE WHEN p.state = 'WAITING' THEN (SELECT COUNT(*) FROM lc_participant w"
            + " WHERE w.course_id = p.course_id AND w.state = 'WAITING' AND (w.waiting_since < p.waiting_since OR (w.waiting_since = p.waiting_since"
            + " AND w.id <= p.id))) END AS waiting_position FROM lc_participant p";

    private static Participant participant(Connection c, long id) throws SQLException {
        return Sql.one(c, PARTICIPANT_SELECT + " WHERE p.id = ?", LcStore::participant, id)
                .orElseThrow(() -> new UnknownEntityException("Teilnehmende " + id + " sind unbekannt."));
    }

    private static Participant participant(ResultSet rs) throws SQLException {
        int position = rs.getInt("waiting_position");
        Integer waiting = rs.wasNull() ? null : position;
        boolean passed = rs.getBoolean("test_passed");
        Boolean testPassed = rs.wasNull() ? null : passed;
        String level = rs.getString("test_level");
        return new Participant(rs.getLong("id"), rs.getLong("course_id"), rs.getString("reference"), rs.getInt("birth_year"), rs.getString("sex"),
                Model.Status.valueOf(rs.getString("status")), rs.getBoolean("entitled"), rs.getString("reason_not_entitled"),
                ParticipantState.valueOf(rs.getString("state")), waiting, rs.getObject("enrolled_on") == null ? null : Sql.date(rs, "enrolled_on"),
                rs.getObject("left_on") == null ? null : Sql.date(rs, "left_on"), level == null ? null : Model.Level.valueOf(level), testPassed,
                Money.ofCents(rs.getLong("travel_cents")));
    }

    // ---- course days and attendance ----------------------------------------------------------------------

    /**
     * Records a course day with who was present. The first course day starts the course: it needs the course's
     * minimum participants enrolled, else the course is not eligible in its format.
     */
    public Session recordSession(long courseId, SessionInput in, String actor) {
        if (in == null || in.date() == null) {
            throw new InvalidInputException("Das Datum des Kurstags fehlt (date).");
        }
        int units = Rules.units(in.units(), "Kurstag");
        List<Long> present = in.present() == null ? List.of() : in.present();
        Set<Long> distinct = new LinkedHashSet<>(present);
        if (distinct.size() != present.size() || distinct.contains(null)) {
            throw new InvalidInputException("Anwesende (present) sind Teilnehmer-Nummern, jede höchstens einmal.");
        }
        int children = in.childrenInCare() == null ? 0 : in.childrenInCare();
        if (in.teacher() != null && in.teacher().length() > Rules.MAX_TEXT) {
            throw new InvalidInputException("Der Name der Lehrkraft ist länger als " + Rules.MAX_TEXT + " Zeichen (teacher).");
        }
        return tx.inTransaction(c -> {
            lockCourse(c, courseId);
            Course course = course(c, courseId);
            Rules.children(children, course.format(), "Kurstag " + in.date());
            if (children > 0 && !course.childcare()) {
                throw new RuleViolatedException("Kurstag " + in.date() + ": für diesen Kurs ist keine Kinderbetreuung bewilligt.");
            }
            if (in.date().isBefore(course.start()) || in.date().isAfter(course.end())) {
                throw new InvalidInputException("Der Kurstag " + Rules.german(in.date()) + " liegt außerhalb des Kurses (" + Rules.german(course.start())
                        + "–" + Rules.german(course.end()) + ").");
            }
            if (in.date().isAfter(today())) {
                throw new InvalidInputException("Der Kurstag " + Rules.german(in.date()) + " liegt in der Zukunft.");
            }
            if (course.unitsHeld() + units > course.plannedUnits()) {
                throw new RuleViolatedException("Mit diesem Kurstag wären " + (course.unitsHeld() + units) + " Unterrichtseinheiten gehalten, bewilligt sind "
                        + course.plannedUnits() + ".");
            }
            if (Sql.count(c, "SELECT COUNT(*) FROM lc_session WHERE course_id = ? AND session_date = ?", courseId, in.date()) > 0) {
                throw new ConflictException("Für den " + Rules.german(in.date()) + " ist bereits ein Kurstag erfasst.");
            }
            // who was in the course that day
            Set<Long> enrolled = new java.util.HashSet<>(Sql.list(c, "SELECT id FROM lc_participant WHERE course_id = ? AND enrolled_on <= ?"
                    + " AND state <> 'WAITING' AND state <> 'WITHDRAWN' AND (left_on IS NULL OR left_on >= ?)", rs -> rs.getLong(1), courseId,
                    in.date(), in.date()));
            for (Long id : distinct) {
                if (!enrolled.contains(id)) {
                    throw new ConflictException("Teilnehmende " + id + " waren am " + Rules.german(in.date()) + " nicht in diesem Kurs.");
                }
            }
            if (course.startedWith() == null) {
                rules.get().requireStart(course.format(), course.minParticipants(), enrolled.size());
                Sql.update(c, "UPDATE lc_course SET started_with = ? WHERE id = ?", enrolled.size(), courseId);
                audit.append(c, actor, "lc_course", String.valueOf(courseId), "start", null, json("participants", enrolled.size()));
            } else if (Sql.count(c, "SELECT COUNT(*) FROM lc_session WHERE course_id = ? AND session_date < ?", courseId, in.date()) == 0) {
                throw new ConflictException("Der Kurs begann mit seinem ersten Kurstag; ein Kurstag davor (" + Rules.german(in.date()) + ") ist nicht möglich.");
            }
            long id = Sql.insert(c, "INSERT INTO lc_session (course_id, session_date, units, present_count, enrolled_count, children, teacher, created_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", courseId, in.date(), units, distinct.size(), enrolled.size(), children,
                    blankToNull(in.teacher()), now());
            for (Long p : distinct) {
                Sql.update(c, "INSERT INTO lc_attendance (session_id, participant_id) VALUES (?, ?)", id, p);
            }
            Sql.update(c, "UPDATE lc_course SET units_held = units_held + ? WHERE id = ?", units, courseId);
            audit.append(c, actor, "lc_session", String.valueOf(id), "create", null, json("courseId", courseId, "units", units,
                    "present", distinct.size()));
            return session(c, id);
        });
    }

    public List<Session> sessions(long courseId) {
        return tx.inTransaction(c -> {
            course(c, courseId);
            return Sql.list(c, SESSION_SELECT + " WHERE s.course_id = ? ORDER BY s.session_date", LcStore::session, courseId);
        });
    }

    private static final String SESSION_SELECT = "SELECT s.*, (SELECT MIN(l.id) FROM lc_attendance_list l WHERE l.course_id = s.course_id"
            + " AND s.session_date BETWEEN l.from_date AND l.to_date) AS list_id FROM lc_session s";

    private static Session session(Connection c, long id) throws SQLException {
        return Sql.one(c, SESSION_SELECT + " WHERE s.id = ?", LcStore::session, id).orElseThrow();
    }

    private static Session session(ResultSet rs) throws SQLException {
        return new Session(rs.getLong("id"), rs.getLong("course_id"), Sql.date(rs, "session_date"), rs.getInt("units"), rs.getInt("present_count"),
                rs.getInt("enrolled_count"), rs.getInt("children"), rs.getString("teacher"), Sql.nullableLong(rs, "list_id"));
    }

    /** Stores a signed attendance list with its SHA-256; the course days it covers count from now on. */
    public AttendanceList uploadList(long courseId, LocalDate from, LocalDate to, String mediaType, byte[] content, String actor) {
        if (from == null || to == null || to.isBefore(from) || to.isAfter(from.plusDays(62))) {
            throw new InvalidInputException("Eine Anwesenheitsliste gilt einem Zeitraum von höchstens zwei Monaten (?from=JJJJ-MM-TT&to=JJJJ-MM-TT).");
        }
        if (mediaType == null || !LIST_TYPES.contains(mediaType)) {
            throw new InvalidInputException("Eine Anwesenheitsliste ist ein PDF oder ein Scan (Content-Type application/pdf, image/png, image/jpeg oder"
                    + " image/tiff).");
        }
        if (content == null || content.length == 0) {
            throw new InvalidInputException("Die Anwesenheitsliste ist leer.");
        }
        String sha = sha256(content);
        return tx.inTransaction(c -> {
            lockCourse(c, courseId);
            long sessions = Sql.count(c, "SELECT COUNT(*) FROM lc_session WHERE course_id = ? AND session_date BETWEEN ? AND ?", courseId, from, to);
            if (sessions == 0) {
                throw new ConflictException("Im Zeitraum " + Rules.german(from) + "–" + Rules.german(to) + " ist kein Kurstag erfasst; erst die Kurstage,"
                        + " dann die unterschriebene Liste.");
            }
            long id = Sql.insert(c, "INSERT INTO lc_attendance_list (course_id, from_date, to_date, sha256, media_type, size_bytes, content, uploaded_by,"
                    + " uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", courseId, from, to, sha, mediaType, content.length, content, actor, now());
            // the hash is evidence of which file was accepted; the file itself (signatures) stays deletable here
            audit.append(c, actor, "lc_attendance_list", String.valueOf(id), "upload", null, json("courseId", courseId, "sha256", sha,
                    "sessions", sessions));
            return list(c, id);
        });
    }

    public AttendanceList attendanceList(long id) {
        return tx.inTransaction(c -> list(c, id));
    }

    /** The stored file of an attendance list. */
    public byte[] attendanceListContent(long id) {
        return tx.inTransaction(c -> Sql.one(c, "SELECT content FROM lc_attendance_list WHERE id = ?", rs -> rs.getBytes(1), id)
                .orElseThrow(() -> new UnknownEntityException("Anwesenheitsliste " + id + " ist unbekannt.")));
    }

    public List<AttendanceList> attendanceLists(long courseId) {
        return tx.inTransaction(c -> Sql.list(c, LIST_SELECT + " WHERE l.course_id = ? ORDER BY l.from_date, l.id", LcStore::list, courseId));
    }

    private static final String LIST_SELECT = "SELECT l.id, l.course_id, l.from_date, l.to_date, l.sha256, l.media_type, l.size_bytes, l.uploaded_at,"
            + " (SELECT COUNT(*) FROM lc_session s WHERE s.course_id = l.course_id AND s.session_date BETWEEN l.from_date AND l.to_date) AS sessions"
            + " FROM lc_attendance_list l";

    private static AttendanceList list(Connection c, long id) throws SQLException {
        return Sql.one(c, LIST_SELECT + " WHERE l.id = ?", LcStore::list, id)
                .orElseThrow(() -> new UnknownEntityException("Anwesenheitsliste " + id + " ist unbekannt."));
    }

    private static AttendanceList list(ResultSet rs) throws SQLException {
        return new AttendanceList(rs.getLong("id"), rs.getLong("course_id"), Sql.date(rs, "from_date"), Sql.date(rs, "to_date"), rs.getString("sha256"),
                rs.getString("media_type"), rs.getInt("size_bytes"), rs.getInt("sessions"), Sql.instant(rs, "uploaded_at"));
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- early start -------------------------------------------------------------------------------------

    /** The approval office allows course days before the decision to count (once, with a reason). */
    public EarlyStart recordEarlyStart(long applicationId, String reason, String approver) {
        if (reason == null || reason.isBlank() || reason.length() > 2000) {
            throw new InvalidInputException("Die Begründung fehlt oder ist länger als 2000 Zeichen (reason).");
        }
        return tx.inTransaction(c -> {
            if (Sql.count(c, "SELECT COUNT(*) FROM lc_early_start WHERE application_id = ?", applicationId) > 0) {
                throw new ConflictException("Für den Antrag " + applicationId + " ist der vorzeitige Maßnahmebeginn bereits genehmigt.");
            }
            Sql.update(c, "INSERT INTO lc_early_start (application_id, reason, approver, created_at) VALUES (?, ?, ?, ?)", applicationId,
                    reason.trim(), approver, now());
            audit.append(c, approver, "lc_early_start", String.valueOf(applicationId), "approve", null, null);
            return earlyStart(c, applicationId).orElseThrow();
        });
    }

    public Optional<EarlyStart> earlyStart(long applicationId) {
        return tx.inTransaction(c -> earlyStart(c, applicationId));
    }

    private static Optional<EarlyStart> earlyStart(Connection c, long applicationId) throws SQLException {
        return Sql.one(c, "SELECT * FROM lc_early_start WHERE application_id = ?", rs -> new EarlyStart(rs.getLong("application_id"),
                rs.getString("reason"), rs.getString("approver"), Sql.instant(rs, "created_at")), applicationId);
    }

    // ---- settlement on what is recorded -------------------------------------------------------------------

    /** Settles every course of the given selection on its recorded course days, attendance lists, tests and travel. */
    Assessment settle(String where, Object... params) {
        Rules r = rules.get();
        return tx.inTransaction(c -> {
            List<Course> list = Sql.list(c, COURSE_SELECT + " WHERE " + where + " ORDER BY c.id", LcStore::course, params);
            if (list.isEmpty()) {
                return new Assessment(List.of(new LineItem(LineItem.Kind.NOTE, "Keine Kurse", Money.ZERO)), Money.ZERO);
            }
            Map<Long, List<Rules.DaySettled>> days = new HashMap<>();
            Map<Long, int[]> tests = new HashMap<>();
            Map<Long, List<Money>> travel = new HashMap<>();
            Set<Long> early = new java.util.HashSet<>(Sql.list(c, "SELECT e.application_id FROM lc_early_start e WHERE e.application_id IN"
                    + " (SELECT c.application_id FROM lc_course c WHERE " + where + ")", rs -> rs.getLong(1), params));
            try (var ps = Sql.prepare(c, "SELECT s.course_id, s.session_date, s.units, s.present_count, s.children, EXISTS (SELECT 1 FROM"
                    + " lc_attendance_list l WHERE l.course_id = s.course_id AND s.session_date BETWEEN l.from_date AND l.to_date) AS signed"
                    + " FROM lc_session s WHERE s.course_id IN (SELECT c.id FROM lc_course c WHERE " + where + ")", params);
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    days.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new Rules.DaySettled(rs.getObject(2, LocalDate.class),
                            rs.getInt(3), rs.getInt(4), rs.getBoolean(6), rs.getInt(5)));
                }
            }
            try (var ps = Sql.prepare(c, "SELECT p.course_id, p.test_level, p.travel_cents FROM lc_participant p WHERE p.state IN ('ENROLLED',"
                    + " 'COMPLETED', 'DROPPED_OUT') AND (p.test_level IS NOT NULL OR p.travel_cents > 0) AND p.course_id IN (SELECT c.id FROM lc_course c"
                    + " WHERE " + where + ")", params);
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (rs.getString(2) != null) {
                        tests.computeIfAbsent(rs.getLong(1), k -> new int[1])[0]++;
                    }
                    if (rs.getLong(3) > 0) {
                        travel.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(Money.ofCents(rs.getLong(3)));
                    }
                }
            }
            List<LineItem> lines = new ArrayList<>();
            Money sum = Money.ZERO;
            for (Course course : list) {
                Assessment a = r.settle(new Rules.CourseDelivery("Kurs " + course.id() + " (" + course.format().german()
                        + (course.targetLevel() == null ? "" : " " + course.targetLevel()) + ")", course.format(), course.minParticipants(),
                        course.startedWith(), course.decidedOn(), early.contains(course.applicationId()), days.getOrDefault(course.id(), List.of()),
                        tests.getOrDefault(course.id(), new int[1])[0], travel.getOrDefault(course.id(), List.of())));
                lines.addAll(a.items());
                sum = sum.plus(a.amount());
            }
            return new Assessment(lines, sum);
        });
    }

    /** The settlement of an application's courses. */
    public Assessment settleApplication(long applicationId) {
        return settle("c.application_id = ?", applicationId);
    }

    /** The settlement of every course of a Kreis in a course period. */
    public Assessment settleDistrict(String responsibleKey, int periodYear) {
        return settle("c.responsible_key = ? AND c.period_year = ?", responsibleKey, periodYear);
    }

    /** Stores the settled and accepted amounts; runs inside the core's proof-of-use transaction. */
    public void recordProof(long applicationId, Money settled, Money accepted, String actor) {
        tx.inTransaction(c -> {
            Sql.update(c, "DELETE FROM lc_proof WHERE application_id = ?", applicationId);
            Sql.update(c, "INSERT INTO lc_proof (application_id, settled_cents, accepted_cents, reported_at) VALUES (?, ?, ?, ?)", applicationId,
                    settled.cents(), accepted.cents(), now());
            audit.append(c, actor, "lc_proof", String.valueOf(applicationId), "settle", null, json("settled", settled.toString(),
                    "accepted", accepted.toString()));
            return null;
        });
    }

    // ---- reports -----------------------------------------------------------------------------------------

    /** Per course of a course period (optionally of one Kreis). */
    public List<Model.CourseReport> courseReports(int periodYear, String responsibleKey) {
        return tx.inTransaction(c -> {
            Map<Long, Map<String, Integer>[]> tests = new HashMap<>();
            Map<Long, int[]> states = new HashMap<>();
            Map<Long, Long> travel = new HashMap<>();
            String courses = "SELECT id FROM lc_course WHERE period_year = ?" + (responsibleKey == null ? "" : " AND responsible_key = ?");
            Object[] params = responsibleKey == null ? new Object[] {periodYear} : new Object[] {periodYear, responsibleKey};
            for (Object[] row : Sql.list(c, "SELECT course_id, state, test_level, test_passed, travel_cents FROM lc_participant WHERE course_id IN ("
                    + courses + ")", rs -> new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3), rs.getObject(4), rs.getLong(5)}, params)) {
                long id = (Long) row[0];
                int[] s = states.computeIfAbsent(id, k -> new int[3]);
                ParticipantState state = ParticipantState.valueOf((String) row[1]);
                if (state == ParticipantState.ENROLLED || state == ParticipantState.COMPLETED || state == ParticipantState.DROPPED_OUT) {
                    s[0]++;
                }
                if (state == ParticipantState.COMPLETED) {
                    s[1]++;
                }
                if (state == ParticipantState.DROPPED_OUT) {
                    s[2]++;
                }
                if (row[2] != null) {
                    @SuppressWarnings("unchecked")
                    Map<String, Integer>[] t = tests.computeIfAbsent(id, k -> new Map[] {new java.util.TreeMap<>(), new java.util.TreeMap<>()});
                    t[0].merge((String) row[2], 1, Integer::sum);
                    if (Boolean.TRUE.equals(row[3])) {
                        t[1].merge((String) row[2], 1, Integer::sum);
                    }
                }
                travel.merge(id, (Long) row[4], Long::sum);
            }
            Map<Long, long[]> days = new HashMap<>();
            for (long[] row : Sql.list(c, "SELECT s.course_id, SUM(s.units), SUM(s.units * s.present_count), SUM(s.units * s.enrolled_count),"
                    + " SUM(CASE WHEN s.children > 0 THEN s.units ELSE 0 END), SUM(CASE WHEN EXISTS (SELECT 1 FROM lc_attendance_list l"
                    + " WHERE l.course_id = s.course_id AND s.session_date BETWEEN l.from_date AND l.to_date) THEN s.units ELSE 0 END)"
                    + " FROM lc_session s WHERE s.course_id IN (" + courses + ") GROUP BY s.course_id",
                    rs -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6)}, params)) {
                days.put(row[0], row);
            }
            List<Model.CourseReport> result = new ArrayList<>();
            for (Course course : Sql.list(c, COURSE_SELECT + " WHERE c.id IN (" + courses + ") ORDER BY c.id", LcStore::course, params)) {
                long[] d = days.getOrDefault(course.id(), new long[6]);
                int[] s = states.getOrDefault(course.id(), new int[3]);
                @SuppressWarnings("unchecked")
                Map<String, Integer>[] t = tests.getOrDefault(course.id(), new Map[] {Map.of(), Map.of()});
                String rate = d[3] == 0 ? null : java.math.BigDecimal.valueOf(d[2] * 1000 / d[3], 3).toPlainString();
                result.add(new Model.CourseReport(course.id(), course.title(), course.responsibleKey(), course.format(), course.targetLevel(),
                        course.coursePeriod(), (int) d[1], (int) d[5], s[0], s[1], s[2], rate, t[0], t[1], (int) d[4],
                        Money.ofCents(travel.getOrDefault(course.id(), 0L))));
            }
            return result;
        });
    }

    /** Per Kreis of a course period: courses, participants by status and age band; groups under the minimum are null. */
    public List<Model.DistrictReport> districtReports(int periodYear, String responsibleKey) {
        int min = rules.get().minReportGroup();
        return tx.inTransaction(c -> {
            Map<String, int[]> courses = new LinkedHashMap<>();
            for (Object[] row : Sql.list(c, "SELECT responsible_key, COUNT(*) FROM lc_course WHERE period_year = ?"
                    + (responsibleKey == null ? "" : " AND responsible_key = ?") + " GROUP BY responsible_key ORDER BY responsible_key",
                    rs -> new Object[] {rs.getString(1), rs.getInt(2)}, responsibleKey == null ? new Object[] {periodYear}
                            : new Object[] {periodYear, responsibleKey})) {
                courses.put((String) row[0], new int[] {(Integer) row[1]});
            }
            Map<String, Map<String, Integer>> status = new HashMap<>();
            Map<String, Map<String, Integer>> age = new HashMap<>();
            Map<String, Integer> total = new HashMap<>();
            for (Object[] row : Sql.list(c, "SELECT c.responsible_key, p.status, p.birth_year FROM lc_participant p JOIN lc_course c ON c.id = p.course_id"
                    + " WHERE c.period_year = ? AND p.state IN ('ENROLLED', 'COMPLETED', 'DROPPED_OUT')",
                    rs -> new Object[] {rs.getString(1), rs.getString(2), rs.getInt(3)}, periodYear)) {
                String key = (String) row[0];
                total.merge(key, 1, Integer::sum);
                status.computeIfAbsent(key, k -> new java.util.TreeMap<>()).merge((String) row[1], 1, Integer::sum);
                age.computeIfAbsent(key, k -> new LinkedHashMap<>()).merge(ageBand(periodYear - (Integer) row[2]), 1, Integer::sum);
            }
            List<Model.DistrictReport> result = new ArrayList<>();
            for (Map.Entry<String, int[]> e : courses.entrySet()) {
                String key = e.getKey();
                Integer participants = total.get(key);
                result.add(new Model.DistrictReport(key, Rules.periodText(periodYear), e.getValue()[0],
                        participants == null || participants < min ? null : participants, suppress(status.get(key), min),
                        suppress(ordered(age.get(key)), min)));
            }
            return result;
        });
    }

    static final List<String> AGE_BANDS = List.of("unter 18", "18 bis 29", "30 bis 44", "45 bis 64", "65 und älter");

    /** The age band of an age (in the year the course period starts). */
    static String ageBand(int age) {
        return age < 18 ? AGE_BANDS.get(0) : age < 30 ? AGE_BANDS.get(1) : age < 45 ? AGE_BANDS.get(2) : age < 65 ? AGE_BANDS.get(3) : AGE_BANDS.get(4);
    }

    private static Map<String, Integer> ordered(Map<String, Integer> bands) {
        Map<String, Integer> result = new LinkedHashMap<>();
        for (String band : AGE_BANDS) {
            if (bands != null && bands.containsKey(band)) {
                result.put(band, bands.get(band));
            }
        }
        return result;
    }

    /** Groups under the minimum are shown as null (suppressed), so that no small group can be singled out. */
    static Map<String, Integer> suppress(Map<String, Integer> groups, int min) {
        Map<String, Integer> result = new LinkedHashMap<>();
        if (groups != null) {
            groups.forEach((k, v) -> result.put(k, v < min ? null : v));
        }
        return result;
    }

    /** A snapshot for the audit record, its fields in the given order (name, value, …), so that it can be recomputed. */
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

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
