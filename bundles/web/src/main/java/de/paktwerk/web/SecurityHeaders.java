package de.paktwerk.web;

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
 * Headers of every page and asset of the web interface: a Content-Security-Policy that allows only this server's
 * own scripts, styles and connections (no inline script or style, no framing), no MIME sniffing, no referrer, and
 * revalidation so that a module upgraded while the platform runs is fetched anew; over HTTPS, HSTS.
 */
@Component(service = Filter.class)
@HttpWhiteboardFilterName("paktwerk-web-headers")
@HttpWhiteboardFilterPattern("/ui/*")
public class SecurityHeaders implements Filter {

    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self';"
            + " font-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        if (response instanceof HttpServletResponse http) {
            http.setHeader("Content-Security-Policy", CSP);
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
