package de.paktwerk.core.api;

/**
 * One line of an assessment or settlement as it appears in a decision letter: what was counted, at which amount.
 *
 * @param kind what the line stands for
 * @param label German text, e.g. "Personalkosten Stelle 1 (0,75 VZÄ)"
 * @param amount its amount (a deduction such as an own contribution is given as a positive amount of kind
 *        {@link Kind#OWN_CONTRIBUTION} or {@link Kind#CAP_APPLIED})
 * @since 2.0
 */
public record LineItem(Kind kind, String label, Money amount) {

    /** What a line stands for. */
    public enum Kind {
        /** Eligible costs (förderfähige Ausgaben). */
        ELIGIBLE_COSTS,
        /** A fixed rate (Festbetrag, Pauschale) times a quantity. */
        RATE,
        /** The applicant's own contribution (Eigenanteil), deducted. */
        OWN_CONTRIBUTION,
        /** A cap that cut the amount (Höchstbetrag, share or budget), deducted. */
        CAP_APPLIED,
        /** Anything else, for information. */
        NOTE
    }

    public LineItem {
        if (kind == null || label == null || label.isBlank() || amount == null || amount.isNegative()) {
            throw new IllegalArgumentException("a line item needs a kind, a label and a non-negative amount");
        }
    }
}
