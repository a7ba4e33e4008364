package de.paktwerk.core.internal.rest;

import de.paktwerk.core.api.DistributionService;
import de.paktwerk.core.api.Page;
import de.paktwerk.core.api.SurveyService;
import de.paktwerk.core.api.SurveyService.Correction;
import de.paktwerk.core.api.SurveyService.Count;
import de.paktwerk.core.api.SurveyService.Missing;
import de.paktwerk.core.api.SurveyService.Opening;
import de.paktwerk.core.api.SurveyService.Report;
import de.paktwerk.core.api.SurveyService.ReportState;
import de.paktwerk.core.api.SurveyService.Survey;
import de.paktwerk.core.api.SurveyService.Tally;
import de.paktwerk.core.api.rest.Caller;
import de.paktwerk.core.api.rest.RestParams;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.responses.ApiResponses;
import java.util.ArrayList;
import java.util.List;
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

/**
 * The count survey over REST: the office opens and closes, municipalities report, districts confirm. Who may do what
 * is decided by the survey service from the caller's roles and scopes; the roles here only keep out who has no part.
 */
@io.swagger.v3.oas.annotations.tags.Tag(name = "surveys")
@Component(service = SurveyResource.class)
@JaxrsResource
@JaxrsApplicationSelect(CoreApplication.SELECT)
@JSONRequired
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Caller.APPROVER, Caller.STATISTICS, Caller.MUNICIPALITY, Caller.AUDITOR})
public class SurveyResource {

    /** Closing: the bodies without a confirmed count, each with how it is counted and why. */
    public record Closing(List<Missing> missing) {
    }

    /** A report given back, with what the municipality should check. */
    public record GiveBack(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 2000) String reason) {
    }

    /** What a correction changed, and the current runs whose inputs now differ (they keep their shares until re-run). */
    public record CorrectionResult(Report report, long previous, List<MunicipalityResource.ChangedRun> changedRuns) {
    }

    private final SurveyService surveys;
    private final DistributionService distributions;

    @Activate
    public SurveyResource(@Reference SurveyService surveys, @Reference DistributionService distributions) {
        this.surveys = surveys;
        this.distributions = distributions;
    }

    private static long survey(String id) {
        return RestParams.id(id, "Nummer der Erhebung");
    }

    @GET
    @Path("surveys")
    @Operation(operationId = "listSurveys", summary = "Erhebungen, die jüngste zuerst")
    public List<Survey> list() {
        return surveys.surveys();
    }

    @POST
    @Path("surveys")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Caller.APPROVER, Caller.STATISTICS})
    @Operation(operationId = "openSurvey", summary = "Eine Erhebung eröffnen (Stichtag, wer gezählt wird; Meldefrist 15.10., Korrekturen bis 31.12.)")
    @ApiResponses({@ApiResponse(responseCode = "201", description = "eröffnet", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = Survey.class))), @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict")})
    public Response open(Opening opening, @Context SecurityContext sc) {
        return Response.status(201).entity(surveys.open(RestParams.body(opening), Params.actor(sc))).build();
    }

    @GET
    @Path("surveys/{id}")
    @Operation(operationId = "getSurvey", summary = "Eine Erhebung lesen")
    public Survey get(@Parameter(schema = @Schema(type = "integer", format = "int64")) @PathParam("id") String id) {
        return surveys.get(survey(id));
    }

    @GET
    @Path("surveys/{id}/progress")
    @Operation(operationId = "surveyProgress", summary = "Stand je Kreis und landesweit: gemeldet, zurückgegeben, bestätigt, fehlend")
    public List<Tally> progress(@Parameter(schema = @Schema(type = "integer", format = "int64")) @PathParam("id") String id) {
        return surveys.progress(survey(id));
    }

    @GET
    @Path("surveys/{id}/reports")
    @Operation(operationId = "listSurveyReports", summary = "Meldungen, die der Aufrufer sehen darf (fehlende eingeschlossen), nach Name")
    public Page<Report> reports(@Parameter(schema = @Schema(type = "integer", format = "int64")) @PathParam("id") String id,
                                @Parameter(description = "Kreisschlüssel, z. B. 08425") @QueryParam("district") String district,
                                @Parameter(description = "MISSING, REPORTED, RETURNED, CONFIRMED oder ASSUMED") @QueryParam("state") String state,
                                @Parameter(description = "Teil des Namens oder Anfang des Schlüssels") @QueryParam("q") String text,
                                @Parameter(schema = @Schema(type = "integer", minimum = "0")) @QueryParam("offset") String offset,
                                @Parameter(schema = @Schema(type = "integer", minimum = "0")) @QueryParam("limit") String limit,
                                @Context SecurityContext sc) {
        return surveys.reports(survey(id), RestParams.optional(district), state == null || state.isBlank() ? null
                        : RestParams.enumParam(ReportState.class, state, "state"), text, Params.actor(sc),
                RestParams.intParam(offset, "offset", 0), RestParams.intParam(limit, "limit", 100));
    }

    @GET
    @Path("surveys/{id}/reports.csv")
    @Produces("text/csv")
    @Operation(operationId = "exportSurveyReports", summary = "Stand der Erhebung als CSV (die Meldungen, die der Aufrufer sehen darf)")
    @ApiResponses({@ApiResponse(responseCode = "200", description = "CSV-Datei", content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))})
    public Response csv(@Parameter(schema = @Schema(type = "integer", format = "int64")) @PathParam("id") String id, @Context SecurityContext sc) {
        long survey = survey(id);
        List<List<Object>> rows = new ArrayList<>();
        for (Report r : surveys.reports(survey, null, null, null, Params.actor(sc), 0, Page.MAX_LIMIT).items()) {
            rows.add(java.util.Arrays.asList(r.bodyKey(), r.bodyName(), r.districtKey(), stateWord(r.state()), r.value(),
                    r.enteredByDistrict() ? "ja" : "nein", r.remark(), r.returnReason(), String.join(" / ", r.flags()), r.assumption()));
        }
        return MunicipalityResource.csv(de.paktwerk.core.internal.municipality.CsvData.write(List.of("Schlüssel", "Kommune", "Kreis", "Stand",
                "Anzahl", "vom Kreis eingetragen", "Bemerkung", "Rückgabegrund", "Auffälligkeiten", "Annahme beim Abschluss"), rows),
                "erhebung-" + survey + ".csv");
    }

    /** The state of a report in the words of the survey's pages. */
    static String stateWord(ReportState s) {
        return switch (s) {
            case MISSING -> "fehlt";
            case REPORTED -> "gemeldet";
            case RETURNED -> "zurückgegeben";
            case CONFIRMED -> "bestätigt";
            case ASSUMED -> "beim Abschluss angenommen";
        };
    }

    @GET
    @Path("surveys/{id}/reports/{key}")
    @Operation(operationId = "getSurveyReport", summary = "Die Meldung einer Kommune")
    public Report report(@Parameter(schema = @Schema(type = "integer", format = "int64")) @PathParam("id") String id,
                         @PathParam("key") String key, @Context SecurityContext sc) {
        return surveys.report(survey(id), key, Params.actor(sc));
    }

    @PUT
    @Path("surveys/{id}/reports/{key}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Caller.MUNICIPALITY)
    @Operation(operationId = "submitSurveyReport", summary = "Die Zahl melden oder ändern, solange der Kreis sie nicht bestätigt hat"
            + " (der Landkreis trägt sie für eine Gemeinde ein, die nicht meldet)")
    @ApiResponses({@ApiResponse(responseCode = "200", description = "erfolgreich", useReturnTypeSchema = true),
            @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict")})
    public Report submit(@Parameter(schema = @Schema(type = "integer", format = "int64")) @PathParam("id") String id,
                         @PathParam("key") String key, Count count, @Context SecurityContext sc) {
        return surveys.submit(survey(id), key, RestParams.body(count), Params.actor(sc));
    }

    @POST
    @Path("surveys/{id}/reports/{key}/confirm")
    @RolesAllowed(Caller.MUNICIPALITY)
    @Operation(operationId = "confirmSurveyReport", summary = "Eine gemeldete Zahl bestätigen (der Landkreis; ein Stadtkreis seine eigene)")
    @ApiResponses({@ApiResponse(responseCode = "200", description = "erfolgreich", useReturnTypeSchema = true),
            @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict")})
    public Report confirm(@Parameter(schema = @Schema(type = "integer", format = "int64")) @PathParam("id") String id,
                          @PathParam("key") String key, @Context SecurityContext sc) {
        return surveys.confirm(survey(id), key, Params.actor(sc));
    }

    @POST
    @Path("surveys/{id}/reports/{key}/return")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Caller.MUNICIPALITY)
    @Operation(operationId = "returnSurveyReport", summary = "Eine Meldung mit Begründung an die Gemeinde zurückgeben (der Landkreis)")
    @ApiResponses({@ApiResponse(responseCode = "200", description = "erfolgreich", useReturnTypeSchema = true),
            @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict")})
    public Report giveBack(@Parameter(schema = @Schema(type = "integer", format = "int64")) @PathParam("id") String id,
                           @PathParam("key") String key, GiveBack body, @Context SecurityContext sc) {
        return surveys.giveBack(survey(id), key, RestParams.body(body).reason(), Params.actor(sc));
    }

    @POST
    @Path("surveys/{id}/close")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Caller.APPROVER, Caller.STATISTICS})
    @Operation(operationId = "closeSurvey", summary = "Die Erhebung abschließen: die bestätigten Zahlen werden Kennzahlen; fehlende werden"
            + " mit Zählweise und Begründung genannt")
    @ApiResponses({@ApiResponse(responseCode = "200", description = "erfolgreich", useReturnTypeSchema = true),
            @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict")})
    public Survey close(@Parameter(schema = @Schema(type = "integer", format = "int64")) @PathParam("id") String id, Closing body,
                        @Context SecurityContext sc) {
        return surveys.close(survey(id), RestParams.body(body).missing(), Params.actor(sc));
    }

    @POST
    @Path("surveys/{id}/corrections")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Caller.APPROVER, Caller.STATISTICS, Caller.MUNICIPALITY})
    @Operation(operationId = "correctSurvey", summary = "Nach dem Abschluss eine Zahl korrigieren, mit Begründung, bis zum Ende der Korrekturen;"
            + " nennt die geltenden Läufe, deren Eingaben sich dadurch ändern")
    @ApiResponses({@ApiResponse(responseCode = "200", description = "erfolgreich", useReturnTypeSchema = true),
            @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict")})
    public CorrectionResult correct(@Parameter(schema = @Schema(type = "integer", format = "int64")) @PathParam("id") String id,
                                    Correction correction, @Context SecurityContext sc) {
        SurveyService.Corrected done = surveys.correct(survey(id), RestParams.body(correction), Params.actor(sc));
        List<MunicipalityResource.ChangedRun> changed = distributions.runsChangedBy(List.of(done.figure())).stream()
                .map(d -> new MunicipalityResource.ChangedRun(d.id(), d.areaId(), d.periodId(), d.version())).toList();
        return new CorrectionResult(done.report(), done.previous(), changed);
    }
}
