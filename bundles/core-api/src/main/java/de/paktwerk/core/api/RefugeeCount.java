package de.paktwerk.core.api;

import java.time.LocalDate;

/**
 * Refugees in follow-up accommodation (Anschlussunterbringung) in one municipality at one reference date.
 *
 * @param municipalityKey official key
 * @param referenceDate Stichtag
 * @param refugees number of persons
 * @param synthetic true for generated demo figures (shown as "synthetisch")
 */
public record RefugeeCount(String municipalityKey, java.time.LocalDate referenceDate, long refugees, boolean synthetic) {
    public RefugeeCount {
        if (refugees < 0) {
            throw new InvalidInputException("Anzahl Geflüchteter darf nicht negativ sein.");
        }
    }

    /** Convenience for a reference date. */
    public static RefugeeCount of(String key, LocalDate date, long refugees) {
        return new RefugeeCount(key, date, refugees, false);
    }
}
