package de.paktwerk.core.api;

import java.time.LocalDate;

/**
 * One figure of a distribution key for one body at one reference date: refugees in follow-up accommodation,
 * population, pupils … A key is the set of figures of one type at one date.
 *
 * @param type what is counted, e.g. {@link #REFUGEES} or {@link #POPULATION}; lower case, digits and hyphens
 * @param bodyKey official key of the municipality, Stadtkreis or Landkreis
 * @param referenceDate Stichtag
 * @param value the count, never negative
 * @param synthetic true for generated demo figures (shown as "synthetisch")
 * @since 2.0
 */
public record KeyFigure(String type, String bodyKey, LocalDate referenceDate, long value, boolean synthetic) {

    /** Refugees in follow-up accommodation (Anschlussunterbringung): "Geld folgt Flüchtling". */
    public static final String REFUGEES = "refugees";
    /** Inhabitants (e.g. the 2022 Ukraine top-up was shared by population). */
    public static final String POPULATION = "population";

    public KeyFigure {
        if (type == null || !type.matches("[a-z][a-z0-9-]{0,31}")) {
            throw new InvalidInputException("Die Art der Kennzahl (type) besteht aus Kleinbuchstaben, Ziffern und Bindestrichen"
                    + " (höchstens 32 Zeichen), z. B. refugees.");
        }
        if (value < 0) {
            throw new InvalidInputException("Eine Kennzahl darf nicht negativ sein.");
        }
    }

    /** A real (not synthetic) figure. */
    public static KeyFigure of(String type, String bodyKey, LocalDate referenceDate, long value) {
        return new KeyFigure(type, bodyKey, referenceDate, value, false);
    }
}
