package de.paktwerk.core.internal.rest;

import de.paktwerk.core.api.rest.PaktwerkRest;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;
import javax.ws.rs.core.HttpHeaders;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

/**
 * Every answer of a Paktwerk API may carry personal data (cases, plans, managers' names, applications): no
 * browser, proxy or client cache may keep it. {@code Cache-Control: no-store} on every response of every
 * Paktwerk application; no MIME sniffing of what it answers ({@code X-Content-Type-Options: nosniff}), and over HTTPS
 * {@code Strict-Transport-Security} so that a browser that once came by HTTPS never falls back to HTTP.
 */
@Component(service = ContainerResponseFilter.class)
@JaxrsExtension
@JaxrsName("paktwerk-no-store")
@JaxrsApplicationSelect(PaktwerkRest.API_SELECT)
public class NoStoreFilter implements ContainerResponseFilter {

    static final String[] NOSNIFF = {"X-Content-Type-Options", "nosniff"};
    /** One year, as the HSTS preload list asks; subdomains are the operator's own business. */
    static final String[] HSTS = {"Strict-Transport-Security", "max-age=31536000"};

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, "no-store");
        response.getHeaders().putSingle("Pragma", "no-cache");
        response.getHeaders().putSingle(NOSNIFF[0], NOSNIFF[1]);
        if ("https".equalsIgnoreCase(request.getUriInfo().getRequestUri().getScheme())
                || request.getSecurityContext() != null && request.getSecurityContext().isSecure()) {
            response.getHeaders().putSingle(HSTS[0], HSTS[1]);
        }
    }
}
