package de.paktwerk.languagecourses.internal;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import de.paktwerk.core.api.spi.Payloads;
import io.swagger.v3.oas.annotations.extensions.Extension;
import io.swagger.v3.oas.annotations.extensions.ExtensionProperty;
import io.swagger.v3.oas.annotations.media.Schema;

import de.paktwerk.core.api.LineItem;
import de.paktwerk.core.api.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The module's records: the course plan of an application, courses, participants, sessions, reports. */
public final class Model {

    private Model() {
    }

    /** Course formats of the VwV Deutsch; the reduced ones have lower participant limits. */
    public enum Format {
        ALPHA("Alphabetisierungskurs", false, false),
        BASIC("Grundkurs", false, false),
        ADVANCED("Aufbaukurs", false, false),
        PARENTS_WITH_CHILDCARE("Elternkurs mit Kinderbetreuung", true, true),
        WOMEN_WITH_CHILDCARE("Frauenkurs mit Kinderbetreuung", true, true),
        JOB_ACCOMPANYING("berufsbegleitender Kurs", true, false),
        INTENSIVE_PRE_TRAINING("Intensivkurs vor Ausbildungsbeginn", false, false),
        EQ_ACCOMPANYING("Kurs begleitend zur Einstiegsqualifizierung", false, false),
        LOW_THRESHOLD("niedrigschwelliges Angebot", true, false);

        private final String german;
        private final boolean reduced;
        private final boolean childcare;

        Format(String german, boolean reduced, boolean childcare) {
            this.german = german;
            this.reduced = reduced;
            this.childcare = childcare;
        }

        public String german() {
            return german;
        }

        /** True for formats with reduced participant numbers ("reduzierte Mindestteilnehmerzahlen"). */
        public boolean reduced() {
            return reduced;
        }

        /** True for formats whose childcare is funded. */
        public boolean childcare() {
            return childcare;
        }
    }

    /** Target levels of the Common European Framework. */
    public enum Level {
        A1, A2, B1, B2, C1
    }

    /** When a course meets. */
    public enum TimeOfDay {
        DAY, EVENING, WEEKEND
    }

    /** Residence status of a participant. */
    public enum Status {
        ASYLUM_PENDING, TOLERATED, PROTECTED, OTHER_MIGRANT
    }

    /** Where a participant stands in a course. */
    public enum ParticipantState {
        WAITING, ENROLLED, COMPLETED, DROPPED_OUT, WITHDRAWN
    }

    /**
     * The payload of an application: the course plan of a Stadt- or Landkreis for one course period (the
     * application's term, {@code kind = COURSE_PERIOD}).
     */
    public record CoursePlan(@Schema(title = "Kurse", requiredMode = REQUIRED) List<CoursePlanned> courses) {
    }

    /**
     * One planned course.
     *
     * @param title e.g. "Grundkurs A1 Sinsheim"
     * @param providerId the provider running it (VHS, association), recorded for the applying Kreis in the core
     * @param forMunicipalityKey the municipality in the Kreis the course serves, optional
     * @param format course format
     * @param targetLevel target level (optional for alphabetisation and low-threshold offers)
     * @param plannedUnits teaching units of 45 minutes
     * @param unitsPerWeek teaching units per week
     * @param timeOfDay day, evening or weekend
     * @param capacity places
     * @param minParticipants minimum participants at the start, at least the format's minimum (default: that minimum)
     * @param plannedParticipants participants the plan is priced for (default: capacity)
     * @param start first course day
     * @param end last course day
     * @param location where it takes place
     * @param childcare childcare planned (parents' and women's courses)
     * @param plannedTests certified final tests planned
     * @param travelBudget travel costs planned for the participants, at most the cap per participant
     */
    @Schema(extensions = @Extension(properties = {@ExtensionProperty(name = "x-order", value = "[\"title\",\"format\",\"targetLevel\",\"providerId\",\"forMunicipalityKey\",\"location\",\"start\",\"end\",\"plannedUnits\",\"unitsPerWeek\",\"timeOfDay\",\"capacity\",\"minParticipants\",\"plannedParticipants\",\"plannedTests\",\"travelBudget\",\"childcare\"]", parseValue = true), @ExtensionProperty(name = "x-variants", value = "{\"format\":{\"PARENTS_WITH_CHILDCARE\":[\"childcare\"],\"WOMEN_WITH_CHILDCARE\":[\"childcare\"]}}", parseValue = true)}))
    public record CoursePlanned(@Schema(title = "Kurstitel", description = "z. B. Grundkurs A1 Sinsheim", requiredMode = REQUIRED) String title,
                                @Schema(title = "Kursträger", description = "einer der für den Kreis eingetragenen Träger", requiredMode = REQUIRED,
                                        extensions = @Extension(properties = @ExtensionProperty(name = "x-choices", parseValue = true,
                                                value = "{\"path\":\"/api/core/municipalities/{applicantKey}/providers\",\"value\":\"id\",\"label\":\"{name}\"}")))
                                Long providerId,
                                @Schema(title = "Gemeinde des Kurses (amtlicher Schlüssel)", description = "freiwillig") String forMunicipalityKey,
                                @Schema(title = "Kursformat", requiredMode = REQUIRED, extensions = @Extension(name = "x-labels", properties = {
                                        @ExtensionProperty(name = "ALPHA", value = "Alphabetisierungskurs"),
                                        @ExtensionProperty(name = "BASIC", value = "Grundkurs"),
                                        @ExtensionProperty(name = "ADVANCED", value = "Aufbaukurs"),
                                        @ExtensionProperty(name = "PARENTS_WITH_CHILDCARE", value = "Elternkurs mit Kinderbetreuung"),
                                        @ExtensionProperty(name = "WOMEN_WITH_CHILDCARE", value = "Frauenkurs mit Kinderbetreuung"),
                                        @ExtensionProperty(name = "JOB_ACCOMPANYING", value = "berufsbegleitender Kurs"),
                                        @ExtensionProperty(name = "INTENSIVE_PRE_TRAINING", value = "Intensivkurs vor Ausbildungsbeginn"),
                                        @ExtensionProperty(name = "EQ_ACCOMPANYING", value = "Kurs begleitend zur Einstiegsqualifizierung"),
                                        @ExtensionProperty(name = "LOW_THRESHOLD", value = "niedrigschwelliges Angebot")})) Format format,
                                @Schema(title = "Zielniveau", description = "nach dem Gemeinsamen Europäischen Referenzrahmen", extensions = @Extension(
                                        name = "x-labels", properties = {@ExtensionProperty(name = "A1", value = "Niveau A1"),
                                        @ExtensionProperty(name = "A2", value = "Niveau A2"), @ExtensionProperty(name = "B1", value = "Niveau B1"),
                                        @ExtensionProperty(name = "B2", value = "Niveau B2"), @ExtensionProperty(name = "C1", value = "Niveau C1")}))
                                Level targetLevel,
                                @Schema(title = "Geplante Unterrichtseinheiten", description = "zu 45 Minuten", requiredMode = REQUIRED, minimum = "1")
                                Integer plannedUnits,
                                @Schema(title = "Unterrichtseinheiten je Woche", minimum = "1") Integer unitsPerWeek,
                                @Schema(title = "Tageszeit", extensions = @Extension(name = "x-labels", properties = {
                                        @ExtensionProperty(name = "DAY", value = "tagsüber"), @ExtensionProperty(name = "EVENING", value = "abends"),
                                        @ExtensionProperty(name = "WEEKEND", value = "am Wochenende")})) TimeOfDay timeOfDay,
                                @Schema(title = "Plätze", requiredMode = REQUIRED, minimum = "1") Integer capacity,
                                @Schema(title = "Mindestzahl der Teilnehmenden zu Beginn", description = "ohne Angabe: die des Formats", minimum = "1")
                                Integer minParticipants,
                                @Schema(title = "Geplante Teilnehmende", description = "ohne Angabe: die Plätze", minimum = "1") Integer plannedParticipants,
                                @Schema(title = "Erster Kurstag", requiredMode = REQUIRED) LocalDate start,
                                @Schema(title = "Letzter Kurstag", requiredMode = REQUIRED) LocalDate end,
                                @Schema(title = "Kursort", requiredMode = REQUIRED) String location,
                                Childcare childcare,
                                @Schema(title = "Geplante Abschlussprüfungen", minimum = "0") Integer plannedTests,
                                @Schema(title = "Fahrtkosten der Teilnehmenden in Euro", description = "z. B. 300.00; höchstens die Pauschale je Person",
                                        pattern = Payloads.AMOUNT, format = "decimal") String travelBudget) {
    }

    /** Planned childcare: children cared for during how many of the course's units. */
    @Schema(title = "Kinderbetreuung", description = "Eltern- und Frauenkurse")
    public record Childcare(@Schema(title = "Betreute Kinder", minimum = "0") Integer children,
                            @Schema(title = "Betreute Unterrichtseinheiten", minimum = "0") Integer units) {
    }

    /** What {@code POST /pricing} and {@code POST /settlement} answer: the total and the lines. */
    public record Pricing(Money total, List<LineItem> lines) {
    }

    /** A course of an approved plan. */
    public record Course(long id, long applicationId, int line, String decisionNumber, LocalDate decidedOn, String responsibleKey,
                         String forMunicipalityKey, long providerId, String title, Format format, Level targetLevel, int plannedUnits,
                         int unitsPerWeek, TimeOfDay timeOfDay, int capacity, int minParticipants, LocalDate start, LocalDate end,
                         String location, boolean childcare, String coursePeriod, Integer startedWith, int unitsHeld, int enrolled,
                         int waiting) {
    }

    /**
     * A participant as enrolled (pseudonymised: no name; the Kreis keeps its own list of who is who).
     *
     * @param reference the Kreis's own pseudonym, optional (e.g. "RN-2017-0042")
     */
    @Schema(title = "Teilnehmende Person", extensions = @Extension(properties = @ExtensionProperty(name = "x-order", parseValue = true,
            value = "[\"reference\",\"birthYear\",\"sex\",\"status\",\"integrationCourseEntitled\",\"reasonNotEntitled\",\"enrolledOn\"]")))
    public record ParticipantInput(@Schema(title = "Kennung des Kreises", description = "freiwillig, ein Pseudonym wie RN-2017-0042 – kein Name",
                                           maxLength = 40) String reference,
                                   @Schema(title = "Geburtsjahr", requiredMode = REQUIRED, minimum = "1900", maximum = "2100") Integer birthYear,
                                   @Schema(title = "Geschlecht", description = "freiwillig", allowableValues = {"f", "m", "d"}, extensions = @Extension(
                                           name = "x-labels", properties = {@ExtensionProperty(name = "f", value = "weiblich"),
                                           @ExtensionProperty(name = "m", value = "männlich"), @ExtensionProperty(name = "d", value = "divers")}))
                                   String sex,
                                   @Schema(title = "Aufenthaltsstatus", requiredMode = REQUIRED, extensions = @Extension(name = "x-labels", properties = {
                                           @ExtensionProperty(name = "ASYLUM_PENDING", value = "Asylverfahren läuft"),
                                           @ExtensionProperty(name = "TOLERATED", value = "geduldet"),
                                           @ExtensionProperty(name = "PROTECTED", value = "anerkannt schutzberechtigt"),
                                           @ExtensionProperty(name = "OTHER_MIGRANT", value = "andere Zugewanderte")})) Status status,
                                   @Schema(title = "Anspruch auf einen Integrationskurs des Bundes", requiredMode = REQUIRED) Boolean integrationCourseEntitled,
                                   @Schema(title = "Grund, warum der Integrationskurs nicht in Frage kommt", maxLength = 500) String reasonNotEntitled,
                                   @Schema(title = "Aufgenommen am", description = "ohne Angabe: heute") LocalDate enrolledOn) {
    }

    /** A participant of a course. */
    public record Participant(long id, long courseId, String reference, int birthYear, String sex, Status status,
                              boolean integrationCourseEntitled, String reasonNotEntitled,
                              @Schema(extensions = @Extension(name = "x-labels", properties = {
                                      @ExtensionProperty(name = "WAITING", value = "auf der Warteliste"),
                                      @ExtensionProperty(name = "ENROLLED", value = "aufgenommen"),
                                      @ExtensionProperty(name = "COMPLETED", value = "abgeschlossen"),
                                      @ExtensionProperty(name = "DROPPED_OUT", value = "abgebrochen"),
                                      @ExtensionProperty(name = "WITHDRAWN", value = "von der Warteliste zurückgezogen")})) ParticipantState state,
                              Integer waitingPosition,
                              LocalDate enrolledOn, LocalDate leftOn, Level testLevel, Boolean testPassed, Money travelReimbursed) {
    }

    /** A participant leaves the course (or the waiting list). */
    public record Leave(LocalDate on, ParticipantState reason) {
    }

    /** What a participant achieved and was reimbursed: a certified test taken, travel costs paid. */
    public record Outcome(Level testLevel, Boolean testPassed, String travelReimbursed) {
    }

    /** A course day as recorded: units held, who was present, children in care. */
    public record SessionInput(LocalDate date, Integer units, List<Long> present, Integer childrenInCare, String teacher) {
    }

    /** A recorded course day; it counts once a signed attendance list covers it. */
    public record Session(long id, long courseId, LocalDate date, int units, int present, int enrolled, int childrenInCare,
                          String teacher, Long attendanceListId) {
    }

    /** A signed attendance list as uploaded: the sessions of its course in [from, to] count with it. */
    public record AttendanceList(long id, long courseId, LocalDate from, LocalDate to, String sha256, String mediaType, int bytes,
                                 int sessions, Instant uploadedAt) {
    }

    /** The approval office allows a start before the decision, with a reason. */
    public record EarlyStart(long applicationId, String reason, String approver, Instant at) {
    }

    /** A reason, e.g. for an early start. */
    public record ReasonBody(String reason) {
    }

    /**
     * A course's delivery as the Kreis states it, for {@code POST /settlement} (computed, not stored).
     *
     * @param format course format (its guarantee and minimum)
     * @param minParticipants the course's minimum, if above the format's
     * @param startedWith participants at the start
     * @param decisionDate the day of the decision, optional: sessions before it count only with an approved early start
     * @param earlyStart whether an early start was approved
     * @param sessions the course days
     * @param testsTaken certified tests taken
     * @param travelReimbursed travel costs reimbursed, one amount per participant
     */
    public record Delivery(Format format, Integer minParticipants, Integer startedWith, LocalDate decisionDate, Boolean earlyStart,
                           List<DeliveredSession> sessions, Integer testsTaken, List<String> travelReimbursed) {
    }

    /** One course day for {@code POST /settlement}. */
    public record DeliveredSession(LocalDate date, Integer units, Integer present, Boolean signed, Integer childrenInCare) {
    }

    /** Report line per course. */
    public record CourseReport(long courseId, String title, String responsibleKey, Format format, Level targetLevel, String coursePeriod,
                               int unitsHeld, int unitsCounted, int enrolled, int completed, int droppedOut, String attendanceRate,
                               Map<String, Integer> testsTaken, Map<String, Integer> testsPassed, int childcareUnits, Money travelReimbursed) {
    }

    /** Report per Kreis and course period; counts of groups under the minimum are null. */
    public record DistrictReport(String responsibleKey, String coursePeriod, int courses, Integer participants, Map<String, Integer> byStatus,
                                 Map<String, Integer> byAgeBand) {
    }
}
