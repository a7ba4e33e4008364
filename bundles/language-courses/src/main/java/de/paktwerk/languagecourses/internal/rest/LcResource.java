package de.paktwerk.languagecourses.internal.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.responses.ApiResponses;

import de.paktwerk.core.api.ApplicationService;
import de.paktwerk.core.api.Assessment;
import de.paktwerk.core.api.InvalidInputException;
import de.paktwerk.core.api.UnknownEntityException;
import de.paktwerk.core.api.rest.Caller;
import de.paktwerk.core.api.rest.DraftPricing;
import de.paktwerk.core.api.rest.RestParams;
import de.paktwerk.languagecourses.internal.LcRules;
import de.paktwerk.languagecourses.internal.LcStore;
import de.paktwerk.languagecourses.internal.Model;
import de.paktwerk.languagecourses.internal.Model.AttendanceList;
import de.paktwerk.languagecourses.internal.Model.Course;
import de.paktwerk.languagecourses.internal.Model.CoursePlan;
import de.paktwerk.languagecourses.internal.Model.Participant;
import de.paktwerk.languagecourses.internal.Model.Pricing;
import de.paktwerk.languagecourses.internal.Model.Session;
import de.paktwerk.languagecourses.internal.Rules;
import java.util.List;
import javax.annotation.security.PermitAll;
import javax.annotation.security.RolesAllowed;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
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
 * Courses, participants and their waiting list, course days with attendance and signed lists, pricing, settlement
 * and reports of "Spracherwerb (VwV Deutsch)". A Kreis's users (and the provider running a course) keep its courses;
 * the approval office and auditors see all; anyone else gets 404 for a course that is not theirs.
 */
@io.swagger.v3.oas.annotations.tags.Tag(name = "language-courses")
@Component(service = LcResource.class)
@JaxrsResource
@JaxrsApplicationSelect(LcApplication.SELECT)
@JSONRequired
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class LcResource {

    private final LcStore store;
    private final LcRules rules;
    private final ApplicationService applications;

    @Activate
    public LcResource(@Reference LcStore store, @Reference LcRules rules,
                      @Reference ApplicationService applications) {
        this.store = store;
        this.rules = rules;
        this.applications = applications;
    }

    private static boolean maySee(Caller caller, Course c) {
        return caller.mayActFor(c.responsibleKey()) || caller.providers().contains(c.providerId());
    }

    /** The course if the caller may see it, else 404 (a course of another Kreis is not revealed). */
    private Course visible(long id, SecurityContext sc) {
        Course c = store.course(id);
        if (!maySee(Caller.of(sc), c)) {
            throw new UnknownEntityException("Kurs " + id + " ist unbekannt.");
        }
        return c;
    }

    /** The course if the caller keeps it (its Kreis or its provider); the office only reads. */
    private Course kept(long id, SecurityContext sc) {
        Caller caller = Caller.of(sc);
        Course c = visible(id, sc);
        if (!caller.municipalities().contains(c.responsibleKey()) && !caller.providers().contains(c.providerId())) {
            throw new de.paktwerk.core.api.ForbiddenException("Kurse führt der Kreis " + c.responsibleKey() + " oder sein Kursträger.");
        }
        return c;
    }

    private Participant participantKept(long id, SecurityContext sc) {
        Participant p = store.participant(id);
        kept(p.courseId(), sc);
        return p;
    }

    // ---- courses --------------------------------------------------------------------------------------

    @GET
    @Path("courses")
    @RolesAllowed({Caller.MUNICIPALITY, Caller.PROVIDER, Caller.APPROVER, Caller.AUDITOR})
    @Operation(operationId = "listCourses", summary = "Kurse aus bewilligten Kursplänen (eigene; Bewilligungsstelle alle), nach Kursperiode, Kreis, Antrag")
    public List<Course> courses(@Parameter(description = "z. B. 2017/18") @QueryParam("coursePeriod") String period,
                                @QueryParam("responsible") String responsible,
                                @Parameter(schema = @Schema(type = "integer", format = "int64")) @QueryParam("application") String application,
                                @Context SecurityContext sc) {
        Caller caller = Caller.of(sc);
        Integer year = period == null ? null : Rules.parsePeriod(period);
        return store.courses(year, RestParams.optional(responsible), RestParams.optionalId(application, "application")).stream()
                .filter(c -> maySee(caller, c)).toList();
    }

    @GET
    @Path("courses/{id}")
    @RolesAllowed({Caller.MUNICIPALITY, Caller.PROVIDER, Caller.APPROVER, Caller.AUDITOR})
    @Operation(operationId = "getCourse", summary = "Ein Kurs mit gehaltenen UE, Aufgenommenen und Wartenden")
    public Course course(@PathParam("id") @Parameter(schema = @Schema(type = "integer", format = "int64")) String id, @Context SecurityContext sc) {
        return visible(RestParams.id(id, "id"), sc);
    }

    // ---- participants ----------------------------------------------------------------------------------

    @GET
    @Path("courses/{id}/participants")
    @RolesAllowed({Caller.MUNICIPALITY, Caller.PROVIDER, Caller.APPROVER, Caller.AUDITOR})
    @Operation(operationId = "listParticipants", summary = "Teilnehmende und Warteliste eines Kurses (pseudonymisiert)")
    public List<Participant> participants(@PathParam("id") @Parameter(schema = @Schema(type = "integer", format = "int64")) String id,
                                          @Context SecurityContext sc) {
        return store.participants(visible(RestParams.id(id, "id"), sc).id());
    }

    @POST
    @Path("courses/{id}/participants")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Caller.MUNICIPALITY, Caller.PROVIDER})
    @Operation(operationId = "enrolParticipant", summary = "Teilnehmende aufnehmen; ist der Kurs voll, auf die Warteliste")
    @ApiResponses({@ApiResponse(responseCode = "201", description = "aufgenommen (ENROLLED) oder auf der Warteliste (WAITING)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Participant.class))),
            @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict"),
            @ApiResponse(responseCode = "422", ref = "#/components/responses/IdempotencyKeyReused")})
    public Response enrol(@PathParam("id") @Parameter(schema = @Schema(type = "integer", format = "int64")) String id,
                          Model.ParticipantInput body, @Context SecurityContext sc) {
        Course c = kept(RestParams.id(id, "id"), sc);
        return Response.status(201).entity(store.enrol(c.id(), RestParams.body(body), Caller.of(sc).name())).build();
    }

    @GET
    @Path("participants/{id}")
    @RolesAllowed({Caller.MUNICIPALITY, Caller.PROVIDER, Caller.APPROVER, Caller.AUDITOR})
    @Operation(operationId = "getParticipant", summary = "Teilnehmende (pseudonymisiert)")
    public Participant participant(@PathParam("id") @Parameter(schema = @Schema(type = "integer", format = "int64")) String id,
                                   @Context SecurityContext sc) {
        Participant p = store.participant(RestParams.id(id, "id"));
        visible(p.courseId(), sc);
        return p;
    }

    @POST
    @Path("participants/{id}/leave")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Caller.MUNICIPALITY, Caller.PROVIDER})
    @Operation(operationId = "leaveCourse", summary = "Abschluss, Abbruch oder Rückzug von der Warteliste; ein frei gewordener Platz geht an die erste Person der Warteliste")
    @ApiResponses({@ApiResponse(responseCode = "200", description = "ausgeschieden", useReturnTypeSchema = true),
            @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict"),
            @ApiResponse(responseCode = "422", ref = "#/components/responses/IdempotencyKeyReused")})
    public Participant leave(@PathParam("id") @Parameter(schema = @Schema(type = "integer", format = "int64")) String id,
                             Model.Leave body, @Context SecurityContext sc) {
        Participant p = participantKept(RestParams.id(id, "id"), sc);
        return store.leave(p.id(), RestParams.body(body), Caller.of(sc).name());
    }

    @POST
    @Path("participants/{id}/outcome")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Caller.MUNICIPALITY, Caller.PROVIDER})
    @Operation(operationId = "recordOutcome", summary = "Zertifizierte Prüfung (Niveau, bestanden) und erstattete Fahrtkosten erfassen")
    @ApiResponses({@ApiResponse(responseCode = "200", description = "erfasst", useReturnTypeSchema = true),
            @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict"),
            @ApiResponse(responseCode = "422", ref = "#/components/responses/IdempotencyKeyReused")})
    public Participant outcome(@PathParam("id") @Parameter(schema = @Schema(type = "integer", format = "int64")) String id,
                               Model.Outcome body, @Context SecurityContext sc) {
        Participant p = participantKept(RestParams.id(id, "id"), sc);
        return store.outcome(p.id(), RestParams.body(body), Caller.of(sc).name());
    }

    // ---- course days and signed lists ------------------------------------------------------------------

    @GET
    @Path("courses/{id}/sessions")
    @RolesAllowed({Caller.MUNICIPALITY, Caller.PROVIDER, Caller.APPROVER, Caller.AUDITOR})
    @Operation(operationId = "listSessions", summary = "Kurstage eines Kurses mit Anwesenheit und ihrer Anwesenheitsliste")
    public List<Session> sessions(@PathParam("id") @Parameter(schema = @Schema(type = "integer", format = "int64")) String id,
                                  @Context SecurityContext sc) {
        return store.sessions(visible(RestParams.id(id, "id"), sc).id());
    }

    @POST
    @Path("courses/{id}/sessions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Caller.MUNICIPALITY, Caller.PROVIDER})
    @Operation(operationId = "recordSession", summary = "Kurstag erfassen: gehaltene UE, Anwesende, betreute Kinder; der erste Kurstag braucht die Mindestteilnehmerzahl")
    @ApiResponses({@ApiResponse(responseCode = "201", description = "erfasst", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = Session.class))),
            @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict"),
            @ApiResponse(responseCode = "422", ref = "#/components/responses/RuleViolated")})
    public Response recordSession(@PathParam("id") @Parameter(schema = @Schema(type = "integer", format = "int64")) String id,
                                  Model.SessionInput body, @Context SecurityContext sc) {
        Course c = kept(RestParams.id(id, "id"), sc);
        return Response.status(201).entity(store.recordSession(c.id(), RestParams.body(body), Caller.of(sc).name())).build();
    }

    @POST
    @Path("courses/{id}/attendance-lists")
    @Consumes({"application/pdf", "image/png", "image/jpeg", "image/tiff"})
    @RolesAllowed({Caller.MUNICIPALITY, Caller.PROVIDER})
    @Operation(operationId = "uploadAttendanceList", summary = "Unterschriebene Anwesenheitsliste hochladen (PDF oder Scan, höchstens 1 MiB);"
            + " die Kurstage von from bis to zählen damit")
    @ApiResponses({@ApiResponse(responseCode = "201", description = "gespeichert mit SHA-256", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = AttendanceList.class))),
            @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict"),
            @ApiResponse(responseCode = "422", ref = "#/components/responses/IdempotencyKeyReused")})
    public Response uploadList(@PathParam("id") @Parameter(schema = @Schema(type = "integer", format = "int64")) String id,
                               @Parameter(description = "erster Kurstag der Liste, JJJJ-MM-TT", required = true) @QueryParam("from") String from,
                               @Parameter(description = "letzter Kurstag der Liste, JJJJ-MM-TT", required = true) @QueryParam("to") String to,
                               @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, byte[] body, @Context SecurityContext sc) {
        Course c = kept(RestParams.id(id, "id"), sc);
        String type = contentType == null ? null : contentType.split(";")[0].trim().toLowerCase(java.util.Locale.ROOT);
        return Response.status(201).entity(store.uploadList(c.id(), RestParams.date(from, "from"), RestParams.date(to, "to"), type, body,
                Caller.of(sc).name())).build();
    }

    @GET
    @Path("courses/{id}/attendance-lists")
    @RolesAllowed({Caller.MUNICIPALITY, Caller.PROVIDER, Caller.APPROVER, Caller.AUDITOR})
    @Operation(operationId = "listAttendanceLists", summary = "Anwesenheitslisten eines Kurses mit ihrem SHA-256")
    public List<AttendanceList> attendanceLists(@PathParam("id") @Parameter(schema = @Schema(type = "integer", format = "int64")) String id,
                                                @Context SecurityContext sc) {
        return store.attendanceLists(visible(RestParams.id(id, "id"), sc).id());
    }

    @GET
    @Path("attendance-lists/{id}")
    @Produces({"application/pdf", "image/png", "image/jpeg", "image/tiff", "application/problem+json"})
    @RolesAllowed({Caller.MUNICIPALITY, Caller.PROVIDER, Caller.APPROVER, Caller.AUDITOR})
    @Operation(operationId = "getAttendanceList", summary = "Die hochgeladene Datei einer Anwesenheitsliste")
    @ApiResponses({@ApiResponse(responseCode = "200", description = "die Datei", content = @Content(mediaType = "application/pdf",
            schema = @Schema(type = "string", format = "binary")))})
    public Response attendanceList(@PathParam("id") @Parameter(schema = @Schema(type = "integer", format = "int64")) String id,
                                   @Context SecurityContext sc) {
        AttendanceList list = store.attendanceList(RestParams.id(id, "id"));
        visible(list.courseId(), sc);
        return Response.ok(store.attendanceListContent(list.id()), list.mediaType())
                .header("Content-Disposition", "attachment; filename=\"anwesenheit-" + list.courseId() + "-" + list.from() + ".bin\"")
                .header("Digest", "sha-256=" + list.sha256()).build();
    }

    // ---- the approval office ---------------------------------------------------------------------------

    @POST
    @Path("applications/{id}/early-start")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Caller.APPROVER)
    @Operation(operationId = "approveEarlyStart", summary = "Vorzeitigen Maßnahmebeginn genehmigen: Kurstage vor dem Bescheid zählen")
    @ApiResponses({@ApiResponse(responseCode = "201", description = "genehmigt", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = Model.EarlyStart.class))),
            @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict"),
            @ApiResponse(responseCode = "422", ref = "#/components/responses/IdempotencyKeyReused")})
    public Response earlyStart(@PathParam("id") @Parameter(schema = @Schema(type = "integer", format = "int64")) String id,
                               Model.ReasonBody body, @Context SecurityContext sc) {
        de.paktwerk.core.api.Application app = applications.get(RestParams.id(id, "id"));
        if (!LcRules.AREA.equals(app.areaId())) {
            throw new UnknownEntityException("Antrag " + app.id() + " gehört nicht zum Förderbereich " + LcRules.AREA + ".");
        }
        return Response.status(201).entity(store.recordEarlyStart(app.id(), RestParams.body(body).reason(), Caller.of(sc).name())).build();
    }

    // ---- computing without storing -----------------------------------------------------------------------

    @POST
    @Path("pricing")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Caller.MUNICIPALITY, Caller.APPROVER})
    @Operation(operationId = "priceCoursePlan", summary = "Kursplan bepreisen, ohne zu speichern: die Tür der Plattform"
            + " (POST /api/core/applications/pricing), dieselbe Bewertung wie beim Anlegen des Antrags")
    @ApiResponses({@ApiResponse(responseCode = "200", description = "erfolgreich", useReturnTypeSchema = true),
            @ApiResponse(responseCode = "404", ref = "#/components/responses/NotFound"),
            @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict"),
            @ApiResponse(responseCode = "422", ref = "#/components/responses/RuleViolated")})
    public DraftPricing.Price pricing(CoursePlan body,
                                    @Parameter(description = "z. B. 2017/18; ohne: die Kursperiode, die im Förderzeitraum des Tages beginnt") @QueryParam("coursePeriod") String period,
                                    @Parameter(description = "amtlicher Schlüssel des Antragstellers; ohne: die eigene Kommune") @QueryParam("applicant") String applicant,
                                    @Parameter(description = "Tag, zu dem bepreist wird (Fristen), JJJJ-MM-TT; ohne: heute", schema = @Schema(type = "string", format = "date")) @QueryParam("asOf") String asOf,
                                    @Context SecurityContext sc) {
        de.paktwerk.core.api.Term term = period == null ? null : de.paktwerk.core.api.Term.coursePeriod(Rules.parsePeriod(period));
        return DraftPricing.price(applications, sc, new de.paktwerk.core.api.NewApplication(DraftPricing.applicant(sc, applicant), LcRules.AREA,
                null, null, null, DraftPricing.payload(body), null, term), asOf);
    }

    @POST
    @Path("settlement")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Caller.MUNICIPALITY, Caller.PROVIDER, Caller.APPROVER})
    @Operation(operationId = "settleDelivery", summary = "Einen Kurs nach seinen gehaltenen Kurstagen abrechnen, ohne zu speichern (wie beim Verwendungsnachweis)")
    @ApiResponses({@ApiResponse(responseCode = "200", description = "erfolgreich", useReturnTypeSchema = true),
            @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict"),
            @ApiResponse(responseCode = "422", ref = "#/components/responses/RuleViolated")})
    public Pricing settlement(Model.Delivery body) {
        Assessment a = rules.get().settle(RestParams.body(body));
        return new Pricing(a.amount(), a.items());
    }

    @GET
    @Path("settlements")
    @RolesAllowed({Caller.MUNICIPALITY, Caller.APPROVER, Caller.AUDITOR})
    @Operation(operationId = "settleDistrictPeriod", summary = "Abrechnung aller Kurse eines Kreises in einer Kursperiode nach dem Erfassten, ohne zu speichern")
    @ApiResponses({@ApiResponse(responseCode = "200", description = "erfolgreich", useReturnTypeSchema = true),
            @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict")})
    public Pricing settleDistrict(@Parameter(description = "amtlicher Schlüssel des Kreises", required = true) @QueryParam("responsible") String responsible,
                                  @Parameter(description = "z. B. 2017/18", required = true) @QueryParam("coursePeriod") String period,
                                  @Context SecurityContext sc) {
        if (responsible == null) {
            throw new InvalidInputException("Der Kreis fehlt (?responsible=amtlicher Schlüssel).");
        }
        Caller.of(sc).requireMunicipality(responsible);
        Assessment a = store.settleDistrict(responsible, Rules.parsePeriod(period));
        return new Pricing(a.amount(), a.items());
    }

    // ---- reports ---------------------------------------------------------------------------------------

    @GET
    @Path("reports/courses")
    @RolesAllowed({Caller.MUNICIPALITY, Caller.APPROVER, Caller.AUDITOR})
    @Operation(operationId = "getCourseReport", summary = "Bericht je Kurs einer Kursperiode: UE, Aufgenommene, Abschlüsse, Abbrüche, Anwesenheitsquote, Prüfungen, Kinderbetreuung")
    public List<Model.CourseReport> courseReport(@Parameter(description = "z. B. 2017/18", required = true) @QueryParam("coursePeriod") String period,
                                                 @Context SecurityContext sc) {
        Caller caller = Caller.of(sc);
        return store.courseReports(Rules.parsePeriod(period), null).stream().filter(r -> caller.mayActFor(r.responsibleKey())).toList();
    }

    @GET
    @Path("reports/districts")
    @RolesAllowed({Caller.MUNICIPALITY, Caller.APPROVER, Caller.AUDITOR})
    @Operation(operationId = "getDistrictReport", summary = "Bericht je Kreis einer Kursperiode: Kurse, Teilnehmende nach Status und Altersgruppe (Gruppen unter 5 unterdrückt)")
    public List<Model.DistrictReport> districtReport(@Parameter(description = "z. B. 2017/18", required = true) @QueryParam("coursePeriod") String period,
                                                     @Context SecurityContext sc) {
        Caller caller = Caller.of(sc);
        return store.districtReports(Rules.parsePeriod(period), null).stream().filter(r -> caller.mayActFor(r.responsibleKey())).toList();
    }

    @GET
    @Path("reports/attendance.csv")
    @Produces({"text/csv", "application/problem+json"})
    @RolesAllowed({Caller.APPROVER, Caller.AUDITOR})
    @Operation(operationId = "exportAttendanceCsv", summary = "Anwesenheitsübersicht einer Kursperiode je Kurs als CSV für die Bewilligungsstelle")
    @ApiResponses({@ApiResponse(responseCode = "200", description = "CSV-Datei", content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))})
    public Response attendanceCsv(@Parameter(description = "z. B. 2017/18", required = true) @QueryParam("coursePeriod") String period) {
        int year = Rules.parsePeriod(period);
        return Response.ok(Csv.attendance(store.courseReports(year, null)), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"sprachkurse-anwesenheit-" + year + ".csv\"").build();
    }

    @GET
    @Path("openapi.json")
    @PermitAll
    @Operation(operationId = "getLanguageCoursesOpenApi", summary = "Dieses OpenAPI-Dokument", security = {},
            extensions = @io.swagger.v3.oas.annotations.extensions.Extension(properties = @io.swagger.v3.oas.annotations.extensions.ExtensionProperty(name = "paktwerk-public", value = "true")))
    @ApiResponses({@ApiResponse(responseCode = "200", description = "OpenAPI-Dokument", content = @Content(mediaType = "application/json", schema = @Schema(type = "object")))})
    public Response openApi() {
        return RestParams.openApi(LcResource.class, "openapi/language-courses.json");
    }
}
