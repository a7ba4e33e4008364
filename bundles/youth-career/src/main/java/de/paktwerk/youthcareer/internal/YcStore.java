package de.paktwerk.youthcareer.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import de.paktwerk.core.api.ApplicantKind;
import de.paktwerk.core.api.Application;
import de.paktwerk.core.api.ApplicationState;
import de.paktwerk.core.api.AuditLog;
import de.paktwerk.core.api.Decision;
import de.paktwerk.core.api.InvalidInputException;
import de.paktwerk.core.api.Money;
import de.paktwerk.core.api.MunicipalityRegistry;
import de.paktwerk.core.api.SchemaMigrations;
import de.paktwerk.core.api.Term;
import de.paktwerk.core.api.UnknownEntityException;
import de.paktwerk.core.api.db.Sql;
import de.paktwerk.core.api.db.Transactions;
import de.paktwerk.youthcareer.internal.Model.Actuals;
import de.paktwerk.youthcareer.internal.Model.Payload;
import de.paktwerk.youthcareer.internal.Model.Position;
import de.paktwerk.youthcareer.internal.Model.PositionActuals;
import de.paktwerk.youthcareer.internal.Model.PositionInput;
import de.paktwerk.youthcareer.internal.Model.ReportRow;
import de.paktwerk.youthcareer.internal.Model.School;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The module's tables: schools, funded positions (created from approved applications), the reports of proofs of use.
 * Migrated by the module when it starts; every change is audited in the same transaction, without names.
 */
@Component(service = YcStore.class)
public class YcStore {

    static final String CHANGELOG = "db/youth-career/changelog.sql";
    static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Pattern SCHOOL_NUMBER = Pattern.compile("[0-9]{5,12}");

    private final Transactions tx;
    private final AuditLog audit;
    private final MunicipalityRegistry registry;
    private final YcRules rules;
    private final Clock clock;

    @Activate
    public YcStore(@Reference Transactions tx, @Reference AuditLog audit, @Reference MunicipalityRegistry registry,
                   @Reference SchemaMigrations migrations, @Reference YcRules rules, @Reference Clock clock) {
        migrations.migrate(CHANGELOG, YcStore.class.getClassLoader());
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

    // ---- payloads ---------------------------------------------------------------------------------

    public static Payload payload(JsonNode node) {
        if (node == null || node.isNull() || !node.isObject()) {
            throw new InvalidInputException("Der Antrag braucht als payload das Teilprogramm und die Stellen: {\"programme\": …, \"positions\": [...]}.");
        }
        return de.paktwerk.core.api.spi.Payloads.read(node, Payload.class, "Die Antragsangaben", "payload");
    }

    static Actuals actuals(JsonNode node) {
        if (node == null || node.isNull() || !node.isObject()) {
            throw new InvalidInputException("Der Verwendungsnachweis braucht die tatsächlichen Angaben je Stelle (actuals.positions).");
        }
        return de.paktwerk.core.api.spi.Payloads.read(node, Actuals.class, "Die tatsächlichen Angaben", "actuals");
    }

    /** The first calendar year of the school year an application is for; it must name its school year as term. */
    static int schoolYear(Term term) {
        if (term == null || term.kind() != Term.Kind.SCHOOL_YEAR) {
            throw new InvalidInputException("Ein Antrag dieses Förderbereichs gilt einem Schuljahr: term mit kind SCHOOL_YEAR,"
                    + " start JJJJ-08-01 und end JJJJ-07-31 des Folgejahres.");
        }
        return term.start().getYear();
    }

    // ---- facts for pricing ----------------------------------------------------------------------------

    /** What pricing needs from the module's records about an applicant, a school year and the payload's schools. */
    public Rules.Facts facts(String applicantKey, ApplicantKind kind, int schoolYear, Payload payload, LocalDate asOf) {
        Set<String> named = new HashSet<>();
        if (payload.positions() != null) {
            payload.positions().stream().filter(p -> p != null && p.schools() != null)
                    .forEach(p -> p.schools().stream().filter(java.util.Objects::nonNull).forEach(named::add));
        }
        return tx.inTransaction(c -> {
            long approved = Sql.count(c, "SELECT COALESCE(SUM(funded_cents), 0) FROM yc_position WHERE programme = ? AND school_year = ?",
                    Programme.SCHOOL_SOCIAL_WORK.name(), schoolYear);
            boolean earlier = Sql.count(c, "SELECT COUNT(*) FROM yc_position WHERE responsible_key = ? AND programme = ? AND school_year <= ?",
                    applicantKey, Programme.SCHOOL_SOCIAL_WORK.name(), schoolYear) > 0;
            Set<String> schools = new HashSet<>();
            for (String number : named) { // only the schools the payload names, not every recorded school
                Sql.one(c, "SELECT school_number FROM yc_school WHERE school_number = ?", rs -> rs.getString(1), number).ifPresent(schools::add);
            }
            List<Model.Funded> funded = Sql.list(c, "SELECT p.holder_name, s.school_number, p.start_date, p.months FROM yc_position p"
                    + " JOIN yc_position_school s ON s.position_id = p.id WHERE p.school_year = ? AND p.holder_name IS NOT NULL",
                    rs -> new Model.Funded(rs.getString(1), rs.getString(2), rs.getObject(3) == null ? LocalDate.of(schoolYear, 8, 1)
                            : Sql.date(rs, "start_date"), rs.getInt(4)), schoolYear);
            return new Rules.Facts(kind, asOf, schoolYear, Money.ofCents(approved), earlier, schools::contains, funded);
        });
    }

    // ---- schools ----------------------------------------------------------------------------------------

    public School createSchool(School in, String actor) {
        if (in == null) {
            throw new InvalidInputException("Angaben zur Schule fehlen.");
        }
        if (in.schoolNumber() == null || !SCHOOL_NUMBER.matcher(in.schoolNumber()).matches()) {
            throw new InvalidInputException("Die Schulnummer (Dienststellennummer) besteht aus 5 bis 12 Ziffern.", "schoolNumber");
        }
        if (in.name() == null || in.name().isBlank() || in.name().length() > 200) {
            throw new InvalidInputException("Der Name der Schule fehlt oder ist länger als 200 Zeichen.", "name");
        }
        if (in.schoolType() == null) {
            throw new InvalidInputException("Bitte die Schulart wählen.", "schoolType");
        }
        registry.get(in.municipalityKey());
        Integer[] counts = {in.classesVkl(), in.classesVabo(), in.classesAvdual(), in.classesVab(), in.classesBej(), in.refugeePupils()};
        for (Integer count : counts) {
            if (count != null && (count < 0 || count > 10_000)) {
                throw new InvalidInputException("Klassen- und Schülerzahlen sind nicht negativ und höchstens 10000, nicht " + count + ".");
            }
        }
        return tx.inTransaction(c -> {
            if (Sql.count(c, "SELECT COUNT(*) FROM yc_school WHERE school_number = ?", in.schoolNumber()) > 0) {
                throw new de.paktwerk.core.api.ConflictException("Die Schule " + in.schoolNumber() + " ist bereits erfasst.");
            }
            Sql.update(c, "INSERT INTO yc_school (school_number, name, municipality_key, school_type, classes_vkl, classes_vabo,"
                            + " classes_avdual, classes_vab, classes_bej, refugee_pupils, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    in.schoolNumber(), in.name().trim(), in.municipalityKey(), in.schoolType().name(), zero(in.classesVkl()), zero(in.classesVabo()),
                    zero(in.classesAvdual()), zero(in.classesVab()), zero(in.classesBej()), in.refugeePupils(), now());
            audit.append(c, actor, "yc_school", in.schoolNumber(), "create", null, null);
            return school(c, in.schoolNumber());
        });
    }

    public List<School> schools(String municipalityKey) {
        return tx.inTransaction(c -> municipalityKey == null
                ? Sql.list(c, "SELECT * FROM yc_school ORDER BY school_number", YcStore::school)
                : Sql.list(c, "SELECT * FROM yc_school WHERE municipality_key = ? ORDER BY school_number", YcStore::school, municipalityKey));
    }

    public School school(String schoolNumber) {
        return tx.inTransaction(c -> school(c, schoolNumber));
    }

    private static School school(Connection c, String number) throws SQLException {
        return Sql.one(c, "SELECT * FROM yc_school WHERE school_number = ?", YcStore::school, number)
                .orElseThrow(() -> new UnknownEntityException("Schule " + number + " ist nicht erfasst."));
    }

    private static School school(ResultSet rs) throws SQLException {
        int refugees = rs.getInt("refugee_pupils");
        return new School(rs.getString("school_number"), rs.getString("name"), rs.getString("municipality_key"),
                Model.SchoolType.valueOf(rs.getString("school_type")), rs.getInt("classes_vkl"), rs.getInt("classes_vabo"),
                rs.getInt("classes_avdual"), rs.getInt("classes_vab"), rs.getInt("classes_bej"), rs.wasNull() ? null : refugees);
    }

    // ---- positions from approved applications ------------------------------------------------------------

    /**
     * Records the positions of an application whose decision came into force (once; a second call finds them). Each
     * position gets its priced amount, scaled down when the decision approved less than was priced. When the decision was
     * changed since (Änderungsbescheid) the positions' amounts are split anew from the amount in force.
     *
     * @return the positions recorded now (0 when they were there already)
     */
    public int recordFunding(Application app, Decision decision) {
        if (decision == null || decision.number() == null || !decision.amount().isPositive()
                || (app.state() != ApplicationState.APPROVED && app.state() != ApplicationState.PARTIALLY_APPROVED)) {
            return 0;
        }
        Payload p = payload(app.payload());
        int schoolYear = schoolYear(app.term());
        // within an application every position has the same rate: its share of the grant follows its FTE × months
        List<Long> weights = new ArrayList<>();
        for (PositionInput in : p.positions()) {
            weights.add((long) rules.get().fte(in.fte()) * Rules.months(in.months()));
        }
        List<Money> funded = split(decision.amount(), weights);
        return tx.inTransaction(c -> {
            List<long[]> recorded = Sql.list(c, "SELECT id, funded_cents FROM yc_position WHERE application_id = ? ORDER BY line_no",
                    rs -> new long[] {rs.getLong(1), rs.getLong(2)}, app.id());
            if (!recorded.isEmpty()) {
                if (recorded.size() == funded.size() && recorded.stream().mapToLong(r -> r[1]).sum() != decision.amount().cents()) {
                    for (int i = 0; i < recorded.size(); i++) {
                        Sql.update(c, "UPDATE yc_position SET funded_cents = ? WHERE id = ?", funded.get(i).cents(), recorded.get(i)[0]);
                        audit.append(c, "system", "yc_position", String.valueOf(recorded.get(i)[0]), "amend", null, json(Map.of("applicationId",
                                app.id(), "funded", funded.get(i).toString())));
                    }
                }
                return 0;
            }
            int line = 0;
            for (PositionInput in : p.positions()) {
                Rules r = rules.get();
                int months = Rules.months(in.months());
                long id = Sql.insert(c, "INSERT INTO yc_position (application_id, line_no, decision_number, programme, responsible_key,"
                                + " provider_id, holder_name, fte_hundredths, months, school_year, funded_cents, exception_reason, created_at,"
                                + " start_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        app.id(), line + 1, decision.number(), p.programme().name(), app.applicantKey(), app.providerId(),
                        in.holderName() == null ? null : in.holderName().trim(), r.fte(in.fte()), months, schoolYear,
                        funded.get(line).cents(), in.exceptionReason(), now(), Rules.from(in, months, line + 1, schoolYear));
                for (String school : in.schools() == null ? List.<String>of() : in.schools()) {
                    Sql.update(c, "INSERT INTO yc_position_school (position_id, school_number) VALUES (?, ?)", id, school);
                }
                audit.append(c, "system", "yc_position", String.valueOf(id), "create", null, json(Map.of("applicationId", app.id(),
                        "programme", p.programme().name(), "decisionNumber", decision.number())));
                line++;
            }
            return line;
        });
    }

    /**
     * The approved amount over the positions in proportion to their weights, rounded down, the remainder to the last,
     * so the parts sum to the approved amount exactly.
     */
    static List<Money> split(Money approved, List<Long> weights) {
        List<Money> parts = new ArrayList<>();
        long total = weights.stream().mapToLong(Long::longValue).sum();
        int positions = weights.size();
        long given = 0;
        for (int i = 0; i < positions; i++) {
            long part;
            if (i == positions - 1) {
                part = approved.cents() - given;
            } else {
                part = BigDecimal.valueOf(approved.cents()).multiply(BigDecimal.valueOf(weights.get(i)))
                        .divide(BigDecimal.valueOf(total), 0, java.math.RoundingMode.DOWN).longValueExact();
            }
            given += part;
            parts.add(Money.ofCents(part));
        }
        return parts;
    }

    public List<Position> positions(Programme programme, Integer schoolYear, String responsibleKey) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (programme != null) {
            where.append(" AND programme = ?");
            params.add(programme.name());
        }
        if (schoolYear != null) {
            where.append(" AND school_year = ?");
            params.add(schoolYear);
        }
        if (responsibleKey != null) {
            where.append(" AND responsible_key = ?");
            params.add(responsibleKey);
        }
        return tx.inTransaction(c -> {
            List<Position> result = new ArrayList<>();
            for (Position p : Sql.list(c, "SELECT * FROM yc_position" + where + " ORDER BY id", YcStore::position, params.toArray())) {
                result.add(withSchools(c, p));
            }
            return result;
        });
    }

    public Position position(long id) {
        return tx.inTransaction(c -> withSchools(c, Sql.one(c, "SELECT * FROM yc_position WHERE id = ?", YcStore::position, id)
                .orElseThrow(() -> new UnknownEntityException("Stelle " + id + " ist unbekannt."))));
    }

    private static Position withSchools(Connection c, Position p) throws SQLException {
        List<String> schools = Sql.list(c, "SELECT school_number FROM yc_position_school WHERE position_id = ? ORDER BY school_number",
                rs -> rs.getString(1), p.id());
        return new Position(p.id(), p.applicationId(), p.line(), p.decisionNumber(), p.programme(), p.responsibleKey(), p.holderName(),
                p.fte(), p.months(), p.schoolYear(), p.funded(), schools, p.exceptionReason(), p.createdAt());
    }

    private static Position position(ResultSet rs) throws SQLException {
        return new Position(rs.getLong("id"), rs.getLong("application_id"), rs.getInt("line_no"), rs.getString("decision_number"),
                Programme.valueOf(rs.getString("programme")), rs.getString("responsible_key"), rs.getString("holder_name"),
                Rules.fteText(rs.getInt("fte_hundredths")).replace(',', '.'), rs.getInt("months"), Rules.schoolYearText(rs.getInt("school_year")),
                Money.ofCents(rs.getLong("funded_cents")), List.of(), rs.getString("exception_reason"), Sql.instant(rs, "created_at"));
    }

    // ---- the approval office sets the AVdual caseload guideline aside ----------------------------------

    /** Records that the office sets the caseload guideline aside for the application, with its reason (once). */
    public Model.CaseloadOverride recordOverride(long applicationId, String reason, String approver) {
        if (reason == null || reason.isBlank() || reason.length() > 2000) {
            throw new InvalidInputException("Die Begründung fehlt oder ist länger als 2000 Zeichen (reason).");
        }
        return tx.inTransaction(c -> {
            if (Sql.count(c, "SELECT COUNT(*) FROM yc_override WHERE application_id = ?", applicationId) > 0) {
                throw new de.paktwerk.core.api.ConflictException("Für den Antrag " + applicationId + " ist die Abweichung bereits begründet.");
            }
            Sql.update(c, "INSERT INTO yc_override (application_id, reason, approver, created_at) VALUES (?, ?, ?, ?)", applicationId,
                    reason.trim(), approver, now());
            // the reason is free text: it stays here, the chain notes only that there is one
            audit.append(c, approver, "yc_override", String.valueOf(applicationId), "caseload-override", null, null);
            return override(c, applicationId).orElseThrow();
        });
    }

    public java.util.Optional<Model.CaseloadOverride> override(long applicationId) {
        return tx.inTransaction(c -> override(c, applicationId));
    }

    private static java.util.Optional<Model.CaseloadOverride> override(Connection c, long applicationId) throws SQLException {
        return Sql.one(c, "SELECT * FROM yc_override WHERE application_id = ?", rs -> new Model.CaseloadOverride(rs.getLong("application_id"),
                rs.getString("reason"), rs.getString("approver"), Sql.instant(rs, "created_at")), applicationId);
    }

    // ---- proof of use -----------------------------------------------------------------------------------

    /** Stores what the applicant reported per position with the settled amount; runs inside the core's proof-of-use transaction. */
    public void recordProof(long applicationId, Actuals actuals, Money accepted, String actor) {
        tx.inTransaction(c -> {
            List<Long> ids = Sql.list(c, "SELECT id FROM yc_position WHERE application_id = ? ORDER BY line_no", rs -> rs.getLong(1), applicationId);
            if (ids.size() != actuals.positions().size()) {
                throw new de.paktwerk.core.api.ConflictException("Zum Antrag " + applicationId + " sind " + ids.size()
                        + " geförderte Stellen erfasst, der Nachweis nennt " + actuals.positions().size() + ".");
            }
            Rules r = rules.get();
            Sql.update(c, "DELETE FROM yc_report WHERE application_id = ?", applicationId);
            Sql.update(c, "DELETE FROM yc_proof WHERE application_id = ?", applicationId);
            for (int i = 0; i < ids.size(); i++) {
                PositionActuals a = actuals.positions().get(i);
                Integer fte = a.fte() == null ? null : r.fte(a.fte());
                Sql.update(c, "INSERT INTO yc_report (position_id, application_id, months_filled, fte_hundredths, pupils_reached, refugee_pupils,"
                                + " placements_started, placements_completed, transitions_training, pupils_advised, training_contracts, reported_at)"
                                + " VALUES (?, ?, ?, COALESCE(?, (SELECT fte_hundredths FROM yc_position WHERE id = ?)), ?, ?, ?, ?, ?, ?, ?, ?)",
                        ids.get(i), applicationId, a.months(), fte, ids.get(i), zero(a.pupilsReached()), zero(a.refugeePupils()),
                        zero(a.placementsStarted()), zero(a.placementsCompleted()), zero(a.transitionsTraining()), zero(a.pupilsAdvised()),
                        zero(a.trainingContracts()), now());
            }
            Sql.update(c, "INSERT INTO yc_proof (application_id, actual_costs_cents, accepted_cents, reported_at) VALUES (?, ?, ?, ?)",
                    applicationId, actuals.personnelCosts() == null ? null : Money.parse(actuals.personnelCosts()).cents(), accepted.cents(), now());
            audit.append(c, actor, "yc_proof", String.valueOf(applicationId), "report", null, json(Map.of("positions", ids.size(),
                    "accepted", accepted.toString())));
            return null;
        });
    }

    private static int zero(Integer n) {
        return n == null ? 0 : n;
    }

    // ---- reports --------------------------------------------------------------------------------------

    /** Per applicant and programme in a school year; counts of groups under the minimum are suppressed. */
    public List<ReportRow> report(int schoolYear, String responsibleKey) {
        int min = rules.get().minReportGroup();
        return tx.inTransaction(c -> Sql.list(c, "SELECT p.responsible_key, p.programme, COUNT(*) AS positions, SUM(p.fte_hundredths) AS fte,"
                        + " SUM(p.funded_cents) AS funded, SUM(r.pupils_reached) AS pupils_reached, SUM(r.refugee_pupils) AS refugee_pupils,"
                        + " SUM(r.placements_started) AS placements_started, SUM(r.placements_completed) AS placements_completed,"
                        + " SUM(r.transitions_training) AS transitions_training, SUM(r.pupils_advised) AS pupils_advised,"
                        + " SUM(r.training_contracts) AS training_contracts"
                        + " FROM yc_position p LEFT JOIN yc_report r ON r.position_id = p.id WHERE p.school_year = ?"
                        + (responsibleKey == null ? "" : " AND p.responsible_key = ?")
                        + " GROUP BY p.responsible_key, p.programme ORDER BY p.responsible_key, p.programme",
                rs -> new ReportRow(rs.getString("responsible_key"), Programme.valueOf(rs.getString("programme")), Rules.schoolYearText(schoolYear),
                        rs.getInt("positions"), Rules.fteText(rs.getInt("fte")).replace(',', '.'), Money.ofCents(rs.getLong("funded")),
                        group(rs, "pupils_reached", min), group(rs, "refugee_pupils", min), group(rs, "placements_started", min),
                        group(rs, "placements_completed", min), group(rs, "transitions_training", min), group(rs, "pupils_advised", min),
                        group(rs, "training_contracts", min)),
                responsibleKey == null ? new Object[] {schoolYear} : new Object[] {schoolYear, responsibleKey}));
    }

    private static Integer group(ResultSet rs, String column, int min) throws SQLException {
        int n = rs.getInt(column);
        return rs.wasNull() || n < min ? null : n;
    }

    static String json(Map<String, ?> fields) {
        try {
            return JSON.writeValueAsString(new LinkedHashMap<>(fields));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
