package de.paktwerk.core.api;

import java.util.List;

/**
 * What a funding area computed for an application (at submission) or a proof of use (settlement): the lines
 * and the resulting amount.
 *
 * @param items the lines, in the order a letter shows them
 * @param amount the eligible amount (at assessment) or the accepted amount (at settlement); not negative
 * @since 2.0
 */
public record Assessment(List<LineItem> items, Money amount) {

    public Assessment {
        items = items == null ? List.of() : List.copyOf(items);
        if (amount == null || amount.isNegative()) {
            throw new IllegalArgumentException("an assessment needs a non-negative amount");
        }
    }

    /** An assessment of one line. */
    public static Assessment of(LineItem.Kind kind, String label, Money amount) {
        return new Assessment(List.of(new LineItem(kind, label, amount)), amount);
    }
}
