package de.paktwerk.core.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The count survey (Erhebung, § 29d FAG) from which "money follows the refugee" gets its numbers: the office opens a
 * survey for a key-figure type and reference date; every Gemeinde and Stadtkreis reports its count; the Landkreis
 * confirms its municipalities' reports (or gives one back with a reason, or enters a count for a municipality that did
 * not report), a Stadtkreis confirms its own; the office closes the survey, naming how those still missing are counted,
 * and the confirmed figures become the key figures of that date, with the survey as their provenance. After closing,
 * a count changes only as a correction with a reason until the end of corrections.
 *
 * <p>Who may do what is decided here from the actor's current roles: the office (approver or statistics) opens,
 * closes and sees everything; a user scoped to a body reports for it; a user scoped to a Landkreis confirms, gives
 * back and enters for the municipalities of that district. Counts are not personal data; the contact is, and never
 * enters the audit chain.
 *
 * @since 2.4
 */
@ProviderType
public interface SurveyService {

    /** A survey is open for reports until the office closes it. */
    enum State { OPEN, CLOSED }

    /** Where a body's report stands. */
    enum ReportState {
        /** nothing reported yet */
        MISSING,
        /** reported, waiting for the district's confirmation */
        REPORTED,
        /** given back by the district with a reason; the municipality reports again */
        RETURNED,
        /** confirmed by the district (or by the Stadtkreis itself), or entered by the district */
        CONFIRMED,
        /** not reported; counted at closing as the office decided (0 or the last closed figure) */
        ASSUMED
    }

    /** How the office counts a body that did not report when it closes the survey. */
    enum Assumption { ZERO, LAST }

    /**
     * A survey.
     *
     * @param keyFigureType what is counted, e.g. {@link KeyFigure#REFUGEES}
     * @param referenceDate the Stichtag counted at
     * @param cohort who is counted, in words
     * @param reportDeadline the districts report by this day
     * @param correctionsUntil corrections after closing only until this day
     * @param corrections how many corrections were made after closing
     */
    record Survey(long id, String keyFigureType, LocalDate referenceDate, String cohort, LocalDate reportDeadline,
                  LocalDate correctionsUntil, State state, int corrections, String openedBy, Instant openedAt,
                  String closedBy, Instant closedAt) {
    }

    /** What the office opens; null deadlines default to 15 October and 31 December of the reference date's year. */
    record Opening(String keyFigureType, LocalDate referenceDate, String cohort, LocalDate reportDeadline, LocalDate correctionsUntil) {
    }

    /** A count as a body reports it (or a district enters it): counts only, no personal data of those counted. */
    record Count(Long value, String contact, String remark) {
    }

    /**
     * A body's report.
     *
     * @param flags plausibility notes for the district (e.g. a large change against the last closed survey)
     * @param enteredByDistrict the district entered the count because the municipality did not report
     * @param assumption at closing: how a missing body was counted and why
     */
    record Report(long surveyId, String bodyKey, String bodyName, String districtKey, ReportState state, Long value,
                  boolean enteredByDistrict, String contact, String remark, String returnReason, List<String> flags,
                  String reportedBy, Instant reportedAt, String confirmedBy, Instant confirmedAt, String assumption) {
    }

    /** Completeness of one district (or, with a null key, of the whole state). */
    record Tally(String districtKey, String districtName, int bodies, int reported, int returned, int confirmed, int missing) {
    }

    /** A body the office names at closing, how it is counted and why. */
    record Missing(String bodyKey, Assumption countedAs, String reason) {
    }

    /** A correction after closing. */
    record Correction(String bodyKey, Long value, String reason) {
    }

    /** What a correction changed: the report as it is now, the figure before, and the key figure now in force. */
    record Corrected(Report report, long previous, KeyFigure figure) {
    }

    /** Opens a survey; one per key-figure type and reference date. */
    Survey open(Opening opening, String actor);

    /** All surveys, newest reference date first. */
    List<Survey> surveys();

    Survey get(long id);

    /** The survey of a key, if there is one: a FINAL run needs it closed. */
    Optional<Survey> of(String keyFigureType, LocalDate referenceDate);

    /**
     * The reports the actor may see (the office all, a district its municipalities, a body its own), missing bodies
     * included, by name; filtered by district, state and a part of the name or the start of the key.
     */
    Page<Report> reports(long id, String districtKey, ReportState state, String text, String actor, int offset, int limit);

    /** One body's report, if the actor may see it. */
    Report report(long id, String bodyKey, String actor);

    /**
     * Reports (or changes) a body's count while the survey is open and the district has not confirmed it. By the
     * body's own user; by the district's user for a municipality that did not report (then confirmed and marked as
     * entered). A count above the body's population is refused.
     */
    Report submit(long id, String bodyKey, Count count, String actor);

    /** The district (or a Stadtkreis for itself) confirms a reported count. */
    Report confirm(long id, String bodyKey, String actor);

    /** The district gives a report back with a reason the municipality sees. */
    Report giveBack(long id, String bodyKey, String reason, String actor);

    /** Completeness per district, the whole state last. */
    List<Tally> progress(long id);

    /**
     * Closes the survey: refused while a body has no confirmed count, unless the office names it in {@code missing}
     * with how it is counted and why. The figures become key figures of the survey's type and date.
     */
    Survey close(long id, List<Missing> missing, String actor);

    /** After closing: changes one body's figure with a reason until the end of corrections. */
    Corrected correct(long id, Correction correction, String actor);
}
