package de.paktwerk.core.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.math.BigDecimal;

/**
 * An amount of euros, held as integer cents. Outside (JSON, console) it is a decimal string with two
 * places, e.g. {@code "35000000.00"}. Never a {@code double}.
 *
 * @param cents the amount in euro cents
 */
@io.swagger.v3.oas.annotations.media.Schema(type = "string", pattern = "^-?[0-9]{1,16}(\\.[0-9]{1,2})?$", example = "1234.50",
        description = "Betrag in Euro als Zeichenkette: ASCII-Ziffern, höchstens zwei Nachkommastellen nach einem Punkt")
public record Money(long cents) implements Comparable<Money> {

    /** Zero euros. */
    public static final Money ZERO = new Money(0);
    /** The largest amount Paktwerk accepts: 10 billion euros. Anything above is absurd for the pact. */
    public static final Money MAX = new Money(1_000_000_000_000L);

    /** Cents to money. */
    public static Money ofCents(long cents) {
        return new Money(cents);
    }

    /** Whole euros to money. */
    public static Money ofEuros(long euros) {
        return new Money(Math.multiplyExact(euros, 100L));
    }

    /** A plain ASCII decimal: optional minus, digits, optionally a point and one or two digits. */
    private static final java.util.regex.Pattern PLAIN = java.util.regex.Pattern.compile("-?[0-9]{1,16}(\\.[0-9]{1,2})?");

    /**
     * Parses a decimal euro amount with at most two decimal places ("1234.5", "1234.50", "1234"): plain ASCII
     * digits only — no exponent, no plus sign, no blanks, no leading or trailing point, no other digit systems.
     *
     * @throws InvalidInputException with a German message if the text is not such an amount or is out of range
     */
    @JsonCreator
    public static Money parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("Betrag fehlt.");
        }
        if (!PLAIN.matcher(text).matches()) {
            throw new InvalidInputException("Betrag '" + abbreviate(text) + "' ist kein Betrag: erwartet werden Ziffern mit höchstens zwei"
                    + " Nachkommastellen nach einem Punkt, ohne Leerzeichen, z. B. \"1234.50\".");
        }
        BigDecimal value = new BigDecimal(text);
        if (value.abs().compareTo(BigDecimal.valueOf(MAX.cents, 2)) > 0) {
            throw new InvalidInputException("Betrag '" + abbreviate(text) + "' ist unplausibel hoch.");
        }
        return new Money(value.movePointRight(2).longValueExact());
    }

    private static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }

    public Money plus(Money other) {
        return new Money(Math.addExact(cents, other.cents));
    }

    public Money minus(Money other) {
        return new Money(Math.subtractExact(cents, other.cents));
    }

    public boolean isNegative() {
        return cents < 0;
    }

    public boolean isPositive() {
        return cents > 0;
    }

    /** The smaller of two amounts. */
    public static Money min(Money a, Money b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    public static Money max(Money a, Money b) {
        return a.cents >= b.cents ? a : b;
    }

    @Override
    public int compareTo(Money other) {
        return Long.compare(cents, other.cents);
    }

    /** The decimal string with two places, e.g. {@code "35000000.00"}. */
    @JsonValue
    @Override
    public String toString() {
        return BigDecimal.valueOf(cents, 2).toPlainString();
    }

    /** German display form with thousands separators, e.g. {@code "35.000.000,00 €"}. */
    public String toGerman() {
        String plain = BigDecimal.valueOf(Math.abs(cents), 2).toPlainString();
        int dot = plain.indexOf('.');
        String euros = plain.substring(0, dot);
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < euros.length(); i++) {
            if (i > 0 && (euros.length() - i) % 3 == 0) {
                grouped.append('.');
            }
            grouped.append(euros.charAt(i));
        }
        return (cents < 0 ? "-" : "") + grouped + "," + plain.substring(dot + 1) + " €";
    }
}
