package de.paktwerk.core.internal.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import de.paktwerk.core.api.rest.PaktwerkRest;
import de.paktwerk.core.internal.json.Json;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import javax.annotation.Priority;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

/**
 * {@code Idempotency-Key} on POST for every Paktwerk application: the request and its stored answer are one
 * transaction, so a retry with the same key and body gets the first answer without the request being applied
 * twice, and a request that failed or was not committed leaves no trace; the same key with another body is
 * refused with 422 — the request is its method, path, query string and body. An answer of 4xx is not stored (nothing was changed), so a corrected retry may run.
 */
@Component(service = {ContainerRequestFilter.class, ContainerResponseFilter.class})
@JaxrsExtension
@JaxrsName("paktwerk-idempotency")
@JaxrsApplicationSelect(PaktwerkRest.API_SELECT)
@Priority(Priorities.USER)
public class IdempotencyFilter implements ContainerRequestFilter, ContainerResponseFilter {

    static final String CLAIMED = "paktwerk.idempotency.key";
    static final int MAX_KEY = 200;

    private final IdempotencyStore store;

    @Activate
    public IdempotencyFilter(@Reference IdempotencyStore store) {
        this.store = store;
    }

    @Override
    public void filter(ContainerRequestContext ctx) {
        String key = ctx.getHeaderString(PaktwerkRest.IDEMPOTENCY_KEY);
        if (key == null || !"POST".equals(ctx.getMethod())) {
            return;
        }
        if (key.isBlank() || key.length() > MAX_KEY) {
            ctx.abortWith(Problems.response(400, "Ungültige Eingabe", "Der Idempotency-Key muss 1 bis " + MAX_KEY + " Zeichen lang sein."));
            return;
        }
        byte[] body;
        try {
            body = ctx.hasEntity() ? ctx.getEntityStream().readAllBytes() : new byte[0];
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ctx.setEntityStream(new ByteArrayInputStream(body));
        String user = ctx.getSecurityContext() == null || ctx.getSecurityContext().getUserPrincipal() == null ? ""
                : ctx.getSecurityContext().getUserPrincipal().getName();
        String scopedKey = user + "|" + key;
        String hash = hash(ctx.getMethod(), ctx.getUriInfo().getRequestUri().getRawPath(), ctx.getUriInfo().getRequestUri().getRawQuery(), body);
        Optional<IdempotencyStore.Entry> earlier = store.find(scopedKey);
        if (earlier.isEmpty()) {
            try {
                if (store.begin(scopedKey, hash)) {
                    ctx.setProperty(CLAIMED, scopedKey);
                    return;
                }
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException("Idempotency-Key nicht speicherbar", e);
            }
            // a concurrent request with this key committed meanwhile
            earlier = store.find(scopedKey);
        }
        if (earlier.isEmpty()) {
            ctx.abortWith(Problems.response(409, "Anfrage in Bearbeitung",
                    "Eine Anfrage mit diesem Idempotency-Key wird gerade bearbeitet; bitte später erneut versuchen."));
            return;
        }
        IdempotencyStore.Entry e = earlier.get();
        if (!e.requestHash().equals(hash)) {
            ctx.abortWith(Problems.response(422, "Idempotency-Key wiederverwendet",
                    "Dieser Idempotency-Key wurde bereits für eine andere Anfrage verwendet."));
        } else {
            ctx.abortWith(Response.status(e.status()).type(e.contentType()).entity(e.body())
                    .header("Idempotent-Replayed", "true").build());
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object key = request.getProperty(CLAIMED);
        if (!(key instanceof String scopedKey)) {
            return;
        }
        if (response.getStatus() >= 400) {
            store.rollback(); // the request changed nothing; a retry with the key may run again
            return;
        }
        MediaType type = response.getMediaType() == null ? MediaType.APPLICATION_JSON_TYPE : response.getMediaType();
        String body;
        try {
            Object entity = response.getEntity();
            body = entity == null ? null : entity instanceof String s ? s : Json.mapper().writeValueAsString(entity);
        } catch (JsonProcessingException ex) {
            store.rollback();
            failed(response);
            return;
        }
        if (!store.commit(scopedKey, response.getStatus(), type.toString(), body)) {
            failed(response); // never acknowledge what did not commit
        }
    }

    private static void failed(ContainerResponseContext response) {
        response.setStatus(500);
        response.getHeaders().putSingle("Content-Type", de.paktwerk.core.api.rest.PaktwerkRest.PROBLEM_JSON);
        response.setEntity(Problem.of(500, "Interner Fehler", "Die Anfrage wurde nicht gespeichert; es wurde nichts geändert."));
    }

    /** The identity of a request: method, path, query (as sent) and body; the same key with another one is refused. */
    static String hash(String method, String path, String query, byte[] body) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (String part : new String[] {method, path, query == null ? "" : "?" + query}) {
                md.update(part.getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
            }
            md.update(body);
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
