package de.paktwerk.core.internal.rest;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import de.paktwerk.core.api.PaktwerkException;
import de.paktwerk.core.api.rest.PaktwerkRest;
import java.util.stream.Collectors;
import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every exception into {@code application/problem+json} with a German {@code detail}. Unexpected
 * errors are logged with their stack trace on the server and answered with a plain 500 that names nothing
 * internal.
 */
@Component(service = ExceptionMapper.class)
@JaxrsExtension
@JaxrsName("paktwerk-problems")
@JaxrsApplicationSelect(PaktwerkRest.API_SELECT)
public class ProblemMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemMapper.class);
    /** Longest piece of a path parameter a problem repeats. */
    static final int MAX_ECHO = 100;

    @javax.ws.rs.core.Context
    private javax.ws.rs.core.UriInfo uriInfo;

    @Override
    public Response toResponse(Throwable exception) {
        Problem p = withoutLongEchoes(problem(exception));
        Response.ResponseBuilder rb = Response.status(p.status()).type(PaktwerkRest.PROBLEM_JSON).entity(p);
        if (p.status() == 503) {
            rb.header(javax.ws.rs.core.HttpHeaders.RETRY_AFTER, de.paktwerk.core.internal.db.Busy.RETRY_AFTER_SECONDS);
        }
        if (exception instanceof WebApplicationException wae) {
            wae.getResponse().getHeaders().forEach((name, values) -> {
                if (name.equalsIgnoreCase("WWW-Authenticate") || name.equalsIgnoreCase("Allow")) {
                    values.forEach(v -> rb.header(name, v));
                }
            });
        }
        return rb.build();
    }

    /** A path parameter is repeated in a detail with at most {@value #MAX_ECHO} characters. */
    private Problem withoutLongEchoes(Problem p) {
        if (p.detail() == null) {
            return p;
        }
        String detail = p.detail();
        try {
            if (uriInfo != null) {
                for (java.util.List<String> values : uriInfo.getPathParameters().values()) {
                    for (String v : values) {
                        if (v != null && v.length() > MAX_ECHO) {
                            detail = detail.replace(v, v.substring(0, MAX_ECHO) + "…");
                        }
                    }
                }
            }
        } catch (RuntimeException noRequest) {
            // outside a request: nothing to shorten
        }
        return detail.equals(p.detail()) ? p : new Problem(p.type(), p.title(), p.status(), detail, p.field());
    }

    static Problem problem(Throwable exception) {
        Throwable t = exception;
        // CXF wraps reader failures; look through the chain for something we can explain
        for (int depth = 0; t != null && depth < 8; depth++, t = t.getCause()) {
            if (t instanceof PaktwerkException pe) {
                return new Problem(pe.problemType().uri(), pe.title(), pe.status(), pe.getMessage(), field(pe));
            }
            if (t instanceof JsonProcessingException jpe) {
                return json(jpe);
            }
        }
        if (exception instanceof WebApplicationException wae) {
            return web(wae.getResponse().getStatus());
        }
        LOG.error("Unerwarteter Fehler bei einer REST-Anfrage", exception);
        return Problem.of(500, "Interner Fehler", "Die Anfrage konnte wegen eines internen Fehlers nicht bearbeitet werden."
                + " Es wurde nichts geändert; der Fehler ist protokolliert.");
    }

    private static Problem json(JsonProcessingException e) {
        String title = "Ungültige Eingabe";
        java.util.Optional<de.paktwerk.core.internal.json.PrintableText.Refused> refused = de.paktwerk.core.internal.json.PrintableText.refusal(e);
        if (refused.isPresent()) {
            de.paktwerk.core.internal.json.PrintableText.Refused r = refused.get();
            Problem p = Problem.of(400, title, r.detail());
            return r.field().isEmpty() ? p : new Problem(p.type(), p.title(), p.status(), p.detail(), r.field());
        }
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t != e && t instanceof JsonParseException inner && inner.getOriginalMessage() != null
                    && inner.getOriginalMessage().startsWith("Duplicate field '")) {
                return json(inner); // a key given twice inside a record: the parser's problem, not the record's
            }
        }
        if (e instanceof ValueInstantiationException vie && vie.getCause() instanceof PaktwerkException pe) {
            return new Problem(pe.problemType().uri(), pe.title(), pe.status(), pe.getMessage(), field(pe));
        }
        if (e instanceof StreamConstraintsException) {
            return Problem.of(400, title, "Der Anfragekörper überschreitet die erlaubte Schachtelungstiefe oder Länge.");
        }
        if (e instanceof UnrecognizedPropertyException upe) {
            String known = upe.getKnownPropertyIds() == null ? "" : upe.getKnownPropertyIds().stream()
                    .map(String::valueOf).sorted().collect(Collectors.joining(", "));
            return Problem.of(400, title, "Unbekanntes Feld '" + upe.getPropertyName() + "'." + (known.isEmpty() ? "" : " Erlaubt sind: " + known + "."));
        }
        if (e instanceof MismatchedInputException text && text.getTargetType() == String.class && !path(text).isEmpty()) {
            return atField(Problem.of(400, title, "Feld '" + path(text) + "' erwartet Text in Anführungszeichen (Beträge und Stellenanteile"
                    + " z. B. \"0.50\"), keine Zahl und keinen Wahrheitswert."), text);
        }
        if (e instanceof InvalidFormatException ife) {
            return atField(Problem.of(400, title, "Feld '" + path(ife) + "' hat einen ungültigen Wert '" + abbreviate(String.valueOf(ife.getValue()))
                    + "' (erwartet: " + typeName(ife.getTargetType()) + ")."), ife);
        }
        if (e instanceof JsonParseException dup && dup.getOriginalMessage() != null && dup.getOriginalMessage().startsWith("Duplicate field '")) {
            String name = dup.getOriginalMessage().substring("Duplicate field '".length());
            name = name.contains("'") ? name.substring(0, name.indexOf('\'')) : name;
            Problem p = Problem.of(de.paktwerk.core.api.ProblemType.DUPLICATE_FIELD,
                    "Feld '" + abbreviate(name) + "' kommt mehrfach vor; jedes Feld darf nur einmal angegeben werden.");
            return new Problem(p.type(), p.title(), p.status(), p.detail(), abbreviate(duplicatePath(dup, name)));
        }
        if (e instanceof MismatchedInputException mie) {
            String path = path(mie);

            if (path.isEmpty()) {
                return Problem.of(400, title, "Der Anfragekörper fehlt oder hat die falsche Form (erwartet wird ein JSON-Objekt).");
            }
            return atField(Problem.of(400, title, "Feld '" + path + "' hat den falschen Typ"
                    + (mie.getTargetType() == null ? "" : " (erwartet: " + typeName(mie.getTargetType()) + ")") + "."), mie);
        }
        if (e instanceof JsonMappingException jme && !path(jme).isEmpty()) {
            return atField(Problem.of(400, title, "Feld '" + path(jme) + "' ist ungültig."), jme);
        }
        if (e instanceof JsonParseException jpe && jpe.getLocation() != null) {
            return Problem.of(400, title, "Der Anfragekörper ist kein gültiges JSON (Zeile " + jpe.getLocation().getLineNr()
                    + ", Spalte " + jpe.getLocation().getColumnNr() + ").");
        }
        return Problem.of(400, title, "Der Anfragekörper ist kein gültiges JSON.");
    }

    private static String typeName(Class<?> type) {
        if (type == de.paktwerk.core.api.Money.class) {
            return "Betrag als Zeichenkette, z. B. \"1234.50\"";
        }
        if (type == java.time.LocalDate.class) {
            return "Datum im Format JJJJ-MM-TT";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "ganze Zahl";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true oder false";
        }
        if (type == String.class) {
            return "Zeichenkette";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "Liste";
        }
        if (type.isEnum()) {
            return "einer von " + java.util.Arrays.toString(type.getEnumConstants());
        }
        return "JSON-Objekt";
    }

    private static String path(JsonMappingException e) {
        return de.paktwerk.core.api.spi.Payloads.path(e);
    }

    /** The field of an invalid input exception, if it names one. */
    private static String field(PaktwerkException e) {
        return e instanceof de.paktwerk.core.api.InvalidInputException iie ? iie.field() : null;
    }

    /** The problem with the field path of a mapping error: {@code positions[0].fte}. */
    private static Problem atField(Problem p, JsonMappingException e) {
        String path = de.paktwerk.core.api.spi.Payloads.path(e);
        return new Problem(p.type(), p.title(), p.status(), p.detail(), path.isEmpty() ? null : abbreviate(path));
    }

    /** Where a key given twice is in the body, e.g. {@code payload.positions[0].fte}: from the parser's context. */
    static String duplicatePath(JsonParseException e, String name) {
        com.fasterxml.jackson.core.JsonParser parser = e.getProcessor();
        if (parser == null) {
            return name;
        }
        java.util.Deque<Object> segments = new java.util.ArrayDeque<>();
        segments.push(name);
        for (com.fasterxml.jackson.core.JsonStreamContext c = parser.getParsingContext().getParent(); c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                segments.push(c.getCurrentIndex());
            } else if (c.getCurrentName() != null) {
                segments.push(c.getCurrentName());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (Object segment : segments) {
            if (segment instanceof Integer index) {
                sb.append('[').append(index).append(']');
            } else {
                sb.append(sb.length() == 0 ? "" : ".").append(segment);
            }
        }
        return sb.toString();
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    private static Problem web(int status) {
        return switch (status) {
            case 400 -> Problem.of(400, "Ungültige Eingabe", "Die Anfrage ist ungültig.");
            case 401 -> Problem.of(401, "Anmeldung erforderlich", "Bitte melden Sie sich an (HTTP Basic oder API-Token).");
            case 403 -> Problem.of(403, "Nicht erlaubt", "Dafür fehlt Ihnen die Berechtigung.");
            case 404 -> Problem.of(404, "Nicht gefunden", "Diese Adresse gibt es nicht.");
            case 405 -> Problem.of(405, "Methode nicht erlaubt", "Diese HTTP-Methode ist für diese Adresse nicht erlaubt.");
            case 406 -> Problem.of(406, "Nicht annehmbar", "Antworten gibt es nur als application/json.");
            case 413 -> Problem.of(413, "Anfrage zu groß", "Der Anfragekörper ist größer als erlaubt (" + RequestLimits.MAX_BODY_BYTES / 1024 + " KiB).");
            case 415 -> Problem.of(415, "Falscher Medientyp", "Der Anfragekörper muss als application/json gesendet werden.");
            default -> status >= 500
                    ? Problem.of(status, "Interner Fehler", "Die Anfrage konnte nicht bearbeitet werden; es wurde nichts geändert.")
                    : Problem.of(status, "Fehler", "Die Anfrage konnte nicht bearbeitet werden (HTTP " + status + ").");
        };
    }
}
