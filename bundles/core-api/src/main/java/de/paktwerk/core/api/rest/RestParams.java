package de.paktwerk.core.api.rest;

import de.paktwerk.core.api.InvalidInputException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

/**
 * Parameter parsing for Paktwerk resources, with German errors: JAX-RS itself would answer a bad number in a
 * query parameter with 404 and no explanation.
 */
public final class RestParams {

    private RestParams() {
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

    /** A positive id; {@code name} is the German noun, e.g. "Antragsnummer". */
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

    public static Long optionalId(String value, String name) {
        return value == null || value.isBlank() ? null : id(value, name);
    }

    public static String optional(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    public static LocalDate date(String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("Parameter '" + name + "' muss ein Datum JJJJ-MM-TT sein, nicht '" + abbreviate(value) + "'.", name);
        }
    }

    public static <E extends Enum<E>> E enumParam(Class<E> type, String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("Parameter '" + name + "' muss einer von " + Arrays.toString(type.getEnumConstants())
                    + " sein, nicht '" + abbreviate(value) + "'.");
        }
    }

    /** The request body, or a German 400 if it is missing. */
    public static <T> T body(T body) {
        if (body == null) {
            throw new InvalidInputException("Der Anfragekörper fehlt (erwartet wird ein JSON-Objekt).");
        }
        return body;
    }

    /** Serves an OpenAPI document generated at build time into the bundle, or 404 if the build left it out. */
    public static Response openApi(Class<?> bundleClass, String resource) {
        InputStream in = bundleClass.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            return Response.status(404).type(PaktwerkRest.PROBLEM_JSON)
                    .entity("{\"type\":\"" + de.paktwerk.core.api.ProblemType.NOT_FOUND.uri() + "\",\"title\":\"Nicht gefunden\",\"status\":404,"
                            + "\"detail\":\"Das OpenAPI-Dokument ist in diesem Build nicht enthalten.\"}").build();
        }
        return Response.ok(in, MediaType.APPLICATION_JSON).build();
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
