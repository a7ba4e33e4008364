package de.paktwerk.http;

import java.io.IOException;
import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletResponse;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardFilterName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardFilterPattern;

/**
 * Headers of Swagger UI under {@code /api/docs/}: a Content-Security-Policy that allows only this server's own scripts
 * and connections and no framing, no MIME sniffing, no referrer, and over HTTPS HSTS. Swagger UI sets styles from its
 * script, so styles may be inline on these pages (never scripts).
 */
@Component(service = Filter.class)
@HttpWhiteboardFilterName("paktwerk-docs-headers")
@HttpWhiteboardFilterPattern("/api/docs/*")
public class DocsHeaders implements Filter {

    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:;"
            + " connect-src 'self'; font-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        if (response instanceof HttpServletResponse http) {
            http.setHeader("Content-Security-Policy", CSP);
            http.setHeader("X-Content-Type-Options", "nosniff");
            http.setHeader("X-Frame-Options", "DENY");
            http.setHeader("Referrer-Policy", "no-referrer");
            if (request.isSecure()) {
                http.setHeader("Strict-Transport-Security", "max-age=31536000");
            }
        }
        chain.doFilter(request, response);
    }
}
