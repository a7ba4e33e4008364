package de.paktwerk.http;

import java.io.IOException;
import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardFilterName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardFilterPattern;

/**
 * Headers of every page and asset a browser opens: the web interface under {@code /ui/} and Swagger UI under
 * {@code /api/docs/}. A Content-Security-Policy that allows only this server's own scripts, styles and connections
 * (no inline script; no inline style in the web interface — Swagger UI sets styles from its script, so there they may
 * be inline), no framing, no MIME sniffing, no referrer, revalidation so that a module upgraded while the platform
 * runs is fetched anew, and over HTTPS HSTS.
 */
@Component(service = Filter.class)
@HttpWhiteboardFilterName("paktwerk-security-headers")
@HttpWhiteboardFilterPattern({"/ui/*", "/api/docs/*"})
public class SecurityHeaders implements Filter {

    static final String UI_CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self';"
            + " font-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    static final String DOCS_CSP = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:;"
            + " connect-src 'self'; font-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        if (response instanceof HttpServletResponse http && request instanceof HttpServletRequest req) {
            http.setHeader("Content-Security-Policy", req.getRequestURI().startsWith("/api/docs/") ? DOCS_CSP : UI_CSP);
            http.setHeader("X-Content-Type-Options", "nosniff");
            http.setHeader("Referrer-Policy", "no-referrer");
            http.setHeader("X-Frame-Options", "DENY");
            http.setHeader("Cache-Control", "no-cache");
            if (request.isSecure()) {
                http.setHeader("Strict-Transport-Security", "max-age=31536000");
            }
        }
        chain.doFilter(request, response);
    }
}
