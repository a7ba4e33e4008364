package de.paktwerk.core.internal.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.responses.ApiResponses;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;

import de.paktwerk.core.api.rest.RestParams;
import de.paktwerk.core.api.AuditEntry;
import de.paktwerk.core.api.AuditLog;
import de.paktwerk.core.api.AuditVerification;
import de.paktwerk.core.api.FundingAreas;
import de.paktwerk.core.api.InvalidInputException;
import java.util.List;
import javax.annotation.security.PermitAll;
import javax.annotation.security.RolesAllowed;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/** The installed funding areas, the audit log and the OpenAPI document. */
@io.swagger.v3.oas.annotations.tags.Tag(name = "platform")
@Component(service = PlatformResource.class)
@JaxrsResource
@JaxrsApplicationSelect(CoreApplication.SELECT)
@JSONRequired
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class PlatformResource {

    /** An installed funding area as listed. */
    /**
     * An installed area as the web interface shows it.
     *
     * @param termKind the kind of term its applications are for ({@code SCHOOL_YEAR} …), absent if for the funding period
     * @param termTitle its German name for the form, e.g. "Schuljahr"
     */
    public record AreaView(String id, String title, String instrument, String approvalOffice, int payloadSchemaVersion,
                           String distributionKey,
                           @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL) String termKind,
                           @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL) String termTitle) {
    }

    private static String termTitle(de.paktwerk.core.api.Term.Kind kind) {
        return kind == null ? null : switch (kind) {
            case SCHOOL_YEAR -> "Schuljahr";
            case COURSE_PERIOD -> "Kursperiode";
            case CALENDAR_YEAR -> "Kalenderjahr";
            case CALL_TERM -> null;
        };
    }

    private final de.paktwerk.core.internal.area.FundingAreaTracker areas;
    private final de.paktwerk.core.internal.application.ApprovalSettings approval;
    private final AuditLog audit;
    private final de.paktwerk.core.internal.db.CoreDatabase database;

    @Activate
    public PlatformResource(@Reference de.paktwerk.core.internal.area.FundingAreaTracker areas,
                            @Reference de.paktwerk.core.internal.application.ApprovalSettings approval, @Reference AuditLog audit,
                            @Reference de.paktwerk.core.internal.db.CoreDatabase database) {
        this.areas = areas;
        this.approval = approval;
        this.audit = audit;
        this.database = database;
    }

    @Reference
    private org.osgi.service.cm.ConfigurationAdmin configurations;

    @Reference
    private de.paktwerk.core.api.KeyFigures figures;

    /**
     * The demo is configured (feature paktwerk-demo) but its figures are not all in yet: asked of the data, not of
     * the demo component's state (an immediately activated component is registered before its constructor has
     * finished, so "the service is there" said nothing about the data, and a slow machine saw a ready platform
     * with an empty key).
     */
    private boolean demoPending() {
        try {
            org.osgi.service.cm.Configuration[] c = configurations.listConfigurations("(service.pid=de.paktwerk.demo)");
            if (c == null || c.length == 0 || c[0].getProperties() == null
                    || "false".equals(String.valueOf(c[0].getProperties().get("enabled")))) {
                return false;
            }
            Object dates = c[0].getProperties().get("referenceDates");
            if (dates == null) {
                dates = de.paktwerk.core.internal.demo.DemoConfig.DEFAULT_REFERENCE_DATES; // as the demo component reads it
            }
            var present = figures.referenceDates(de.paktwerk.core.api.KeyFigure.REFUGEES);
            for (String d : String.valueOf(dates).split(",")) {
                if (!d.isBlank() && !present.contains(java.time.LocalDate.parse(d.trim()))) {
                    return true;
                }
            }
            return false;
        } catch (java.io.IOException | org.osgi.framework.InvalidSyntaxException | java.time.DateTimeException e) {
            return false;
        }
    }

    /** What the readiness check gets: up or down, nothing more. */
    public record Health(String status) {
    }

    /**
     * Readiness without credentials (load balancers, ./run.sh): 200 when the database answers, every funding
     * area whose service is registered can be used and configured demo data is in; 503 otherwise. It says
     * nothing else.
     */
    @GET
    @Path("health")
    @PermitAll
    @Operation(operationId = "getHealth", summary = "Bereitschaft ohne Anmeldung: Datenbank und Förderbereiche", security = {},
            extensions = @io.swagger.v3.oas.annotations.extensions.Extension(properties = @io.swagger.v3.oas.annotations.extensions.ExtensionProperty(name = "paktwerk-public", value = "true")))
    @ApiResponses({@ApiResponse(responseCode = "200", description = "erfolgreich", content = @Content(mediaType = "application/json", schema = @Schema(implementation = Health.class))),
            @ApiResponse(responseCode = "503", ref = "#/components/responses/Unavailable")})
    public Response health() {
        boolean up;
        try {
            up = database.jdbc().tx(c -> c.isValid(2)) && areas.installed().stream().allMatch(a -> a.id() != null) && !demoPending();
        } catch (RuntimeException e) {
            up = false;
        }
        return Response.status(up ? 200 : 503).entity(new Health(up ? "UP" : "DOWN")).build();
    }

    @GET
    @Path("funding-areas")
    @Operation(operationId = "listFundingAreas", summary = "Derzeit installierte Förderbereiche")
    public List<AreaView> fundingAreas() {
        return areas.installed().stream().map(a -> new AreaView(a.id(), a.title(), a.instrument().name(), approval.office(a),
                a.payloadSchemaVersion(), areas.key(a.id()).map(de.paktwerk.core.api.spi.DistributionKey::description).orElse(null),
                a.termKind() == null || a.termKind() == de.paktwerk.core.api.Term.Kind.CALL_TERM ? null : a.termKind().name(),
                termTitle(a.termKind()))).toList();
    }

    @GET
    @Path("audit")
    @RolesAllowed({Roles.AUDITOR, Roles.APPROVER})
    @Operation(operationId = "listAuditEntries", summary = "Audit-Einträge je Objekt oder je Person und Zeitraum")
    public List<AuditEntry> audit(@QueryParam("entityType") String type, @QueryParam("entityId") String id,
                                  @QueryParam("actor") String actor, @QueryParam("from") String from, @QueryParam("to") String to,
                                  @Parameter(schema = @Schema(type = "integer", minimum = "0")) @QueryParam("offset") String offset, @Parameter(schema = @Schema(type = "integer", minimum = "0")) @QueryParam("limit") String limit) {
        boolean byEntity = type != null && !type.isBlank() && id != null && !id.isBlank();
        boolean byActorOrTime = RestParams.optional(actor) != null || RestParams.optional(from) != null || RestParams.optional(to) != null;
        if (byEntity == byActorOrTime) {
            throw new InvalidInputException("Entweder 'entityType' und 'entityId' angeben, oder 'actor' und/oder den Zeitraum 'from'/'to'"
                    + " (Datum JJJJ-MM-TT, 'to' ausschließlich).");
        }
        if (byEntity) {
            return audit.entries(type, id);
        }
        java.time.LocalDate fromDate = RestParams.date(from, "from");
        java.time.LocalDate toDate = RestParams.date(to, "to");
        if (fromDate != null && toDate != null && !toDate.isAfter(fromDate)) {
            throw new InvalidInputException("'to' muss nach 'from' liegen.");
        }
        java.time.ZoneId berlin = java.time.ZoneId.of("Europe/Berlin");
        int off = RestParams.intParam(offset, "offset", 0);
        int size = RestParams.intParam(limit, "limit", de.paktwerk.core.api.Page.MAX_LIMIT);
        de.paktwerk.core.api.Page.check(off, size);
        return audit.entries(RestParams.optional(actor), fromDate == null ? null : fromDate.atStartOfDay(berlin).toInstant(),
                toDate == null ? null : toDate.atStartOfDay(berlin).toInstant(), off, size);
    }

    @GET
    @Path("audit/verify")
    @RolesAllowed({Roles.AUDITOR, Roles.APPROVER})
    @Operation(operationId = "verifyAuditChain", summary = "Hash-Kette des Audits prüfen")
    public AuditVerification verify() {
        return audit.verify();
    }

    /** The OpenAPI document, generated at build time from the JAX-RS annotations. */
    @GET
    @Path("openapi.json")
    @PermitAll
    @Operation(operationId = "getCoreOpenApi", summary = "Dieses OpenAPI-Dokument", security = {},
            extensions = @io.swagger.v3.oas.annotations.extensions.Extension(properties = @io.swagger.v3.oas.annotations.extensions.ExtensionProperty(name = "paktwerk-public", value = "true")))
    @ApiResponses({@ApiResponse(responseCode = "200", description = "OpenAPI-Dokument", content = @Content(mediaType = "application/json", schema = @Schema(type = "object")))})
    public Response openApi() {
        return RestParams.openApi(PlatformResource.class, "openapi/core.json");
    }
}
