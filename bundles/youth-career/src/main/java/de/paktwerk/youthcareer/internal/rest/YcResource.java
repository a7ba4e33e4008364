package de.paktwerk.youthcareer.internal.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.responses.ApiResponses;

import de.paktwerk.core.api.UnknownEntityException;
import de.paktwerk.core.api.rest.Caller;
import de.paktwerk.core.api.rest.DraftPricing;
import de.paktwerk.core.api.rest.RestParams;
import de.paktwerk.youthcareer.internal.Model.Payload;
import de.paktwerk.youthcareer.internal.Model.Position;
import de.paktwerk.youthcareer.internal.Model.ReportRow;
import de.paktwerk.youthcareer.internal.Model.School;
import de.paktwerk.youthcareer.internal.Programme;
import de.paktwerk.youthcareer.internal.Rules;
import de.paktwerk.youthcareer.internal.YcRules;
import de.paktwerk.youthcareer.internal.YcStore;
import java.util.List;
import javax.annotation.security.PermitAll;
import javax.annotation.security.RolesAllowed;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
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

/** Schools, funded positions, pricing and reports of "Junge Flüchtlinge in Schule und Beruf". */
@io.swagger.v3.oas.annotations.tags.Tag(name = "youth-career")
@Component(service = YcResource.class)
@JaxrsResource
@JaxrsApplicationSelect(YcApplication.SELECT)
@JSONRequired
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class YcResource {

    private final YcStore store;
    private final YcRules rules;
    private final de.paktwerk.core.api.ApplicationService applications;

    @Activate
    public YcResource(@Reference YcStore store, @Reference YcRules rules,
                      @Reference de.paktwerk.core.api.ApplicationService applications) {
        this.store = store;
        this.rules = rules;
        this.applications = applications;
    }

    /** The reason the approval office gives for setting the AVdual caseload guideline aside. */
    public record OverrideBody(String reason) {
    }

    @POST
    @Path("applications/{id}/caseload-override")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Caller.APPROVER)
    @Operation(operationId = "overrideCaseload", summary = "AVdual: Überschreitung des Richtwerts je Begleitung mit Begründung zulassen")
    @ApiResponses({@ApiResponse(responseCode = "201", description = "zugelassen", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = de.paktwerk.youthcareer.internal.Model.CaseloadOverride.class))),
            @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict"),
            @ApiResponse(responseCode = "422", ref = "#/components/responses/RuleViolated")})
    public Response overrideCaseload(@PathParam("id") @Parameter(schema = @Schema(type = "integer", format = "int64")) String id,
                                     OverrideBody body, @Context SecurityContext sc) {
        de.paktwerk.core.api.Application app = applications.get(RestParams.id(id, "id"));
        if (!YcRules.AREA.equals(app.areaId())) {
            throw new UnknownEntityException("Antrag " + app.id() + " gehört nicht zum Förderbereich " + YcRules.AREA + ".");
        }
        if (rules.get().caseloadAboveGuideline(YcStore.payload(app.payload())).isEmpty()) {
            throw new de.paktwerk.core.api.RuleViolatedException("Antrag " + app.id() + " überschreitet den Richtwert je AVdual-Begleitung"
                    + " nicht; es gibt nichts zuzulassen.");
        }
        return Response.status(201).entity(store.recordOverride(app.id(), RestParams.body(body).reason(), Caller.of(sc).name())).build();
    }

    @POST
    @Path("schools")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Caller.MUNICIPALITY, Caller.APPROVER})
    @Operation(operationId = "createSchool", summary = "Schule erfassen (Schulträger für die eigene Kommune, Bewilligungsstelle alle)")
    @ApiResponses({@ApiResponse(responseCode = "201", description = "erfasst", content = @Content(mediaType = "application/json", schema = @Schema(implementation = School.class))),
            @ApiResponse(responseCode = "404", ref = "#/components/responses/NotFound"),
            @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict"),
            @ApiResponse(responseCode = "422", ref = "#/components/responses/IdempotencyKeyReused")})
    public Response createSchool(School body, @Context SecurityContext sc) {
        Caller.of(sc).requireMunicipality(RestParams.body(body).municipalityKey(), "municipalityKey");
        return Response.status(201).entity(store.createSchool(body, Caller.of(sc).name())).build();
    }

    @GET
    @Path("schools")
    @RolesAllowed({Caller.MUNICIPALITY, Caller.APPROVER, Caller.AUDITOR})
    @Operation(operationId = "listSchools", summary = "Erfasste Schulen, wahlweise einer Kommune")
    public List<School> schools(@QueryParam("municipality") String municipality) {
        return store.schools(RestParams.optional(municipality));
    }

    @GET
    @Path("schools/{number}")
    @RolesAllowed({Caller.MUNICIPALITY, Caller.APPROVER, Caller.AUDITOR})
    @Operation(operationId = "getSchool", summary = "Eine Schule")
    public School school(@PathParam("number") String number) {
        return store.school(number);
    }

    /** Positions may carry the holder's name: the approval office and auditors see all, a body its own; others' answer 404. */
    private static boolean maySee(Caller caller, Position p) {
        return caller.seesAllMunicipalities() || caller.municipalities().contains(p.responsibleKey());
    }

    @GET
    @Path("positions")
    @RolesAllowed({Caller.MUNICIPALITY, Caller.APPROVER, Caller.AUDITOR})
    @Operation(operationId = "listPositions", summary = "Geförderte Stellen (eigene; Bewilligungsstelle alle), nach Teilprogramm, Schuljahr und Träger")
    public List<Position> positions(@QueryParam("programme") String programme,
                                    @Parameter(description = "z. B. 2018/19") @QueryParam("schoolYear") String schoolYear,
                                    @QueryParam("responsible") String responsible, @Context SecurityContext sc) {
        Caller caller = Caller.of(sc);
        Programme p = programme == null ? null : RestParams.enumParam(Programme.class, programme, "programme");
        Integer year = schoolYear == null ? null : Rules.parseSchoolYear(schoolYear);
        return store.positions(p, year, RestParams.optional(responsible)).stream().filter(x -> maySee(caller, x)).toList();
    }

    @GET
    @Path("positions/{id}")
    @RolesAllowed({Caller.MUNICIPALITY, Caller.APPROVER, Caller.AUDITOR})
    @Operation(operationId = "getPosition", summary = "Eine geförderte Stelle")
    public Position position(@PathParam("id") @Parameter(schema = @Schema(type = "integer", format = "int64")) String id,
                             @Context SecurityContext sc) {
        Position p = store.position(RestParams.id(id, "id"));
        if (!maySee(Caller.of(sc), p)) {
            throw new UnknownEntityException("Stelle " + p.id() + " ist unbekannt.");
        }
        return p;
    }

    @POST
    @Path("pricing")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Caller.MUNICIPALITY, Caller.APPROVER})
    @Operation(operationId = "priceApplication", summary = "Antragsangaben bepreisen, ohne zu speichern: die Tür der Plattform"
            + " (POST /api/core/applications/pricing), dieselbe Bewertung wie beim Anlegen des Antrags")
    @ApiResponses({@ApiResponse(responseCode = "200", description = "erfolgreich", useReturnTypeSchema = true),
            @ApiResponse(responseCode = "404", ref = "#/components/responses/NotFound"),
            @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict"),
            @ApiResponse(responseCode = "422", ref = "#/components/responses/RuleViolated")})
    public DraftPricing.Price pricing(Payload body,
                                    @Parameter(description = "z. B. 2018/19; ohne: das Schuljahr, das im Förderzeitraum des Tages beginnt") @QueryParam("schoolYear") String schoolYear,
                                    @Parameter(description = "amtlicher Schlüssel des Antragstellers; ohne: die eigene Kommune") @QueryParam("applicant") String applicant,
                                    @Parameter(description = "Tag, zu dem bepreist wird (Fristen), JJJJ-MM-TT; ohne: heute", schema = @Schema(type = "string", format = "date")) @QueryParam("asOf") String asOf,
                                    @Context SecurityContext sc) {
        de.paktwerk.core.api.Term term = schoolYear == null ? null : de.paktwerk.core.api.Term.schoolYear(Rules.parseSchoolYear(schoolYear));
        return DraftPricing.price(applications, sc, new de.paktwerk.core.api.NewApplication(DraftPricing.applicant(sc, applicant), YcRules.AREA,
                null, null, null, DraftPricing.payload(body), null, term), asOf);
    }

    @GET
    @Path("reports")
    @RolesAllowed({Caller.MUNICIPALITY, Caller.APPROVER, Caller.AUDITOR})
    @Operation(operationId = "getReport", summary = "Bericht je Antragsteller und Teilprogramm eines Schuljahres (Gruppen unter 5 unterdrückt)")
    public List<ReportRow> report(@Parameter(description = "z. B. 2018/19", required = true) @QueryParam("schoolYear") String schoolYear,
                                  @Context SecurityContext sc) {
        Caller caller = Caller.of(sc);
        return store.report(Rules.parseSchoolYear(schoolYear), null).stream()
                .filter(r -> caller.seesAllMunicipalities() || caller.municipalities().contains(r.responsibleKey())).toList();
    }

    @GET
    @Path("openapi.json")
    @PermitAll
    @Operation(operationId = "getYouthCareerOpenApi", summary = "Dieses OpenAPI-Dokument", security = {},
            extensions = @io.swagger.v3.oas.annotations.extensions.Extension(properties = @io.swagger.v3.oas.annotations.extensions.ExtensionProperty(name = "paktwerk-public", value = "true")))
    @ApiResponses({@ApiResponse(responseCode = "200", description = "OpenAPI-Dokument", content = @Content(mediaType = "application/json", schema = @Schema(type = "object")))})
    public Response openApi() {
        return RestParams.openApi(YcResource.class, "openapi/youth-career.json");
    }
}
