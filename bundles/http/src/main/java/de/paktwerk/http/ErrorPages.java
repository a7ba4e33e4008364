package de.paktwerk.http;

import de.paktwerk.core.api.ProblemType;
import java.io.IOException;
import javax.servlet.RequestDispatcher;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletErrorPage;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * What the web server would answer with its own HTML page is {@code application/problem+json} with a German
 * detail: an address nothing is registered at (among them the API of a module that is not installed), and
 * the errors of the servlets in the default context (the error page for every 4xx and 5xx).
 */
@Component(service = Servlet.class)
@org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName("paktwerk-error-pages")
@HttpWhiteboardServletPattern("/")
@HttpWhiteboardServletErrorPage(errorPage = {"4xx", "5xx"})
public class ErrorPages extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Object code = req.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : 404;
        String path = req.getRequestURI() == null ? "" : req.getRequestURI();
        Object original = req.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (original != null) {
            path = original.toString();
        }
        write(resp, status, detail(status, path));
    }

    static String detail(int status, String path) {
        return switch (status) {
            case 400 -> "Die Anfrage ist ungültig (z. B. ein Steuerzeichen in der Adresse).";
            case 404 -> path.startsWith("/api/") && path.indexOf('/', 5) > 5 || path.matches("/api/[^/]+/?")
                    ? "Unter " + apiBase(path) + " ist derzeit keine Schnittstelle installiert."
                    : "Diese Adresse gibt es nicht. Die Schnittstellen liegen unter /api/, ihre Beschreibung unter /api/docs/index.html.";
            case 405 -> "Diese HTTP-Methode ist für diese Adresse nicht erlaubt.";
            case 414 -> "Die Adresse ist zu lang.";
            case 431 -> "Die Kopfzeilen der Anfrage sind zu groß.";
            default -> status >= 500 ? "Die Anfrage konnte nicht bearbeitet werden; es wurde nichts geändert."
                    : "Die Anfrage konnte nicht bearbeitet werden (HTTP " + status + ").";
        };
    }

    private static String apiBase(String path) {
        int end = path.indexOf('/', 5);
        String base = end < 0 ? path : path.substring(0, end);
        return base.length() > 60 ? base.substring(0, 60) + "…" : base;
    }

    static void write(HttpServletResponse resp, int status, String detail) throws IOException {
        ProblemType type = ProblemType.ofStatus(status);
        String title = type.status() == status ? type.title() : "Fehler";
        java.util.Map<String, Object> problem = new java.util.LinkedHashMap<>();
        problem.put("type", type.uri());
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        byte[] body = JSON.writeValueAsBytes(problem);
        resp.setStatus(status);
        resp.setContentType("application/problem+json");
        resp.setCharacterEncoding("UTF-8");
        resp.setHeader("Cache-Control", "no-store");
        resp.getOutputStream().write(body);
    }
}
