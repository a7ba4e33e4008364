package de.paktwerk.civicengagement.internal;

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

/** The module's records: calls, application payloads, scores and rankings, dialogues, sub-grants, reports. */
public final class Model {

    private Model() {
    }

    /** What is funded. */
    public enum Kind {
        /** Nachbarschaftsgespräch (sozialräumlicher Gesellschaftsdialog). */
        DIALOGUE("Nachbarschaftsgespräch"),
        /** Bündnis für Zusammenhalt. */
        ALLIANCE("Bündnis für Zusammenhalt"),
        /** Projekt eines Vereins oder einer Kommune. */
        PROJECT("Projekt"),
        /** FSJ-Plätze für junge Geflüchtete. */
        FSJ("FSJ-Plätze");

        private final String german;

        Kind(String german) {
            this.german = german;
        }

        public String german() {
            return german;
        }
    }

    /** Who may apply in a call: local authorities by kind, providers by kind. */
    public enum Eligible {
        GEMEINDE, STADTKREIS, LANDKREIS, ASSOCIATION, CHURCH_PARISH, WELFARE_ASSOCIATION, VHS, OTHER
    }

    /** Alliance scale: regular, or a Stadt-/Landkreis or large city. */
    public enum Scale {
        REGULAR, LARGE
    }

    /** Themes. */
    public enum Theme {
        INTEGRATION, ENCOUNTER_PLACES, WOMEN, CHILDREN_AND_YOUTH, OTHER
    }

    /** How a dialogue reaches people. */
    public enum Method {
        OUTREACH, RANDOM_SELECTION, WORKSHOP
    }

    /** Status of an agreed strategy. */
    public enum StrategyStatus {
        OPEN, DONE, DROPPED
    }

    /**
     * A call as the approval office opens it.
     *
     * @param minOwnSharePercent own contribution at least this share of the total costs (default from the settings)
     * @param maxPersonnelSharePercent personnel costs at most this share of the grant (default from the settings)
     */
    @Schema(title = "Aufruf", extensions = @Extension(properties = {@ExtensionProperty(name = "x-order", value = "[\"title\",\"budget\",\"deadline\","
            + "\"termStart\",\"termEnd\",\"kinds\",\"eligible\",\"grantMin\",\"grantMax\",\"minOwnSharePercent\",\"maxPersonnelSharePercent\"]", parseValue = true)}))
    public record CallInput(@Schema(title = "Titel des Aufrufs", requiredMode = REQUIRED) String title,
                            @Schema(title = "Budget des Aufrufs in Euro", requiredMode = REQUIRED, pattern = Payloads.AMOUNT, format = "decimal") String budget,
                            @Schema(title = "Frist für Anträge", requiredMode = REQUIRED) LocalDate deadline,
                            @Schema(title = "Antragsberechtigt", extensions = @Extension(name = "x-labels", properties = {
                                    @ExtensionProperty(name = "GEMEINDE", value = "Gemeinden"), @ExtensionProperty(name = "STADTKREIS", value = "Stadtkreise"),
                                    @ExtensionProperty(name = "LANDKREIS", value = "Landkreise"), @ExtensionProperty(name = "ASSOCIATION", value = "Vereine"),
                                    @ExtensionProperty(name = "CHURCH_PARISH", value = "Kirchengemeinden"),
                                    @ExtensionProperty(name = "WELFARE_ASSOCIATION", value = "Wohlfahrtsverbände"),
                                    @ExtensionProperty(name = "VHS", value = "Volkshochschulen"), @ExtensionProperty(name = "OTHER", value = "andere Träger")}))
                            List<Eligible> eligible,
                            @Schema(title = "Fördergegenstände", extensions = @Extension(name = "x-labels", properties = {
                                    @ExtensionProperty(name = "DIALOGUE", value = "Nachbarschaftsgespräch"),
                                    @ExtensionProperty(name = "ALLIANCE", value = "Bündnis für Zusammenhalt"),
                                    @ExtensionProperty(name = "PROJECT", value = "Projekt"), @ExtensionProperty(name = "FSJ", value = "FSJ-Plätze")}))
                            List<Kind> kinds,
                            @Schema(title = "Zuschuss mindestens (Euro)", pattern = Payloads.AMOUNT, format = "decimal") String grantMin,
                            @Schema(title = "Zuschuss höchstens (Euro)", pattern = Payloads.AMOUNT, format = "decimal") String grantMax,
                            @Schema(title = "Eigenanteil mindestens (Prozent)", minimum = "0", maximum = "100") Integer minOwnSharePercent,
                            @Schema(title = "Personalkosten höchstens (Prozent)", minimum = "0", maximum = "100") Integer maxPersonnelSharePercent,
                            @Schema(title = "Laufzeit ab") LocalDate termStart,
                            @Schema(title = "Laufzeit bis") LocalDate termEnd) {
    }

    /** A call with what is approved in it so far. */
    public record Call(long id, String title, Money budget, LocalDate deadline, List<Eligible> eligible, List<Kind> kinds, Money grantMin,
                       Money grantMax, int minOwnSharePercent, int maxPersonnelSharePercent, LocalDate termStart, LocalDate termEnd,
                       Instant createdAt) {
    }

    /**
     * The payload of an application of this area: the call and what is applied for (one kind).
     *
     * @param acceptsReduction the applicant accepts a reduced grant if the call budget does not cover it fully
     */
    @Schema(extensions = @Extension(properties = {@ExtensionProperty(name = "x-order", value = "[\"callId\",\"kind\",\"dialogues\",\"alliance\",\"project\",\"places\",\"acceptsReduction\"]", parseValue = true), @ExtensionProperty(name = "x-variants", value = "{\"kind\":{\"DIALOGUE\":[\"dialogues\"],\"ALLIANCE\":[\"alliance\"],\"PROJECT\":[\"project\"],\"FSJ\":[\"places\"]}}", parseValue = true)}))
    public record Payload(@Schema(title = "Aufruf", description = "der Aufruf, in dem beantragt wird", requiredMode = REQUIRED, extensions = @Extension(
                                  properties = @ExtensionProperty(name = "x-choices", parseValue = true,
                                          value = "{\"path\":\"/api/civic-engagement/calls\",\"value\":\"id\",\"label\":\"{title} (Frist {deadline})\"}")))
                          Long callId,
                          @Schema(title = "Art des Vorhabens", requiredMode = REQUIRED, extensions = @Extension(name = "x-labels", properties = {
                                  @ExtensionProperty(name = "DIALOGUE", value = "Nachbarschaftsgespräch"),
                                  @ExtensionProperty(name = "ALLIANCE", value = "Bündnis für Zusammenhalt"),
                                  @ExtensionProperty(name = "PROJECT", value = "Projekt"), @ExtensionProperty(name = "FSJ", value = "FSJ-Plätze")})) Kind kind,
                          @Schema(title = "Nachbarschaftsgespräche", description = "nur für die Art Nachbarschaftsgespräch") List<DialogueInput> dialogues,
                          AllianceInput alliance, ProjectInput project,
                          @Schema(title = "FSJ-Plätze", description = "nur für die Art FSJ-Plätze") List<FsjPlaceInput> places,
                          @Schema(title = "Mit einem gekürzten Zuschuss einverstanden", description = "falls das Budget des Aufrufs nicht ganz reicht")
                          Boolean acceptsReduction) {
    }

    /** One neighbourhood dialogue: the social space, its civil-society partners, themes, method and grant. */
    public record DialogueInput(@Schema(title = "Sozialraum", requiredMode = REQUIRED) String socialSpace,
                                @Schema(title = "Partner aus der Zivilgesellschaft") List<String> partners,
                                @Schema(title = "Themen", extensions = @Extension(name = "x-labels", properties = {
                                  @ExtensionProperty(name = "INTEGRATION", value = "Integration"), @ExtensionProperty(name = "ENCOUNTER_PLACES", value = "Orte der Begegnung"),
                                  @ExtensionProperty(name = "WOMEN", value = "Frauen"), @ExtensionProperty(name = "CHILDREN_AND_YOUTH", value = "Kinder und Jugendliche"),
                                  @ExtensionProperty(name = "OTHER", value = "anderes Thema")})) List<Theme> themes,
                                @Schema(title = "Methode", extensions = @Extension(name = "x-labels", properties = {
                                        @ExtensionProperty(name = "OUTREACH", value = "aufsuchend"), @ExtensionProperty(name = "RANDOM_SELECTION", value = "Zufallsauswahl"),
                                        @ExtensionProperty(name = "WORKSHOP", value = "Werkstatt")})) Method method,
                                @Schema(title = "Beantragter Zuschuss in Euro", pattern = Payloads.AMOUNT, format = "decimal") String grant) {
    }

    /** An alliance for cohesion. */
    @Schema(title = "Bündnis für Zusammenhalt", description = "nur für die Art Bündnis")
    public record AllianceInput(@Schema(title = "Größe", extensions = @Extension(name = "x-labels", properties = {
                                        @ExtensionProperty(name = "REGULAR", value = "regulär"),
                                        @ExtensionProperty(name = "LARGE", value = "Stadt- oder Landkreis, große Kreisstadt")})) Scale scale,
                                @Schema(title = "Themen", extensions = @Extension(name = "x-labels", properties = {
                                  @ExtensionProperty(name = "INTEGRATION", value = "Integration"), @ExtensionProperty(name = "ENCOUNTER_PLACES", value = "Orte der Begegnung"),
                                  @ExtensionProperty(name = "WOMEN", value = "Frauen"), @ExtensionProperty(name = "CHILDREN_AND_YOUTH", value = "Kinder und Jugendliche"),
                                  @ExtensionProperty(name = "OTHER", value = "anderes Thema")})) List<Theme> themes,
                                @Schema(title = "Partner im Bündnis") List<String> partners,
                                @Schema(title = "Beantragter Zuschuss in Euro", pattern = Payloads.AMOUNT, format = "decimal") String grant) {
    }

    /** A project with its financing plan. */
    @Schema(title = "Projekt mit Finanzierungsplan", description = "nur für die Art Projekt", extensions = @Extension(properties = @ExtensionProperty(
            name = "x-order", value = "[\"title\",\"totalCosts\",\"ownContribution\",\"thirdPartyFunds\",\"personnelCosts\",\"grant\",\"start\",\"end\"]",
            parseValue = true)))
    public record ProjectInput(@Schema(title = "Projekttitel", requiredMode = REQUIRED) String title,
                               @Schema(title = "Gesamtausgaben in Euro", requiredMode = REQUIRED, pattern = Payloads.AMOUNT, format = "decimal") String totalCosts,
                               @Schema(title = "Eigenanteil in Euro", pattern = Payloads.AMOUNT, format = "decimal") String ownContribution,
                               @Schema(title = "Mittel Dritter in Euro", pattern = Payloads.AMOUNT, format = "decimal") String thirdPartyFunds,
                               @Schema(title = "Personalausgaben in Euro", pattern = Payloads.AMOUNT, format = "decimal") String personnelCosts,
                               @Schema(title = "Beantragter Zuschuss in Euro", requiredMode = REQUIRED, pattern = Payloads.AMOUNT, format = "decimal") String grant,
                               @Schema(title = "Projektbeginn") LocalDate start, @Schema(title = "Projektende") LocalDate end) {
    }

    /** An FSJ place for a young refugee, at a host organisation (the applying provider). */
    public record FsjPlaceInput(@Schema(title = "Kennung der Freiwilligen (ohne Namen)", requiredMode = REQUIRED) String volunteerRef,
                                @Schema(title = "Geburtsjahr", requiredMode = REQUIRED) Integer birthYear,
                                @Schema(title = "Beginn", requiredMode = REQUIRED) LocalDate start,
                                @Schema(title = "Monate", requiredMode = REQUIRED, minimum = "1") Integer months) {
    }

    /** A jury score for an application. */
    public record ScoreInput(Integer score) {
    }

    /** A recorded score. */
    public record Score(long applicationId, long callId, int score, String scoredBy, Instant at) {
    }

    /** One place in a ranking: what the run decides (or decided) for an application. */
    public record Ranked(int rank, long applicationId, String applicantKey, int score, Money requested, String outcome, Money amount) {
    }

    /** A ranking of a call: preview or run. */
    public record Ranking(long callId, Money budget, Money approvedBefore, Money approvedNow, Money left, boolean executed, List<Ranked> places) {
    }

    /** A dialogue of an approved application. */
    public record Dialogue(long id, long applicationId, long callId, String applicantKey, String socialSpace, Money grant, int events,
                           int participants, int strategies, int strategiesDone) {
    }

    /** An event of a dialogue: date and participants (of whom with a migration background). */
    public record EventInput(LocalDate date, Integer participants, Integer migrants) {
    }

    /** A recorded event. */
    public record Event(long id, long dialogueId, LocalDate date, int participants, Integer migrants) {
    }

    /** A strategy agreed in a dialogue (Konzept mit Maßnahmen). */
    public record StrategyInput(String title, String measure, String owner, LocalDate dueDate) {
    }

    /** A recorded strategy and its status. */
    public record Strategy(long id, long dialogueId, String title, String measure, String owner, LocalDate dueDate, StrategyStatus status) {
    }

    /** A new status of a strategy. */
    public record StatusInput(StrategyStatus status) {
    }

    /** A sub-grant passed on by the grantee to a local association. */
    public record SubGrantInput(String recipient, String amount, String purpose) {
    }

    /** A recorded sub-grant with its simple proof of use. */
    public record SubGrant(long id, long applicationId, String recipient, Money amount, String purpose, Money spent, String report,
                           Instant createdAt) {
    }

    /** The simple proof of use of a sub-grant. */
    public record SubGrantProof(String spent, String report) {
    }

    /**
     * What the applicant reports at proof of use.
     *
     * @param report the factual report (Sachbericht)
     * @param totalCosts actual total costs
     * @param ownContribution actual own contribution
     * @param thirdPartyFunds actual third-party funds
     * @param personnelCosts actual personnel costs
     * @param placeMonths FSJ: months each place was filled, in the order of the application
     */
    public record Actuals(Report report, String totalCosts, String ownContribution, String thirdPartyFunds, String personnelCosts,
                          List<Integer> placeMonths) {
    }

    /** The factual report: text and counts. */
    public record Report(String text, Integer events, Integer participants, Integer volunteers, Integer strategiesDone, Integer strategiesOpen) {
    }

    /** Report per call and kind; counts of groups under the minimum are null. */
    public record CallReport(long callId, String title, Money budget, Kind kind, int applications, int approved, Money approvedAmount,
                             Money accepted, Integer events, Integer participants, Integer volunteers, Integer strategiesDone,
                             Integer strategiesOpen) {
    }

    /** Report per applicant in a call. */
    public record ApplicantReport(long callId, String applicantKey, Long providerId, int applications, Money approvedAmount,
                                  Money passedOn, Integer participants, Integer volunteers) {
    }
}
