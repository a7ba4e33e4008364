package de.paktwerk.core.internal.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.responses.ApiResponses;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;

import de.paktwerk.core.api.rest.RestParams;
import de.paktwerk.core.api.Budget;
import de.paktwerk.core.api.BudgetService;
import de.paktwerk.core.api.Distribution;
import de.paktwerk.core.api.DistributionRequest;
import de.paktwerk.core.api.DistributionService;
import de.paktwerk.core.api.FundingPeriod;
import de.paktwerk.core.api.Money;
import de.paktwerk.core.api.Page;
import de.paktwerk.core.api.Share;
import de.paktwerk.core.api.ShareDifference;
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

/** Funding periods, budgets and distributions. */
@io.swagger.v3.oas.annotations.tags.Tag(name = "funds")
@Component(service = FundsResource.class)
@JaxrsResource
@JaxrsApplicationSelect(CoreApplication.SELECT)
@JSONRequired
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class FundsResource {

    /** Body of a budget. */
    public record BudgetBody(Money amount,
                             @Schema(description = "true (Vorgabe): Bewilligungen überschreiten das Budget nie; false: bedarfsorientiert, das Budget ist eine Planzahl") Boolean capped) {
    }

    private final BudgetService budgets;
    private final DistributionService distributions;
    private final de.paktwerk.core.api.MunicipalityRegistry registry;

    @Activate
    public FundsResource(@Reference BudgetService budgets, @Reference DistributionService distributions,
                         @Reference de.paktwerk.core.api.MunicipalityRegistry registry) {
        this.budgets = budgets;
        this.distributions = distributions;
        this.registry = registry;
    }

    @GET
    @Path("periods")
    @Operation(operationId = "listPeriods", summary = "Förderzeiträume mit Programmvolumen")
    public List<FundingPeriod> periods() {
        return budgets.periods();
    }

    @GET
    @Path("periods/{period}/budgets")
    @Operation(operationId = "listBudgets", summary = "Budgets eines Förderzeitraums")
    public List<Budget> budgets(@PathParam("period") String period) {
        return budgets.budgets(period);
    }

    @PUT
    @Path("periods/{period}/budgets/{area}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.APPROVER)
    @Operation(operationId = "setBudget", summary = "Budget eines Förderbereichs festlegen")
    @ApiResponses({@ApiResponse(responseCode = "200", description = "erfolgreich", useReturnTypeSchema = true),
            @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict")})
    public Budget setBudget(@PathParam("period") String period, @PathParam("area") String area, BudgetBody body,
                            @Context SecurityContext sc) {
        BudgetBody b = RestParams.body(body);
        return budgets.setBudget(period, area, b.amount(), b.capped() == null || b.capped(), Params.actor(sc));
    }

    @POST
    @Path("distributions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.APPROVER)
    @Operation(operationId = "runDistribution", summary = "Verteilung rechnen (vorläufig oder endgültig)")
    @ApiResponses({@ApiResponse(responseCode = "201", description = "angelegt", content = @Content(mediaType = "application/json", schema = @Schema(implementation = de.paktwerk.core.api.Distribution.class))),
            @ApiResponse(responseCode = "404", ref = "#/components/responses/NotFound"),
            @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict"),
            @ApiResponse(responseCode = "422", ref = "#/components/responses/IdempotencyKeyReused")})
    public Response run(DistributionRequest request, @Context SecurityContext sc) {
        return Response.status(201).entity(distributions.run(RestParams.body(request), Params.actor(sc))).build();
    }

    @GET
    @Path("distributions")
    @Operation(operationId = "listDistributions", summary = "Verteilungsläufe")
    public List<Distribution> list(@QueryParam("area") String area, @QueryParam("period") String period) {
        return distributions.list(area, period);
    }

    @GET
    @Path("distributions/{id}")
    @Operation(operationId = "getDistribution", summary = "Einen Verteilungslauf lesen")
    public Distribution get(@Parameter(schema = @Schema(type = "integer", format = "int64")) @PathParam("id") String id) {
        return distributions.get(RestParams.id(id, "Verteilungsnummer"));
    }

    @GET
    @Path("distributions/{id}/shares")
    @Operation(operationId = "listShares", summary = "Anteile eines Verteilungslaufs: seitenweise, sortiert, nach Name oder Schlüssel gesucht;"
            + " mit compare neben den Anteilen eines anderen Laufs (etwa dem vorläufigen)")
    public Page<ShareRow> shares(@Parameter(schema = @Schema(type = "integer", format = "int64")) @PathParam("id") String id,
                                 @Parameter(description = "Teil des Namens oder Anfang des Schlüssels, z. B. Ulm") @QueryParam("q") String text,
                                 @Parameter(description = "Sortierung: key, name, weight oder amount; mit - absteigend",
                                         schema = @Schema(pattern = "^-?(key|name|weight|amount)$")) @QueryParam("sort") String sort,
                                 @Parameter(description = "Nummer eines Laufs, dessen Anteile daneben stehen", schema = @Schema(type = "integer", format = "int64")) @QueryParam("compare") String compare,
                                 @Parameter(schema = @Schema(type = "integer", minimum = "0")) @QueryParam("offset") String offset,
                                 @Parameter(schema = @Schema(type = "integer", minimum = "0")) @QueryParam("limit") String limit) {
        int from = RestParams.intParam(offset, "offset", 0);
        int size = RestParams.intParam(limit, "limit", Page.MAX_LIMIT);
        Page.check(from, size);
        if (text != null && text.length() > 200) {
            throw new de.paktwerk.core.api.InvalidInputException("Der Suchtext ist länger als 200 Zeichen.", "q");
        }
        java.util.Comparator<ShareRow> order = shareOrder(sort);
        java.util.Map<String, Money> before = new java.util.HashMap<>();
        if (compare != null && !compare.isBlank()) {
            distributions.shares(RestParams.id(compare, "compare")).forEach(s -> before.put(s.bodyKey(), s.amount()));
        }
        String needle = text == null ? "" : text.strip().toLowerCase(java.util.Locale.ROOT);
        List<ShareRow> all = distributions.shares(RestParams.id(id, "Verteilungsnummer")).stream()
                .map(s -> {
                    Money was = compare == null || compare.isBlank() ? null : before.getOrDefault(s.bodyKey(), Money.ZERO);
                    return new ShareRow(s.bodyKey(), name(s.bodyKey()), s.weight(), s.amount(), was, was == null ? null : s.amount().minus(was));
                })
                .filter(r -> needle.isEmpty() || r.bodyKey().startsWith(needle) || r.name().toLowerCase(java.util.Locale.ROOT).contains(needle))
                .sorted(order).toList();
        int start = Math.min(from, all.size());
        return new Page<>(all.subList(start, Math.min(all.size(), start + size)), all.size(), from, size);
    }

    /** One body's share in a run, with its name and, when compared, the other run's share and the difference. */
    public record ShareRow(String bodyKey, String name, long weight, Money amount,
                           @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL) Money compared,
                           @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL) Money difference) {
    }

    static java.util.Comparator<ShareRow> shareOrder(String sort) {
        boolean descending = sort != null && sort.startsWith("-");
        String by = sort == null || sort.isBlank() ? "key" : descending ? sort.substring(1) : sort;
        java.util.Comparator<ShareRow> order = switch (by) {
            case "key" -> java.util.Comparator.comparing(ShareRow::bodyKey);
            case "name" -> java.util.Comparator.comparing(ShareRow::name, java.text.Collator.getInstance(java.util.Locale.GERMAN));
            case "weight" -> java.util.Comparator.comparingLong(ShareRow::weight);
            case "amount" -> java.util.Comparator.comparing(ShareRow::amount);
            default -> throw new de.paktwerk.core.api.InvalidInputException("Sortiert wird nach key, name, weight oder amount, mit - davor absteigend.",
                    "sort");
        };
        return (descending ? order.reversed() : order).thenComparing(ShareRow::bodyKey);
    }

    @GET
    @Path("distributions/{id}/difference")
    @Operation(operationId = "listShareDifferences", summary = "Unterschiede zum ersetzten Lauf je Körperschaft")
    public List<ShareDifference> difference(@Parameter(schema = @Schema(type = "integer", format = "int64")) @PathParam("id") String id) {
        return distributions.difference(RestParams.id(id, "Verteilungsnummer"));
    }

    /** The shares of a run as CSV for office software ({@code ;}, UTF-8 with BOM, amounts with a decimal comma). */
    @GET
    @Path("distributions/{id}/shares.csv")
    @Produces("text/csv")
    @Operation(operationId = "exportShares", summary = "Anteile eines Laufs als CSV (Semikolon, BOM, Dezimalkomma)")
    @ApiResponses({@ApiResponse(responseCode = "200", description = "CSV-Datei", content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))})
    public Response sharesCsv(@Parameter(schema = @Schema(type = "integer", format = "int64")) @PathParam("id") String id) {
        long run = RestParams.id(id, "Verteilungsnummer");
        List<List<Object>> rows = new java.util.ArrayList<>();
        for (Share s : distributions.shares(run)) {
            rows.add(List.of(s.bodyKey(), name(s.bodyKey()), s.weight(), s.amount()));
        }
        return MunicipalityResource.csv(de.paktwerk.core.internal.municipality.CsvData.write(
                List.of("ags", "name", "gewicht", "betrag"), rows), "verteilung-" + run + "-anteile.csv");
    }

    /** What changed per body between the run this one replaced and this one, as CSV. */
    @GET
    @Path("distributions/{id}/difference.csv")
    @Produces("text/csv")
    @Operation(operationId = "exportShareDifferences", summary = "Unterschiede eines Laufs als CSV")
    @ApiResponses({@ApiResponse(responseCode = "200", description = "CSV-Datei", content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))})
    public Response differenceCsv(@Parameter(schema = @Schema(type = "integer", format = "int64")) @PathParam("id") String id) {
        long run = RestParams.id(id, "Verteilungsnummer");
        List<List<Object>> rows = new java.util.ArrayList<>();
        for (ShareDifference d : distributions.difference(run)) {
            rows.add(List.of(d.bodyKey(), name(d.bodyKey()), d.before(), d.after(), d.difference()));
        }
        return MunicipalityResource.csv(de.paktwerk.core.internal.municipality.CsvData.write(
                List.of("ags", "name", "vorher", "nachher", "differenz"), rows), "verteilung-" + run + "-differenzen.csv");
    }

    private String name(String key) {
        return registry.find(key).map(de.paktwerk.core.api.Municipality::name).orElse("");
    }
}
