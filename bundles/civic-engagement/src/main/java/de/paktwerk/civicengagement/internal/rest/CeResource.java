package de.paktwerk.civicengagement.internal.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.responses.ApiResponses;

import de.paktwerk.core.api.ApplicantKind;
import de.paktwerk.core.api.Assessment;
import de.paktwerk.core.api.InvalidInputException;
import de.paktwerk.core.api.MunicipalityRegistry;
import de.paktwerk.core.api.Provider;
import de.paktwerk.core.api.UnknownEntityException;
import de.paktwerk.core.api.rest.Caller;
import de.paktwerk.core.api.rest.DraftPricing;
import de.paktwerk.core.api.rest.RestParams;
import de.paktwerk.civicengagement.internal.CeRules;
import de.paktwerk.civicengagement.internal.CeStore;
import de.paktwerk.civicengagement.internal.Model;
import de.paktwerk.civicengagement.internal.Model.Call;
import de.paktwerk.civicengagement.internal.Model.Dialogue;
import de.paktwerk.civicengagement.internal.Model.SubGrant;
import java.util.List;
import java.util.Map;
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

/**
 * Calls, jury scores and the ranking, pricing, grants with their sub-grants, dialogues with events and strategies,
 * and reports of "Bürgerschaftliches Engagement und Zivilgesellschaft". The approval office opens calls, scores and
 * ranks; a grantee (its body's users, or a provider's own users) keeps its grant's records; auditors read.
 */
@io.swagger.v3.oas.annotations.tags.Tag(name = "civic-engagement")
@Component(service = CeResource.class)
@JaxrsResource
@JaxrsApplicationSelect(CeApplication.SELECT)
@JSONRequired
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class CeResource {

    private final CeStore store;
    private final MunicipalityRegistry registry;
    private final de.paktwerk.core.api.ApplicationService applications;

    @Activate
    public CeResource(@Reference CeStore store, @Reference MunicipalityRegistry registry,
                      @Reference de.paktwerk.core.api.ApplicationService applications) {
        this.applications = applications;
        this.store = store;
        this.registry = registry;
    }

    /** The grant if the caller may see it (the office, auditors, the grantee); 404 otherwise. */
    private Map<String, Object> visibleGrant(long applicationId, SecurityContext sc) {
        Map<String, Object> g = store.grant(applicationId);
        Caller caller = Caller.of(sc);
        if (!caller.mayActFor((String) g.get("applicantKey")) && !ownProvider(caller, g)) {
            throw new UnknownEntityException("Zum Antrag " + applicationId + " gibt es keinen Zuschuss in Kraft.");
        }
        return g;
    }

    /** The grant if the caller is its grantee (the office only reads). */
    private Map<String, Object> keptGrant(long applicationId, SecurityContext sc) {
        Map<String, Object> g = visibleGrant(applicationId, sc);
        Caller caller = Caller.of(sc);
        if (!caller.municipalities().contains(g.get("applicantKey")) && !ownProvider(caller, g)) {
            throw new de.paktwerk.core.api.ForbiddenException("Die Angaben zum Zuschuss macht der Zuwendungsempfänger.");
        }
        return g;
    }

    /** True if the grant went to a provider the caller acts for. */
    private static boolean ownProvider(Caller caller, Map<String, Object> grant) {
        Object provider = grant.get("providerId");
        return provider != null && caller.providers().contains(provider);
    }

    private Dialogue keptDialogue(long id, SecurityContext sc) {
        Dialogue d = visibleDialogue(id, sc);
        keptGrant(d.applicationId(), sc);
        return d;
    }

    private Dialogue visibleDialogue(long id, SecurityContext sc) {
        Dialogue d = store.dialogue(id);
        visibleGrant(d.applicationId(), sc);
        return d;
    }

    // ---- calls ------------------------------------------------------------------------------------------

    @POST
    @Path("calls")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Caller.APPROVER)
    @Operation(operationId = "createCall", summary = "Aufruf eröffnen: Budget, Frist, Antragsberechtigte, Fördergegenstände, Spanne, Eigen- und Personalanteil")
    @ApiResponses({@ApiResponse(responseCode = "201", description = "eröffnet", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = Call.class))),
            @ApiResponse(responseCode = "422", ref = "#/components/responses/IdempotencyKeyReused")})
    public Response createCall(Model.CallInput body, @Context SecurityContext sc) {
        return Response.status(201).entity(store.createCall(RestParams.body(body), Caller.of(sc).name())).build();
    }

    @GET
    @Path("calls")
    @RolesAllowed({Caller.MUNICIPALITY, Caller.PROVIDER, Caller.APPROVER, Caller.AUDITOR})
    @Operation(operationId = "listCalls", summary = "Aufrufe")
    public List<Call> calls() {
        return store.calls();
    }

    @GET
    @Path("calls/{id}")
    @RolesAllowed({Caller.MUNICIPALITY, Caller.PROVIDER, Caller.APPROVER, Caller.AUDITOR})
    @Operation(operationId = "getCall", summary = "Ein Aufruf")
    public Call call(@PathParam("id") @Parameter(schema = @Schema(type = "integer", format = "int64")) String id) {
        return store.call(RestParams.id(id, "id"));
    }

    @PUT
    @Path("applications/{id}/score")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Caller.APPROVER)
    @Operation(operationId = "scoreApplication", summary = "Jury-Bewertung eines eingereichten Antrags nach der Frist (0 bis 100)")
    @ApiResponses({@ApiResponse(responseCode = "200", description = "bewertet", useReturnTypeSchema = true),
            @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict"),
            @ApiResponse(responseCode = "422", ref = "#/components/responses/IdempotencyKeyReused")})
    public Model.Score score(@PathParam("id") @Parameter(schema = @Schema(type = "integer", format = "int64")) String id, Model.ScoreInput body,
                             @Context SecurityContext sc) {
        return store.score(RestParams.id(id, "id"), RestParams.body(body), Caller.of(sc).name());
    }

    @GET
    @Path("calls/{id}/scores")
    @RolesAllowed({Caller.APPROVER, Caller.AUDITOR})
    @Operation(operationId = "listScores", summary = "Jury-Bewertungen eines Aufrufs")
    public List<Model.Score> scores(@PathParam("id") @Parameter(schema = @Schema(type = "integer", format = "int64")) String id) {
        return store.scores(RestParams.id(id, "id"));
    }

    @GET
    @Path("calls/{id}/ranking")
    @RolesAllowed({Caller.APPROVER, Caller.AUDITOR})
    @Operation(operationId = "previewRanking", summary = "Rangfolge nach der Frist als Vorschau: was ein Lauf jetzt bewilligen würde, nichts wird entschieden")
    @ApiResponses({@ApiResponse(responseCode = "200", description = "erfolgreich", useReturnTypeSchema = true),
            @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict")})
    public Model.Ranking previewRanking(@PathParam("id") @Parameter(schema = @Schema(type = "integer", format = "int64")) String id,
                                        @Context SecurityContext sc) {
        return store.ranking(RestParams.id(id, "id"), false, Caller.of(sc).name());
    }

    @POST
    @Path("calls/{id}/ranking")
    @RolesAllowed(Caller.APPROVER)
    @Operation(operationId = "runRanking", summary = "Rangfolge ausführen: in einer Transaktion nach Bewertung bewilligen, solange das Budget des Aufrufs reicht")
    @ApiResponses({@ApiResponse(responseCode = "200", description = "ausgeführt", useReturnTypeSchema = true),
            @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict"),
            @ApiResponse(responseCode = "422", ref = "#/components/responses/RuleViolated")})
    public Model.Ranking runRanking(@PathParam("id") @Parameter(schema = @Schema(type = "integer", format = "int64")) String id,
                                    @Context SecurityContext sc) {
        return store.ranking(RestParams.id(id, "id"), true, Caller.of(sc).name());
    }

    // ---- pricing ----------------------------------------------------------------------------------------

    @POST
    @Path("pricing")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Caller.MUNICIPALITY, Caller.PROVIDER, Caller.APPROVER})
    @Operation(operationId = "priceApplication", summary = "Antragsangaben gegen die Regeln ihres Aufrufs prüfen und bepreisen, ohne zu"
            + " speichern: die Tür der Plattform (POST /api/core/applications/pricing)")
    @ApiResponses({@ApiResponse(responseCode = "200", description = "erfolgreich", useReturnTypeSchema = true),
            @ApiResponse(responseCode = "404", ref = "#/components/responses/NotFound"),
            @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict"),
            @ApiResponse(responseCode = "422", ref = "#/components/responses/RuleViolated")})
    public DraftPricing.Price pricing(Model.Payload body,
                                    @Parameter(description = "Träger, der im eigenen Namen beantragt", schema = @Schema(type = "integer", format = "int64"))
                                    @QueryParam("provider") String provider,
                                    @Parameter(description = "Förderzeitraum, z. B. 2019; ohne: der des Tages") @QueryParam("period") String period,
                                    @Parameter(description = "amtlicher Schlüssel des Antragstellers; ohne: die eigene Kommune") @QueryParam("applicant") String applicant,
                                    @Parameter(description = "Tag, zu dem bepreist wird (Fristen), JJJJ-MM-TT; ohne: heute", schema = @Schema(type = "string", format = "date")) @QueryParam("asOf") String asOf,
                                    @Context SecurityContext sc) {
        Long providerId = RestParams.optionalId(provider, "provider");
        Model.Payload p = RestParams.body(body);
        // without a period, the call's project term says it (the period in which it starts)
        Model.Call call = period == null && p.callId() != null ? store.call(p.callId()) : null;
        de.paktwerk.core.api.Term term = call == null || call.termStart() == null || call.termEnd() == null ? null : new de.paktwerk.core.api.Term(de.paktwerk.core.api.Term.Kind.CALL_TERM,
                call.termStart(), call.termEnd());
        de.paktwerk.core.api.NewApplication draft;
        if (providerId != null) {
            Provider prov = registry.provider(providerId).orElseThrow(() -> new UnknownEntityException("Träger " + providerId + " ist unbekannt."));
            draft = new de.paktwerk.core.api.NewApplication(prov.responsibleKey(), CeRules.AREA, period, null, providerId,
                    DraftPricing.payload(p), ApplicantKind.PROVIDER, term);
        } else {
            draft = new de.paktwerk.core.api.NewApplication(DraftPricing.applicant(sc, applicant), CeRules.AREA, period, null, null,
                    DraftPricing.payload(p), null, term);
        }
        return DraftPricing.price(applications, sc, draft, asOf);
    }

    // ---- grants and passing on ---------------------------------------------------------------------------

    @GET
    @Path("grants/{id}")
    @RolesAllowed({Caller.MUNICIPALITY, Caller.PROVIDER, Caller.APPROVER, Caller.AUDITOR})
    @Operation(operationId = "getGrant", summary = "Zuschuss in Kraft zu einem Antrag, mit dem weitergeleiteten Betrag")
    @ApiResponses({@ApiResponse(responseCode = "200", description = "erfolgreich", content = @Content(mediaType = "application/json",
            schema = @Schema(type = "object")))})
    public Map<String, Object> grant(@PathParam("id") @Parameter(schema = @Schema(type = "integer", format = "int64")) String id,
                                     @Context SecurityContext sc) {
        return visibleGrant(RestParams.id(id, "id"), sc);
    }

    @POST
    @Path("grants/{id}/sub-grants")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Caller.MUNICIPALITY, Caller.PROVIDER})
    @Operation(operationId = "passOn", summary = "Weiterleitung an einen örtlichen Verein: Empfänger, Betrag, Zweck; die Summe bleibt im Zuschuss")
    @ApiResponses({@ApiResponse(responseCode = "201", description = "weitergeleitet", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = SubGrant.class))),
            @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict"),
            @ApiResponse(responseCode = "422", ref = "#/components/responses/IdempotencyKeyReused")})
    public Response passOn(@PathParam("id") @Parameter(schema = @Schema(type = "integer", format = "int64")) String id, Model.SubGrantInput body,
                           @Context SecurityContext sc) {
        long app = RestParams.id(id, "id");
        keptGrant(app, sc);
        return Response.status(201).entity(store.addSubGrant(app, RestParams.body(body), Caller.of(sc).name())).build();
    }

    @GET
    @Path("grants/{id}/sub-grants")
    @RolesAllowed({Caller.MUNICIPALITY, Caller.PROVIDER, Caller.APPROVER, Caller.AUDITOR})
    @Operation(operationId = "listSubGrants", summary = "Weiterleitungen eines Zuschusses")
    public List<SubGrant> subGrants(@PathParam("id") @Parameter(schema = @Schema(type = "integer", format = "int64")) String id,
                                    @Context SecurityContext sc) {
        long app = RestParams.id(id, "id");
        visibleGrant(app, sc);
        return store.subGrants(app);
    }

    @POST
    @Path("sub-grants/{id}/proof")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Caller.MUNICIPALITY, Caller.PROVIDER})
    @Operation(operationId = "proveSubGrant", summary = "Einfacher Verwendungsnachweis einer Weiterleitung: ausgegebener Betrag und kurzer Bericht")
    @ApiResponses({@ApiResponse(responseCode = "200", description = "nachgewiesen", useReturnTypeSchema = true),
            @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict"),
            @ApiResponse(responseCode = "422", ref = "#/components/responses/IdempotencyKeyReused")})
    public SubGrant proveSubGrant(@PathParam("id") @Parameter(schema = @Schema(type = "integer", format = "int64")) String id,
                                  Model.SubGrantProof body, @Context SecurityContext sc) {
        SubGrant s = store.subGrant(RestParams.id(id, "id"));
        keptGrant(s.applicationId(), sc);
        return store.proveSubGrant(s.id(), RestParams.body(body), Caller.of(sc).name());
    }

    // ---- dialogues --------------------------------------------------------------------------------------

    @GET
    @Path("dialogues")
    @RolesAllowed({Caller.MUNICIPALITY, Caller.APPROVER, Caller.AUDITOR})
    @Operation(operationId = "listDialogues", summary = "Bewilligte Nachbarschaftsgespräche (eigene; Bewilligungsstelle alle), nach Aufruf und Antragsteller")
    public List<Dialogue> dialogues(@Parameter(schema = @Schema(type = "integer", format = "int64")) @QueryParam("call") String call,
                                    @QueryParam("applicant") String applicant, @Context SecurityContext sc) {
        Caller caller = Caller.of(sc);
        return store.dialogues(RestParams.optionalId(call, "call"), RestParams.optional(applicant)).stream()
                .filter(d -> caller.mayActFor(d.applicantKey())).toList();
    }

    @GET
    @Path("dialogues/{id}")
    @RolesAllowed({Caller.MUNICIPALITY, Caller.APPROVER, Caller.AUDITOR})
    @Operation(operationId = "getDialogue", summary = "Ein Nachbarschaftsgespräch mit Veranstaltungen und Maßnahmen gezählt")
    public Dialogue dialogue(@PathParam("id") @Parameter(schema = @Schema(type = "integer", format = "int64")) String id, @Context SecurityContext sc) {
        return visibleDialogue(RestParams.id(id, "id"), sc);
    }

    @POST
    @Path("dialogues/{id}/events")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Caller.MUNICIPALITY)
    @Operation(operationId = "addEvent", summary = "Veranstaltung eines Nachbarschaftsgesprächs: Datum, Teilnehmende, davon mit Migrationsgeschichte")
    @ApiResponses({@ApiResponse(responseCode = "201", description = "erfasst", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = Model.Event.class))),
            @ApiResponse(responseCode = "422", ref = "#/components/responses/IdempotencyKeyReused")})
    public Response addEvent(@PathParam("id") @Parameter(schema = @Schema(type = "integer", format = "int64")) String id, Model.EventInput body,
                             @Context SecurityContext sc) {
        Dialogue d = keptDialogue(RestParams.id(id, "id"), sc);
        return Response.status(201).entity(store.addEvent(d.id(), RestParams.body(body), Caller.of(sc).name())).build();
    }

    @GET
    @Path("dialogues/{id}/events")
    @RolesAllowed({Caller.MUNICIPALITY, Caller.APPROVER, Caller.AUDITOR})
    @Operation(operationId = "listEvents", summary = "Veranstaltungen eines Nachbarschaftsgesprächs")
    public List<Model.Event> events(@PathParam("id") @Parameter(schema = @Schema(type = "integer", format = "int64")) String id,
                                    @Context SecurityContext sc) {
        return store.events(visibleDialogue(RestParams.id(id, "id"), sc).id());
    }

    @POST
    @Path("dialogues/{id}/strategies")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Caller.MUNICIPALITY)
    @Operation(operationId = "addStrategy", summary = "Vereinbarte Maßnahme eines Nachbarschaftsgesprächs: Titel, Maßnahme, Verantwortliche, Termin")
    @ApiResponses({@ApiResponse(responseCode = "201", description = "erfasst", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = Model.Strategy.class))),
            @ApiResponse(responseCode = "422", ref = "#/components/responses/IdempotencyKeyReused")})
    public Response addStrategy(@PathParam("id") @Parameter(schema = @Schema(type = "integer", format = "int64")) String id,
                                Model.StrategyInput body, @Context SecurityContext sc) {
        Dialogue d = keptDialogue(RestParams.id(id, "id"), sc);
        return Response.status(201).entity(store.addStrategy(d.id(), RestParams.body(body), Caller.of(sc).name())).build();
    }

    @GET
    @Path("dialogues/{id}/strategies")
    @RolesAllowed({Caller.MUNICIPALITY, Caller.APPROVER, Caller.AUDITOR})
    @Operation(operationId = "listStrategies", summary = "Vereinbarte Maßnahmen eines Nachbarschaftsgesprächs mit Stand")
    public List<Model.Strategy> strategies(@PathParam("id") @Parameter(schema = @Schema(type = "integer", format = "int64")) String id,
                                           @Context SecurityContext sc) {
        return store.strategies(visibleDialogue(RestParams.id(id, "id"), sc).id());
    }

    @POST
    @Path("strategies/{id}/status")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Caller.MUNICIPALITY)
    @Operation(operationId = "setStrategyStatus", summary = "Stand einer vereinbarten Maßnahme: OPEN, DONE oder DROPPED")
    @ApiResponses({@ApiResponse(responseCode = "200", description = "geändert", useReturnTypeSchema = true),
            @ApiResponse(responseCode = "422", ref = "#/components/responses/IdempotencyKeyReused")})
    public Model.Strategy setStatus(@PathParam("id") @Parameter(schema = @Schema(type = "integer", format = "int64")) String id,
                                    Model.StatusInput body, @Context SecurityContext sc) {
        Model.Strategy s = store.strategy(RestParams.id(id, "id"));
        keptDialogue(s.dialogueId(), sc);
        return store.setStatus(s.id(), RestParams.body(body), Caller.of(sc).name());
    }

    // ---- reports ---------------------------------------------------------------------------------------

    @GET
    @Path("reports/calls/{id}")
    @RolesAllowed({Caller.APPROVER, Caller.AUDITOR})
    @Operation(operationId = "getCallReport", summary = "Bericht eines Aufrufs je Fördergegenstand: Anträge, Bewilligungen, Nachweise, Zahlen (Gruppen unter 5 unterdrückt)")
    public List<Model.CallReport> callReport(@PathParam("id") @Parameter(schema = @Schema(type = "integer", format = "int64")) String id) {
        return store.callReport(RestParams.id(id, "id"));
    }

    @GET
    @Path("reports/calls/{id}/applicants")
    @RolesAllowed({Caller.MUNICIPALITY, Caller.PROVIDER, Caller.APPROVER, Caller.AUDITOR})
    @Operation(operationId = "getApplicantReport", summary = "Bericht eines Aufrufs je Zuwendungsempfänger (eigene; Bewilligungsstelle alle)")
    public List<Model.ApplicantReport> applicantReport(@PathParam("id") @Parameter(schema = @Schema(type = "integer", format = "int64")) String id,
                                                      @Context SecurityContext sc) {
        Caller caller = Caller.of(sc);
        return store.applicantReport(RestParams.id(id, "id")).stream()
                .filter(r -> caller.seesAllMunicipalities() || (r.providerId() != null ? caller.providers().contains(r.providerId())
                        : caller.municipalities().contains(r.applicantKey()))).toList();
    }

    @GET
    @Path("openapi.json")
    @PermitAll
    @Operation(operationId = "getCivicEngagementOpenApi", summary = "Dieses OpenAPI-Dokument", security = {},
            extensions = @io.swagger.v3.oas.annotations.extensions.Extension(properties = @io.swagger.v3.oas.annotations.extensions.ExtensionProperty(name = "paktwerk-public", value = "true")))
    @ApiResponses({@ApiResponse(responseCode = "200", description = "OpenAPI-Dokument", content = @Content(mediaType = "application/json", schema = @Schema(type = "object")))})
    public Response openApi() {
        return RestParams.openApi(CeResource.class, "openapi/civic-engagement.json");
    }
}
