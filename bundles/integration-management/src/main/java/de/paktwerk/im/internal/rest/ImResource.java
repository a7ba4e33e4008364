package de.paktwerk.im.internal.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.responses.ApiResponses;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;

import de.paktwerk.core.api.ForbiddenException;
import de.paktwerk.core.api.UnknownEntityException;
import de.paktwerk.core.api.rest.Caller;
import de.paktwerk.core.api.rest.DraftPricing;
import de.paktwerk.core.api.rest.RestParams;
import de.paktwerk.core.api.MunicipalityRegistry;
import de.paktwerk.im.internal.ImRules;
import de.paktwerk.im.internal.ImStore;
import de.paktwerk.im.internal.Model.Case;
import de.paktwerk.im.internal.Model.CaseInput;
import de.paktwerk.im.internal.Model.Closing;
import de.paktwerk.im.internal.Model.Extension;
import de.paktwerk.im.internal.Model.OverdueReview;
import de.paktwerk.im.internal.Model.Payload;
import de.paktwerk.im.internal.Model.Plan;
import de.paktwerk.im.internal.Model.PlanInput;
import de.paktwerk.im.internal.Model.Position;
import de.paktwerk.im.internal.Model.PositionInput;
import de.paktwerk.im.internal.Model.Report;
import de.paktwerk.im.internal.Model.Review;
import java.util.List;
import javax.annotation.security.PermitAll;
import javax.annotation.security.RolesAllowed;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/** Positions, cases, integration plans, overdue reviews and reports of the integration management. */
@io.swagger.v3.oas.annotations.tags.Tag(name = "integration-management")
@Component(service = ImResource.class)
@JaxrsResource
@JaxrsApplicationSelect(ImApplication.SELECT)
@JSONRequired
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class ImResource {

    private final ImStore store;
    private final MunicipalityRegistry registry;
    private final de.paktwerk.core.api.ApplicationService applications;

    @Activate
    public ImResource(@Reference ImStore store, @Reference MunicipalityRegistry registry,
                      @Reference de.paktwerk.core.api.ApplicationService applications) {
        this.applications = applications;
        this.store = store;
        this.registry = registry;
    }

    /**
     * A municipality user acts for its own municipality and, as a district, for the municipalities that
     * delegated integration management to it.
     */
    private void requireResponsibleFor(Caller caller, String municipalityKey) {
        if (municipalityKey == null) {
            caller.requireMunicipality(null);
        }
        if (!caller.mayActFor(municipalityKey)
                && !caller.municipalities().contains(registry.responsibleBody(municipalityKey, ImRules.AREA))) {
            caller.requireMunicipality(municipalityKey);
        }
    }

    @POST
    @Path("positions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Caller.MUNICIPALITY, Caller.APPROVER})
    @Operation(operationId = "createPosition", summary = "Geförderte Stelle anlegen")
    @ApiResponses({@ApiResponse(responseCode = "201", description = "angelegt", content = @Content(mediaType = "application/json", schema = @Schema(implementation = de.paktwerk.im.internal.Model.Position.class))),
            @ApiResponse(responseCode = "404", ref = "#/components/responses/NotFound"),
            @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict"),
            @ApiResponse(responseCode = "422", ref = "#/components/responses/IdempotencyKeyReused")})
    public Response createPosition(PositionInput body, @Context SecurityContext sc) {
        Caller.of(sc).requireMunicipality(RestParams.body(body).responsibleKey(), "responsibleKey");
        return Response.status(201).entity(store.createPosition(RestParams.body(body), Caller.of(sc).name())).build();
    }

    /**
     * Positions carry the managers' names: the approval office and auditors see all, a municipality or district
     * its own, a caseworker the positions it works on; anyone else's position answers 404.
     */
    private static boolean maySeePosition(Caller caller, Position p) {
        return caller.seesAllMunicipalities() || caller.municipalities().contains(p.responsibleKey()) || caller.positions().contains(p.id());
    }

    @GET
    @Path("positions")
    @RolesAllowed({Caller.MUNICIPALITY, Caller.APPROVER, Caller.AUDITOR, Caller.CASEWORKER})
    @Operation(operationId = "listPositions", summary = "Geförderte Stellen (eigene; Bewilligungsstelle alle)")
    public List<Position> positions(@QueryParam("responsible") String responsible, @Context SecurityContext sc) {
        Caller caller = Caller.of(sc);
        return store.positions(RestParams.optional(responsible)).stream().filter(p -> maySeePosition(caller, p)).toList();
    }

    @GET
    @Path("positions/{id}")
    @RolesAllowed({Caller.MUNICIPALITY, Caller.APPROVER, Caller.AUDITOR, Caller.CASEWORKER})
    @Operation(operationId = "getPosition", summary = "Eine Stelle lesen")
    public Position position(@Parameter(schema = @Schema(type = "integer", format = "int64")) @PathParam("id") String id, @Context SecurityContext sc) {
        long positionId = RestParams.id(id, "Stellennummer");
        Position p = store.position(positionId);
        if (!maySeePosition(Caller.of(sc), p)) {
            throw new UnknownEntityException("Stelle " + positionId + " ist unbekannt.");
        }
        return p;
    }

    /** Prices positions as an application would, without storing anything. */
    @POST
    @Path("pricing")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Caller.MUNICIPALITY, Caller.PROVIDER, Caller.APPROVER})
    @Operation(operationId = "pricePositions", summary = "Stellen bepreisen, ohne zu speichern: die Tür der Plattform"
            + " (POST /api/core/applications/pricing), dieselbe Bewertung wie beim Anlegen des Antrags")
    @ApiResponses({@ApiResponse(responseCode = "200", description = "erfolgreich", useReturnTypeSchema = true),
            @ApiResponse(responseCode = "404", ref = "#/components/responses/NotFound"),
            @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict"),
            @ApiResponse(responseCode = "422", ref = "#/components/responses/RuleViolated")})
    public DraftPricing.Price pricing(Payload body,
                                    @Parameter(description = "Förderzeitraum, z. B. 2017; ohne: der des Tages") @QueryParam("period") String period,
                                    @Parameter(description = "amtlicher Schlüssel des Antragstellers; ohne: die eigene Kommune") @QueryParam("applicant") String applicant,
                                    @Parameter(description = "Tag, zu dem bepreist wird (Fristen), JJJJ-MM-TT; ohne: heute", schema = @Schema(type = "string", format = "date")) @QueryParam("asOf") String asOf,
                                    @Context SecurityContext sc) {
        return DraftPricing.price(applications, sc, new de.paktwerk.core.api.NewApplication(DraftPricing.applicant(sc, applicant), ImRules.AREA,
                period, null, null, DraftPricing.payload(body), null, null), asOf);
    }

    @POST
    @Path("cases")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Caller.CASEWORKER)
    @Operation(operationId = "createCase", summary = "Pseudonymisierten Fall anlegen")
    @ApiResponses({@ApiResponse(responseCode = "201", description = "angelegt", content = @Content(mediaType = "application/json", schema = @Schema(implementation = de.paktwerk.im.internal.Model.Case.class))),
            @ApiResponse(responseCode = "404", ref = "#/components/responses/NotFound"),
            @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict"),
            @ApiResponse(responseCode = "422", ref = "#/components/responses/IdempotencyKeyReused")})
    public Response createCase(CaseInput body, @Context SecurityContext sc) {
        requireCaseload(Caller.of(sc), RestParams.body(body).positionId());
        return Response.status(201).entity(store.createCase(RestParams.body(body), Caller.of(sc).name())).build();
    }

    @GET
    @Path("cases")
    @RolesAllowed(Caller.CASEWORKER)
    @Operation(operationId = "listCases", summary = "Fallbestand (eigene Stellen); jede Auflistung wird protokolliert")
    public List<Case> cases(@QueryParam("municipality") String municipality, @Parameter(schema = @Schema(type = "integer", format = "int64")) @QueryParam("position") String position,
                            @Context SecurityContext sc) {
        Caller caller = Caller.of(sc);
        Long positionId = RestParams.optionalId(position, "Stellennummer");
        if (caller.has(Caller.ADMIN)) {
            return store.listCases(RestParams.optional(municipality), positionId == null ? null : java.util.Set.of(positionId), Caller.of(sc).name());
        }
        java.util.Set<Long> own = caller.positions();
        return store.listCases(RestParams.optional(municipality), positionId == null ? own
                : own.contains(positionId) ? java.util.Set.of(positionId) : java.util.Set.of(), Caller.of(sc).name());
    }

    /** A caseworker keeps only the caseload of its own positions; admin keeps all. */
    private static void requireCaseload(Caller caller, long positionId) {
        if (!caller.has(Caller.ADMIN) && !caller.positions().contains(positionId)) {
            throw new ForbiddenException("Sie führen nur den Fallbestand Ihrer eigenen Stelle.");
        }
    }

    /** Someone else's case is reported as not existing: 404, and nothing is read or audited. */
    private void requireOwnCase(SecurityContext sc, String caseId) {
        Caller caller = Caller.of(sc);
        Long position = store.positionOfCase(caseId).orElse(null);
        if (position == null || (!caller.has(Caller.ADMIN) && !caller.positions().contains(position))) {
            throw new UnknownEntityException("Fall " + caseId + " ist unbekannt.");
        }
    }

    @GET
    @Path("cases/{id}")
    @RolesAllowed(Caller.CASEWORKER)
    @Operation(operationId = "getCase", summary = "Einen Fall lesen (protokolliert)")
    public Case getCase(@PathParam("id") String id, @QueryParam("reason") String reason, @Context SecurityContext sc) {
        requireOwnCase(sc, id);
        return store.getCase(id, Caller.of(sc).name(), RestParams.optional(reason));
    }

    @POST
    @Path("cases/{id}/extension")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Caller.CASEWORKER)
    @Operation(operationId = "extendCase", summary = "Beratung mit Begründung auf vier Jahre verlängern")
    @ApiResponses({@ApiResponse(responseCode = "200", description = "erfolgreich", useReturnTypeSchema = true),
            @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict"),
            @ApiResponse(responseCode = "422", ref = "#/components/responses/IdempotencyKeyReused")})
    public Case extend(@PathParam("id") String id, Extension body, @Context SecurityContext sc) {
        requireOwnCase(sc, id);
        return store.extend(id, RestParams.body(body).reason(), Caller.of(sc).name());
    }

    @POST
    @Path("cases/{id}/closing")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Caller.CASEWORKER)
    @Operation(operationId = "closeCase", summary = "Beratung beenden")
    @ApiResponses({@ApiResponse(responseCode = "200", description = "erfolgreich", useReturnTypeSchema = true),
            @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict"),
            @ApiResponse(responseCode = "422", ref = "#/components/responses/IdempotencyKeyReused")})
    public Case close(@PathParam("id") String id, Closing body, @Context SecurityContext sc) {
        requireOwnCase(sc, id);
        return store.close(id, RestParams.body(body).end(), Caller.of(sc).name());
    }

    @PUT
    @Path("cases/{id}/plan")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Caller.CASEWORKER)
    @Operation(operationId = "putPlan", summary = "Integrationsplan festlegen")
    @ApiResponses({@ApiResponse(responseCode = "200", description = "erfolgreich", useReturnTypeSchema = true),
            @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict")})
    public Plan putPlan(@PathParam("id") String id, PlanInput body, @Context SecurityContext sc) {
        requireOwnCase(sc, id);
        return store.putPlan(id, RestParams.body(body), Caller.of(sc).name());
    }

    @GET
    @Path("cases/{id}/plan")
    @RolesAllowed(Caller.CASEWORKER)
    @Operation(operationId = "getPlan", summary = "Integrationsplan lesen (protokolliert)")
    public Plan plan(@PathParam("id") String id, @QueryParam("reason") String reason, @Context SecurityContext sc) {
        requireOwnCase(sc, id);
        return store.getPlan(id, Caller.of(sc).name(), RestParams.optional(reason));
    }

    @POST
    @Path("cases/{id}/plan/reviews")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Caller.CASEWORKER)
    @Operation(operationId = "reviewPlan", summary = "Fortschreibung eines Plans erfassen")
    @ApiResponses({@ApiResponse(responseCode = "201", description = "angelegt", content = @Content(mediaType = "application/json", schema = @Schema(implementation = de.paktwerk.im.internal.Model.Plan.class))),
            @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict"),
            @ApiResponse(responseCode = "422", ref = "#/components/responses/IdempotencyKeyReused")})
    public Response review(@PathParam("id") String id, Review body, @Context SecurityContext sc) {
        requireOwnCase(sc, id);
        return Response.status(201).entity(store.addReview(id, RestParams.body(body), Caller.of(sc).name())).build();
    }

    @GET
    @Path("reviews/overdue")
    @RolesAllowed({Caller.CASEWORKER, Caller.MUNICIPALITY})
    @Operation(operationId = "listOverdueReviews", summary = "Überfällige Fortschreibungen je Kommune oder Stelle")
    public List<OverdueReview> overdue(@QueryParam("municipality") String municipality, @Parameter(schema = @Schema(type = "integer", format = "int64")) @QueryParam("position") String position,
                                       @Context SecurityContext sc) {
        Caller caller = Caller.of(sc);
        String key = RestParams.optional(municipality);
        Long positionId = RestParams.optionalId(position, "Stellennummer");
        List<OverdueReview> all = store.overdue(key, positionId);
        if (caller.has(Caller.ADMIN)) {
            return all;
        }
        return all.stream().filter(o -> caller.positions().contains(o.positionId()) || caller.municipalities().contains(o.municipalityKey())
                || caller.municipalities().contains(registry.responsibleBody(o.municipalityKey(), ImRules.AREA))).toList();
    }

    @GET
    @Path("reports/{municipality}")
    @RolesAllowed({Caller.MUNICIPALITY, Caller.APPROVER, Caller.AUDITOR})
    @Operation(operationId = "getReport", summary = "Bericht einer Kommune (Gruppen unter 5 unterdrückt)")
    public Report report(@PathParam("municipality") String municipality, @Context SecurityContext sc) {
        requireResponsibleFor(Caller.of(sc), municipality);
        return store.report(municipality);
    }

    @GET
    @Path("openapi.json")
    @PermitAll
    @Operation(operationId = "getIntegrationManagementOpenApi", summary = "Dieses OpenAPI-Dokument", security = {},
            extensions = @io.swagger.v3.oas.annotations.extensions.Extension(properties = @io.swagger.v3.oas.annotations.extensions.ExtensionProperty(name = "paktwerk-public", value = "true")))
    @ApiResponses({@ApiResponse(responseCode = "200", description = "OpenAPI-Dokument", content = @Content(mediaType = "application/json", schema = @Schema(type = "object")))})
    public Response openApi() {
        return RestParams.openApi(ImResource.class, "openapi/integration-management.json");
    }
}
