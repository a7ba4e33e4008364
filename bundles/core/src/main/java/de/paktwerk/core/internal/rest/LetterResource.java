package de.paktwerk.core.internal.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.responses.ApiResponses;

import de.paktwerk.core.api.Application;
import de.paktwerk.core.api.ApplicationService;
import de.paktwerk.core.api.UnknownEntityException;
import de.paktwerk.core.api.db.Sql;
import de.paktwerk.core.api.rest.Caller;
import de.paktwerk.core.api.rest.RestParams;
import de.paktwerk.core.internal.db.CoreDatabase;
import de.paktwerk.core.internal.letter.Letters;
import java.util.List;
import javax.annotation.security.RolesAllowed;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
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

/** Decision letters (PDF/A) of applications and flat-allocation payments, the office's letterhead and text blocks, addresses. */
@io.swagger.v3.oas.annotations.tags.Tag(name = "letters")
@Component(service = LetterResource.class)
@JaxrsResource
@JaxrsApplicationSelect(CoreApplication.SELECT)
@JSONRequired
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class LetterResource {

    /** Address lines of a body. */
    public record AddressBody(List<String> lines) {
    }

    /** What a batch made. */
    public record Batch(long runId, int letters, long millis) {
    }

    private final Letters letters;
    private final ApplicationService applications;
    private final CoreDatabase database;

    @Activate
    public LetterResource(@Reference Letters letters, @Reference ApplicationService applications, @Reference CoreDatabase database) {
        this.letters = letters;
        this.applications = applications;
        this.database = database;
    }

    private Application own(String id, SecurityContext sc) {
        long appId = RestParams.id(id, "Antragsnummer");
        Application a = applications.get(appId);
        if (!Caller.of(sc).mayActFor(a)) {
            throw new UnknownEntityException("Antrag " + appId + " ist unbekannt.");
        }
        return a;
    }

    @GET
    @Path("applications/{id}/letters")
    @Operation(operationId = "listLetters", summary = "Bescheide eines Antrags (Zuwendungs-, Ablehnungs-, Schlussbescheid) mit SHA-256; fehlende werden jetzt erstellt")
    public List<Letters.LetterInfo> list(@Parameter(schema = @Schema(type = "integer", format = "int64")) @PathParam("id") String id,
                                         @Context SecurityContext sc) {
        return letters.letters(own(id, sc).id());
    }

    @GET
    @Path("applications/{id}/letters/{n}")
    @Produces({"application/pdf", "application/problem+json"})
    @Operation(operationId = "getLetter", summary = "Ein Bescheid als PDF/A")
    @ApiResponses({@ApiResponse(responseCode = "200", description = "PDF", content = @Content(mediaType = "application/pdf",
            schema = @Schema(type = "string", format = "binary")))})
    public Response letter(@Parameter(schema = @Schema(type = "integer", format = "int64")) @PathParam("id") String id,
                           @Parameter(schema = @Schema(type = "integer")) @PathParam("n") String n, @Context SecurityContext sc) {
        long app = own(id, sc).id();
        int number = RestParams.intParam(n, "Briefnummer", 0);
        return pdf(letters.content(app, number), "bescheid-" + app + "-" + number + ".pdf");
    }

    static Response pdf(byte[] content, String name) {
        return Response.ok(content, "application/pdf").header("Content-Disposition", "attachment; filename=\"" + name + "\"").build();
    }

    @GET
    @Path("flat-allocation/payments/{id}/letter")
    @Produces({"application/pdf", "application/problem+json"})
    @RolesAllowed({Roles.APPROVER, Roles.AUDITOR, Roles.MUNICIPALITY})
    @Operation(operationId = "getPaymentNotice", summary = "Zuweisungsbescheid einer Zahlung der pauschalen Zuweisung als PDF/A")
    @ApiResponses({@ApiResponse(responseCode = "200", description = "PDF", content = @Content(mediaType = "application/pdf",
            schema = @Schema(type = "string", format = "binary")))})
    public Response paymentNotice(@Parameter(schema = @Schema(type = "integer", format = "int64")) @PathParam("id") String id,
                                  @Context SecurityContext sc) {
        long payment = RestParams.id(id, "Zahlungsnummer");
        String body = database.jdbc().tx(c -> Sql.one(c, "SELECT body_key FROM flat_payment WHERE id = ?", rs -> rs.getString(1), payment))
                .orElseThrow(() -> new UnknownEntityException("Zahlung " + payment + " ist unbekannt."));
        if (!Caller.of(sc).mayActFor(body)) {
            throw new UnknownEntityException("Zahlung " + payment + " ist unbekannt.");
        }
        return pdf(letters.paymentNoticeContent(payment), "zuweisung-" + payment + ".pdf");
    }

    @POST
    @Path("flat-allocation/runs/{id}/letters")
    @RolesAllowed(Roles.APPROVER)
    @Operation(operationId = "makePaymentNotices", summary = "Die Zuweisungsbescheide aller Zahlungen eines Laufs in einem Zug erstellen")
    @ApiResponses({@ApiResponse(responseCode = "200", description = "erstellt", useReturnTypeSchema = true)})
    public Batch batch(@Parameter(schema = @Schema(type = "integer", format = "int64")) @PathParam("id") String id) {
        long run = RestParams.id(id, "Laufnummer");
        long t0 = System.nanoTime();
        int made = letters.paymentNotices(run, n -> { });
        return new Batch(run, made, (System.nanoTime() - t0) / 1_000_000);
    }

    /** Which decisions to make letters for. */
    public record DecisionBatch(String areaId, String periodId) {
    }

    @POST
    @Path("letters")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.APPROVER)
    @Operation(operationId = "makeDecisionLetters", summary = "Die Bescheide aller entschiedenen Anträge eines Förderbereichs und Zeitraums in einem Zug erstellen (z. B. nach einer Rangfolge)")
    @ApiResponses({@ApiResponse(responseCode = "200", description = "erstellt", useReturnTypeSchema = true),
            @ApiResponse(responseCode = "422", ref = "#/components/responses/IdempotencyKeyReused")})
    public Batch decisionLetters(DecisionBatch body) {
        DecisionBatch b = RestParams.body(body);
        if (b.areaId() == null || b.periodId() == null) {
            throw new de.paktwerk.core.api.InvalidInputException("Förderbereich und Zeitraum fehlen (areaId, periodId).");
        }
        long t0 = System.nanoTime();
        int made = letters.applicationLetters(b.areaId(), b.periodId(), n -> { });
        return new Batch(0, made, (System.nanoTime() - t0) / 1_000_000);
    }

    @GET
    @Path("letter-templates/{area}")
    @RolesAllowed({Roles.APPROVER, Roles.AUDITOR})
    @Operation(operationId = "getLetterTemplate", summary = "Briefkopf und Textbausteine eines Förderbereichs (oder * für alle) in der geltenden Fassung")
    public Letters.Template template(@PathParam("area") String area) {
        return letters.template(area);
    }

    @PUT
    @Path("letter-templates/{area}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "setLetterTemplate", summary = "Neue Fassung von Briefkopf und Textbausteinen (Administrator); frühere Bescheide behalten ihre")
    @ApiResponses({@ApiResponse(responseCode = "200", description = "angelegt", useReturnTypeSchema = true),
            @ApiResponse(responseCode = "422", ref = "#/components/responses/IdempotencyKeyReused")})
    public Letters.Template setTemplate(@PathParam("area") String area, Letters.TemplateInput body, @Context SecurityContext sc) {
        return letters.setTemplate(area, RestParams.body(body), Params.actor(sc));
    }

    @PUT
    @Path("municipalities/{key}/address")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.APPROVER)
    @Operation(operationId = "setAddress", summary = "Anschrift einer Kommune für Bescheide (Zeilen unter dem Namen)")
    @ApiResponses({@ApiResponse(responseCode = "200", description = "gespeichert", useReturnTypeSchema = true),
            @ApiResponse(responseCode = "422", ref = "#/components/responses/IdempotencyKeyReused")})
    public List<String> setAddress(@PathParam("key") String key, AddressBody body, @Context SecurityContext sc) {
        return letters.setAddress(key, RestParams.body(body).lines(), Params.actor(sc));
    }
}
