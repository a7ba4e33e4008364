package de.paktwerk.core.api;

/**
 * How a funding area turns money into grants; the core's lifecycle is the same for all, what differs is which of
 * the optional plug services ({@code de.paktwerk.core.api.spi}) the area registers.
 *
 * @since 2.0
 */
public enum Instrument {
    /** A share per body by a distribution key; approvals never exceed the body's share (Integrationsmanagement). */
    KEY_BASED_SHARE("Anteil nach Verteilungsschlüssel"),
    /** A fixed rate or capped share per funded position (e.g. 16.700,00 € je Vollzeitstelle). */
    RATE_PER_POSITION("Festbetrag oder gedeckelter Anteil je Stelle"),
    /** Approved up front, the final amount follows the actuals at proof of use (e.g. teaching units delivered). */
    SETTLEMENT_ON_ACTUALS("Abrechnung nach tatsächlicher Leistung"),
    /** A call with a budget and a deadline; a jury ranks, approvals in rank order until the call budget is spent. */
    COMPETITIVE_CALL("Wettbewerblicher Aufruf");

    private final String german;

    Instrument(String german) {
        this.german = german;
    }

    /** German name for people. */
    public String german() {
        return german;
    }
}
