package de.paktwerk.youthcareer.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import de.paktwerk.core.api.ApplicantKind;
import de.paktwerk.core.api.Assessment;
import de.paktwerk.core.api.ConflictException;
import de.paktwerk.core.api.InvalidInputException;
import de.paktwerk.core.api.LineItem;
import de.paktwerk.core.api.Money;
import de.paktwerk.core.api.ProblemType;
import de.paktwerk.core.api.RuleViolatedException;
import java.lang.reflect.Proxy;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.junit.Test;

/** The programme rules with the figures of the acceptance scenarios (expected values from the published rules). */
public class RulesTest {

    static YcConfig config(Map<String, Object> overrides) {
        return (YcConfig) Proxy.newProxyInstance(YcConfig.class.getClassLoader(), new Class<?>[] {YcConfig.class},
                (proxy, method, args) -> overrides.getOrDefault(method.getName(), method.getDefaultValue()));
    }

    static final Rules RULES = new Rules(config(Map.of()));
    static final Set<String> SCHOOLS = Set.of("04100001", "04100002", "04100003");

    static Rules.Facts facts(ApplicantKind kind, String today, int schoolYear, String approved, boolean earlier) {
        return new Rules.Facts(kind, LocalDate.parse(today), schoolYear, Money.parse(approved), earlier, SCHOOLS::contains, java.util.List.of());
    }

    static Model.Payload payload(String json) throws Exception {
        JsonNode node = YcStore.JSON.readTree(json);
        return YcStore.payload(node);
    }

    static final String STATEMENT = "\"youthOfficeStatement\":{\"date\":\"2018-05-02\",\"reference\":\"JA-51-2018\"}";

    @Test
    public void schoolSocialWorkFullYearIsTheRateTimesFte() throws Exception {
        // Ulm 2018/19: 1.5 FTE (1.0 + 0.5) at two schools, statement present, applied on 2018-06-20 -> 16,700 x 1.5
        Assessment a = RULES.price(payload("{\"programme\":\"SCHOOL_SOCIAL_WORK\"," + STATEMENT + ",\"positions\":["
                + "{\"fte\":\"1.00\",\"schools\":[\"04100001\",\"04100002\"]},{\"fte\":\"0.50\",\"schools\":[\"04100001\",\"04100002\"]}]}"),
                facts(ApplicantKind.STADTKREIS, "2018-06-20", 2018, "0.00", false));
        assertEquals(Money.parse("25050.00"), a.amount());
        assertEquals(Money.parse("16700.00"), a.items().get(0).amount());
        assertEquals(Money.parse("8350.00"), a.items().get(1).amount());
        assertEquals("Bewilligungsstelle des Teilprogramms Schulsozialarbeit: Kommunalverband für Jugend und Soziales (KVJS)",
                a.items().get(2).label());
    }

    @Test
    public void aThirdSchoolNeedsAReasonAndALateApplicationIsRefused() throws Exception {
        String three = "{\"programme\":\"SCHOOL_SOCIAL_WORK\"," + STATEMENT + ",\"positions\":[{\"fte\":\"0.60\",\"schools\":[\"04100001\","
                + "\"04100002\",\"04100003\"]%s}]}";
        RuleViolatedException e = assertThrows(RuleViolatedException.class, () -> RULES.price(payload(String.format(three, "")),
                facts(ApplicantKind.STADTKREIS, "2018-06-20", 2018, "0.00", false)));
        assertEquals("Stelle 1: Eine Stelle darf höchstens an zwei Schulen eingesetzt werden, an drei nur mit Begründung (exceptionReason).",
                e.getMessage());
        assertEquals(ProblemType.RULE_VIOLATED, e.problemType());
        assertEquals(422, e.status());
        Assessment withReason = RULES.price(payload(String.format(three, ",\"exceptionReason\":\"Drei kleine Grundschulen im Verbund\"")),
                facts(ApplicantKind.STADTKREIS, "2018-06-20", 2018, "0.00", false));
        assertEquals(Money.parse("10020.00"), withReason.amount()); // 16,700 x 0.6
        RuleViolatedException late = assertThrows(RuleViolatedException.class, () -> RULES.price(payload(String.format(three,
                ",\"exceptionReason\":\"Verbund\"")), facts(ApplicantKind.STADTKREIS, "2018-08-05", 2018, "0.00", false)));
        assertEquals("Der Antrag auf Schulsozialarbeit für das Schuljahr 2018/19 kommt zu spät: die Frist endete am 31.07.2018.", late.getMessage());
        // the last day still counts
        assertEquals(Money.parse("10020.00"), RULES.price(payload(String.format(three, ",\"exceptionReason\":\"Verbund\"")),
                facts(ApplicantKind.STADTKREIS, "2018-07-31", 2018, "0.00", false)).amount());
    }

    @Test
    public void aFirstApplicationNeedsTheYouthOfficesStatementALaterOneDoesNot() throws Exception {
        String without = "{\"programme\":\"SCHOOL_SOCIAL_WORK\",\"positions\":[{\"fte\":\"1.00\",\"schools\":[\"04100001\"]}]}";
        RuleViolatedException e = assertThrows(RuleViolatedException.class, () -> RULES.price(payload(without),
                facts(ApplicantKind.GEMEINDE, "2018-06-20", 2018, "0.00", false)));
        assertTrue(e.getMessage(), e.getMessage().startsWith("Ein Erstantrag auf Schulsozialarbeit braucht die Stellungnahme des Jugendamts"));
        assertEquals(Money.parse("16700.00"), RULES.price(payload(without), facts(ApplicantKind.GEMEINDE, "2018-06-20", 2018, "0.00", true)).amount());
    }

    @Test
    public void theApplicationThatCrossesTheCapGetsTheRemainderUnlessTheBudgetFollowsTheDemand() throws Exception {
        String one = "{\"programme\":\"SCHOOL_SOCIAL_WORK\"," + STATEMENT + ",\"positions\":[{\"fte\":\"1.00\",\"schools\":[\"04100001\"]}]}";
        // 2019/20: 2,500,000.00 with 149 x 16,700 = 2,488,300.00 approved -> 11,700.00 left
        Assessment capped = RULES.price(payload(one), facts(ApplicantKind.GEMEINDE, "2019-06-20", 2019, "2488300.00", false));
        assertEquals(Money.parse("11700.00"), capped.amount());
        LineItem cut = capped.items().get(1);
        assertEquals(LineItem.Kind.CAP_APPLIED, cut.kind());
        assertEquals(Money.parse("5000.00"), cut.amount());
        ConflictException exhausted = assertThrows(ConflictException.class, () -> RULES.price(payload(one),
                facts(ApplicantKind.GEMEINDE, "2019-06-20", 2019, "2500000.00", false)));
        assertEquals(ProblemType.BUDGET_EXHAUSTED, exhausted.problemType());
        // from 2022/23 the budget follows the demand
        assertEquals(Money.parse("16700.00"), RULES.price(payload(one), facts(ApplicantKind.GEMEINDE, "2022-06-20", 2022, "2500000.00", false)).amount());
        // and with the demand-driven setting for any school year
        Rules demand = new Rules(config(Map.of("schoolSocialWorkBudgetMode", "DEMAND")));
        assertEquals(Money.parse("16700.00"), demand.price(payload(one), facts(ApplicantKind.GEMEINDE, "2019-06-20", 2019, "2488300.00", false)).amount());
    }

    static final String RESOLUTION = "\"coFinancingResolution\":{\"body\":\"Gemeinderat\",\"date\":\"2021-07-22\",\"reference\":\"GR 2021/117\"}";

    @Test
    public void avdualIsSixtyPercentOfThePersonnelCostsCappedPerFullTimePosition() throws Exception {
        // Heidelberg 2021/22: 2.0 FTE, costs 122,100.00 -> 60 % = 73,260.00, cap 2 x 30,000 = 60,000.00 (the real grant)
        Assessment heidelberg = RULES.price(payload("{\"programme\":\"AVDUAL_COMPANION\"," + RESOLUTION + ",\"personnelCosts\":\"122100.00\","
                + "\"avdualPupils\":85,\"positions\":[{\"fte\":\"1.00\"},{\"fte\":\"1.00\"}]}"), facts(ApplicantKind.STADTKREIS, "2021-07-25", 2021, "0", false));
        assertEquals(Money.parse("60000.00"), heidelberg.amount());
        assertEquals(Money.parse("73260.00"), heidelberg.items().get(1).amount());
        assertEquals(Money.parse("13260.00"), heidelberg.items().get(2).amount()); // cut by the cap
        // 1.0 FTE with costs 45,000.00 -> 27,000.00 (the 60 % bind)
        assertEquals(Money.parse("27000.00"), RULES.price(payload("{\"programme\":\"AVDUAL_COMPANION\"," + RESOLUTION
                + ",\"personnelCosts\":\"45000.00\",\"positions\":[{\"fte\":\"1.00\"}]}"), facts(ApplicantKind.STADTKREIS, "2021-07-25", 2021, "0", false)).amount());
        // 3.5 FTE for 85 pupils: more than ceil_0.25(85/40) = 2.25 FTE -> a note for the approval office
        Assessment many = RULES.price(payload("{\"programme\":\"AVDUAL_COMPANION\"," + RESOLUTION + ",\"personnelCosts\":\"300000.00\","
                + "\"avdualPupils\":85,\"positions\":[{\"fte\":\"1.00\"},{\"fte\":\"1.00\"},{\"fte\":\"1.00\"},{\"fte\":\"0.50\"}]}"),
                facts(ApplicantKind.LANDKREIS, "2021-07-25", 2021, "0", false));
        assertTrue(many.items().stream().anyMatch(l -> l.kind() == LineItem.Kind.NOTE && l.label().startsWith(
                "Hinweis: 3,50 VZÄ übersteigen den Richtwert von 2,25 VZÄ für 85 AVdual-Schülerinnen und -Schüler")));
        assertEquals(225, RULES.guideline(85));
        assertEquals(100, RULES.guideline(40));
        assertEquals(125, RULES.guideline(41));
    }

    @Test
    public void avdualNeedsTheDistrictsResolutionAndADistrict() throws Exception {
        RuleViolatedException e = assertThrows(RuleViolatedException.class, () -> RULES.price(payload("{\"programme\":\"AVDUAL_COMPANION\","
                + "\"personnelCosts\":\"45000.00\",\"positions\":[{\"fte\":\"1.00\"}]}"), facts(ApplicantKind.STADTKREIS, "2021-07-25", 2021, "0", false)));
        assertEquals("Beschluss des Stadt- oder Landkreises zur Kofinanzierung fehlt (coFinancingResolution mit date und reference).", e.getMessage());
        assertEquals(422, e.status());
        RuleViolatedException gemeinde = assertThrows(RuleViolatedException.class, () -> RULES.price(payload("{\"programme\":\"AVDUAL_COMPANION\","
                + RESOLUTION + ",\"personnelCosts\":\"45000.00\",\"positions\":[{\"fte\":\"1.00\"}]}"), facts(ApplicantKind.GEMEINDE, "2021-07-25", 2021, "0", false)));
        assertEquals("AVdual-Begleitung beantragen Stadt- und Landkreise.", gemeinde.getMessage());
    }

    @Test
    public void youthCareerHelpersAreSettledOnTheMonthsActuallyFilled() throws Exception {
        Model.Payload half = payload("{\"programme\":\"YOUTH_CAREER_HELPER\",\"positions\":[{\"fte\":\"0.50\"}]}");
        assertEquals(Money.parse("5500.00"), RULES.price(half, facts(ApplicantKind.PROVIDER, "2018-06-20", 2018, "0", false)).amount());
        Assessment nine = RULES.settle(half, YcStore.actuals(YcStore.JSON.readTree("{\"positions\":[{\"months\":9,\"pupilsReached\":31}]}")));
        assertEquals(Money.parse("4125.00"), nine.amount()); // 11,000 x 0.5 x 9/12
        RuleViolatedException more = assertThrows(RuleViolatedException.class, () -> RULES.settle(half,
                YcStore.actuals(YcStore.JSON.readTree("{\"positions\":[{\"months\":12,\"fte\":\"0.75\"}]}"))));
        assertEquals("Stelle 1: der tatsächliche Stellenanteil 0,75 übersteigt den bewilligten von 0,50.", more.getMessage());
        assertThrows(InvalidInputException.class, () -> RULES.settle(half, YcStore.actuals(YcStore.JSON.readTree("{\"positions\":[]}"))));
    }

    @Test
    public void avdualIsSettledWithBothCapsOnTheActualCosts() throws Exception {
        Model.Payload heidelberg = payload("{\"programme\":\"AVDUAL_COMPANION\"," + RESOLUTION + ",\"personnelCosts\":\"122100.00\","
                + "\"positions\":[{\"fte\":\"1.00\"},{\"fte\":\"1.00\"}]}");
        // one companion left after 6 months: cap 30,000 x (12 + 6)/12 = 45,000.00; 60 % of 90,000.00 = 54,000.00
        Assessment a = RULES.settle(heidelberg, YcStore.actuals(YcStore.JSON.readTree("{\"personnelCosts\":\"90000.00\",\"positions\":"
                + "[{\"months\":12},{\"months\":6}]}")));
        assertEquals(Money.parse("45000.00"), a.amount());
    }

    @Test
    public void fteMonthsSchoolYearsAndPayloadsAreStrict() throws Exception {
        assertEquals(10, RULES.fte("0.10"));
        for (String bad : new String[] {"0.09", "1.01", "1e0", ".5", "0,5", " 0.5", "42949673.46"}) {
            assertThrows(bad, InvalidInputException.class, () -> RULES.fte(bad));
        }
        assertEquals(2018, Rules.parseSchoolYear("2018/19"));
        assertThrows(InvalidInputException.class, () -> Rules.parseSchoolYear("2018/20"));
        assertThrows(InvalidInputException.class, () -> Rules.parseSchoolYear("2018"));
        InvalidInputException unknown = assertThrows(InvalidInputException.class, () -> payload("{\"programme\":\"SCHOOL_SOCIAL_WORK\",\"extra\":1}"));
        assertEquals("Die Antragsangaben sind ungültig: unbekanntes Feld 'extra'.", unknown.getMessage());
        assertEquals("payload.extra", unknown.field());
        // a number is no FTE: FTE are strings of the API's pattern, never coerced (the probe's "fte": 0.5 was priced)
        InvalidInputException number = assertThrows(InvalidInputException.class, () -> payload("{\"programme\":\"YOUTH_CAREER_HELPER\","
                + "\"positions\":[{\"fte\":0.5,\"months\":12}]}"));
        assertEquals("payload.positions[0].fte", number.field());
        assertEquals("Die Antragsangaben sind ungültig: Feld 'positions[0].fte' erwartet Text in Anführungszeichen (Beträge und"
                + " Stellenanteile z. B. \"0.50\"), keine Zahl und keinen Wahrheitswert.", number.getMessage());
        InvalidInputException months = assertThrows(InvalidInputException.class, () -> RULES.price(payload("{\"programme\":\"YOUTH_CAREER_HELPER\","
                + "\"positions\":[{\"fte\":\"0.50\",\"months\":13}]}"), facts(ApplicantKind.LANDKREIS, "2018-06-20", 2018, "0", false)));
        assertEquals("Die Monate einer Stelle im Schuljahr liegen zwischen 1 und 12, nicht 13.", months.getMessage());
    }

    @Test
    public void theSamePersonAtTheSameSchoolIsNotFundedTwiceForOverlappingMonths() throws Exception {
        // A. Beispiel is funded at 04100001 from August to January (6 months)
        Rules.Facts funded = new Rules.Facts(ApplicantKind.STADTKREIS, LocalDate.parse("2018-06-20"), 2018, Money.ZERO, true, SCHOOLS::contains,
                java.util.List.of(new Model.Funded("A. Beispiel", "04100001", LocalDate.parse("2018-08-01"), 6)));
        String position = "{\"programme\":\"SCHOOL_SOCIAL_WORK\",\"positions\":[{\"fte\":\"0.50\",\"holderName\":\"A. Beispiel\","
                + "\"schools\":[\"%s\"],\"from\":\"%s\",\"months\":%d}]}";
        RuleViolatedException e = assertThrows(RuleViolatedException.class, () -> RULES.price(payload(String.format(position, "04100001",
                "2019-01-01", 3)), funded));
        assertEquals("Stelle 1: dieselbe Person ist an der Schule 04100001 in diesen Monaten des Schuljahres 2018/19 bereits gefördert"
                + " (keine Doppelförderung).", e.getMessage());
        // February to July at the same school, or the same months at another school: no double funding
        assertEquals(Money.parse("4175.00"), RULES.price(payload(String.format(position, "04100001", "2019-02-01", 6)), funded).amount());
        assertEquals(Money.parse("2087.50"), RULES.price(payload(String.format(position, "04100002", "2019-01-01", 3)), funded).amount());
        // twice in one application is double funding too
        assertThrows(RuleViolatedException.class, () -> RULES.price(payload("{\"programme\":\"SCHOOL_SOCIAL_WORK\",\"positions\":["
                + "{\"fte\":\"0.50\",\"holderName\":\"B\",\"schools\":[\"04100002\"]},{\"fte\":\"0.50\",\"holderName\":\"B\","
                + "\"schools\":[\"04100002\"],\"from\":\"2019-03-01\",\"months\":2}]}"), funded));
        // months must lie within the school year, from the first of a month
        assertThrows(InvalidInputException.class, () -> RULES.price(payload(String.format(position, "04100002", "2019-05-01", 4)), funded));
        assertThrows(InvalidInputException.class, () -> RULES.price(payload(String.format(position, "04100002", "2019-01-15", 1)), funded));
    }

    @Test
    public void aCaseloadAboveTheGuidelineIsNamed() throws Exception {
        assertEquals("3,50 VZÄ übersteigen den Richtwert von 2,25 VZÄ für 85 AVdual-Schülerinnen und -Schüler (40 je Begleitung)",
                RULES.caseloadAboveGuideline(payload("{\"programme\":\"AVDUAL_COMPANION\",\"avdualPupils\":85,\"positions\":"
                        + "[{\"fte\":\"1.00\"},{\"fte\":\"1.00\"},{\"fte\":\"1.00\"},{\"fte\":\"0.50\"}]}")).orElseThrow());
        assertTrue(RULES.caseloadAboveGuideline(payload("{\"programme\":\"AVDUAL_COMPANION\",\"avdualPupils\":85,\"positions\":"
                + "[{\"fte\":\"1.00\"},{\"fte\":\"1.00\"}]}")).isEmpty());
    }

    @Test
    public void theApprovedAmountIsSplitOverThePositionsExactly() {
        assertEquals(java.util.List.of(Money.parse("7800.00"), Money.parse("3900.00")),
                YcStore.split(Money.parse("11700.00"), java.util.List.of(1200L, 600L))); // 1.00 and 0.50 FTE, 12 months
        assertEquals(java.util.List.of(Money.parse("33.33"), Money.parse("33.33"), Money.parse("33.34")),
                YcStore.split(Money.parse("100.00"), java.util.List.of(100L, 100L, 100L)));
    }
}
