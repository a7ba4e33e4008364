package de.paktwerk.core.internal.rest;

import de.paktwerk.core.api.InvalidInputException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import de.paktwerk.core.api.rest.Caller;
import javax.ws.rs.core.SecurityContext;

/** Parses query and path parameters with German errors (JAX-RS itself would answer 404 for a bad number). */
public final class Params {

    private Params() {
    }

    public static int intParam(String value, String name, int fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("Parameter '" + name + "' muss eine ganze Zahl sein, nicht '" + abbreviate(value) + "'.");
        }
    }

    public static long id(String value, String name) {
        try {
            long id = Long.parseLong(value.trim());
            if (id <= 0) {
                throw new NumberFormatException();
            }
            return id;
        } catch (NumberFormatException | NullPointerException e) {
            throw new InvalidInputException("'" + abbreviate(String.valueOf(value)) + "' ist keine gültige " + name + ".");
        }
    }

    public static LocalDate date(String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("Parameter '" + name + "' muss ein Datum JJJJ-MM-TT sein, nicht '" + abbreviate(value) + "'.");
        }
    }

    public static <E extends Enum<E>> E enumParam(Class<E> type, String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("Parameter '" + name + "' muss einer von " + java.util.Arrays.toString(type.getEnumConstants())
                    + " sein, nicht '" + abbreviate(value) + "'.");
        }
    }

    public static <T> T body(T body) {
        if (body == null) {
            throw new InvalidInputException("Der Anfragekörper fehlt (erwartet wird ein JSON-Objekt).");
        }
        return body;
    }

    public static String actor(SecurityContext sc) {
        return Caller.of(sc).name();
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
