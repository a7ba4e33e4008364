package de.paktwerk.youthcareer.internal;

import de.paktwerk.core.api.ApplicantKind;
import de.paktwerk.core.api.Assessment;
import de.paktwerk.core.api.ConflictException;
import de.paktwerk.core.api.InvalidInputException;
import de.paktwerk.core.api.LineItem;
import de.paktwerk.core.api.Money;
import de.paktwerk.core.api.ProblemType;
import de.paktwerk.core.api.RuleViolatedException;
import de.paktwerk.youthcareer.internal.Model.Actuals;
import de.paktwerk.youthcareer.internal.Model.Payload;
import de.paktwerk.youthcareer.internal.Model.PositionActuals;
import de.paktwerk.youthcareer.internal.Model.PositionInput;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The rules of "Junge Flüchtlinge in Schule und Beruf" as one immutable value built from the configuration: pricing of
 * an application and settlement on the actuals. Pure: what it needs from the database comes in as {@link Facts}.
 */
public final class Rules {

    /** Budget of school social work: capped per school year, or following the demand. */
    public enum BudgetMode {
        CAP, DEMAND
    }

    /**
     * What pricing needs to know beyond the payload.
     *
     * @param kind who applies
     * @param today the day of the application (Berlin)
     * @param schoolYear the first calendar year of the school year, e.g. 2018 for 2018/19
     * @param schoolSocialWorkApproved school social work already funded in that school year (all applicants)
     * @param earlierSchoolSocialWork true if the applicant already has school social work funded (up to this school year): its
     *        application is not a first one and needs no new statement of the youth office
     * @param schoolKnown whether a school number is recorded
     * @param funded who is funded at which school and when in that school year (double funding)
     */
    public record Facts(ApplicantKind kind, LocalDate today, int schoolYear, Money schoolSocialWorkApproved, boolean earlierSchoolSocialWork,
                        Predicate<String> schoolKnown, List<Model.Funded> funded) {
    }

    private static final Pattern FTE = Pattern.compile("[0-9](\\.[0-9]{1,2})?");
    private static final Pattern SCHOOL_NUMBER = Pattern.compile("[0-9]{5,12}");
    static final int MAX_POSITIONS = 500;

    private final Money rateSchoolSocialWork;
    private final int maxSchools;
    private final int maxSchoolsException;
    private final MonthDay deadline;
    private final Money schoolSocialWorkBudget;
    private final BudgetMode budgetMode;
    private final int demandFrom;
    private final Money avdualMaxPerFte;
    private final int avdualSharePercent;
    private final int avdualPupilsPerFte;
    private final Money rateYouthCareerHelper;
    private final int minFte;
    private final int minReportGroup;

    public Rules(YcConfig c) {
        rateSchoolSocialWork = positive(c.rateSchoolSocialWork(), "rateSchoolSocialWork");
        maxSchools = c.schoolSocialWorkMaxSchools();
        maxSchoolsException = c.schoolSocialWorkMaxSchoolsException();
        if (maxSchools < 1 || maxSchoolsException < maxSchools) {
            throw new IllegalArgumentException("schoolSocialWorkMaxSchools ≥ 1 und ≤ schoolSocialWorkMaxSchoolsException");
        }
        deadline = MonthDay.parse("--" + c.schoolSocialWorkDeadline());
        schoolSocialWorkBudget = positive(c.schoolSocialWorkBudget(), "schoolSocialWorkBudget");
        budgetMode = BudgetMode.valueOf(c.schoolSocialWorkBudgetMode());
        demandFrom = c.schoolSocialWorkDemandFrom();
        avdualMaxPerFte = positive(c.avdualMaxPerFte(), "avdualMaxPerFte");
        avdualSharePercent = c.avdualMaxSharePercent();
        if (avdualSharePercent < 1 || avdualSharePercent > 100) {
            throw new IllegalArgumentException("avdualMaxSharePercent zwischen 1 und 100");
        }
        avdualPupilsPerFte = c.avdualPupilsPerFte();
        if (avdualPupilsPerFte < 1) {
            throw new IllegalArgumentException("avdualPupilsPerFte ≥ 1");
        }
        rateYouthCareerHelper = positive(c.rateYouthCareerHelper(), "rateYouthCareerHelper");
        minFte = new BigDecimal(c.minFte()).movePointRight(2).intValueExact();
        if (minFte < 1 || minFte > 100) {
            throw new IllegalArgumentException("minFte zwischen 0.01 und 1.00");
        }
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

    /** True if school social work of this school year is capped by the programme budget. */
    public boolean schoolSocialWorkCapped(int schoolYear) {
        return budgetMode == BudgetMode.CAP && schoolYear < demandFrom;
    }

    /** Last day to apply for school social work in a school year. */
    public LocalDate schoolSocialWorkDeadline(int schoolYear) {
        return deadline.atYear(schoolYear);
    }

    /** Parses an FTE share such as "0.6" into hundredths, within the configured minimum and 1.00. */
    public int fte(String text) {
        if (text == null || !FTE.matcher(text).matches()) {
            throw new InvalidInputException("Stellenanteil '" + abbreviate(text) + "' ist kein Stellenanteil: erwartet wird eine"
                    + " Dezimalzahl mit Punkt und höchstens zwei Nachkommastellen, z. B. \"0.5\".");
        }
        int hundredths = new BigDecimal(text).movePointRight(2).intValueExact();
        if (hundredths < minFte || hundredths > 100) {
            throw new InvalidInputException("Der Stellenanteil muss zwischen " + fteText(minFte) + " und 1,00 liegen, nicht " + text + ".");
        }
        return hundredths;
    }

    /** "0,60" for 60 hundredths. */
    public static String fteText(int hundredths) {
        return BigDecimal.valueOf(hundredths, 2).toPlainString().replace('.', ',');
    }

    static int months(Integer months) {
        if (months == null) {
            return 12;
        }
        if (months < 1 || months > 12) {
            throw new InvalidInputException("Die Monate einer Stelle im Schuljahr liegen zwischen 1 und 12, nicht " + months + ".");
        }
        return months;
    }

    /** Rate × FTE × months / 12, rounded half up to the cent. */
    static Money rate(Money annual, int fteHundredths, int months) {
        return Money.ofCents(BigDecimal.valueOf(annual.cents()).multiply(BigDecimal.valueOf((long) fteHundredths * months))
                .divide(BigDecimal.valueOf(1200), 0, RoundingMode.HALF_UP).longValueExact());
    }

    private Money annualRate(Programme p) {
        return p == Programme.SCHOOL_SOCIAL_WORK ? rateSchoolSocialWork : rateYouthCareerHelper;
    }

    /** Prices an application: validates every rule and returns the lines and the eligible amount. */
    public Assessment price(Payload p, Facts facts) {
        if (p.programme() == null) {
            throw new InvalidInputException("Das Teilprogramm fehlt (programme: SCHOOL_SOCIAL_WORK, AVDUAL_COMPANION oder YOUTH_CAREER_HELPER).");
        }
        Programme programme = p.programme();
        if (!programme.applicants().contains(facts.kind())) {
            throw new RuleViolatedException(switch (programme) {
                case SCHOOL_SOCIAL_WORK -> "Schulsozialarbeit beantragt der Schulträger (Gemeinde, Stadt- oder Landkreis).";
                case AVDUAL_COMPANION -> "AVdual-Begleitung beantragen Stadt- und Landkreise.";
                case YOUTH_CAREER_HELPER -> "Jugendberufshelfer beantragen ein Träger der Jugendhilfe oder ein Stadt- oder Landkreis.";
            });
        }
        if (p.positions() == null || p.positions().isEmpty()) {
            throw new InvalidInputException("Mindestens eine Stelle ist anzugeben (payload.positions).");
        }
        if (p.positions().size() > MAX_POSITIONS) {
            throw new InvalidInputException("Höchstens " + MAX_POSITIONS + " Stellen je Antrag.");
        }
        String year = schoolYearText(facts.schoolYear());
        if (programme == Programme.SCHOOL_SOCIAL_WORK) {
            LocalDate last = schoolSocialWorkDeadline(facts.schoolYear());
            if (facts.today().isAfter(last)) {
                throw new RuleViolatedException("Der Antrag auf Schulsozialarbeit für das Schuljahr " + year + " kommt zu spät: die Frist"
                        + " endete am " + german(last) + ".");
            }
            if (!facts.earlierSchoolSocialWork() && (p.youthOfficeStatement() == null || p.youthOfficeStatement().date() == null
                    || blank(p.youthOfficeStatement().reference()))) {
                throw new RuleViolatedException("Ein Erstantrag auf Schulsozialarbeit braucht die Stellungnahme des Jugendamts"
                        + " (youthOfficeStatement mit date und reference).");
            }
        }
        if (programme == Programme.AVDUAL_COMPANION) {
            Model.Resolution r = p.coFinancingResolution();
            if (r == null || r.date() == null || blank(r.reference())) {
                throw new RuleViolatedException("Beschluss des Stadt- oder Landkreises zur Kofinanzierung fehlt (coFinancingResolution mit"
                        + " date und reference).");
            }
            if (p.personnelCosts() == null) {
                throw new InvalidInputException("Die förderfähigen Personalkosten je Jahr fehlen (personnelCosts).");
            }
        }
        List<LineItem> lines = new ArrayList<>();
        List<Model.Funded> seen = new ArrayList<>();
        long fteMonths = 0;
        int totalFte = 0;
        Money sum = Money.ZERO;
        int n = 0;
        for (PositionInput in : p.positions()) {
            n++;
            if (in == null) {
                throw new InvalidInputException("Stelle " + n + " ist leer.");
            }
            int fte = fte(in.fte());
            int months = months(in.months());
            LocalDate from = from(in, months, n, facts.schoolYear());
            checkSchools(programme, in, n, facts, seen, from, months);
            fteMonths += (long) fte * months;
            totalFte += fte;
            if (programme != Programme.AVDUAL_COMPANION) {
                Money amount = rate(annualRate(programme), fte, months);
                sum = sum.plus(amount);
                lines.add(new LineItem(LineItem.Kind.RATE, "Stelle " + n + ": " + programme.german() + ", " + fteText(fte) + " VZÄ, "
                        + months + " von 12 Monaten × " + annualRate(programme).toGerman(), amount));
            }
        }
        if (programme == Programme.AVDUAL_COMPANION) {
            sum = avdual(Money.parse(p.personnelCosts()), fteMonths, totalFte, lines);
            if (p.avdualPupils() != null && (p.avdualPupils() < 0 || p.avdualPupils() > 100_000)) {
                throw new InvalidInputException("Die Zahl der AVdual-Schülerinnen und -Schüler ist unplausibel: " + p.avdualPupils() + ".");
            }
            caseloadAboveGuideline(p).ifPresent(note -> lines.add(new LineItem(LineItem.Kind.NOTE, "Hinweis: " + note
                    + "; die Bewilligungsstelle entscheidet mit Begründung", Money.ZERO)));
        }
        if (programme == Programme.SCHOOL_SOCIAL_WORK && schoolSocialWorkCapped(facts.schoolYear())) {
            Money left = schoolSocialWorkBudget.minus(facts.schoolSocialWorkApproved());
            if (!left.isPositive()) {
                throw new ConflictException("Das Programmbudget der Schulsozialarbeit für das Schuljahr " + year + " ("
                        + schoolSocialWorkBudget.toGerman() + ") ist ausgeschöpft.", ProblemType.BUDGET_EXHAUSTED);
            }
            if (left.compareTo(sum) < 0) {
                lines.add(new LineItem(LineItem.Kind.CAP_APPLIED, "Programmbudget Schuljahr " + year + " (" + schoolSocialWorkBudget.toGerman()
                        + "): gekürzt auf die Restmittel", sum.minus(left)));
                sum = left;
            }
        }
        lines.add(new LineItem(LineItem.Kind.NOTE, "Bewilligungsstelle des Teilprogramms " + programme.german() + ": " + programme.office(),
                Money.ZERO));
        return new Assessment(lines, sum);
    }

    /**
     * AVdual: says so if the positions have more FTE than the guideline allows for the pupils (one companion per
     * {@code avdualPupilsPerFte} pupils, rounded up to a quarter position); empty otherwise or without pupils.
     */
    public java.util.Optional<String> caseloadAboveGuideline(Payload p) {
        if (p.programme() != Programme.AVDUAL_COMPANION || p.avdualPupils() == null || p.positions() == null) {
            return java.util.Optional.empty();
        }
        int total = 0;
        for (PositionInput in : p.positions()) {
            total += in == null ? 0 : fte(in.fte());
        }
        int guide = guideline(p.avdualPupils());
        return total <= guide ? java.util.Optional.empty() : java.util.Optional.of(fteText(total) + " VZÄ übersteigen den Richtwert von "
                + fteText(guide) + " VZÄ für " + p.avdualPupils() + " AVdual-Schülerinnen und -Schüler (" + avdualPupilsPerFte + " je Begleitung)");
    }

    /** FTE the AVdual guideline allows for this many pupils, rounded up to a quarter position, in hundredths. */
    int guideline(int pupils) {
        long hundredths = ((long) pupils * 100 + avdualPupilsPerFte - 1) / avdualPupilsPerFte;
        return (int) ((hundredths + 24) / 25 * 25);
    }

    /** AVdual: the share of the personnel costs, capped per full-time position and year (pro rata for months). */
    private Money avdual(Money costs, long fteMonths, int totalFte, List<LineItem> lines) {
        if (!costs.isPositive()) {
            throw new InvalidInputException("Die Personalkosten müssen größer als 0,00 € sein.");
        }
        Money share = Money.ofCents(BigDecimal.valueOf(costs.cents()).multiply(BigDecimal.valueOf(avdualSharePercent))
                .divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_UP).longValueExact());
        Money cap = Money.ofCents(BigDecimal.valueOf(avdualMaxPerFte.cents()).multiply(BigDecimal.valueOf(fteMonths))
                .divide(BigDecimal.valueOf(1200), 0, RoundingMode.HALF_UP).longValueExact());
        lines.add(new LineItem(LineItem.Kind.ELIGIBLE_COSTS, "Förderfähige Personalkosten", costs));
        lines.add(new LineItem(LineItem.Kind.RATE, avdualSharePercent + " % der Personalkosten", share));
        if (cap.compareTo(share) < 0) {
            lines.add(new LineItem(LineItem.Kind.CAP_APPLIED, "Höchstbetrag " + avdualMaxPerFte.toGerman() + " je Vollzeitstelle und Jahr ("
                    + fteText(totalFte) + " VZÄ)", share.minus(cap)));
            return cap;
        }
        return share;
    }

    /** The first day a position is filled: the first of a month, so that its months lie within the school year. */
    static LocalDate from(PositionInput in, int months, int n, int schoolYear) {
        LocalDate start = LocalDate.of(schoolYear, 8, 1);
        if (in.from() == null) {
            return start;
        }
        if (in.from().getDayOfMonth() != 1 || in.from().isBefore(start) || in.from().plusMonths(months).isAfter(start.plusYears(1))) {
            throw new InvalidInputException("Stelle " + n + ": from ist der Erste eines Monats, und die " + months + " Monate ab dort liegen im"
                    + " Schuljahr " + schoolYearText(schoolYear) + " (01.08.–31.07.), nicht " + in.from() + ".");
        }
        return in.from();
    }

    private void checkSchools(Programme programme, PositionInput in, int n, Facts facts, List<Model.Funded> seen, LocalDate from, int months) {
        List<String> schools = in.schools() == null ? List.of() : in.schools();
        if (programme == Programme.SCHOOL_SOCIAL_WORK && schools.isEmpty()) {
            throw new InvalidInputException("Stelle " + n + ": die Schulen fehlen, an denen sie eingesetzt wird (schools).");
        }
        if (programme == Programme.SCHOOL_SOCIAL_WORK && schools.size() > maxSchools) {
            if (blank(in.exceptionReason())) {
                throw new RuleViolatedException("Stelle " + n + ": Eine Stelle darf höchstens an " + words(maxSchools) + " Schulen eingesetzt"
                        + " werden, an " + words(maxSchoolsException) + " nur mit Begründung (exceptionReason).");
            }
            if (schools.size() > maxSchoolsException) {
                throw new RuleViolatedException("Stelle " + n + ": Eine Stelle darf auch mit Begründung höchstens an " + words(maxSchoolsException)
                        + " Schulen eingesetzt werden.");
            }
        }
        if (in.exceptionReason() != null && in.exceptionReason().length() > 1000) {
            throw new InvalidInputException("Stelle " + n + ": die Begründung ist länger als 1000 Zeichen.");
        }
        if (in.holderName() != null && (in.holderName().isBlank() || in.holderName().length() > 200)) {
            throw new InvalidInputException("Stelle " + n + ": der Name der Stelleninhaberin bzw. des Stelleninhabers ist leer oder zu lang.");
        }
        Set<String> own = new HashSet<>();
        for (String school : schools) {
            if (school == null || !SCHOOL_NUMBER.matcher(school).matches()) {
                throw new InvalidInputException("Stelle " + n + ": '" + abbreviate(school) + "' ist keine Schulnummer (5 bis 12 Ziffern).");
            }
            if (!own.add(school)) {
                throw new InvalidInputException("Stelle " + n + ": die Schule " + school + " ist doppelt genannt.");
            }
            if (!facts.schoolKnown().test(school)) {
                throw new RuleViolatedException("Stelle " + n + ": die Schule " + school + " ist nicht erfasst (POST /api/youth-career/schools).");
            }
            if (in.holderName() != null) {
                String holder = in.holderName().trim();
                boolean twice = java.util.stream.Stream.concat(facts.funded().stream(), seen.stream())
                        .anyMatch(f -> f.holder().equals(holder) && f.school().equals(school) && f.overlaps(from, months));
                if (twice) {
                    throw new RuleViolatedException("Stelle " + n + ": dieselbe Person ist an der Schule " + school + " in diesen Monaten des"
                            + " Schuljahres " + schoolYearText(facts.schoolYear()) + " bereits gefördert (keine Doppelförderung).");
                }
                seen.add(new Model.Funded(holder, school, from, months));
            }
        }
    }

    /** Settles a proof of use on the actuals: rate × actual FTE × months / 12; AVdual with both caps on the actual costs. */
    public Assessment settle(Payload applied, Actuals actuals) {
        if (actuals == null || actuals.positions() == null || actuals.positions().size() != applied.positions().size()) {
            throw new InvalidInputException("Der Verwendungsnachweis nennt je beantragter Stelle ihre tatsächlichen Monate und"
                    + " Stellenanteile (actuals.positions, " + applied.positions().size() + " Einträge in der Reihenfolge des Antrags).");
        }
        Programme programme = applied.programme();
        List<LineItem> lines = new ArrayList<>();
        Money sum = Money.ZERO;
        long fteMonths = 0;
        int totalFte = 0;
        for (int i = 0; i < actuals.positions().size(); i++) {
            PositionActuals a = actuals.positions().get(i);
            if (a == null || a.months() == null || a.months() < 0 || a.months() > 12) {
                throw new InvalidInputException("Stelle " + (i + 1) + ": die tatsächlich besetzten Monate (0 bis 12) fehlen.");
            }
            int funded = fte(applied.positions().get(i).fte());
            int fte = a.fte() == null ? funded : fte(a.fte());
            if (fte > funded) {
                throw new RuleViolatedException("Stelle " + (i + 1) + ": der tatsächliche Stellenanteil " + fteText(fte)
                        + " übersteigt den bewilligten von " + fteText(funded) + ".");
            }
            checkCounts(a, i + 1);
            fteMonths += (long) fte * a.months();
            totalFte += fte;
            if (programme != Programme.AVDUAL_COMPANION) {
                Money amount = rate(annualRate(programme), fte, a.months());
                sum = sum.plus(amount);
                lines.add(new LineItem(LineItem.Kind.RATE, "Stelle " + (i + 1) + ": " + fteText(fte) + " VZÄ, " + a.months()
                        + " von 12 Monaten besetzt × " + annualRate(programme).toGerman(), amount));
            }
        }
        if (programme == Programme.AVDUAL_COMPANION) {
            if (actuals.personnelCosts() == null) {
                throw new InvalidInputException("Die tatsächlichen Personalkosten fehlen (actuals.personnelCosts).");
            }
            Money costs = Money.parse(actuals.personnelCosts());
            sum = fteMonths == 0 || costs.cents() == 0 ? Money.ZERO : avdual(costs, fteMonths, totalFte, lines);
        }
        return new Assessment(lines, sum);
    }

    private static void checkCounts(PositionActuals a, int n) {
        Integer[] counts = {a.pupilsReached(), a.refugeePupils(), a.placementsStarted(), a.placementsCompleted(), a.transitionsTraining(),
                a.pupilsAdvised(), a.trainingContracts()};
        for (Integer count : counts) {
            if (count != null && (count < 0 || count > 100_000)) {
                throw new InvalidInputException("Stelle " + n + ": eine Zahl im Bericht ist negativ oder unplausibel (" + count + ").");
            }
        }
        if (a.refugeePupils() != null && a.pupilsReached() != null && a.refugeePupils() > a.pupilsReached()) {
            throw new InvalidInputException("Stelle " + n + ": mehr geflüchtete Schülerinnen und Schüler (" + a.refugeePupils()
                    + ") als erreichte (" + a.pupilsReached() + ").");
        }
    }

    /** 2018 for "2018/19"; refuses anything else with a German message. */
    public static int parseSchoolYear(String text) {
        if (text == null || !text.matches("20[0-9]{2}/[0-9]{2}")) {
            throw new InvalidInputException("Schuljahr '" + abbreviate(text) + "' ist ungültig: erwartet wird z. B. \"2018/19\".");
        }
        int first = Integer.parseInt(text.substring(0, 4));
        if (Integer.parseInt(text.substring(5)) != (first + 1) % 100) {
            throw new InvalidInputException("Schuljahr '" + text + "' ist ungültig: auf " + first + " folgt " + schoolYearText(first) + ".");
        }
        return first;
    }

    /** "2018/19" for 2018. */
    public static String schoolYearText(int firstYear) {
        return firstYear + "/" + String.format("%02d", (firstYear + 1) % 100);
    }

    private static String german(LocalDate d) {
        return String.format("%02d.%02d.%d", d.getDayOfMonth(), d.getMonthValue(), d.getYear());
    }

    private static String words(int n) {
        return switch (n) {
            case 1 -> "einer";
            case 2 -> "zwei";
            case 3 -> "drei";
            case 4 -> "vier";
            default -> String.valueOf(n);
        };
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String abbreviate(String text) {
        return text == null ? "" : text.length() > 20 ? text.substring(0, 20) + "…" : text;
    }
}
