package de.paktwerk.core.internal.rest;

import de.paktwerk.core.api.rest.PaktwerkRest;
import javax.annotation.Priority;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.PreMatching;
import javax.ws.rs.core.HttpHeaders;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

/**
 * A body sent without {@code Content-Type} is refused with 415 before the JAX-RS runtime looks for a reader: it would
 * take the body for {@code application/octet-stream}, find no reader and log an ERROR with a stack trace for what is
 * the client's mistake, not the server's.
 */
@Component(service = ContainerRequestFilter.class)
@JaxrsExtension
@JaxrsName("paktwerk-body-without-type")
@JaxrsApplicationSelect(PaktwerkRest.API_SELECT)
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class BodyWithoutTypeFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext ctx) {
        String type = ctx.getHeaderString(HttpHeaders.CONTENT_TYPE);
        if ((type == null || type.isBlank()) && ctx.hasEntity()) {
            ctx.abortWith(Problems.response(415, "Falscher Medientyp",
                    "Der Anfragekörper braucht einen Content-Type, z. B. application/json."));
        }
    }
}
