package de.paktwerk.core.api;

/**
 * Events of the count survey, posted by the core through OSGi EventAdmin once the change is committed (for
 * notifications, e.g. telling a municipality that its report was given back). Subscribe on {@code de/paktwerk/survey/*}.
 * The properties carry counts and keys only, never the contact or a remark.
 *
 * @since 2.4
 */
public final class SurveyEvents {

    /** Topic prefix. */
    public static final String TOPIC_PREFIX = "de/paktwerk/survey/";
    /** A survey was opened. */
    public static final String OPENED = TOPIC_PREFIX + "OPENED";
    /** A body reported (or changed) its count, or its district entered one. */
    public static final String REPORTED = TOPIC_PREFIX + "REPORTED";
    /** A district confirmed a report. */
    public static final String CONFIRMED = TOPIC_PREFIX + "CONFIRMED";
    /** A district gave a report back. */
    public static final String RETURNED = TOPIC_PREFIX + "RETURNED";
    /** A survey was closed: its figures are key figures now. */
    public static final String CLOSED = TOPIC_PREFIX + "CLOSED";
    /** A figure of a closed survey was corrected. */
    public static final String CORRECTED = TOPIC_PREFIX + "CORRECTED";

    /** Property: the survey's id ({@code Long}). */
    public static final String SURVEY_ID = "surveyId";
    /** Property: the key-figure type ({@code String}). */
    public static final String KEY_FIGURE_TYPE = "keyFigureType";
    /** Property: the reference date ({@code String}, ISO). */
    public static final String REFERENCE_DATE = "referenceDate";
    /** Property: the body a report event concerns ({@code String}). */
    public static final String BODY_KEY = "bodyKey";
    /** Property: the count after a report event ({@code Long}). */
    public static final String VALUE = "value";

    private SurveyEvents() {
    }
}
