package de.paktwerk.im.internal;

import de.paktwerk.core.api.InvalidInputException;
import de.paktwerk.core.api.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;

/**
 * The programme's rules, pure and unit-tested: FTE shares, pricing, the funded window, counselling
 * duration and review scheduling. Built from the typed configuration.
 */
public final class Rules {

    /** Smallest and largest FTE share in hundredths. */
    public static final int MIN_FTE = 25;
    public static final int MAX_FTE = 100;

    private final Map<Qualification, Money> annualRates = new EnumMap<>(Qualification.class);
    private final int fundedMonths;
    private final Money minimumShare;
    private final LocalDate referenceDate;
    private final int maxReviewIntervalMonths;
    private final int counsellingYears;
    private final int extendedCounsellingYears;
    private final int minReportGroup;
    private final int caseRetentionMonths;

    public Rules(ImConfig c) {
        annualRates.put(Qualification.SOCIAL_WORK, positive(c.rateSocialWork()));
        annualRates.put(Qualification.OTHER_DEGREE, positive(c.rateOtherDegree()));
        annualRates.put(Qualification.VOCATIONAL, positive(c.rateVocational()));
        if (c.fundedMonths() < 1 || c.maxReviewIntervalMonths() < 1 || c.counsellingYears() < 1
                || c.extendedCounsellingYears() < c.counsellingYears() || c.minReportGroup() < 1) {
            throw new IllegalArgumentException("ungültige Konfiguration des Integrationsmanagements");
        }
        fundedMonths = c.fundedMonths();
        minimumShare = Money.parse(c.minimumShare());
        referenceDate = LocalDate.parse(c.referenceDate());
        maxReviewIntervalMonths = c.maxReviewIntervalMonths();
        counsellingYears = c.counsellingYears();
        extendedCounsellingYears = c.extendedCounsellingYears();
        minReportGroup = c.minReportGroup();
        if (c.caseRetentionMonths() < 0) {
            throw new IllegalArgumentException("Aufbewahrungsfrist darf nicht negativ sein");
        }
        caseRetentionMonths = c.caseRetentionMonths();
    }

    /** Cases whose counselling ended before this day are due for deletion on {@code today}. */
    public LocalDate deleteEndedBefore(LocalDate today) {
        return today.minusMonths(caseRetentionMonths);
    }

    private static Money positive(String amount) {
        Money m = Money.parse(amount);
        if (!m.isPositive()) {
            throw new IllegalArgumentException("Pauschale muss positiv sein: " + amount);
        }
        return m;
    }

    /** A plain ASCII share of a full-time position: a digit, optionally a point and one or two digits. */
    private static final java.util.regex.Pattern FTE = java.util.regex.Pattern.compile("[0-9](\\.[0-9]{1,2})?");

    /** Parses an FTE share such as "0.5" into hundredths; at least 0.25, at most 1.0, two decimals. */
    public static int fte(String text) {
        if (text == null || !FTE.matcher(text).matches()) {
            throw new InvalidInputException("Stellenanteil '" + (text == null ? "" : text.length() > 20 ? text.substring(0, 20) + "…" : text)
                    + "' ist kein Stellenanteil: erwartet wird eine Dezimalzahl mit Punkt und höchstens zwei Nachkommastellen, z. B. \"0.5\".", "fte");
        }
        int hundredths = new BigDecimal(text).movePointRight(2).intValueExact();
        if (hundredths < MIN_FTE || hundredths > MAX_FTE) {
            throw new InvalidInputException("Der Stellenanteil muss zwischen 0,25 und 1,0 liegen, nicht " + text + ".", "fte");
        }
        return hundredths;
    }

    /** Checks the qualification; vocational training needs a description of the practical experience. */
    public static void checkQualification(Qualification q, String experience) {
        if (q == null) {
            throw new InvalidInputException("Die Qualifikation fehlt (SOCIAL_WORK, OTHER_DEGREE oder VOCATIONAL).", "qualification");
        }
        if (q == Qualification.VOCATIONAL && (experience == null || experience.isBlank())) {
            throw new InvalidInputException("Bei einer Berufsausbildung ist das Erfahrungswissen zu beschreiben (experience).", "experience");
        }
        if (experience != null && experience.length() > 2000) {
            throw new InvalidInputException("Die Beschreibung des Erfahrungswissens ist länger als 2000 Zeichen.", "experience");
        }
    }

    /** Annual rate × FTE × funded months / 12, rounded half up to the cent. */
    public Money price(Qualification q, int fteHundredths, int months) {
        BigDecimal cents = BigDecimal.valueOf(annualRates.get(q).cents())
                .multiply(BigDecimal.valueOf(fteHundredths))
                .multiply(BigDecimal.valueOf(months))
                .divide(BigDecimal.valueOf(12L * 100L), 0, RoundingMode.HALF_UP);
        return Money.ofCents(cents.longValueExact());
    }

    /** Price of a position over the whole funded window. */
    public Money price(Qualification q, int fteHundredths) {
        return price(q, fteHundredths, fundedMonths);
    }

    /** Last funded day: the funded months from the hire date. */
    public LocalDate fundedUntil(LocalDate hireDate) {
        return hireDate.plusMonths(fundedMonths).minusDays(1);
    }

    /** True if the position is funded on {@code day}. */
    public boolean funded(LocalDate hireDate, LocalDate day) {
        return !day.isBefore(hireDate) && !day.isAfter(fundedUntil(hireDate));
    }

    /** Refuses an applicant whose share is below the minimum, with the advice to pool or delegate. */
    public void checkMinimumShare(de.paktwerk.core.api.Municipality applicant, Money share) {
        if (share.compareTo(minimumShare) < 0) {
            // the advice fits the applicant: only a municipality inside a Landkreis can hand the task to it
            String advice = switch (applicant.kind()) {
                case GEMEINDE -> "Bitte mit Nachbarkommunen bündeln oder die Aufgabe an den Landkreis (" + applicant.districtName()
                        + ") übertragen.";
                case STADTKREIS -> "Ein Stadtkreis kann die Aufgabe an keinen Landkreis übertragen; bitte die Stellen so bemessen, dass"
                        + " der Anteil erreicht wird, oder mit der Bewilligungsstelle sprechen.";
                case LANDKREIS -> "Bitte mit der Bewilligungsstelle sprechen.";
            };
            throw new de.paktwerk.core.api.RuleViolatedException(applicant.name() + " erhält in der Verteilung nur " + share.toGerman() + " und damit weniger als "
                    + minimumShare.toGerman() + ". " + advice);
        }
    }

    /** Latest end of counselling: 3 years from its start, 4 with a recorded reason. */
    public LocalDate latestCounsellingEnd(LocalDate start, boolean extended) {
        return start.plusYears(extended ? extendedCounsellingYears : counsellingYears).minusDays(1);
    }

    /** Checks a requested end of counselling against the limit. */
    public void checkCounsellingEnd(LocalDate start, LocalDate end, String extensionReason) {
        boolean extended = extensionReason != null && !extensionReason.isBlank();
        if (end.isBefore(start)) {
            throw new InvalidInputException("Das Ende der Beratung liegt vor ihrem Beginn.");
        }
        if (end.isAfter(latestCounsellingEnd(start, extended))) {
            throw new de.paktwerk.core.api.RuleViolatedException(extended
                    ? "Die Beratung dauert höchstens " + extendedCounsellingYears + " Jahre."
                    : "Die Beratung dauert höchstens " + counsellingYears + " Jahre; länger nur mit dokumentiertem Grund (bis "
                    + extendedCounsellingYears + " Jahre).");
        }
    }

    /** Checks a plan's review interval. */
    public void checkReviewInterval(int months) {
        if (months < 1 || months > maxReviewIntervalMonths) {
            throw new InvalidInputException("Das Überprüfungsintervall muss zwischen 1 und " + maxReviewIntervalMonths + " Monaten liegen.");
        }
    }

    /** When the next review is due: the interval after the last review, or after the agreement. */
    public static LocalDate nextReview(LocalDate agreedOn, int intervalMonths, LocalDate lastReview) {
        LocalDate base = lastReview != null && lastReview.isAfter(agreedOn) ? lastReview : agreedOn;
        return base.plusMonths(intervalMonths);
    }

    /** Overdue when the due date lies before {@code today}. */
    public static boolean overdue(LocalDate agreedOn, int intervalMonths, LocalDate lastReview, LocalDate today) {
        return nextReview(agreedOn, intervalMonths, lastReview).isBefore(today);
    }

    public LocalDate referenceDate() {
        return referenceDate;
    }

    public int maxReviewIntervalMonths() {
        return maxReviewIntervalMonths;
    }

    public int minReportGroup() {
        return minReportGroup;
    }
}
