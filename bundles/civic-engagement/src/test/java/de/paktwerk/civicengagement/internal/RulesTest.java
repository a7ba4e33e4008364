package de.paktwerk.civicengagement.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import de.paktwerk.core.api.ApplicantKind;
import de.paktwerk.core.api.Assessment;
import de.paktwerk.core.api.InvalidInputException;
import de.paktwerk.core.api.LineItem;
import de.paktwerk.core.api.Money;
import de.paktwerk.core.api.ProviderKind;
import de.paktwerk.core.api.RuleViolatedException;
import de.paktwerk.civicengagement.internal.Model.Call;
import de.paktwerk.civicengagement.internal.Model.Eligible;
import de.paktwerk.civicengagement.internal.Model.Kind;
import de.paktwerk.civicengagement.internal.Model.Payload;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/** The rules of the civic-engagement programmes with the figures of the acceptance scenarios (worked out by hand in the comments). */
public class RulesTest {

    static CeConfig config(Map<String, Object> overrides) {
        return (CeConfig) Proxy.newProxyInstance(CeConfig.class.getClassLoader(), new Class<?>[] {CeConfig.class},
                (proxy, method, args) -> overrides.getOrDefault(method.getName(), method.getDefaultValue()));
    }

    static final Rules RULES = new Rules(config(Map.of()));
    static final Call CALL = RULES.call(new Model.CallInput("Gemeinsam in Vielfalt IV", "1675000.00", LocalDate.of(2019, 10, 10),
            List.of(Eligible.values()), List.of(Kind.values()), null, null, null, null, null, LocalDate.of(2021, 3, 31)), Instant.EPOCH);
    static final LocalDate TODAY = LocalDate.of(2019, 9, 1);

    static Rules.Facts body(ApplicantKind kind, long population, String... otherDialogues) {
        return new Rules.Facts(TODAY, CALL, kind, null, population, List.of(otherDialogues));
    }

    static Rules.Facts association() {
        return new Rules.Facts(TODAY, CALL, ApplicantKind.PROVIDER, ProviderKind.ASSOCIATION, 30_000, List.of());
    }

    static Model.DialogueInput dialogue(String space, String grant) {
        return new Model.DialogueInput(space, List.of("Freundeskreis Asyl"), List.of(Model.Theme.INTEGRATION), Model.Method.OUTREACH, grant);
    }

    static Payload dialogues(Model.DialogueInput... d) {
        return new Payload(1L, Kind.DIALOGUE, List.of(d), null, null, null, null);
    }

    @Test
    public void threeDialoguesOfALandkreisAtTheCapAndNoFourth() {
        // Landkreis Esslingen: 3 x 15,000.00 = 45,000.00
        Assessment a = RULES.price(dialogues(dialogue("Nürtingen-Roßdorf", "15000.00"), dialogue("Esslingen-Pliensauvorstadt", "15000.00"),
                dialogue("Plochingen", "15000.00")), body(ApplicantKind.LANDKREIS, 535_000));
        assertEquals(Money.parse("45000.00"), a.amount());
        assertEquals("Nachbarschaftsgespräch 1 (Nürtingen-Roßdorf)", a.items().get(0).label());
        RuleViolatedException fourth = assertThrows(RuleViolatedException.class, () -> RULES.price(dialogues(dialogue("Wendlingen", "10000.00")),
                body(ApplicantKind.LANDKREIS, 535_000, "Nürtingen-Roßdorf", "Esslingen-Pliensauvorstadt", "Plochingen")));
        assertEquals("Je Antragsteller höchstens drei Nachbarschaftsgespräche im Aufruf; beantragt sind bereits 3, hinzu kämen 1.", fourth.getMessage());
        assertEquals("Nachbarschaftsgespräch 1: höchstens 15.000,00 € je Nachbarschaftsgespräch, nicht 15.500,00 €.",
                assertThrows(RuleViolatedException.class, () -> RULES.price(dialogues(dialogue("Wendlingen", "15500.00")),
                        body(ApplicantKind.LANDKREIS, 535_000))).getMessage());
        // the same social space twice
        assertThrows(RuleViolatedException.class, () -> RULES.price(dialogues(dialogue("Plochingen", "5000.00")),
                body(ApplicantKind.LANDKREIS, 535_000, "plochingen")));
    }

    @Test
    public void aDialogueNeedsAPartnerAndTheThemeIntegration() {
        assertEquals("Nachbarschaftsgespräch 1: mindestens ein zivilgesellschaftlicher Partner ist nötig (partners).",
                assertThrows(RuleViolatedException.class, () -> RULES.price(dialogues(new Model.DialogueInput("Mitte", List.of(),
                        List.of(Model.Theme.INTEGRATION), null, "5000.00")), body(ApplicantKind.GEMEINDE, 5_000))).getMessage());
        assertEquals("Nachbarschaftsgespräch 1: das Thema „Integration“ gehört zum Gespräch (themes mit INTEGRATION).",
                assertThrows(RuleViolatedException.class, () -> RULES.price(dialogues(new Model.DialogueInput("Mitte", List.of("Verein"),
                        List.of(Model.Theme.WOMEN), null, "5000.00")), body(ApplicantKind.GEMEINDE, 5_000))).getMessage());
    }

    static Payload alliance(Model.Scale scale, String grant) {
        return new Payload(1L, Kind.ALLIANCE, null, new Model.AllianceInput(scale, List.of(Model.Theme.ENCOUNTER_PLACES), List.of("Kirchengemeinde"), grant),
                null, null, null);
    }

    @Test
    public void alliancesAreCappedByScale() {
        // Bad Rappenau (Gemeinde, 21,700 inhabitants) regular 20,000.00 > 15,000.00
        assertEquals("Ein reguläres Bündnis erhält höchstens 15.000,00 €, nicht 20.000,00 €.",
                assertThrows(RuleViolatedException.class, () -> RULES.price(alliance(Model.Scale.REGULAR, "20000.00"),
                        body(ApplicantKind.GEMEINDE, 21_700))).getMessage());
        // Landkreis Heilbronn, large, 48,000.00 <= 50,000.00
        assertEquals(Money.parse("48000.00"), RULES.price(alliance(Model.Scale.LARGE, "48000.00"), body(ApplicantKind.LANDKREIS, 345_000)).amount());
        // a small municipality is not large
        assertThrows(RuleViolatedException.class, () -> RULES.price(alliance(Model.Scale.LARGE, "20000.00"), body(ApplicantKind.GEMEINDE, 8_000)));
        assertThrows(RuleViolatedException.class, () -> RULES.price(alliance(Model.Scale.LARGE, "50000.01"), body(ApplicantKind.STADTKREIS, 600_000)));
    }

    static Payload project(String total, String own, String personnel, String grant) {
        return new Payload(1L, Kind.PROJECT, null, null, new Model.ProjectInput("Sprachcafé", total, own, null, personnel, grant,
                LocalDate.of(2019, 11, 1), LocalDate.of(2020, 10, 31)), null, null);
    }

    @Test
    public void projectsKeepOwnShareAndPersonnelShare() {
        // total 14,000.00, own 2,000.00 (14.3 %), grant 12,000.00; personnel 5,000.00 = 41.7 % > 40 %
        assertEquals("Die Personalkosten von 5.000,00 € (41,7 % des Zuschusses) übersteigen die erlaubten 40 %.",
                assertThrows(RuleViolatedException.class, () -> RULES.price(project("14000.00", "2000.00", "5000.00", "12000.00"), association()))
                        .getMessage());
        // 4,800.00 = 40.0 %: allowed -> 12,000.00
        Assessment ok = RULES.price(project("14000.00", "2000.00", "4800.00", "12000.00"), association());
        assertEquals(Money.parse("12000.00"), ok.amount());
        assertEquals(List.of(LineItem.Kind.ELIGIBLE_COSTS, LineItem.Kind.OWN_CONTRIBUTION, LineItem.Kind.NOTE, LineItem.Kind.RATE),
                ok.items().stream().map(LineItem::kind).toList());
        // own 1,000.00 of 13,000.00 = 7.7 % < 10 %
        assertEquals("Der Eigenanteil von 1.000,00 € (7,7 % der Gesamtkosten von 13.000,00 €) erreicht nicht die geforderten 10 %.",
                assertThrows(RuleViolatedException.class, () -> RULES.price(project("13000.00", "1000.00", "0.00", "12000.00"), association()))
                        .getMessage());
    }

    @Test
    public void theCallsRangeBindsProjects() {
        assertThrows(RuleViolatedException.class, () -> RULES.price(project("9000.00", "1000.00", "0.00", "8000.00"), association()));
        assertEquals(Money.parse("40000.00"), RULES.price(project("45000.00", "5000.00", "0.00", "40000.00"), association()).amount());
        assertEquals("Im Aufruf „Gemeinsam in Vielfalt IV“ beträgt der Zuschuss 10.000,00 € bis 40.000,00 €, nicht 40.000,01 €.",
                assertThrows(RuleViolatedException.class, () -> RULES.price(project("45000.01", "5000.00", "0.00", "40000.01"), association()))
                        .getMessage());
        // the grant cannot exceed what own contribution and third-party funds leave open
        assertThrows(RuleViolatedException.class, () -> RULES.price(project("14000.00", "3000.00", "0.00", "12000.00"), association()));
    }

    @Test
    public void aCallRefusesLateKindsAndApplicantsItDoesNotTake() {
        Call narrow = RULES.call(new Model.CallInput("Nur Kommunen", "100000.00", LocalDate.of(2019, 10, 10), List.of(Eligible.GEMEINDE),
                List.of(Kind.PROJECT), null, null, null, null, null, null), Instant.EPOCH);
        assertThrows(RuleViolatedException.class, () -> RULES.price(project("14000.00", "2000.00", "0.00", "12000.00"),
                new Rules.Facts(TODAY, narrow, ApplicantKind.PROVIDER, ProviderKind.ASSOCIATION, 1, List.of())));
        assertThrows(RuleViolatedException.class, () -> RULES.price(alliance(Model.Scale.REGULAR, "5000.00"),
                new Rules.Facts(TODAY, narrow, ApplicantKind.GEMEINDE, null, 1, List.of())));
        assertEquals("Die Frist des Aufrufs „Nur Kommunen“ endete am 10.10.2019.", assertThrows(RuleViolatedException.class, () -> RULES.price(
                project("14000.00", "2000.00", "0.00", "12000.00"), new Rules.Facts(LocalDate.of(2019, 10, 11), narrow, ApplicantKind.GEMEINDE, null, 1,
                        List.of()))).getMessage());
        assertThrows(InvalidInputException.class, () -> RULES.call(new Model.CallInput("X", "1000.00", LocalDate.of(2019, 1, 1), List.of(Eligible.GEMEINDE),
                List.of(Kind.PROJECT), "500.00", "2000.00", null, null, null, null), Instant.EPOCH)); // range above the budget
    }

    @Test
    public void fsjPlacesForYoungRefugeesAgedEighteenToTwentySix() {
        Rules.Facts host = new Rules.Facts(TODAY, CALL, ApplicantKind.PROVIDER, ProviderKind.WELFARE_ASSOCIATION, 1, List.of());
        Payload born2000 = new Payload(1L, Kind.FSJ, null, null, null, List.of(new Model.FsjPlaceInput(null, 2000, LocalDate.of(2019, 9, 1), 12)), null);
        assertEquals(Money.parse("3000.00"), RULES.price(born2000, host).amount());
        Payload born1990 = new Payload(1L, Kind.FSJ, null, null, null, List.of(new Model.FsjPlaceInput(null, 1990, LocalDate.of(2019, 9, 1), 12)), null);
        assertEquals("FSJ-Platz 1: Alter 18–26 bei Beginn, nicht 29.", assertThrows(RuleViolatedException.class, () -> RULES.price(born1990, host))
                .getMessage());
        // 7 of 12 months: 3,000.00 x 7 / 12 = 1,750.00
        assertEquals(Money.parse("1750.00"), RULES.price(new Payload(1L, Kind.FSJ, null, null, null, List.of(new Model.FsjPlaceInput(null, 2000,
                LocalDate.of(2019, 9, 1), 7)), null), host).amount());
        assertThrows(RuleViolatedException.class, () -> RULES.price(born2000, body(ApplicantKind.GEMEINDE, 1)));
    }

    @Test
    public void proofOfUseAcceptsAtMostTheUncoveredCostsAndKeepsTheOwnShare() {
        Payload applied = project("24000.00", "4000.00", "0.00", "20000.00");
        Model.Report report = new Model.Report("Sprachcafé an 40 Abenden", 40, 380, 12, null, null);
        // actual total 18,000.00, own 4,000.00: min(18,000 - 4,000 = 14,000.00; 18,000 x 0.9 = 16,200.00) = 14,000.00
        Assessment a = RULES.settle(applied, new Model.Actuals(report, "18000.00", "4000.00", null, "5000.00", null), CALL);
        assertEquals(Money.parse("14000.00"), a.amount());
        // own 1,000.00 of 18,000.00: 17,000.00 uncovered, but at most 90 % = 16,200.00
        Assessment capped = RULES.settle(applied, new Model.Actuals(report, "18000.00", "1000.00", null, null, null), CALL);
        assertEquals(Money.parse("16200.00"), capped.amount());
        assertEquals(Money.parse("800.00"), capped.items().get(2).amount());
        assertThrows(InvalidInputException.class, () -> RULES.settle(applied, new Model.Actuals(null, "18000.00", "1000.00", null, null, null), CALL));
        assertThrows(InvalidInputException.class, () -> RULES.settle(applied, new Model.Actuals(report, "1000.00", "2000.00", null, null, null), CALL));
        // FSJ: a place filled 9 of 12 months -> 2,250.00
        Payload fsj = new Payload(1L, Kind.FSJ, null, null, null, List.of(new Model.FsjPlaceInput(null, 2000, LocalDate.of(2019, 9, 1), 12)), null);
        assertEquals(Money.parse("2250.00"), RULES.settle(fsj, new Model.Actuals(report, null, null, null, null, List.of(9)), CALL).amount());
    }
}
