package de.paktwerk.jetty;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * Jetty's answer to a request it cannot parse (no context sees it): {@code application/problem+json} with a
 * German detail instead of an HTML page. The texts are fixed; nothing of the request is repeated.
 */
public class ProblemErrorHandler extends ErrorHandler {

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields fields) {
        if (HttpStatus.hasNoBody(status)) {
            return null;
        }
        fields.put(HttpHeader.CONTENT_TYPE, "application/problem+json");
        fields.put(HttpHeader.CACHE_CONTROL, "no-store");
        return ByteBuffer.wrap(problem(status).getBytes(StandardCharsets.UTF_8));
    }

    /** The problem document of a status Jetty refuses a request with (fixed texts, no request data). */
    static String problem(int status) {
        String type;
        String title;
        String detail;
        switch (status) {
            case 414 -> {
                type = "invalid-input";
                title = "Adresse zu lang";
                detail = "Die Adresse ist zu lang.";
            }
            case 431 -> {
                type = "invalid-input";
                title = "Kopfzeilen zu groß";
                detail = "Die Kopfzeilen der Anfrage sind zu groß.";
            }
            case 413 -> {
                type = "body-too-large";
                title = "Anfrage zu groß";
                detail = "Die Anfrage ist größer als erlaubt.";
            }
            default -> {
                type = status >= 500 ? "internal" : "invalid-input";
                title = status >= 500 ? "Interner Fehler" : "Ungültige Anfrage";
                detail = status >= 500 ? "Die Anfrage konnte nicht bearbeitet werden; es wurde nichts geändert."
                        : "Die Anfrage ist ungültig und wurde nicht bearbeitet (z. B. ein Steuerzeichen in der Adresse).";
            }
        }
        return "{\"type\":\"urn:paktwerk:problem:" + type + "\",\"title\":\"" + title + "\",\"status\":" + status
                + ",\"detail\":\"" + detail + "\"}";
    }
}
