package de.paktwerk.core.internal.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.responses.ApiResponses;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;

import de.paktwerk.core.api.rest.RestParams;
import de.paktwerk.core.api.Delegation;
import de.paktwerk.core.api.InvalidInputException;
import de.paktwerk.core.api.Municipality;
import de.paktwerk.core.api.MunicipalityKind;
import de.paktwerk.core.api.MunicipalityQuery;
import de.paktwerk.core.api.MunicipalityRegistry;
import de.paktwerk.core.api.Page;
import de.paktwerk.core.api.Provider;
import de.paktwerk.core.api.KeyFigure;
import de.paktwerk.core.api.KeyFigures;
import de.paktwerk.core.internal.municipality.KeyFiguresImpl;
import de.paktwerk.core.api.rest.Caller;
import de.paktwerk.core.internal.municipality.CsvData;
import java.io.StringReader;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.security.RolesAllowed;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
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

/** Municipalities, their refugee counts, delegations and third-party providers. */
@io.swagger.v3.oas.annotations.tags.Tag(name = "municipalities")
@Component(service = MunicipalityResource.class)
@JaxrsResource
@JaxrsApplicationSelect(CoreApplication.SELECT)
@JSONRequired
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class MunicipalityResource {

    /** Body of a delegation. */
    public record DelegationBody(String areaId) {
    }

    /** Body of a new provider. */
    public record ProviderBody(String name, de.paktwerk.core.api.ProviderKind kind) {
    }

    private final MunicipalityRegistry registry;
    private final KeyFigures figures;
    private final de.paktwerk.core.api.DistributionService distributions;

    @Activate
    public MunicipalityResource(@Reference MunicipalityRegistry registry, @Reference KeyFigures figures,
                                @Reference de.paktwerk.core.api.DistributionService distributions) {
        this.registry = registry;
        this.figures = figures;
        this.distributions = distributions;
    }

    @GET
    @Path("municipalities")
    @Operation(operationId = "listMunicipalities", summary = "Gemeinden, Stadtkreise und Landkreise (seitenweise)")
    public Page<Municipality> list(@QueryParam("district") String district, @QueryParam("kind") List<String> kinds,
                                   @QueryParam("name") String name, @Parameter(schema = @Schema(type = "integer", minimum = "0")) @QueryParam("offset") String offset,
                                   @Parameter(schema = @Schema(type = "integer", minimum = "0")) @QueryParam("limit") String limit) {
        Set<MunicipalityKind> kindSet = EnumSet.noneOf(MunicipalityKind.class);
        for (String k : kinds) {
            for (String part : k.split(",")) {
                if (!part.isBlank()) {
                    kindSet.add(RestParams.enumParam(MunicipalityKind.class, part, "kind"));
                }
            }
        }
        if (name != null && name.length() > 200) {
            throw new InvalidInputException("Parameter 'name' ist länger als 200 Zeichen.");
        }
        return registry.list(new MunicipalityQuery(district, kindSet, name), RestParams.intParam(offset, "offset", 0),
                RestParams.intParam(limit, "limit", 100));
    }

    @GET
    @Path("municipalities/{key}")
    @Operation(operationId = "getMunicipality", summary = "Eine Körperschaft lesen")
    public Municipality get(@PathParam("key") String key) {
        return registry.get(key);
    }

    @GET
    @Path("municipalities/{key}/refugee-counts")
    @Operation(operationId = "listRefugeeCounts", summary = "Flüchtlingszahlen einer Körperschaft je Stichtag")
    public List<RefugeeCount> counts(@PathParam("key") String key) {
        return figures.series(key, KeyFigure.REFUGEES).stream()
                .map(f -> new RefugeeCount(f.bodyKey(), f.referenceDate(), f.value(), f.synthetic())).toList();
    }

    /**
     * Refugees in follow-up accommodation in one municipality at one reference date (the key figures of type
     * {@code refugees}, as before key figures were generic).
     */
    public record RefugeeCount(String municipalityKey, java.time.LocalDate referenceDate, long refugees, boolean synthetic) {
    }

    /** One key figure as listed. */
    public record KeyFigureView(String type, String bodyKey, java.time.LocalDate referenceDate, long value, boolean synthetic) {
    }

    @GET
    @Path("municipalities/{key}/key-figures")
    @Operation(operationId = "listKeyFigures", summary = "Kennzahlen einer Körperschaft (Geflüchtete, Einwohner …) je Stichtag")
    public List<KeyFigureView> keyFigures(@PathParam("key") String key, @QueryParam("type") String type) {
        if (type == null || !type.matches("[a-z][a-z0-9-]{0,31}")) {
            throw new InvalidInputException("Parameter 'type' (Art der Kennzahl, z. B. refugees oder population) fehlt oder ist ungültig.");
        }
        return figures.series(key, type).stream()
                .map(f -> new KeyFigureView(f.type(), f.bodyKey(), f.referenceDate(), f.value(), f.synthetic())).toList();
    }

    @GET
    @Path("key-figures/types")
    @Operation(operationId = "listKeyFigureTypes", summary = "Arten der vorhandenen Kennzahlen")
    public List<String> keyFigureTypes() {
        return figures.types();
    }

    /** Media types office software and browsers send a CSV file with. */
    static final Set<String> CSV_TYPES = Set.of("text/csv", "text/plain", "application/csv", "application/vnd.ms-excel");

    /**
     * Imports refugee counts as CSV ({@code ags;stichtag;anzahl} or with commas, UTF-8, BOM allowed); all rows or
     * none, every bad line named at once.
     */
    @POST
    @Path("refugee-counts")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.APPROVER)
    @Operation(operationId = "importRefugeeCounts", summary = "Flüchtlingszahlen als CSV importieren (alle Zeilen oder keine)")
    @ApiResponses({@ApiResponse(responseCode = "200", description = "erfolgreich", useReturnTypeSchema = true),
            @ApiResponse(responseCode = "422", ref = "#/components/responses/IdempotencyKeyReused")})
    public ImportResult importCounts(byte[] csv, @javax.ws.rs.HeaderParam("Content-Type") String contentType,
                                             @Context SecurityContext sc) {
        String type = contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase(java.util.Locale.ROOT);
        if (!CSV_TYPES.contains(type)) {
            throw new UnsupportedMediaType("Die Flüchtlingszahlen werden als CSV-Datei mit Content-Type text/csv (UTF-8) gesendet, nicht als '"
                    + (type.isEmpty() ? "ohne Content-Type" : type.length() > 60 ? type.substring(0, 60) + "…" : type) + "'.");
        }
        if (csv == null || csv.length == 0) {
            throw new InvalidInputException("Die CSV-Datei ist leer.");
        }
        String text;
        try {
            text = java.nio.charset.StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(csv)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new InvalidInputException("Die CSV-Datei ist nicht in UTF-8 gespeichert (in Excel: „CSV UTF-8 (durch Trennzeichen getrennt)“).");
        }
        List<KeyFigure> counts = CsvData.readCounts(new StringReader(text),
                key -> KeyFiguresImpl.bodyProblem(registry, KeyFigure.REFUGEES, key));
        int imported = figures.importFigures(counts, Params.actor(sc));
        List<ChangedRun> changed = distributions.runsChangedBy(counts).stream()
                .map(d -> new ChangedRun(d.id(), d.areaId(), d.periodId(), d.version())).toList();
        return new ImportResult(imported, changed, changed.isEmpty() ? null
                : "Die importierten Zahlen weichen von den Eingaben von " + changed.size() + " geltenden Verteilung(en) ab; deren Anteile"
                + " gelten unverändert, bis die Verteilung neu berechnet wird.");
    }

    /** What a key figure import did, and which current runs it makes out of date (they keep their shares until re-run). */
    public record ImportResult(int imported, List<ChangedRun> changedRuns, String note) {
    }

    /** A current distribution run whose frozen inputs differ from the imported figures. */
    public record ChangedRun(long distributionId, String areaId, String periodId, int version) {
    }

    /** The refugee counts of a reference date as CSV, in the format the import reads (re-importable). */
    @GET
    @Path("refugee-counts")
    @Produces("text/csv")
    @Operation(operationId = "exportRefugeeCounts", summary = "Flüchtlingszahlen eines Stichtags als CSV (wieder importierbar)")
    @ApiResponses({@ApiResponse(responseCode = "200", description = "CSV-Datei", content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))})
    public Response exportCounts(@QueryParam("date") String date) {
        java.time.LocalDate day = RestParams.date(date, "date");
        if (day == null) {
            throw new InvalidInputException("Parameter 'date' (Stichtag JJJJ-MM-TT) fehlt.");
        }
        List<List<Object>> rows = new java.util.ArrayList<>();
        figures.at(KeyFigure.REFUGEES, day).entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> rows.add(List.of(e.getKey(),
                registry.find(e.getKey()).map(Municipality::name).orElse(""), day.toString(), e.getValue())));
        return csv(CsvData.write(List.of("ags", "name", "stichtag", "anzahl"), rows), "fluechtlinge-" + day + ".csv");
    }

    static Response csv(String body, String fileName) {
        return Response.ok(body, "text/csv; charset=UTF-8").header("Content-Disposition", "attachment; filename=\"" + fileName + "\"").build();
    }

    @GET
    @Path("delegations")
    @Operation(operationId = "listDelegations", summary = "Aufgabenübertragungen an Landkreise")
    public List<Delegation> delegations(@QueryParam("area") String area) {
        if (area == null || area.isBlank()) {
            throw new InvalidInputException("Parameter 'area' (Förderbereich) fehlt.");
        }
        return registry.delegations(area);
    }

    @POST
    @Path("municipalities/{key}/delegations")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.MUNICIPALITY, Roles.APPROVER})
    @Operation(operationId = "delegateArea", summary = "Förderbereich an den Landkreis übertragen")
    @ApiResponses({@ApiResponse(responseCode = "201", description = "angelegt", content = @Content(mediaType = "application/json", schema = @Schema(implementation = de.paktwerk.core.api.Delegation.class))),
            @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict"),
            @ApiResponse(responseCode = "422", ref = "#/components/responses/IdempotencyKeyReused")})
    public Response delegate(@PathParam("key") String key, DelegationBody body, @Context SecurityContext sc) {
        Caller.of(sc).requireMunicipality(key);
        return Response.status(201).entity(registry.delegate(key, RestParams.body(body).areaId(), Params.actor(sc))).build();
    }

    @DELETE
    @Path("municipalities/{key}/delegations/{area}")
    @RolesAllowed({Roles.MUNICIPALITY, Roles.APPROVER})
    @Operation(operationId = "revokeDelegation", summary = "Aufgabenübertragung aufheben")
    @ApiResponses({@ApiResponse(responseCode = "204", description = "erledigt")})
    public Response revoke(@PathParam("key") String key, @PathParam("area") String area, @Context SecurityContext sc) {
        Caller.of(sc).requireMunicipality(key);
        registry.revokeDelegation(key, area, Params.actor(sc));
        return Response.noContent().build();
    }

    @GET
    @Path("municipalities/{key}/providers")
    @Operation(operationId = "listProviders", summary = "Träger einer Kommune")
    @ApiResponses({@ApiResponse(responseCode = "200", description = "erfolgreich", useReturnTypeSchema = true),
            @ApiResponse(responseCode = "403", ref = "#/components/responses/Forbidden")})
    public List<Provider> providers(@PathParam("key") String key, @Context SecurityContext sc) {
        registry.get(key);
        Caller.of(sc).requireMunicipality(key);
        return registry.providers(key);
    }

    @POST
    @Path("municipalities/{key}/providers")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.MUNICIPALITY, Roles.APPROVER})
    @Operation(operationId = "addProvider", summary = "Träger eintragen")
    @ApiResponses({@ApiResponse(responseCode = "201", description = "angelegt", content = @Content(mediaType = "application/json", schema = @Schema(implementation = de.paktwerk.core.api.Provider.class))),
            @ApiResponse(responseCode = "422", ref = "#/components/responses/IdempotencyKeyReused")})
    public Response addProvider(@PathParam("key") String key, ProviderBody body, @Context SecurityContext sc) {
        Caller.of(sc).requireMunicipality(key);
        return Response.status(201).entity(registry.addProvider(key, RestParams.body(body).name(),
                body.kind() == null ? de.paktwerk.core.api.ProviderKind.OTHER : body.kind(), Params.actor(sc))).build();
    }
}
