package de.paktwerk.civicengagement.internal;

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
    public record CallInput(String title, String budget, LocalDate deadline, List<Eligible> eligible, List<Kind> kinds, String grantMin,
                            String grantMax, Integer minOwnSharePercent, Integer maxPersonnelSharePercent, LocalDate termStart,
                            LocalDate termEnd) {
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
    public record Payload(Long callId, Kind kind, List<DialogueInput> dialogues, AllianceInput alliance, ProjectInput project,
                          List<FsjPlaceInput> places, Boolean acceptsReduction) {
    }

    /** One neighbourhood dialogue: the social space, its civil-society partners, themes, method and grant. */
    public record DialogueInput(String socialSpace, List<String> partners, List<Theme> themes, Method method, String grant) {
    }

    /** An alliance for cohesion. */
    public record AllianceInput(Scale scale, List<Theme> themes, List<String> partners, String grant) {
    }

    /** A project with its financing plan. */
    public record ProjectInput(String title, String totalCosts, String ownContribution, String thirdPartyFunds, String personnelCosts,
                               String grant, LocalDate start, LocalDate end) {
    }

    /** An FSJ place for a young refugee, at a host organisation (the applying provider). */
    public record FsjPlaceInput(String volunteerRef, Integer birthYear, LocalDate start, Integer months) {
    }

    /** What {@code POST /pricing} answers. */
    public record Pricing(Money total, List<LineItem> lines) {
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
