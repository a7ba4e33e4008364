package de.paktwerk.core.internal.rest;

import de.paktwerk.core.api.rest.PaktwerkRest;
import java.io.IOException;
import javax.annotation.Priority;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.PreMatching;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

/** Refuses oversized request bodies with 413: by Content-Length, and a body without one by reading it up to the limit. */
@Component(service = ContainerRequestFilter.class)
@JaxrsExtension
@JaxrsName("paktwerk-limits")
@JaxrsApplicationSelect(PaktwerkRest.API_SELECT)
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class RequestLimits implements ContainerRequestFilter {

    /** Largest request body accepted: 1 MiB. */
    public static final int MAX_BODY_BYTES = 1024 * 1024;

    @Override
    public void filter(ContainerRequestContext ctx) {
        if (ctx.getLength() > MAX_BODY_BYTES) {
            tooLarge(ctx);
            return;
        }
        if (ctx.hasEntity() && ctx.getLength() < 0) {
            // no Content-Length (chunked): read up to the limit first, so that an oversized body is 413 before any
            // reader sees it (a JSON reader would stop earlier at a long string and blame a field)
            try {
                byte[] body = ctx.getEntityStream().readNBytes(MAX_BODY_BYTES + 1);
                if (body.length > MAX_BODY_BYTES) {
                    tooLarge(ctx);
                    return;
                }
                ctx.setEntityStream(new java.io.ByteArrayInputStream(body));
            } catch (IOException e) {
                ctx.abortWith(Problems.response(400, "Ungültige Eingabe", "Der Anfragekörper konnte nicht vollständig gelesen werden."));
            }
        }
    }

    private static void tooLarge(ContainerRequestContext ctx) {
        ctx.abortWith(Problems.response(413, "Anfrage zu groß", "Der Anfragekörper ist größer als erlaubt (" + MAX_BODY_BYTES / 1024 + " KiB)."));
    }
}
