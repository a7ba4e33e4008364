package de.paktwerk.civicengagement.internal;

import de.paktwerk.core.api.ApplicantKind;
import de.paktwerk.core.api.Assessment;
import de.paktwerk.core.api.InvalidInputException;
import de.paktwerk.core.api.LineItem;
import de.paktwerk.core.api.Money;
import de.paktwerk.core.api.ProviderKind;
import de.paktwerk.core.api.RuleViolatedException;
import de.paktwerk.civicengagement.internal.Model.Actuals;
import de.paktwerk.civicengagement.internal.Model.Call;
import de.paktwerk.civicengagement.internal.Model.DialogueInput;
import de.paktwerk.civicengagement.internal.Model.Eligible;
import de.paktwerk.civicengagement.internal.Model.FsjPlaceInput;
import de.paktwerk.civicengagement.internal.Model.Kind;
import de.paktwerk.civicengagement.internal.Model.Payload;
import de.paktwerk.civicengagement.internal.Model.ProjectInput;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The rules of "Bürgerschaftliches Engagement und Zivilgesellschaft" as one immutable value built from the
 * configuration: pricing of an application within its call, and the settlement at proof of use. Pure: what it needs
 * from the records comes in as {@link Facts}.
 */
public final class Rules {

    /**
     * What pricing needs beyond the payload.
     *
     * @param today the day of the application (Berlin)
     * @param call the call applied in
     * @param kind who applies: a local authority's kind, or PROVIDER in its own name
     * @param providerKind the provider's kind, if a provider applies
     * @param population inhabitants of the applying body
     * @param otherDialogues social spaces of the applicant's dialogues in other applications of the call (not refused or withdrawn)
     */
    public record Facts(LocalDate today, Call call, ApplicantKind kind, ProviderKind providerKind, long population, List<String> otherDialogues) {
    }

    static final int MAX_TEXT = 200;
    static final int MAX_ITEMS = 200;

    private final Money dialogueCap;
    private final int dialoguesPerApplicant;
    private final Money allianceCapRegular;
    private final Money allianceCapLarge;
    private final long largeCity;
    private final Money projectMin;
    private final Money projectMax;
    private final int minOwnShare;
    private final int maxPersonnelShare;
    private final Money fsjTopUp;
    private final int fsjMinAge;
    private final int fsjMaxAge;
    private final int minReportGroup;

    public Rules(CeConfig c) {
        dialogueCap = positive(c.dialogueCap(), "dialogueCap");
        dialoguesPerApplicant = c.dialoguesPerApplicant();
        allianceCapRegular = positive(c.allianceCapRegular(), "allianceCapRegular");
        allianceCapLarge = positive(c.allianceCapLarge(), "allianceCapLarge");
        largeCity = c.largeCityMinInhabitants();
        projectMin = positive(c.projectMin(), "projectMin");
        projectMax = positive(c.projectMax(), "projectMax");
        minOwnShare = c.minOwnSharePercent();
        maxPersonnelShare = c.maxPersonnelSharePercent();
        fsjTopUp = positive(c.fsjTopUpPerPlace(), "fsjTopUpPerPlace");
        fsjMinAge = c.fsjMinAge();
        fsjMaxAge = c.fsjMaxAge();
        minReportGroup = c.minReportGroup();
        if (dialoguesPerApplicant < 1 || projectMax.compareTo(projectMin) < 0 || percent(minOwnShare) || percent(maxPersonnelShare)
                || fsjMinAge < 14 || fsjMaxAge < fsjMinAge) {
            throw new IllegalArgumentException("dialoguesPerApplicant ≥ 1, projectMin ≤ projectMax, Anteile 0–100 %, fsjMinAge ≤ fsjMaxAge");
        }
    }

    private static boolean percent(int p) {
        return p < 0 || p > 100;
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

    public Money projectMin() {
        return projectMin;
    }

    public Money projectMax() {
        return projectMax;
    }

    public int minOwnShare() {
        return minOwnShare;
    }

    public int maxPersonnelShare() {
        return maxPersonnelShare;
    }

    /** Who applies, in the terms of a call's eligible applicants. */
    static Eligible eligible(ApplicantKind kind, ProviderKind providerKind) {
        if (kind == ApplicantKind.PROVIDER) {
            return Eligible.valueOf((providerKind == null ? ProviderKind.OTHER : providerKind).name());
        }
        return Eligible.valueOf(kind.name());
    }

    // ---- pricing -------------------------------------------------------------------------------------------

    /** Prices an application within its call: every rule checked, the lines and the grant. */
    public Assessment price(Payload p, Facts f) {
        if (p.callId() == null) {
            throw new InvalidInputException("Der Aufruf fehlt (callId).");
        }
        if (p.kind() == null) {
            throw new InvalidInputException("Was beantragt wird, fehlt (kind: DIALOGUE, ALLIANCE, PROJECT oder FSJ).");
        }
        Call call = f.call();
        if (f.today().isAfter(call.deadline())) {
            throw new RuleViolatedException("Die Frist des Aufrufs „" + call.title() + "“ endete am " + german(call.deadline()) + ".");
        }
        if (!call.kinds().contains(p.kind())) {
            throw new RuleViolatedException("Der Aufruf „" + call.title() + "“ fördert " + kinds(call.kinds()) + ", nicht " + p.kind().german() + ".");
        }
        Eligible who = eligible(f.kind(), f.providerKind());
        if (!call.eligible().contains(who)) {
            throw new RuleViolatedException("Im Aufruf „" + call.title() + "“ sind antragsberechtigt: " + call.eligible().stream().map(Enum::name).sorted()
                    .collect(Collectors.joining(", ")) + "; nicht " + who + ".");
        }
        List<LineItem> lines = new ArrayList<>();
        Money sum = switch (p.kind()) {
            case DIALOGUE -> dialogues(p.dialogues(), f, lines);
            case ALLIANCE -> alliance(p.alliance(), f, lines);
            case PROJECT -> project(p.project(), f, lines);
            case FSJ -> fsj(p.places(), f, lines);
        };
        return new Assessment(lines, sum);
    }

    private Money dialogues(List<DialogueInput> dialogues, Facts f, List<LineItem> lines) {
        if (dialogues == null || dialogues.isEmpty() || dialogues.size() > MAX_ITEMS) {
            throw new InvalidInputException("Die Nachbarschaftsgespräche fehlen (dialogues, 1 bis " + MAX_ITEMS + ").");
        }
        Set<String> spaces = new HashSet<>();
        for (String other : f.otherDialogues()) {
            spaces.add(other.trim().toLowerCase(Locale.GERMAN));
        }
        Money sum = Money.ZERO;
        int n = 0;
        for (DialogueInput d : dialogues) {
            n++;
            String k = "Nachbarschaftsgespräch " + n;
            if (d == null || blank(d.socialSpace()) || d.socialSpace().length() > MAX_TEXT) {
                throw new InvalidInputException(k + ": der Sozialraum (Quartier, Ortsteil) fehlt oder ist länger als " + MAX_TEXT + " Zeichen (socialSpace).");
            }
            if (!spaces.add(d.socialSpace().trim().toLowerCase(Locale.GERMAN))) {
                throw new RuleViolatedException(k + ": jedes Nachbarschaftsgespräch findet in einem anderen Sozialraum statt; „" + d.socialSpace().trim()
                        + "“ ist schon beantragt.");
            }
            if (d.partners() == null || d.partners().stream().noneMatch(x -> !blank(x))) {
                throw new RuleViolatedException(k + ": mindestens ein zivilgesellschaftlicher Partner ist nötig (partners).");
            }
            texts(d.partners(), k + ": Partner");
            if (d.themes() == null || !d.themes().contains(Model.Theme.INTEGRATION)) {
                throw new RuleViolatedException(k + ": das Thema „Integration“ gehört zum Gespräch (themes mit INTEGRATION).");
            }
            Money grant = amount(d.grant(), k + ": der Zuschuss (grant)");
            if (grant.compareTo(dialogueCap) > 0) {
                throw new RuleViolatedException(k + ": höchstens " + dialogueCap.toGerman() + " je Nachbarschaftsgespräch, nicht " + grant.toGerman() + ".");
            }
            lines.add(new LineItem(LineItem.Kind.RATE, k + " (" + d.socialSpace().trim() + ")", grant));
            sum = sum.plus(grant);
        }
        // each dialogue valid in itself; then what the applicant already has in the call
        int existing = f.otherDialogues().size();
        if (existing + dialogues.size() > dialoguesPerApplicant) {
            throw new RuleViolatedException("Je Antragsteller höchstens " + words(dialoguesPerApplicant) + " Nachbarschaftsgespräche im Aufruf; beantragt sind"
                    + " bereits " + existing + ", hinzu kämen " + dialogues.size() + ".");
        }
        return sum;
    }

    private Money alliance(Model.AllianceInput a, Facts f, List<LineItem> lines) {
        if (a == null || a.scale() == null) {
            throw new InvalidInputException("Das Bündnis fehlt oder seine Größe (alliance.scale: REGULAR oder LARGE).");
        }
        if (a.themes() == null || a.themes().isEmpty()) {
            throw new InvalidInputException("Die Themen des Bündnisses fehlen (alliance.themes, z. B. ENCOUNTER_PLACES, WOMEN, CHILDREN_AND_YOUTH).");
        }
        texts(a.partners(), "Bündnis: Partner");
        Money grant = amount(a.grant(), "Der Zuschuss des Bündnisses (alliance.grant)");
        boolean large = f.kind() == ApplicantKind.STADTKREIS || f.kind() == ApplicantKind.LANDKREIS
                || f.kind() == ApplicantKind.GEMEINDE && f.population() >= largeCity;
        if (a.scale() == Model.Scale.LARGE && !large) {
            throw new RuleViolatedException("Als großes Bündnis (LARGE) beantragen Stadt- und Landkreise und Städte ab " + String.format(Locale.GERMAN, "%,d",
                    largeCity) + " Einwohnern; regulär (REGULAR) bis " + allianceCapRegular.toGerman() + ".");
        }
        Money cap = a.scale() == Model.Scale.LARGE ? allianceCapLarge : allianceCapRegular;
        if (grant.compareTo(cap) > 0) {
            throw new RuleViolatedException((a.scale() == Model.Scale.LARGE ? "Ein Bündnis eines Stadt- oder Landkreises oder einer großen Stadt"
                    : "Ein reguläres Bündnis") + " erhält höchstens " + cap.toGerman() + ", nicht " + grant.toGerman() + ".");
        }
        lines.add(new LineItem(LineItem.Kind.RATE, "Bündnis für Zusammenhalt (" + (a.scale() == Model.Scale.LARGE ? "Stadt-/Landkreis oder große Stadt"
                : "regulär") + ", höchstens " + cap.toGerman() + ")", grant));
        return grant;
    }

    private Money project(ProjectInput p, Facts f, List<LineItem> lines) {
        if (p == null || blank(p.title()) || p.title().length() > MAX_TEXT) {
            throw new InvalidInputException("Das Projekt oder sein Titel fehlt (project.title, höchstens " + MAX_TEXT + " Zeichen).");
        }
        Call call = f.call();
        Money total = amount(p.totalCosts(), "Die Gesamtkosten (project.totalCosts)");
        Money own = nonNegative(p.ownContribution(), "Der Eigenanteil (project.ownContribution)");
        Money third = p.thirdPartyFunds() == null ? Money.ZERO : nonNegative(p.thirdPartyFunds(), "Die Drittmittel (project.thirdPartyFunds)");
        Money personnel = p.personnelCosts() == null ? Money.ZERO : nonNegative(p.personnelCosts(), "Die Personalkosten (project.personnelCosts)");
        Money grant = amount(p.grant(), "Der Zuschuss (project.grant)");
        if (grant.compareTo(call.grantMin()) < 0 || grant.compareTo(call.grantMax()) > 0) {
            throw new RuleViolatedException("Im Aufruf „" + call.title() + "“ beträgt der Zuschuss " + call.grantMin().toGerman() + " bis "
                    + call.grantMax().toGerman() + ", nicht " + grant.toGerman() + ".");
        }
        if (share(own, total, call.minOwnSharePercent()) < 0) {
            throw new RuleViolatedException("Der Eigenanteil von " + own.toGerman() + " (" + percentText(own, total) + " der Gesamtkosten von "
                    + total.toGerman() + ") erreicht nicht die geforderten " + call.minOwnSharePercent() + " %.");
        }
        if (share(personnel, grant, call.maxPersonnelSharePercent()) > 0) {
            throw new RuleViolatedException("Die Personalkosten von " + personnel.toGerman() + " (" + percentText(personnel, grant) + " des Zuschusses)"
                    + " übersteigen die erlaubten " + call.maxPersonnelSharePercent() + " %.");
        }
        Money open = total.minus(own).minus(third);
        if (grant.compareTo(open) > 0) {
            throw new RuleViolatedException("Der Zuschuss von " + grant.toGerman() + " übersteigt die nicht gedeckten Kosten von " + open.toGerman()
                    + " (Gesamtkosten abzüglich Eigenanteil und Drittmitteln).");
        }
        if (p.start() == null || p.end() == null || p.end().isBefore(p.start())) {
            throw new InvalidInputException("Beginn und Ende des Projekts fehlen oder das Ende liegt vor dem Beginn (project.start, project.end).");
        }
        if (p.start().isBefore(f.today())) {
            throw new RuleViolatedException("Ein Projekt beginnt nicht vor dem Bescheid: Beginn " + german(p.start()) + " liegt vor dem "
                    + german(f.today()) + ".");
        }
        if (call.termEnd() != null && p.end().isAfter(call.termEnd())) {
            throw new RuleViolatedException("Das Projekt endet spätestens am " + german(call.termEnd()) + " (Laufzeit des Aufrufs).");
        }
        lines.add(new LineItem(LineItem.Kind.ELIGIBLE_COSTS, "Gesamtkosten „" + p.title().trim() + "“", total));
        lines.add(new LineItem(LineItem.Kind.OWN_CONTRIBUTION, "Eigenanteil (" + percentText(own, total) + ")", own));
        if (third.isPositive()) {
            lines.add(new LineItem(LineItem.Kind.OWN_CONTRIBUTION, "Drittmittel", third));
        }
        lines.add(new LineItem(LineItem.Kind.NOTE, "Personalkosten " + personnel.toGerman() + " (" + percentText(personnel, grant) + " des Zuschusses)",
                Money.ZERO));
        lines.add(new LineItem(LineItem.Kind.RATE, "Zuschuss", grant));
        return grant;
    }

    private Money fsj(List<FsjPlaceInput> places, Facts f, List<LineItem> lines) {
        if (f.kind() != ApplicantKind.PROVIDER) {
            throw new RuleViolatedException("FSJ-Plätze beantragt die Einsatzstelle als Träger im eigenen Namen (applicantKind PROVIDER).");
        }
        if (places == null || places.isEmpty() || places.size() > MAX_ITEMS) {
            throw new InvalidInputException("Die FSJ-Plätze fehlen (places, 1 bis " + MAX_ITEMS + ").");
        }
        Money sum = Money.ZERO;
        int n = 0;
        for (FsjPlaceInput p : places) {
            n++;
            if (p == null || p.birthYear() == null || p.start() == null || p.months() == null || p.months() < 1 || p.months() > 12) {
                throw new InvalidInputException("FSJ-Platz " + n + ": birthYear, start und months (1 bis 12) sind anzugeben.");
            }
            if (p.volunteerRef() != null && (p.volunteerRef().isBlank() || p.volunteerRef().length() > 40)) {
                throw new InvalidInputException("FSJ-Platz " + n + ": das Pseudonym ist leer oder länger als 40 Zeichen (volunteerRef).");
            }
            int age = p.start().getYear() - p.birthYear();
            if (age < fsjMinAge || age > fsjMaxAge) {
                throw new RuleViolatedException("FSJ-Platz " + n + ": Alter " + fsjMinAge + "–" + fsjMaxAge + " bei Beginn, nicht " + age + ".");
            }
            Money topUp = pro(fsjTopUp, p.months());
            lines.add(new LineItem(LineItem.Kind.RATE, "FSJ-Platz " + n + ": " + p.months() + " von 12 Monaten × " + fsjTopUp.toGerman(), topUp));
            sum = sum.plus(topUp);
        }
        return sum;
    }

    /** The yearly top-up for so many months, half up to the cent. */
    static Money pro(Money yearly, int months) {
        return Money.ofCents(BigDecimal.valueOf(yearly.cents()).multiply(BigDecimal.valueOf(months)).divide(BigDecimal.valueOf(12), 0,
                RoundingMode.HALF_UP).longValueExact());
    }

    /** Sign of part − percent % of whole, exactly. */
    static int share(Money part, Money whole, int percent) {
        return Long.compare(Math.multiplyExact(part.cents(), 100L), Math.multiplyExact(whole.cents(), (long) percent));
    }

    static String percentText(Money part, Money whole) {
        if (!whole.isPositive()) {
            return "–";
        }
        return BigDecimal.valueOf(part.cents()).multiply(BigDecimal.valueOf(100)).divide(BigDecimal.valueOf(whole.cents()), 1, RoundingMode.HALF_UP)
                .toPlainString().replace('.', ',') + " %";
    }

    // ---- settlement --------------------------------------------------------------------------------------

    /**
     * Settles a proof of use: FSJ places on the months filled; everything else on the actual financing, the grant
     * being at most the costs not covered by own contribution and third-party funds and at most the total minus the
     * minimum own share. The core caps it at the approved and spent amounts.
     */
    public Assessment settle(Payload applied, Actuals a, Call call) {
        if (a == null) {
            throw new InvalidInputException("Die Angaben des Verwendungsnachweises fehlen (actuals).");
        }
        report(a.report());
        List<LineItem> lines = new ArrayList<>();
        if (applied.kind() == Kind.FSJ) {
            List<FsjPlaceInput> places = applied.places();
            if (a.placeMonths() == null || a.placeMonths().size() != places.size()) {
                throw new InvalidInputException("Der Nachweis nennt je FSJ-Platz die besetzten Monate (actuals.placeMonths, " + places.size()
                        + " Einträge in der Reihenfolge des Antrags).");
            }
            Money sum = Money.ZERO;
            for (int i = 0; i < places.size(); i++) {
                Integer months = a.placeMonths().get(i);
                if (months == null || months < 0 || months > places.get(i).months()) {
                    throw new InvalidInputException("FSJ-Platz " + (i + 1) + ": 0 bis " + places.get(i).months() + " besetzte Monate, nicht " + months + ".");
                }
                Money topUp = pro(fsjTopUp, months);
                lines.add(new LineItem(LineItem.Kind.RATE, "FSJ-Platz " + (i + 1) + ": " + months + " Monate besetzt", topUp));
                sum = sum.plus(topUp);
            }
            return new Assessment(lines, sum);
        }
        Money total = nonNegative(a.totalCosts(), "Die tatsächlichen Gesamtkosten (actuals.totalCosts)");
        Money own = nonNegative(a.ownContribution(), "Der tatsächliche Eigenanteil (actuals.ownContribution)");
        Money third = a.thirdPartyFunds() == null ? Money.ZERO : nonNegative(a.thirdPartyFunds(), "Die Drittmittel (actuals.thirdPartyFunds)");
        Money personnel = a.personnelCosts() == null ? Money.ZERO : nonNegative(a.personnelCosts(), "Die Personalkosten (actuals.personnelCosts)");
        if (own.plus(third).compareTo(total) > 0) {
            throw new InvalidInputException("Eigenanteil und Drittmittel übersteigen die Gesamtkosten.");
        }
        Money uncovered = total.minus(own).minus(third);
        Money ceiling = Money.ofCents(BigDecimal.valueOf(total.cents()).multiply(BigDecimal.valueOf(100 - call.minOwnSharePercent()))
                .divide(BigDecimal.valueOf(100), 0, RoundingMode.DOWN).longValueExact());
        lines.add(new LineItem(LineItem.Kind.ELIGIBLE_COSTS, "Tatsächliche Gesamtkosten", total));
        lines.add(new LineItem(LineItem.Kind.OWN_CONTRIBUTION, "Eigenanteil", own));
        if (third.isPositive()) {
            lines.add(new LineItem(LineItem.Kind.OWN_CONTRIBUTION, "Drittmittel", third));
        }
        Money grant = uncovered;
        if (ceiling.compareTo(uncovered) < 0) {
            lines.add(new LineItem(LineItem.Kind.CAP_APPLIED, "Mindesteigenanteil " + call.minOwnSharePercent() + " %: höchstens "
                    + (100 - call.minOwnSharePercent()) + " % der Gesamtkosten", uncovered.minus(ceiling)));
            grant = ceiling;
        }
        if (share(personnel, grant, call.maxPersonnelSharePercent()) > 0) {
            lines.add(new LineItem(LineItem.Kind.NOTE, "Hinweis: Personalkosten " + personnel.toGerman() + " über " + call.maxPersonnelSharePercent()
                    + " % des Zuschusses; die Bewilligungsstelle prüft", Money.ZERO));
        }
        lines.add(new LineItem(LineItem.Kind.RATE, "Zuschuss nach den tatsächlichen Kosten", grant));
        return new Assessment(lines, grant);
    }

    private static void report(Model.Report r) {
        if (r == null || blank(r.text()) || r.text().length() > 20_000) {
            throw new InvalidInputException("Der Sachbericht fehlt oder ist länger als 20000 Zeichen (actuals.report.text).");
        }
        Integer[] counts = {r.events(), r.participants(), r.volunteers(), r.strategiesDone(), r.strategiesOpen()};
        for (Integer c : counts) {
            if (c != null && (c < 0 || c > 1_000_000)) {
                throw new InvalidInputException("Zahlen im Sachbericht sind nicht negativ und höchstens 1000000, nicht " + c + ".");
            }
        }
    }

    // ---- calls -------------------------------------------------------------------------------------------

    /** Validates a new call; range and shares default from the settings. */
    public Call call(Model.CallInput in, java.time.Instant now) {
        if (in == null || blank(in.title()) || in.title().length() > MAX_TEXT) {
            throw new InvalidInputException("Der Titel des Aufrufs fehlt oder ist länger als " + MAX_TEXT + " Zeichen (title).");
        }
        Money budget = amount(in.budget(), "Das Budget des Aufrufs (budget)");
        if (in.deadline() == null) {
            throw new InvalidInputException("Die Frist des Aufrufs fehlt (deadline, JJJJ-MM-TT).");
        }
        if (in.eligible() == null || in.eligible().isEmpty() || in.eligible().stream().anyMatch(java.util.Objects::isNull)) {
            throw new InvalidInputException("Wer antragsberechtigt ist, fehlt (eligible: GEMEINDE, STADTKREIS, LANDKREIS, ASSOCIATION, CHURCH_PARISH,"
                    + " WELFARE_ASSOCIATION, VHS, OTHER).");
        }
        if (in.kinds() == null || in.kinds().isEmpty() || in.kinds().stream().anyMatch(java.util.Objects::isNull)) {
            throw new InvalidInputException("Was der Aufruf fördert, fehlt (kinds: DIALOGUE, ALLIANCE, PROJECT, FSJ).");
        }
        Money min = in.grantMin() == null ? projectMin : amount(in.grantMin(), "Der Mindestzuschuss (grantMin)");
        Money max = in.grantMax() == null ? projectMax : amount(in.grantMax(), "Der Höchstzuschuss (grantMax)");
        if (max.compareTo(min) < 0 || max.compareTo(budget) > 0) {
            throw new InvalidInputException("Die Spanne des Zuschusses ist leer oder übersteigt das Budget (grantMin ≤ grantMax ≤ budget).");
        }
        int own = in.minOwnSharePercent() == null ? minOwnShare : in.minOwnSharePercent();
        int personnel = in.maxPersonnelSharePercent() == null ? maxPersonnelShare : in.maxPersonnelSharePercent();
        if (percent(own) || percent(personnel)) {
            throw new InvalidInputException("Eigen- und Personalanteil liegen zwischen 0 und 100 %.");
        }
        if (in.termStart() != null && in.termEnd() != null && in.termEnd().isBefore(in.termStart())) {
            throw new InvalidInputException("Die Laufzeit endet vor ihrem Beginn (termStart, termEnd).");
        }
        return new Call(0, in.title().trim(), budget, in.deadline(), in.eligible().stream().distinct().sorted().toList(),
                in.kinds().stream().distinct().sorted().toList(), min, max, own, personnel,
                in.termStart(), in.termEnd(), now);
    }

    // ---- helpers -----------------------------------------------------------------------------------------

    static Money amount(String text, String what) {
        if (text == null) {
            throw new InvalidInputException(what + " fehlt.");
        }
        Money m = Money.parse(text);
        if (!m.isPositive()) {
            throw new InvalidInputException(what + " muss größer als 0,00 € sein, nicht " + text + ".");
        }
        return m;
    }

    static Money nonNegative(String text, String what) {
        if (text == null) {
            throw new InvalidInputException(what + " fehlt.");
        }
        Money m = Money.parse(text);
        if (m.isNegative()) {
            throw new InvalidInputException(what + " ist nicht negativ, nicht " + text + ".");
        }
        return m;
    }

    private static void texts(List<String> texts, String what) {
        if (texts == null) {
            return;
        }
        if (texts.size() > 50) {
            throw new InvalidInputException(what + ": höchstens 50.");
        }
        for (String t : texts) {
            if (blank(t) || t.length() > MAX_TEXT) {
                throw new InvalidInputException(what + " ist leer oder länger als " + MAX_TEXT + " Zeichen.");
            }
        }
    }

    private static String kinds(List<Kind> kinds) {
        return kinds.stream().sorted().map(Kind::german).collect(Collectors.joining(", "));
    }

    static String german(LocalDate d) {
        return String.format("%02d.%02d.%d", d.getDayOfMonth(), d.getMonthValue(), d.getYear());
    }

    static String words(int n) {
        return switch (n) {
            case 1 -> "ein";
            case 2 -> "zwei";
            case 3 -> "drei";
            case 4 -> "vier";
            default -> String.valueOf(n);
        };
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
