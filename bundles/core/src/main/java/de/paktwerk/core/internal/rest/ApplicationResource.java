package de.paktwerk.core.internal.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.responses.ApiResponses;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;

import de.paktwerk.core.api.rest.RestParams;
import de.paktwerk.core.api.Application;
import de.paktwerk.core.api.ApplicationService;
import de.paktwerk.core.api.ApplicationQuery;
import de.paktwerk.core.api.ApplicationState;
import de.paktwerk.core.api.Decision;
import de.paktwerk.core.api.DecisionRequest;
import de.paktwerk.core.api.Drawdown;
import de.paktwerk.core.api.Money;
import de.paktwerk.core.api.NewApplication;
import de.paktwerk.core.api.Page;
import de.paktwerk.core.api.ProofOfUse;
import de.paktwerk.core.api.Reclaim;
import de.paktwerk.core.api.InvalidInputException;
import de.paktwerk.core.api.UnknownEntityException;
import de.paktwerk.core.api.rest.Caller;
import java.util.List;
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

/** Applications, decisions and funds. */
@io.swagger.v3.oas.annotations.tags.Tag(name = "applications")
@Component(service = ApplicationResource.class)
@JaxrsResource
@JaxrsApplicationSelect(CoreApplication.SELECT)
@JSONRequired
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class ApplicationResource {

    /** Body of a drawdown. */
    public record DrawdownBody(Money amount) {
    }

    /** Body of returning a waiting decision. */
    public record ReturnBody(String reason) {
    }

    /** Body of a proof of use; {@code reason} when the approval office records it on the applicant's behalf. */
    public record ProofBody(Money spent, String reason,
                            @Schema(type = "object", description = "Ist-Angaben für Förderbereiche, die nach tatsächlicher Leistung abrechnen; Schema im OpenAPI-Dokument des Bereichs") com.fasterxml.jackson.databind.JsonNode actuals) {
    }

    private final ApplicationService applications;

    @Activate
    public ApplicationResource(@Reference ApplicationService applications, @Reference de.paktwerk.core.api.SurveyService surveys) {
        this.applications = applications;
        this.surveys = surveys;
    }

    private final de.paktwerk.core.api.SurveyService surveys;

    @POST
    @Path("applications")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.MUNICIPALITY, Roles.PROVIDER, Roles.APPROVER})
    @Operation(operationId = "createApplication", summary = "Antrag anlegen (Entwurf), vom Förderbereich bepreist")
    @ApiResponses({@ApiResponse(responseCode = "201", description = "angelegt", content = @Content(mediaType = "application/json", schema = @Schema(implementation = de.paktwerk.core.api.Application.class))),
            @ApiResponse(responseCode = "404", ref = "#/components/responses/NotFound"),
            @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict"),
            @ApiResponse(responseCode = "422", ref = "#/components/responses/IdempotencyKeyReused")})
    public Response create(NewApplication body, @Context SecurityContext sc) {
        NewApplication a = mayApply(body, sc);
        return Response.status(201).entity(applications.create(a, Params.actor(sc))).build();
    }

    /** Only whoever may file an application is told its price; the same scopes as {@link #create}. */
    private static NewApplication mayApply(NewApplication body, SecurityContext sc) {
        NewApplication a = RestParams.body(body);
        Caller.of(sc).requireMayApply(a);
        return a;
    }

    @POST
    @Path("applications/pricing")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.MUNICIPALITY, Roles.PROVIDER, Roles.APPROVER})
    @Operation(operationId = "priceApplication", summary = "Preis eines Antragsentwurfs: dieselbe Bewertung des Förderbereichs wie beim"
            + " Anlegen, ohne etwas zu speichern")
    @ApiResponses({@ApiResponse(responseCode = "200", description = "die Bewertung", content = @Content(mediaType = "application/json", schema = @Schema(implementation = de.paktwerk.core.api.Assessment.class))),
            @ApiResponse(responseCode = "404", ref = "#/components/responses/NotFound"),
            @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict"),
            @ApiResponse(responseCode = "422", ref = "#/components/responses/IdempotencyKeyReused")})
    public de.paktwerk.core.api.Assessment price(NewApplication body, @Parameter(description = "Tag, zu dem bepreist wird (Fristen),"
            + " JJJJ-MM-TT; ohne: heute", schema = @Schema(type = "string", format = "date")) @QueryParam("asOf") String asOf,
                                                 @Context SecurityContext sc) {
        return applications.price(mayApply(body, sc), RestParams.date(asOf, "asOf"));
    }

    @GET
    @Path("applications")
    @Operation(operationId = "listApplications", summary = "Anträge auflisten (eigene Kommune; Bewilligungsstelle alle)")
    @ApiResponses({@ApiResponse(responseCode = "200", description = "erfolgreich", useReturnTypeSchema = true),
            @ApiResponse(responseCode = "403", ref = "#/components/responses/Forbidden")})
    public Page<Application> list(@QueryParam("applicant") String applicant, @QueryParam("area") String area,
                                  @QueryParam("state") String state,
                                  @Parameter(description = "Teil des Namens des Antragstellers oder Anfang seines Schlüssels, z. B. Ulm") @QueryParam("q") String text,
                                  @Parameter(description = "Landkreis (fünfstelliger Schlüssel), z. B. 08425") @QueryParam("district") String district,
                                  @Parameter(description = "Sortierung: id, applicant, area, period, requested, state oder updated; mit - absteigend",
                                          schema = @Schema(pattern = "^-?(id|applicant|area|period|requested|state|updated)$")) @QueryParam("sort") String sort,
                                  @Parameter(schema = @Schema(type = "integer", minimum = "0")) @QueryParam("offset") String offset,
                                  @Parameter(schema = @Schema(type = "integer", minimum = "0")) @QueryParam("limit") String limit, @Context SecurityContext sc) {
        Caller caller = Caller.of(sc);
        ApplicationState st = RestParams.enumParam(ApplicationState.class, state, "state");
        boolean descending = sort != null && sort.startsWith("-");
        ApplicationQuery.Sort order = sort == null || sort.isBlank() ? null
                : RestParams.enumParam(ApplicationQuery.Sort.class, (descending ? sort.substring(1) : sort).toUpperCase(java.util.Locale.ROOT), "sort");
        int from = RestParams.intParam(offset, "offset", 0);
        int size = RestParams.intParam(limit, "limit", 100);
        if (!caller.seesAllMunicipalities() && caller.municipalities().isEmpty() && caller.providers().size() == 1) {
            // a provider's users see the applications in its own name
            return applications.search(new ApplicationQuery(null, caller.providers().iterator().next(), area, st, text, district, true, order,
                    descending), from, size);
        }
        if (!caller.seesAllMunicipalities()) {
            if (applicant == null || applicant.isBlank()) {
                if (caller.municipalities().size() != 1) {
                    throw new InvalidInputException("Bitte den Antragsteller angeben (applicant): Sie handeln für "
                            + (caller.municipalities().isEmpty() ? "keine Kommune" : "mehrere Kommunen") + ".", "applicant");
                }
                applicant = caller.municipalities().iterator().next();
            }
            caller.requireMunicipality(applicant);
        }
        // the office lists what was filed: a municipality's draft is its own until submitted
        return applications.search(new ApplicationQuery(applicant, null, area, st, text, district, !caller.seesAllMunicipalities(), order, descending),
                from, size);
    }

    @GET
    @Path("applications/{id}")
    @Operation(operationId = "getApplication", summary = "Einen Antrag lesen")
    public Application get(@Parameter(schema = @Schema(type = "integer", format = "int64")) @PathParam("id") String id, @Context SecurityContext sc) {
        return own(id, sc);
    }

    @GET
    @Path("applications/{id}/returned-decisions")
    @Operation(operationId = "listReturnedDecisions", summary = "Entscheidungen, die die zweite Person zurückgegeben hat, mit ihrem Grund")
    public List<de.paktwerk.core.api.ReturnedDecision> returned(@Parameter(schema = @Schema(type = "integer", format = "int64")) @PathParam("id") String id,
                                                                 @Context SecurityContext sc) {
        return applications.returnedDecisions(own(id, sc).id());
    }

    /**
     * The application, if the caller may see its applicant's data. Another applicant's application answers 404
     * like one that does not exist, so ids and owners cannot be enumerated.
     */
    private Application own(String id, SecurityContext sc) {
        long appId = id(id);
        Application a = applications.get(appId);
        if (!Caller.of(sc).mayActFor(a)) {
            throw new UnknownEntityException("Antrag " + appId + " ist unbekannt.");
        }
        return a;
    }

    @POST
    @Path("applications/{id}/submit")
    @RolesAllowed({Roles.MUNICIPALITY, Roles.PROVIDER, Roles.APPROVER})
    @Operation(operationId = "submitApplication", summary = "Antrag einreichen")
    @ApiResponses({@ApiResponse(responseCode = "200", description = "erfolgreich", useReturnTypeSchema = true),
            @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict"),
            @ApiResponse(responseCode = "422", ref = "#/components/responses/IdempotencyKeyReused")})
    public Application submit(@Parameter(schema = @Schema(type = "integer", format = "int64")) @PathParam("id") String id, @Context SecurityContext sc) {
        return applications.submit(own(id, sc).id(), Params.actor(sc));
    }

    @POST
    @Path("applications/{id}/withdraw")
    @RolesAllowed({Roles.MUNICIPALITY, Roles.PROVIDER, Roles.APPROVER})
    @Operation(operationId = "withdrawApplication", summary = "Antrag zurückziehen")
    @ApiResponses({@ApiResponse(responseCode = "200", description = "erfolgreich", useReturnTypeSchema = true),
            @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict"),
            @ApiResponse(responseCode = "422", ref = "#/components/responses/IdempotencyKeyReused")})
    public Application withdraw(@Parameter(schema = @Schema(type = "integer", format = "int64")) @PathParam("id") String id, @Context SecurityContext sc) {
        return applications.withdraw(own(id, sc).id(), Params.actor(sc));
    }

    @POST
    @Path("applications/{id}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.APPROVER)
    @Operation(operationId = "decideApplication", summary = "Über einen Antrag entscheiden (bei Bedarf mit Vier-Augen-Bestätigung)")
    @ApiResponses({@ApiResponse(responseCode = "201", description = "angelegt", content = @Content(mediaType = "application/json", schema = @Schema(implementation = de.paktwerk.core.api.Decision.class))),
            @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict"),
            @ApiResponse(responseCode = "422", ref = "#/components/responses/IdempotencyKeyReused")})
    public Response decide(@Parameter(schema = @Schema(type = "integer", format = "int64")) @PathParam("id") String id, DecisionRequest body, @Context SecurityContext sc) {
        return Response.status(201).entity(applications.decide(id(id), RestParams.body(body), Params.actor(sc))).build();
    }

    @POST
    @Path("applications/{id}/decision/return")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.APPROVER)
    @Operation(operationId = "returnDecision", summary = "Wartende Entscheidung als zweite Person mit Grund zurückgeben (Reservierung wird frei)")
    @ApiResponses({@ApiResponse(responseCode = "200", description = "der Antrag, wieder zu entscheiden", useReturnTypeSchema = true),
            @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict"),
            @ApiResponse(responseCode = "422", ref = "#/components/responses/IdempotencyKeyReused")})
    public Application returnDecision(@Parameter(schema = @Schema(type = "integer", format = "int64")) @PathParam("id") String id,
                                      ReturnBody body, @Context SecurityContext sc) {
        return applications.returnDecision(id(id), RestParams.body(body).reason(), Params.actor(sc));
    }

    @POST
    @Path("applications/{id}/decision/amendments")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.APPROVER)
    @Operation(operationId = "amendDecision", summary = "Bewilligung in Kraft ändern (Änderungsbescheid): Betrag herabsetzen, Nebenbestimmungen ersetzen, mit Grund")
    @ApiResponses({@ApiResponse(responseCode = "200", description = "die Entscheidung, wie sie nun gilt", useReturnTypeSchema = true),
            @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict"),
            @ApiResponse(responseCode = "422", ref = "#/components/responses/IdempotencyKeyReused")})
    public Decision amendDecision(@Parameter(schema = @Schema(type = "integer", format = "int64")) @PathParam("id") String id,
                                  de.paktwerk.core.api.DecisionAmendment body, @Context SecurityContext sc) {
        return applications.amendDecision(id(id), RestParams.body(body), Params.actor(sc));
    }

    /**
     * One kind of work waiting for the caller.
     *
     * @param kind {@code TO_DECIDE} (filed, not decided), {@code TO_CONFIRM} (a colleague's decision awaiting the caller as
     *             second person), {@code DRAFTS} (the caller's drafts, not filed yet), {@code SURVEY_TO_REPORT} (an open count
     *             survey still needs the caller's count), {@code SURVEY_TO_CHECK} (reports of the caller's district's
     *             municipalities wait for confirmation), {@code SURVEY_OPEN} (for the office: bodies without a confirmed count)
     * @param title what it is, in German, with the count
     * @param count how many
     */
    public record WorkItem(String kind, String title, long count) {
    }

    @GET
    @Path("work")
    @javax.annotation.security.PermitAll
    @Operation(operationId = "listMyWork", summary = "Was auf mich wartet: je Art die Anzahl (Startseite, Menü)")
    public List<WorkItem> work(@Context SecurityContext sc) {
        Caller caller = Caller.of(sc);
        List<WorkItem> out = new java.util.ArrayList<>();
        if (caller.has(Roles.APPROVER)) {
            long open = applications.search(new ApplicationQuery(null, null, null, ApplicationState.SUBMITTED, null, null, false, null, false, true), 0, 1).total();
            out.add(new WorkItem("TO_DECIDE", open == 1 ? "1 eingereichter Antrag wartet auf die Entscheidung"
                    : open + " eingereichte Anträge warten auf die Entscheidung", open));
            long confirm = applications.awaitingConfirmation(caller.name()).size();
            out.add(new WorkItem("TO_CONFIRM", confirm == 1 ? "1 Entscheidung wartet auf Ihre Bestätigung als zweite Person"
                    : confirm + " Entscheidungen warten auf Ihre Bestätigung als zweite Person", confirm));
        }
        if (!caller.seesAllMunicipalities() && !caller.municipalities().isEmpty()) {
            long drafts = 0;
            for (String key : caller.municipalities()) {
                drafts += applications.search(new ApplicationQuery(key, null, null, ApplicationState.DRAFT, null, null, true, null, false), 0, 1).total();
            }
            out.add(new WorkItem("DRAFTS", drafts == 1 ? "1 Entwurf ist noch nicht eingereicht" : drafts + " Entwürfe sind noch nicht eingereicht", drafts));
        }
        surveyWork(caller, out);
        return out;
    }

    /** What open count surveys ask of the caller: its own count, its municipalities' reports, or (the office) completeness. */
    private void surveyWork(Caller caller, List<WorkItem> out) {
        java.time.format.DateTimeFormatter day = java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy");
        for (de.paktwerk.core.api.SurveyService.Survey s : surveys.surveys()) {
            if (s.state() != de.paktwerk.core.api.SurveyService.State.OPEN) {
                continue;
            }
            String of = " zur Erhebung zum " + s.referenceDate().format(day);
            if (caller.has(Roles.APPROVER) || caller.has(Caller.STATISTICS)) {
                List<de.paktwerk.core.api.SurveyService.Tally> tallies = surveys.progress(s.id());
                de.paktwerk.core.api.SurveyService.Tally all = tallies.get(tallies.size() - 1);
                long open = all.bodies() - all.confirmed();
                out.add(new WorkItem("SURVEY_OPEN", (open == 1 ? "1 Kommune hat" : java.text.NumberFormat.getIntegerInstance(java.util.Locale.GERMANY).format(open) + " Kommunen haben") + " noch keine bestätigte Zahl" + of, open));
            }
            long toReport = 0;
            long toCheck = 0;
            for (String key : caller.municipalities()) {
                if (key.length() == 5) {
                    toCheck += surveys.reports(s.id(), key, de.paktwerk.core.api.SurveyService.ReportState.REPORTED, null, caller.name(), 0, 1).total();
                } else {
                    try {
                        de.paktwerk.core.api.SurveyService.ReportState st = surveys.report(s.id(), key, caller.name()).state();
                        toReport += st == de.paktwerk.core.api.SurveyService.ReportState.MISSING
                                || st == de.paktwerk.core.api.SurveyService.ReportState.RETURNED ? 1 : 0;
                    } catch (de.paktwerk.core.api.PaktwerkException notReporting) {
                        // a scope of a body that does not report itself asks nothing of the caller here
                    }
                }
            }
            if (caller.municipalities().stream().anyMatch(k -> k.length() != 5)) {
                out.add(new WorkItem("SURVEY_TO_REPORT", toReport == 0 ? "Ihre Zahl" + of + " ist gemeldet"
                        : "Ihre Zahl" + of + " fehlt noch oder ist zurückgegeben", toReport));
            }
            if (caller.municipalities().stream().anyMatch(k -> k.length() == 5)) {
                out.add(new WorkItem("SURVEY_TO_CHECK", (toCheck == 1 ? "1 Meldung Ihrer Gemeinden wartet" : toCheck + " Meldungen Ihrer Gemeinden warten")
                        + " auf Ihre Bestätigung" + of, toCheck));
            }
        }
    }

    @GET
    @Path("decisions/awaiting-confirmation")
    @RolesAllowed(Roles.APPROVER)
    @Operation(operationId = "listDecisionsAwaitingConfirmation", summary = "Entscheidungen, die auf meine Bestätigung als zweite Person warten")
    public List<Decision> awaitingConfirmation(@Context SecurityContext sc) {
        return applications.awaitingConfirmation(Params.actor(sc));
    }

    @POST
    @Path("applications/{id}/decision/confirm")
    @RolesAllowed(Roles.APPROVER)
    @Operation(operationId = "confirmDecision", summary = "Entscheidung als zweite Person bestätigen")
    @ApiResponses({@ApiResponse(responseCode = "200", description = "erfolgreich", useReturnTypeSchema = true),
            @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict"),
            @ApiResponse(responseCode = "422", ref = "#/components/responses/IdempotencyKeyReused")})
    public Decision confirm(@Parameter(schema = @Schema(type = "integer", format = "int64")) @PathParam("id") String id, @Context SecurityContext sc) {
        return applications.confirm(id(id), Params.actor(sc));
    }

    @GET
    @Path("applications/{id}/decision")
    @Operation(operationId = "getDecision", summary = "Die Entscheidung zu einem Antrag lesen")
    public Decision decision(@Parameter(schema = @Schema(type = "integer", format = "int64")) @PathParam("id") String id, @Context SecurityContext sc) {
        long appId = own(id, sc).id();
        return applications.decision(appId)
                .orElseThrow(() -> new UnknownEntityException("Über Antrag " + appId + " ist noch nicht entschieden."));
    }

    @POST
    @Path("applications/{id}/drawdowns")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.MUNICIPALITY, Roles.PROVIDER, Roles.APPROVER})
    @Operation(operationId = "createDrawdown", summary = "Mittel abrufen")
    @ApiResponses({@ApiResponse(responseCode = "201", description = "angelegt", content = @Content(mediaType = "application/json", schema = @Schema(implementation = de.paktwerk.core.api.Drawdown.class))),
            @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict"),
            @ApiResponse(responseCode = "422", ref = "#/components/responses/IdempotencyKeyReused")})
    public Response drawdown(@Parameter(schema = @Schema(type = "integer", format = "int64")) @PathParam("id") String id, DrawdownBody body, @Context SecurityContext sc) {
        return Response.status(201).entity(applications.drawdown(own(id, sc).id(), RestParams.body(body).amount(), Params.actor(sc))).build();
    }

    @GET
    @Path("applications/{id}/drawdowns")
    @Operation(operationId = "listDrawdowns", summary = "Mittelabrufe eines Antrags")
    public List<Drawdown> drawdowns(@Parameter(schema = @Schema(type = "integer", format = "int64")) @PathParam("id") String id, @Context SecurityContext sc) {
        return applications.drawdowns(own(id, sc).id());
    }

    @POST
    @Path("applications/{id}/proof-of-use")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.MUNICIPALITY, Roles.PROVIDER, Roles.APPROVER})
    @Operation(operationId = "createProofOfUse", summary = "Verwendungsnachweis erfassen (Bewilligungsstelle nur im Auftrag, mit Begründung)")
    @ApiResponses({@ApiResponse(responseCode = "201", description = "angelegt", content = @Content(mediaType = "application/json", schema = @Schema(implementation = de.paktwerk.core.api.ProofOfUse.class))),
            @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict"),
            @ApiResponse(responseCode = "422", ref = "#/components/responses/IdempotencyKeyReused")})
    public Response proof(@Parameter(schema = @Schema(type = "integer", format = "int64")) @PathParam("id") String id, ProofBody body, @Context SecurityContext sc) {
        ProofBody b = RestParams.body(body);
        return Response.status(201).entity(applications.proofOfUse(own(id, sc).id(),
                new de.paktwerk.core.api.ProofOfUseRequest(b.spent(), b.reason(), b.actuals()), Params.actor(sc))).build();
    }

    @GET
    @Path("applications/{id}/proof-of-use")
    @Operation(operationId = "getProofOfUse", summary = "Den Verwendungsnachweis eines Antrags lesen")
    public ProofOfUse proof(@Parameter(schema = @Schema(type = "integer", format = "int64")) @PathParam("id") String id, @Context SecurityContext sc) {
        long appId = own(id, sc).id();
        return applications.proof(appId)
                .orElseThrow(() -> new UnknownEntityException("Für Antrag " + appId + " liegt kein Verwendungsnachweis vor."));
    }

    @GET
    @Path("reclaims")
    @Operation(operationId = "listReclaims", summary = "Rückforderungen")
    @ApiResponses({@ApiResponse(responseCode = "200", description = "erfolgreich", useReturnTypeSchema = true),
            @ApiResponse(responseCode = "403", ref = "#/components/responses/Forbidden")})
    public List<Reclaim> reclaims(@QueryParam("debtor") String debtor, @Context SecurityContext sc) {
        Caller caller = Caller.of(sc);
        String key = debtor == null || debtor.isBlank() ? null : debtor;
        if (!caller.seesAllMunicipalities()) {
            if (key == null && caller.municipalities().size() == 1) {
                key = caller.municipalities().iterator().next();
            }
            if (key == null) {
                throw new InvalidInputException("Bitte die Kommune angeben (debtor).");
            }
            caller.requireMunicipality(key);
        }
        return applications.reclaims(key);
    }

    private static long id(String id) {
        return RestParams.id(id, "Antragsnummer");
    }
}
