package de.paktwerk.core.api;

/**
 * The stable causes of a refusal, each with a URI that REST clients can rely on (the {@code type} of an
 * {@code application/problem+json} answer) and the HTTP status it comes with. New causes may be added in a
 * minor version; a URI never changes its meaning.
 *
 * @since 1.1
 */
public enum ProblemType {
    INVALID_INPUT("invalid-input", 400, "Ungültige Eingabe"),
    DUPLICATE_FIELD("duplicate-field", 400, "Feld mehrfach angegeben"),
    UNAUTHENTICATED("unauthenticated", 401, "Anmeldung erforderlich"),
    FORBIDDEN("forbidden", 403, "Nicht erlaubt"),
    SEPARATION_OF_DUTIES("separation-of-duties", 403, "Trennung der Aufgaben"),
    FOUR_EYES("four-eyes", 403, "Vier-Augen-Prinzip"),
    NOT_FOUND("not-found", 404, "Nicht gefunden"),
    METHOD_NOT_ALLOWED("method-not-allowed", 405, "Methode nicht erlaubt"),
    NOT_ACCEPTABLE("not-acceptable", 406, "Nicht annehmbar"),
    CONFLICT("conflict", 409, "Konflikt mit dem aktuellen Zustand"),
    ILLEGAL_TRANSITION("illegal-transition", 409, "Unzulässiger Zustandswechsel"),
    BUDGET_EXHAUSTED("budget-exhausted", 409, "Budget ausgeschöpft"),
    SHARE_EXCEEDED("share-exceeded", 409, "Anteil überschritten"),
    AREA_NOT_INSTALLED("area-not-installed", 409, "Förderbereich nicht installiert"),
    IDEMPOTENCY_KEY_REUSED("idempotency-key-reused", 422, "Idempotency-Key mit anderem Inhalt"),
    /**
     * Well-formed, but a rule of the funding programme is not met (e.g. more schools per position than allowed, an
     * application after the deadline).
     *
     * @since 2.1
     */
    RULE_VIOLATED("rule-violated", 422, "Förderregel nicht erfüllt"),
    BODY_TOO_LARGE("body-too-large", 413, "Anfrage zu groß"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", 415, "Falscher Medientyp"),
    TOO_MANY_LOGINS("too-many-logins", 429, "Zu viele fehlgeschlagene Anmeldungen"),
    INTERNAL("internal", 500, "Interner Fehler"),
    UNAVAILABLE("unavailable", 503, "Vorübergehend nicht verfügbar");

    /** Prefix of every Paktwerk problem type URI. */
    public static final String URI_PREFIX = "urn:paktwerk:problem:";

    private final String slug;
    private final int status;
    private final String title;

    ProblemType(String slug, int status, String title) {
        this.slug = slug;
        this.status = status;
        this.title = title;
    }

    /** The stable URI, e.g. {@code urn:paktwerk:problem:budget-exhausted}. */
    public String uri() {
        return URI_PREFIX + slug;
    }

    public int status() {
        return status;
    }

    /** German title. */
    public String title() {
        return title;
    }

    /** The general type of a status, for answers that have no more specific cause. */
    public static ProblemType ofStatus(int status) {
        for (ProblemType t : values()) {
            if (t.status == status) {
                return t; // the first of each status is its general type
            }
        }
        return status >= 500 ? INTERNAL : INVALID_INPUT;
    }
}
