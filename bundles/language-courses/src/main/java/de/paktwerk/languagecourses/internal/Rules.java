package de.paktwerk.languagecourses.internal;

import de.paktwerk.core.api.Assessment;
import de.paktwerk.core.api.InvalidInputException;
import de.paktwerk.core.api.LineItem;
import de.paktwerk.core.api.Money;
import de.paktwerk.core.api.RuleViolatedException;
import de.paktwerk.languagecourses.internal.Model.CoursePlan;
import de.paktwerk.languagecourses.internal.Model.CoursePlanned;
import de.paktwerk.languagecourses.internal.Model.Format;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongPredicate;

/**
 * The rules of "Spracherwerb (VwV Deutsch)" as one immutable value built from the configuration: pricing of a course
 * plan at application and settlement of a course on what was delivered. Pure: what it needs from the database comes
 * in as {@link Facts} and {@link CourseDelivery}.
 */
public final class Rules {

    /** How a held teaching unit is paid. */
    public enum PricingModel {
        /** A rate per participant and unit, at least the guarantee's participants per held unit. */
        PER_PARTICIPANT_UE,
        /** A course rate per held unit, whoever attends. */
        PER_UE
    }

    /**
     * What pricing needs beyond the plan.
     *
     * @param today the day of the application (Berlin)
     * @param periodYear first calendar year of the course period, e.g. 2017 for 2017/18
     * @param providerOfApplicant whether a provider id is recorded for the applying Kreis
     */
    public record Facts(LocalDate today, int periodYear, LongPredicate providerOfApplicant) {
    }

    /** A course day for settlement: units, participants present, whether a signed list covers it, children in care. */
    public record DaySettled(LocalDate date, int units, int present, boolean signed, int children) {
    }

    /**
     * A course's delivery for settlement.
     *
     * @param label how the course is named in the lines, e.g. "Kurs 3 (Grundkurs)"
     * @param format its format
     * @param minParticipants its minimum at the start
     * @param startedWith participants at the start, or null if it never started
     * @param decidedOn the day of the decision, or null (no early-start rule, e.g. a plan being checked)
     * @param earlyStart whether an early start was approved
     * @param days the course days
     * @param testsTaken certified tests taken
     * @param travel travel costs reimbursed per participant
     */
    public record CourseDelivery(String label, Format format, int minParticipants, Integer startedWith, LocalDate decidedOn, boolean earlyStart,
                                 List<DaySettled> days, int testsTaken, List<Money> travel) {
    }

    static final int MAX_UNITS_PER_DAY = 12;
    static final int MAX_TEXT = 200;

    private final PricingModel model;
    private final Money ratePerParticipantUnit;
    private final Money ratePerUnit;
    private final int regularMin;
    private final int regularMax;
    private final int regularGuarantee;
    private final int reducedMin;
    private final int reducedMax;
    private final int reducedGuarantee;
    private final int minUnits;
    private final int maxUnits;
    private final int maxUnitsAlpha;
    private final Money childcarePerCarerUnit;
    private final int childrenPerCarer;
    private final Money travelCap;
    private final Money testFlat;
    private final MonthDay deadline;
    private final MonthDay remainderDeadline;
    private final boolean excludeEntitled;
    private final boolean openToOtherMigrants;
    private final int maxCourses;
    private final int minReportGroup;

    public Rules(LcConfig c) {
        model = PricingModel.valueOf(c.pricingModel());
        ratePerParticipantUnit = positive(c.ratePerParticipantUnit(), "ratePerParticipantUnit");
        ratePerUnit = positive(c.ratePerUnit(), "ratePerUnit");
        regularMin = c.regularMin();
        regularMax = c.regularMax();
        regularGuarantee = c.regularGuarantee();
        reducedMin = c.reducedMin();
        reducedMax = c.reducedMax();
        reducedGuarantee = c.reducedGuarantee();
        if (regularMin < 1 || regularMax < regularMin || reducedMin < 1 || reducedMax < reducedMin || regularGuarantee < 0
                || regularGuarantee > regularMax || reducedGuarantee < 0 || reducedGuarantee > reducedMax) {
            throw new IllegalArgumentException("Teilnehmergrenzen: 1 ≤ Minimum ≤ Maximum, 0 ≤ Garantie ≤ Maximum");
        }
        minUnits = c.minUnits();
        maxUnits = c.maxUnits();
        maxUnitsAlpha = c.maxUnitsAlpha();
        if (minUnits < 1 || maxUnits < minUnits || maxUnitsAlpha < minUnits) {
            throw new IllegalArgumentException("Unterrichtseinheiten: 1 ≤ minUnits ≤ maxUnits, maxUnitsAlpha");
        }
        childcarePerCarerUnit = positive(c.childcarePerCarerUnit(), "childcarePerCarerUnit");
        childrenPerCarer = c.childrenPerCarer();
        if (childrenPerCarer < 1) {
            throw new IllegalArgumentException("childrenPerCarer ≥ 1");
        }
        travelCap = Money.parse(c.travelCapPerParticipant());
        testFlat = Money.parse(c.testFlat());
        if (travelCap.isNegative() || testFlat.isNegative()) {
            throw new IllegalArgumentException("travelCapPerParticipant und testFlat ≥ 0");
        }
        deadline = MonthDay.parse("--" + c.applicationDeadline());
        remainderDeadline = MonthDay.parse("--" + c.remainderDeadline());
        excludeEntitled = c.excludeIntegrationCourseEntitled();
        openToOtherMigrants = c.openToOtherMigrants();
        maxCourses = c.maxCoursesPerPlan();
        minReportGroup = c.minReportGroup();
    }

    private static Money positive(String amount, String name) {
        Money m = Money.parse(amount);
        if (!m.isPositive()) {
            throw new IllegalArgumentException(name + " muss positiv sein: " + amount);
        }
        return m;
    }

    public int minReportGroup() {
        return minReportGroup;
    }

    public int childrenPerCarer() {
        return childrenPerCarer;
    }

    public Money travelCap() {
        return travelCap;
    }

    /** The format's minimum participants at the start. */
    public int min(Format f) {
        return f.reduced() ? reducedMin : regularMin;
    }

    /** The format's maximum participants (places). */
    public int max(Format f) {
        return f.reduced() ? reducedMax : regularMax;
    }

    /** Participants paid per held unit at least, if the course started with its minimum. */
    public int guarantee(Format f) {
        return f.reduced() ? reducedGuarantee : regularGuarantee;
    }

    /** Carers needed for so many children. */
    public int carers(int children) {
        return (children + childrenPerCarer - 1) / childrenPerCarer;
    }

    // ---- pricing a plan ---------------------------------------------------------------------------------

    /** Prices a course plan: validates every rule and returns the lines and the eligible amount. */
    public Assessment price(CoursePlan plan, Facts facts) {
        if (plan == null || plan.courses() == null || plan.courses().isEmpty()) {
            throw new InvalidInputException("Der Kursplan nennt mindestens einen Kurs (payload.courses).");
        }
        if (plan.courses().size() > maxCourses) {
            throw new InvalidInputException("Höchstens " + maxCourses + " Kurse je Kursplan, nicht " + plan.courses().size() + ".");
        }
        LocalDate periodStart = LocalDate.of(facts.periodYear(), 8, 1);
        LocalDate due = deadline.atYear(facts.periodYear());
        LocalDate remainder = remainderDeadline.atYear(facts.periodYear());
        List<LineItem> lines = new ArrayList<>();
        if (facts.today().isAfter(remainder)) {
            throw new RuleViolatedException("Der Kursplan für die Kursperiode " + periodText(facts.periodYear()) + " kommt zu spät: Anträge bis "
                    + german(due) + ", auf Restmittel bis " + german(remainder) + ".");
        }
        if (facts.today().isAfter(due)) {
            lines.add(new LineItem(LineItem.Kind.NOTE, "Antrag auf Restmittel (nach der Antragsfrist " + german(due) + ", bis " + german(remainder) + ")",
                    Money.ZERO));
        }
        Money sum = Money.ZERO;
        int n = 0;
        for (CoursePlanned c : plan.courses()) {
            n++;
            if (c == null) {
                throw new InvalidInputException("Kurs " + n + " ist leer.");
            }
            sum = sum.plus(priceCourse(c, n, facts, periodStart, lines));
        }
        return new Assessment(lines, sum);
    }

    private Money priceCourse(CoursePlanned c, int n, Facts facts, LocalDate periodStart, List<LineItem> lines) {
        String k = "Kurs " + n;
        if (blank(c.title()) || c.title().length() > MAX_TEXT) {
            throw new InvalidInputException(k + ": der Titel fehlt oder ist länger als " + MAX_TEXT + " Zeichen (title).");
        }
        if (c.format() == null) {
            throw new InvalidInputException(k + ": das Kursformat fehlt (format).");
        }
        if (c.timeOfDay() == null) {
            throw new InvalidInputException(k + ": die Tageszeit fehlt (timeOfDay: DAY, EVENING oder WEEKEND).");
        }
        if (c.targetLevel() == null && c.format() != Format.ALPHA && c.format() != Format.LOW_THRESHOLD) {
            throw new InvalidInputException(k + ": das Zielniveau fehlt (targetLevel: A1 bis C1).");
        }
        if (c.providerId() == null || !facts.providerOfApplicant().test(c.providerId())) {
            throw new RuleViolatedException(k + ": der Kursträger " + (c.providerId() == null ? "fehlt" : c.providerId() + " ist für den Antragsteller"
                    + " nicht erfasst") + " (providerId; Träger erfassen: POST /api/core/municipalities/{Schlüssel}/providers).");
        }
        if (blank(c.location()) || c.location().length() > MAX_TEXT) {
            throw new InvalidInputException(k + ": der Kursort fehlt oder ist länger als " + MAX_TEXT + " Zeichen (location).");
        }
        int units = required(c.plannedUnits(), k + ": die geplanten Unterrichtseinheiten fehlen (plannedUnits).");
        int most = c.format() == Format.ALPHA ? maxUnitsAlpha : maxUnits;
        if (units < minUnits || units > most) {
            throw new RuleViolatedException(k + ": ein " + c.format().german() + " umfasst " + minUnits + " bis " + most
                    + " Unterrichtseinheiten, nicht " + units + ".");
        }
        int perWeek = required(c.unitsPerWeek(), k + ": die Unterrichtseinheiten je Woche fehlen (unitsPerWeek).");
        if (perWeek < 1 || perWeek > 40) {
            throw new InvalidInputException(k + ": 1 bis 40 Unterrichtseinheiten je Woche, nicht " + perWeek + ".");
        }
        int capacity = required(c.capacity(), k + ": die Zahl der Plätze fehlt (capacity).");
        int min = minParticipants(c.format(), c.minParticipants(), k);
        if (capacity < min || capacity > max(c.format())) {
            throw new RuleViolatedException(k + ": ein " + c.format().german() + " hat " + min + " bis " + max(c.format())
                    + " Plätze, nicht " + capacity + ".");
        }
        int planned = c.plannedParticipants() == null ? capacity : c.plannedParticipants();
        if (planned < min || planned > capacity) {
            throw new RuleViolatedException(k + ": geplant sind mindestens " + min + " und höchstens " + capacity + " Teilnehmende, nicht " + planned + ".");
        }
        if (c.start() == null || c.end() == null) {
            throw new InvalidInputException(k + ": Beginn und Ende fehlen (start, end: JJJJ-MM-TT).");
        }
        LocalDate periodEnd = periodStart.plusYears(1).minusDays(1);
        if (c.end().isBefore(c.start()) || c.start().isBefore(periodStart) || c.end().isAfter(periodEnd)) {
            throw new InvalidInputException(k + ": der Kurs liegt in der Kursperiode " + periodText(periodStart.getYear()) + " ("
                    + german(periodStart) + "–" + german(periodEnd) + ") und endet nicht vor seinem Beginn.");
        }
        if (c.forMunicipalityKey() != null && !c.forMunicipalityKey().matches("[0-9]{8}")) {
            throw new InvalidInputException(k + ": forMunicipalityKey ist ein achtstelliger Gemeindeschlüssel.");
        }
        String label = k + " (" + c.format().german() + (c.targetLevel() == null ? "" : " " + c.targetLevel()) + ")";
        Money course;
        if (model == PricingModel.PER_PARTICIPANT_UE) {
            course = times(ratePerParticipantUnit, (long) units * planned);
            lines.add(new LineItem(LineItem.Kind.RATE, label + ": " + units + " UE × " + planned + " Teilnehmende × " + ratePerParticipantUnit.toGerman(),
                    course));
        } else {
            course = times(ratePerUnit, units);
            lines.add(new LineItem(LineItem.Kind.RATE, label + ": " + units + " UE × " + ratePerUnit.toGerman(), course));
        }
        if (c.childcare() != null && c.childcare().children() != null && c.childcare().children() > 0) {
            if (!c.format().childcare()) {
                throw new RuleViolatedException(k + ": Kinderbetreuung wird in Eltern- und Frauenkursen gefördert, nicht in einem " + c.format().german() + ".");
            }
            int children = c.childcare().children();
            int careUnits = c.childcare().units() == null ? units : c.childcare().units();
            if (children > 100 || careUnits < 0 || careUnits > units) {
                throw new InvalidInputException(k + ": Kinderbetreuung für höchstens 100 Kinder in höchstens den " + units + " UE des Kurses.");
            }
            Money care = times(childcarePerCarerUnit, (long) carers(children) * careUnits);
            lines.add(new LineItem(LineItem.Kind.RATE, k + ": Kinderbetreuung, " + carers(children) + " Betreuungskräfte für " + children + " Kinder × "
                    + careUnits + " UE × " + childcarePerCarerUnit.toGerman(), care));
            course = course.plus(care);
        }
        if (c.plannedTests() != null) {
            if (c.plannedTests() < 0 || c.plannedTests() > planned) {
                throw new InvalidInputException(k + ": 0 bis " + planned + " Prüfungen (je Teilnehmenden eine), nicht " + c.plannedTests() + ".");
            }
            if (c.plannedTests() > 0) {
                Money tests = times(testFlat, c.plannedTests());
                lines.add(new LineItem(LineItem.Kind.RATE, k + ": " + c.plannedTests() + " zertifizierte Prüfungen × " + testFlat.toGerman(), tests));
                course = course.plus(tests);
            }
        }
        if (c.travelBudget() != null) {
            Money travel = Money.parse(c.travelBudget());
            Money cap = times(travelCap, planned);
            if (travel.isNegative() || travel.compareTo(cap) > 0) {
                throw new RuleViolatedException(k + ": Fahrtkosten höchstens " + travelCap.toGerman() + " je Teilnehmenden, für " + planned
                        + " also " + cap.toGerman() + ", nicht " + travel.toGerman() + ".");
            }
            if (travel.isPositive()) {
                lines.add(new LineItem(LineItem.Kind.RATE, k + ": Fahrtkosten der Teilnehmenden (höchstens " + travelCap.toGerman() + " je Person)", travel));
                course = course.plus(travel);
            }
        }
        return course;
    }

    /** The course's minimum: the format's, or a higher one the plan names. */
    int minParticipants(Format format, Integer named, String k) {
        int min = min(format);
        if (named == null) {
            return min;
        }
        if (named < min || named > max(format)) {
            throw new RuleViolatedException(k + ": die Mindestteilnehmerzahl eines " + format.german() + " liegt zwischen " + min + " und "
                    + max(format) + ", nicht " + named + ".");
        }
        return named;
    }

    // ---- starting, enrolling -----------------------------------------------------------------------------

    /** A course starts only with its minimum participants (else it is not eligible in its format). */
    public void requireStart(Format format, int minParticipants, int participants) {
        if (participants < minParticipants) {
            throw new RuleViolatedException("Mindestteilnehmerzahl " + minParticipants + " nicht erreicht: " + participants + " Teilnehmende zu Kursbeginn;"
                    + " ein " + format.german() + " ist so nicht förderfähig.");
        }
    }

    /** Whether the participant may be enrolled: refuses with a German reason. */
    public void requireEligible(Model.ParticipantInput p) {
        if (p.status() == Model.Status.OTHER_MIGRANT && !openToOtherMigrants) {
            throw new RuleViolatedException("Andere Zugewanderte sind in dieser Förderung nicht teilnahmeberechtigt (openToOtherMigrants=false).");
        }
        if (excludeEntitled && Boolean.TRUE.equals(p.integrationCourseEntitled()) && blank(p.reasonNotEntitled())) {
            throw new RuleViolatedException("Wer Anspruch auf einen Integrationskurs des Bundes hat, wird nur aufgenommen, wenn er ihn nicht nutzen kann:"
                    + " der Grund fehlt (reasonNotEntitled, z. B. \"kein Kurs in zumutbarer Entfernung\").");
        }
    }

    // ---- settlement -----------------------------------------------------------------------------------

    /**
     * Settles one course on what was delivered: per held unit max(present, guarantee) participants × rate (the
     * guarantee only if the course started with its minimum), childcare actually provided, tests taken, travel
     * reimbursed up to the cap per participant. A course day counts only with a signed attendance list, and before
     * the decision only with an approved early start.
     */
    public Assessment settle(CourseDelivery d) {
        List<LineItem> lines = new ArrayList<>();
        if (d.startedWith() == null) {
            lines.add(new LineItem(LineItem.Kind.NOTE, d.label() + ": nicht begonnen, keine Förderung", Money.ZERO));
            return new Assessment(lines, Money.ZERO);
        }
        requireStart(d.format(), d.minParticipants(), d.startedWith());
        int guarantee = guarantee(d.format());
        long participantUnits = 0;
        long units = 0;
        long carerUnits = 0;
        int unsigned = 0;
        int unsignedUnits = 0;
        int early = 0;
        int earlyUnits = 0;
        for (DaySettled day : d.days()) {
            if (!day.signed()) {
                unsigned++;
                unsignedUnits += day.units();
            } else if (d.decidedOn() != null && day.date().isBefore(d.decidedOn()) && !d.earlyStart()) {
                early++;
                earlyUnits += day.units();
            } else {
                units += day.units();
                participantUnits += (long) day.units() * Math.max(day.present(), guarantee);
                carerUnits += (long) carers(day.children()) * day.units();
            }
        }
        Money sum;
        if (model == PricingModel.PER_PARTICIPANT_UE) {
            sum = times(ratePerParticipantUnit, participantUnits);
            lines.add(new LineItem(LineItem.Kind.RATE, d.label() + ": " + units + " UE gehalten, " + participantUnits + " Teilnehmer-UE (je UE mindestens "
                    + guarantee + ") × " + ratePerParticipantUnit.toGerman(), sum));
        } else {
            sum = times(ratePerUnit, units);
            lines.add(new LineItem(LineItem.Kind.RATE, d.label() + ": " + units + " UE gehalten × " + ratePerUnit.toGerman(), sum));
        }
        if (unsigned > 0) {
            lines.add(new LineItem(LineItem.Kind.NOTE, d.label() + ": " + days(unsigned) + " (" + unsignedUnits + " UE) ohne unterschriebene"
                    + " Anwesenheitsliste " + (unsigned == 1 ? "zählt" : "zählen") + " nicht", Money.ZERO));
        }
        if (early > 0) {
            lines.add(new LineItem(LineItem.Kind.NOTE, d.label() + ": " + days(early) + " (" + earlyUnits + " UE) vor dem Bescheid ohne genehmigten"
                    + " vorzeitigen Maßnahmebeginn " + (early == 1 ? "zählt" : "zählen") + " nicht", Money.ZERO));
        }
        if (carerUnits > 0) {
            Money care = times(childcarePerCarerUnit, carerUnits);
            lines.add(new LineItem(LineItem.Kind.RATE, d.label() + ": Kinderbetreuung, " + carerUnits + " Betreuungskraft-UE × "
                    + childcarePerCarerUnit.toGerman(), care));
            sum = sum.plus(care);
        }
        if (d.testsTaken() > 0) {
            Money tests = times(testFlat, d.testsTaken());
            lines.add(new LineItem(LineItem.Kind.RATE, d.label() + ": " + d.testsTaken() + " zertifizierte Prüfungen × " + testFlat.toGerman(), tests));
            sum = sum.plus(tests);
        }
        Money travel = Money.ZERO;
        int capped = 0;
        for (Money t : d.travel()) {
            if (t.compareTo(travelCap) > 0) {
                capped++;
            }
            travel = travel.plus(Money.min(t, travelCap));
        }
        if (travel.isPositive()) {
            lines.add(new LineItem(LineItem.Kind.RATE, d.label() + ": erstattete Fahrtkosten" + (capped > 0 ? " (" + capped
                    + (capped == 1 ? " Person" : " Personen") + " auf " + travelCap.toGerman() + " gedeckelt)" : ""), travel));
            sum = sum.plus(travel);
        }
        return new Assessment(lines, sum);
    }

    private static String days(int n) {
        return n + (n == 1 ? " Kurstag" : " Kurstage");
    }

    /** Validates a delivery as stated for {@code POST /settlement} and settles it. */
    public Assessment settle(Model.Delivery d) {
        if (d == null || d.format() == null) {
            throw new InvalidInputException("Das Kursformat fehlt (format).");
        }
        int min = minParticipants(d.format(), d.minParticipants(), "Kurs");
        if (d.startedWith() == null || d.startedWith() < 0 || d.startedWith() > max(d.format())) {
            throw new InvalidInputException("Die Teilnehmenden zu Kursbeginn fehlen oder liegen nicht zwischen 0 und " + max(d.format()) + " (startedWith).");
        }
        if (d.sessions() == null || d.sessions().isEmpty() || d.sessions().size() > 2000) {
            throw new InvalidInputException("Die Kurstage fehlen (sessions, 1 bis 2000 Einträge).");
        }
        List<DaySettled> days = new ArrayList<>();
        int n = 0;
        for (Model.DeliveredSession s : d.sessions()) {
            n++;
            if (s == null || s.date() == null || s.units() == null || s.present() == null) {
                throw new InvalidInputException("Kurstag " + n + ": date, units und present sind anzugeben.");
            }
            units(s.units(), "Kurstag " + n);
            if (s.present() < 0 || s.present() > max(d.format())) {
                throw new InvalidInputException("Kurstag " + n + ": anwesend sind 0 bis " + max(d.format()) + " Teilnehmende, nicht " + s.present() + ".");
            }
            int children = s.childrenInCare() == null ? 0 : s.childrenInCare();
            children(children, d.format(), "Kurstag " + n);
            days.add(new DaySettled(s.date(), s.units(), s.present(), Boolean.TRUE.equals(s.signed()), children));
        }
        int tests = d.testsTaken() == null ? 0 : d.testsTaken();
        if (tests < 0 || tests > max(d.format())) {
            throw new InvalidInputException("0 bis " + max(d.format()) + " Prüfungen, nicht " + tests + " (testsTaken).");
        }
        List<Money> travel = new ArrayList<>();
        for (String t : d.travelReimbursed() == null ? List.<String>of() : d.travelReimbursed()) {
            travel.add(amount(t, "Fahrtkosten"));
        }
        if (travel.size() > max(d.format()) * 2) {
            throw new InvalidInputException("Mehr Fahrtkostenerstattungen als Teilnehmende möglich.");
        }
        return settle(new CourseDelivery("Kurs (" + d.format().german() + ")", d.format(), min, d.startedWith(), d.decisionDate(),
                Boolean.TRUE.equals(d.earlyStart()), days, tests, travel));
    }

    /** Units of a course day: 1 to 12. */
    static int units(Integer units, String k) {
        if (units == null || units < 1 || units > MAX_UNITS_PER_DAY) {
            throw new InvalidInputException(k + ": 1 bis " + MAX_UNITS_PER_DAY + " Unterrichtseinheiten je Kurstag, nicht " + units + ".");
        }
        return units;
    }

    /** Children in care on a course day: only in formats with childcare. */
    static void children(int children, Format format, String k) {
        if (children < 0 || children > 100) {
            throw new InvalidInputException(k + ": 0 bis 100 betreute Kinder, nicht " + children + ".");
        }
        if (children > 0 && !format.childcare()) {
            throw new RuleViolatedException(k + ": Kinderbetreuung wird in Eltern- und Frauenkursen gefördert, nicht in einem " + format.german() + ".");
        }
    }

    /** A non-negative amount, German message otherwise. */
    static Money amount(String text, String what) {
        Money m = Money.parse(text);
        if (m.isNegative()) {
            throw new InvalidInputException(what + ": Beträge sind nicht negativ, nicht " + text + ".");
        }
        return m;
    }

    static Money times(Money rate, long quantity) {
        return Money.ofCents(Math.multiplyExact(rate.cents(), quantity));
    }

    private static int required(Integer n, String message) {
        if (n == null) {
            throw new InvalidInputException(message);
        }
        return n;
    }

    // ---- course periods ---------------------------------------------------------------------------------

    /** 2017 for "2017/18"; refuses anything else with a German message. */
    public static int parsePeriod(String text) {
        if (text == null || !text.matches("20[0-9]{2}/[0-9]{2}")) {
            throw new InvalidInputException("Kursperiode '" + abbreviate(text) + "' ist ungültig: erwartet wird z. B. \"2017/18\".");
        }
        int first = Integer.parseInt(text.substring(0, 4));
        if (Integer.parseInt(text.substring(5)) != (first + 1) % 100) {
            throw new InvalidInputException("Kursperiode '" + text + "' ist ungültig: auf " + first + " folgt " + periodText(first) + ".");
        }
        return first;
    }

    /** "2017/18" for 2017. */
    public static String periodText(int firstYear) {
        return firstYear + "/" + String.format("%02d", (firstYear + 1) % 100);
    }

    static String german(LocalDate d) {
        return String.format("%02d.%02d.%d", d.getDayOfMonth(), d.getMonthValue(), d.getYear());
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    static String abbreviate(String text) {
        return text == null ? "" : text.length() > 20 ? text.substring(0, 20) + "…" : text;
    }
}
