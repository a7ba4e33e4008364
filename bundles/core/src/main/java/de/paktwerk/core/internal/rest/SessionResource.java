package de.paktwerk.core.internal.rest;

import de.paktwerk.core.api.rest.Caller;
import de.paktwerk.core.internal.security.SessionTokens;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.responses.ApiResponses;
import java.time.Instant;
import java.util.List;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * Sessions of the web interface: log in with HTTP Basic once, then use the returned token as
 * {@code Authorization: Bearer}. Nothing is set as a cookie, so no other site can make the browser act for the
 * user (no CSRF).
 */
@io.swagger.v3.oas.annotations.tags.Tag(name = "session")
@Component(service = SessionResource.class)
@JaxrsResource
@JaxrsApplicationSelect(CoreApplication.SELECT)
@JSONRequired
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class SessionResource {

    /** A session just opened; the token is shown only here. */
    public record SessionView(String token, String user, List<String> roles, Instant expiresAt) {
    }

    /** Who is logged in and with which roles and scopes. */
    public record Me(String user, List<String> roles) {
    }

    private final SessionTokens sessions;

    @Activate
    public SessionResource(@Reference SessionTokens sessions) {
        this.sessions = sessions;
    }

    @POST
    @Path("session")
    @Operation(operationId = "openSession", summary = "Anmelden (HTTP Basic) und ein Sitzungs-Token erhalten")
    @ApiResponses({@ApiResponse(responseCode = "201", description = "angemeldet", useReturnTypeSchema = true)})
    public Response open(@Context SecurityContext sc) {
        Caller caller = Caller.of(sc);
        SessionTokens.NewSession s = sessions.open(caller.name());
        return Response.status(201).entity(new SessionView(s.token(), caller.name(), sorted(caller), s.expiresAt())).build();
    }

    @GET
    @Path("session")
    @Operation(operationId = "getSession", summary = "Angemeldeter Benutzer mit Rollen")
    public Me me(@Context SecurityContext sc) {
        Caller caller = Caller.of(sc);
        return new Me(caller.name(), sorted(caller));
    }

    @DELETE
    @Path("session")
    @Operation(operationId = "closeSession", summary = "Abmelden: das Sitzungs-Token gilt nicht mehr")
    @ApiResponses({@ApiResponse(responseCode = "204", description = "abgemeldet")})
    public Response close(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @Context SecurityContext sc) {
        Caller.of(sc);
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            sessions.close(authorization.substring(7).trim());
        }
        return Response.noContent().build();
    }

    private static List<String> sorted(Caller caller) {
        return caller.roles().stream().sorted().toList();
    }
}
