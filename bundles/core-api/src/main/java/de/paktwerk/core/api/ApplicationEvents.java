package de.paktwerk.core.api;

/**
 * Lifecycle events of applications, posted by the core through OSGi EventAdmin once the change is committed, so a
 * funding area can turn them into its own records (e.g. funded positions linked to a decision). Subscribe with an
 * {@code org.osgi.service.event.EventHandler} on {@code de/paktwerk/application/*} and filter on
 * {@link #AREA_ID} (event filter {@code (areaId=my-area)}). Events are delivered asynchronously and are not stored:
 * a handler that must not miss one (its bundle was stopped meanwhile) reconciles from the core's records on start.
 *
 * @since 2.0
 */
public final class ApplicationEvents {

    /** Topic prefix. */
    public static final String TOPIC_PREFIX = "de/paktwerk/application/";
    /** An application was submitted. */
    public static final String SUBMITTED = TOPIC_PREFIX + "SUBMITTED";
    /** A decision came into force (directly, or when the second approver confirmed it). */
    public static final String DECIDED = TOPIC_PREFIX + "DECIDED";
    /**
     * A decision in force was changed (Änderungsbescheid): {@link #AMOUNT_CENTS} is the amount approved from now on,
     * {@link #DECISION_NUMBER} the number of the change.
     *
     * @since 2.2
     */
    public static final String AMENDED = TOPIC_PREFIX + "AMENDED";
    /** The proof of use was settled (accepted amount, reclaim, release). */
    public static final String SETTLED = TOPIC_PREFIX + "SETTLED";
    /** The applicant withdrew the application. */
    public static final String WITHDRAWN = TOPIC_PREFIX + "WITHDRAWN";

    /** Property: application id ({@code Long}). */
    public static final String APPLICATION_ID = "applicationId";
    /** Property: funding area id ({@code String}). */
    public static final String AREA_ID = "areaId";
    /** Property: official key of the applicant ({@code String}). */
    public static final String APPLICANT_KEY = "applicantKey";
    /** Property: funding period ({@code String}). */
    public static final String PERIOD_ID = "periodId";
    /** Property: the state after the event ({@code String}, an {@link ApplicationState} name). */
    public static final String STATE = "state";
    /** Property: the amount in cents ({@code Long}): approved at DECIDED, accepted at SETTLED, else requested. */
    public static final String AMOUNT_CENTS = "amountCents";
    /** Property: the decision number ({@code String}), at DECIDED and AMENDED only. */
    public static final String DECISION_NUMBER = "decisionNumber";

    private ApplicationEvents() {
    }
}
