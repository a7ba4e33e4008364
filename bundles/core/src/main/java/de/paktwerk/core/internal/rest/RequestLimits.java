package de.paktwerk.core.internal.rest;

import de.paktwerk.core.api.rest.PaktwerkRest;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import javax.annotation.Priority;
import javax.ws.rs.Priorities;
import javax.ws.rs.WebApplicationException;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.PreMatching;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

/** Refuses oversized request bodies with 413, by Content-Length and while streaming. */
@Component(service = ContainerRequestFilter.class)
@JaxrsExtension
@JaxrsName("paktwerk-limits")
@JaxrsApplicationSelect(PaktwerkRest.API_SELECT)
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class RequestLimits implements ContainerRequestFilter {

    /** Request property set when the body went over the limit while it was read. */
    static final String TOO_LARGE = "paktwerk.bodyTooLarge";

    /** Largest request body accepted: 1 MiB. */
    public static final int MAX_BODY_BYTES = 1024 * 1024;

    @Override
    public void filter(ContainerRequestContext ctx) {
        if (ctx.getLength() > MAX_BODY_BYTES) {
            ctx.abortWith(Problems.response(413, "Anfrage zu groß",
                    "Der Anfragekörper ist größer als erlaubt (" + MAX_BODY_BYTES / 1024 + " KiB)."));
            return;
        }
        if (ctx.hasEntity() && ctx.getLength() < 0) {
            // no Content-Length (chunked): read up to the limit first, so that an oversized body is 413 before any
            // reader sees it (a JSON reader would stop earlier at a long string and blame a field)
            try {
                byte[] body = ctx.getEntityStream().readNBytes(MAX_BODY_BYTES + 1);
                if (body.length > MAX_BODY_BYTES) {
                    ctx.abortWith(Problems.response(413, "Anfrage zu groß",
                            "Der Anfragekörper ist größer als erlaubt (" + MAX_BODY_BYTES / 1024 + " KiB)."));
                    return;
                }
                ctx.setEntityStream(new java.io.ByteArrayInputStream(body));
            } catch (IOException e) {
                ctx.abortWith(Problems.response(400, "Ungültige Eingabe", "Der Anfragekörper konnte nicht vollständig gelesen werden."));
            }
        } else if (ctx.hasEntity()) {
            ctx.setEntityStream(new Limited(ctx.getEntityStream(), ctx));
        }
    }

    /** Counts bytes and fails with 413 past the limit (chunked bodies have no Content-Length). */
    static final class Limited extends FilterInputStream {
        private long read;
        private final ContainerRequestContext ctx;

        Limited(InputStream in, ContainerRequestContext ctx) {
            super(in);
            this.ctx = ctx;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > MAX_BODY_BYTES) {
                // the JSON reader may wrap the exception beyond recognition: the request remembers it for the mapper
                ctx.setProperty(TOO_LARGE, Boolean.TRUE);
                throw new WebApplicationException(413);
            }
        }
    }
}
