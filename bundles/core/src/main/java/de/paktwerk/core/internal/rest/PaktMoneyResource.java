package de.paktwerk.core.internal.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.responses.ApiResponses;

import de.paktwerk.core.api.ConflictException;
import de.paktwerk.core.api.FundingPeriod;
import de.paktwerk.core.api.InvalidInputException;
import de.paktwerk.core.api.Money;
import de.paktwerk.core.api.rest.Caller;
import de.paktwerk.core.api.rest.RestParams;
import de.paktwerk.core.internal.distribution.FlatAllocations;
import de.paktwerk.core.internal.distribution.MoneyOverview;
import de.paktwerk.core.internal.municipality.CsvData;
import java.io.StringReader;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
 * The other half of the Pakt money: the flat allocation by key (split of the envelope, runs that pay, payment schedule,
 * treasury files and their check) and one view of all Pakt money per body, district and region, also as open data.
 */
@io.swagger.v3.oas.annotations.tags.Tag(name = "flat-allocation")
@Component(service = PaktMoneyResource.class)
@JaxrsResource
@JaxrsApplicationSelect(CoreApplication.SELECT)
@JSONRequired
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class PaktMoneyResource {

    /** The flat part of a period's envelope. */
    public record FlatBody(Money amount) {
    }

    /** The result of checking a treasury file against the payments. */
    public record TreasuryCheck(int lines, Money sum, boolean matches) {
    }

    static final String LICENCE = "Kommunaldaten (Schlüssel, Namen, Kreise, Regierungsbezirke): © Statistisches Bundesamt (Destatis) und Statistische"
            + " Ämter des Bundes und der Länder, Datenlizenz Deutschland – Namensnennung – Version 2.0 (dl-de/by-2-0),"
            + " https://www.govdata.de/dl-de/by-2-0. Beträge: Paktwerk, aus den Bewilligungen, Auszahlungen, Verwendungsnachweisen und Zuweisungen.";

    private final FlatAllocations flat;
    private final MoneyOverview overview;
    private final de.paktwerk.core.api.BudgetService budgets;
    private final Clock clock;

    @Activate
    public PaktMoneyResource(@Reference FlatAllocations flat, @Reference MoneyOverview overview, @Reference de.paktwerk.core.api.BudgetService budgets,
                             @Reference Clock clock) {
        this.flat = flat;
        this.overview = overview;
        this.budgets = budgets;
        this.clock = clock;
    }

    // ---- the flat allocation ---------------------------------------------------------------------------

    @GET
    @Path("periods/{period}/flat-allocation")
    @Operation(operationId = "getFlatAllocation", summary = "Pauschale Zuweisung eines Zeitraums: Anteil am Gesamtrahmen, Budgets, gezahlt, Läufe, Zahlungsplan")
    public FlatAllocations.Status status(@PathParam("period") String period) {
        return flat.status(period);
    }

    @PUT
    @Path("periods/{period}/flat-allocation")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.APPROVER)
    @Operation(operationId = "setFlatAllocation", summary = "Pauschalen Anteil festlegen; mit den Budgets höchstens der Gesamtrahmen")
    @ApiResponses({@ApiResponse(responseCode = "200", description = "festgelegt", useReturnTypeSchema = true),
            @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict"),
            @ApiResponse(responseCode = "422", ref = "#/components/responses/IdempotencyKeyReused")})
    public FlatAllocations.Status setFlat(@PathParam("period") String period, FlatBody body, @Context SecurityContext sc) {
        return flat.setFlat(period, RestParams.body(body).amount(), Params.actor(sc));
    }

    @POST
    @Path("periods/{period}/flat-allocation/runs")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.APPROVER)
    @Operation(operationId = "runFlatAllocation", summary = "Pauschale Zuweisung nach Schlüssel rechnen; endgültig zahlt sie (Korrekturläufe: Differenzen)")
    @ApiResponses({@ApiResponse(responseCode = "201", description = "gerechnet", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = FlatAllocations.Run.class))),
            @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict"),
            @ApiResponse(responseCode = "422", ref = "#/components/responses/IdempotencyKeyReused")})
    public Response run(@PathParam("period") String period, FlatAllocations.RunRequest body, @Context SecurityContext sc) {
        return Response.status(201).entity(flat.run(period, RestParams.body(body), Params.actor(sc))).build();
    }

    @GET
    @Path("flat-allocation/runs/{id}/shares")
    @Operation(operationId = "listFlatShares", summary = "Anteile eines Laufs der pauschalen Zuweisung")
    public List<FlatAllocations.RunShare> shares(@Parameter(schema = @Schema(type = "integer", format = "int64")) @PathParam("id") String id) {
        return flat.shares(RestParams.id(id, "Laufnummer"));
    }

    @GET
    @Path("periods/{period}/flat-allocation/payments")
    @RolesAllowed({Roles.APPROVER, Roles.AUDITOR, Roles.MUNICIPALITY})
    @Operation(operationId = "listFlatPayments", summary = "Zahlungen der pauschalen Zuweisung (Zuweisungen, Nachzahlungen, Rückzahlungen); eine Kommune sieht ihre")
    public List<FlatAllocations.Payment> payments(@PathParam("period") String period, @QueryParam("body") String body, @Context SecurityContext sc) {
        Caller caller = Caller.of(sc);
        String key = RestParams.optional(body);
        if (key == null && !caller.seesAllMunicipalities()) {
            throw new InvalidInputException("Die Kommune fehlt (?body=amtlicher Schlüssel).");
        }
        if (key != null) {
            caller.requireMunicipality(key);
        }
        return flat.payments(period, key);
    }

    @PUT
    @Path("periods/{period}/flat-allocation/schedule")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.APPROVER)
    @Operation(operationId = "setFlatSchedule", summary = "Zahlungsplan der pauschalen Zuweisung: Raten mit Fälligkeit und Prozent (zusammen 100)")
    @ApiResponses({@ApiResponse(responseCode = "200", description = "festgelegt", useReturnTypeSchema = true),
            @ApiResponse(responseCode = "422", ref = "#/components/responses/IdempotencyKeyReused")})
    public List<FlatAllocations.Instalment> setSchedule(@PathParam("period") String period, List<FlatAllocations.Instalment> body,
                                                        @Context SecurityContext sc) {
        return flat.setSchedule(period, RestParams.body(body), Params.actor(sc));
    }

    @GET
    @Path("periods/{period}/flat-allocation/instalments/{n}.csv")
    @Produces({"text/csv", "application/problem+json"})
    @RolesAllowed({Roles.APPROVER, Roles.AUDITOR})
    @Operation(operationId = "exportTreasuryFile", summary = "Datei für die Landeshauptkasse: je Kommune der Betrag einer Rate (Schlüssel, Name, Betrag, Verwendungszweck, Rate)")
    @ApiResponses({@ApiResponse(responseCode = "200", description = "CSV-Datei", content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))})
    public Response treasury(@PathParam("period") String period, @Parameter(schema = @Schema(type = "integer")) @PathParam("n") String n) {
        int instalment = RestParams.intParam(n, "Rate", 0);
        List<List<Object>> rows = new ArrayList<>();
        for (FlatAllocations.TreasuryLine l : flat.treasury(period, instalment)) {
            rows.add(List.of(l.bodyKey(), l.name(), l.amount(), l.purpose(), l.instalment()));
        }
        return MunicipalityResource.csv(CsvData.write(CsvData.TREASURY_COLUMNS, rows), "zuweisung-" + period + "-rate-" + instalment + ".csv");
    }

    @POST
    @Path("periods/{period}/flat-allocation/instalments/{n}/check")
    @Consumes({"text/csv", "text/plain"})
    @RolesAllowed({Roles.APPROVER, Roles.AUDITOR})
    @Operation(operationId = "checkTreasuryFile", summary = "Eine Kassendatei zurücklesen und prüfen: Zeilen, Summe und jeder Betrag müssen zu den Zahlungen passen")
    @ApiResponses({@ApiResponse(responseCode = "200", description = "passt", useReturnTypeSchema = true),
            @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict")})
    public TreasuryCheck check(@PathParam("period") String period, @Parameter(schema = @Schema(type = "integer")) @PathParam("n") String n,
                               String body) {
        int instalment = RestParams.intParam(n, "Rate", 0);
        List<CsvData.TreasuryRow> rows = CsvData.readTreasury(new StringReader(body == null ? "" : body));
        Map<String, Money> expected = new TreeMap<>();
        for (FlatAllocations.TreasuryLine l : flat.treasury(period, instalment)) {
            expected.put(l.bodyKey(), l.amount());
        }
        Money sum = Money.ZERO;
        List<String> wrong = new ArrayList<>();
        for (CsvData.TreasuryRow r : rows) {
            sum = sum.plus(r.amount());
            if (r.instalment() != instalment) {
                wrong.add(r.ags() + ": Rate " + r.instalment() + " statt " + instalment);
            } else if (!r.amount().equals(expected.get(r.ags()))) {
                wrong.add(r.ags() + ": " + r.amount().toGerman() + " statt " + (expected.containsKey(r.ags()) ? expected.get(r.ags()).toGerman() : "keiner Zahlung"));
            }
        }
        Money expectedSum = expected.values().stream().reduce(Money.ZERO, Money::plus);
        if (rows.size() != expected.size() || !sum.equals(expectedSum) || !wrong.isEmpty()) {
            throw new ConflictException("Die Datei passt nicht zu den Zahlungen der Rate " + instalment + ": " + rows.size() + " Zeilen mit "
                    + sum.toGerman() + ", erwartet " + expected.size() + " Zeilen mit " + expectedSum.toGerman()
                    + (wrong.isEmpty() ? "" : "; abweichend: " + String.join(", ", wrong.subList(0, Math.min(10, wrong.size())))) + ".");
        }
        return new TreasuryCheck(rows.size(), sum, true);
    }

    // ---- one view of all Pakt money --------------------------------------------------------------------

    @GET
    @Path("bodies/{key}/overview")
    @RolesAllowed({Roles.APPROVER, Roles.AUDITOR, Roles.MUNICIPALITY})
    @Operation(operationId = "getBodyOverview", summary = "Alle Pakt-Mittel einer Kommune in einem Zeitraum: pauschale Zuweisung und je Förderbereich bewilligt, gezahlt, freigegeben, zurückgefordert")
    public MoneyOverview.Overview body(@PathParam("key") String key, @Parameter(required = true) @QueryParam("period") String period,
                                       @Context SecurityContext sc) {
        Caller.of(sc).requireMunicipality(key);
        return overview.body(key, required(period));
    }

    @GET
    @Path("overview")
    @RolesAllowed({Roles.APPROVER, Roles.AUDITOR})
    @Operation(operationId = "getStateOverview", summary = "Alle Pakt-Mittel des Landes in einem Zeitraum, je Kommune, je Kreis oder je Regierungsbezirk")
    @ApiResponses({@ApiResponse(responseCode = "200", description = "erfolgreich", useReturnTypeSchema = true),
            @ApiResponse(responseCode = "404", ref = "#/components/responses/NotFound")})
    public List<MoneyOverview.Overview> state(@Parameter(required = true) @QueryParam("period") String period,
                                              @Parameter(description = "body (Vorgabe), district oder region") @QueryParam("by") String by) {
        return rows(required(period), by);
    }

    @GET
    @Path("overview.csv")
    @Produces({"text/csv", "application/problem+json"})
    @RolesAllowed({Roles.APPROVER, Roles.AUDITOR})
    @Operation(operationId = "exportStateOverview", summary = "Alle Pakt-Mittel als CSV: je Kommune, Kreis oder Regierungsbezirk eine Zeile je Mittel (pauschale Zuweisung, Förderbereiche)")
    @ApiResponses({@ApiResponse(responseCode = "200", description = "CSV-Datei", content = @Content(mediaType = "text/csv", schema = @Schema(type = "string"))),
            @ApiResponse(responseCode = "404", ref = "#/components/responses/NotFound")})
    public Response stateCsv(@Parameter(required = true) @QueryParam("period") String period, @QueryParam("by") String by) {
        String p = required(period);
        return MunicipalityResource.csv(csv(rows(p, by)), "pakt-mittel-" + p + ".csv");
    }

    @GET
    @Path("open-data/overview.csv")
    @Produces({"text/csv", "application/problem+json"})
    @PermitAll
    @Operation(operationId = "exportOpenData", summary = "Offene Daten: alle Pakt-Mittel je Kommune eines abgeschlossenen Zeitraums (ohne personenbezogene Angaben)",
            security = {}, extensions = @io.swagger.v3.oas.annotations.extensions.Extension(properties = @io.swagger.v3.oas.annotations.extensions.ExtensionProperty(name = "paktwerk-public", value = "true")))
    @ApiResponses({@ApiResponse(responseCode = "200", description = "CSV-Datei", content = @Content(mediaType = "text/csv", schema = @Schema(type = "string"))),
            @ApiResponse(responseCode = "404", ref = "#/components/responses/NotFound"),
            @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict")})
    public Response openData(@Parameter(required = true) @QueryParam("period") String period) {
        String p = required(period);
        FundingPeriod fp = budgets.periods().stream().filter(x -> x.id().equals(p)).findFirst()
                .orElseThrow(() -> new de.paktwerk.core.api.UnknownEntityException("Förderzeitraum '" + p + "' ist unbekannt."));
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Europe/Berlin")));
        if (!fp.end().isBefore(today)) {
            throw new ConflictException("Offene Daten gibt es für abgeschlossene Zeiträume; " + p + " endet am " + fp.end() + ".");
        }
        return Response.ok(csv(rows(p, "body")), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"pakt-fuer-integration-" + p + ".csv\"")
                .header("Link", "</api/core/open-data/overview.txt>; rel=\"describedby\"").build();
    }

    @GET
    @Path("open-data/overview.txt")
    @Produces({"text/plain", "application/problem+json"})
    @PermitAll
    @Operation(operationId = "describeOpenData", summary = "Offene Daten: Beschreibung der Spalten und Lizenzhinweis", security = {},
            extensions = @io.swagger.v3.oas.annotations.extensions.Extension(properties = @io.swagger.v3.oas.annotations.extensions.ExtensionProperty(name = "paktwerk-public", value = "true")))
    @ApiResponses({@ApiResponse(responseCode = "200", description = "Text", content = @Content(mediaType = "text/plain", schema = @Schema(type = "string")))})
    public Response describeOpenData() {
        String text = "Pakt für Integration Baden-Württemberg – alle Mittel je Kommune und Zeitraum (offene Daten, ohne personenbezogene Angaben)\n\n"
                + "Spalten (Semikolon, UTF-8 mit BOM, Beträge in Euro mit Dezimalkomma):\n"
                + "ags: amtlicher Gemeindeschlüssel (8 Stellen; Landkreise 5 Stellen)\n"
                + "name: amtlicher Name\n"
                + "art: GEMEINDE, STADTKREIS oder LANDKREIS (bei Summen KREIS oder REGIERUNGSBEZIRK)\n"
                + "kreis: Schlüssel des Stadt- oder Landkreises\n"
                + "regierungsbezirk: Regierungsbezirk\n"
                + "zeitraum: Förderzeitraum, z. B. 2017\n"
                + "mittel: flat-allocation (pauschale Zuweisung, Integrationslastenausgleich) oder die Kennung des Förderbereichs\n"
                + "bewilligt: in Kraft getretene Bewilligungen (pauschale Zuweisung: die Zuweisung abzüglich Rückzahlungen)\n"
                + "ausgezahlt: Mittelabrufe und Schlusszahlungen (pauschale Zuweisung: wie bewilligt)\n"
                + "freigegeben: beim Verwendungsnachweis nicht benötigte, wieder freigegebene Mittel\n"
                + "zurueckgefordert: zurückgeforderte Beträge\n\n"
                + "Lizenz und Quellen: " + LICENCE + "\n";
        return Response.ok(text, "text/plain; charset=UTF-8").build();
    }

    private List<MoneyOverview.Overview> rows(String period, String by) {
        String mode = by == null || by.isBlank() ? "body" : by;
        return switch (mode) {
            case "body" -> overview.bodies(period);
            case "district" -> overview.grouped(period, false);
            case "region" -> overview.grouped(period, true);
            default -> throw new InvalidInputException("by ist body, district oder region, nicht '" + RestParams.optional(by) + "'.");
        };
    }

    private static String required(String period) {
        if (period == null || period.isBlank()) {
            throw new InvalidInputException("Der Förderzeitraum fehlt (?period=, z. B. 2017).");
        }
        return period;
    }

    static final List<String> OVERVIEW_COLUMNS = List.of("ags", "name", "art", "kreis", "regierungsbezirk", "zeitraum", "mittel", "bewilligt",
            "ausgezahlt", "freigegeben", "zurueckgefordert");

    /** One row per body and kind of money: the flat allocation first, then each area. */
    static String csv(List<MoneyOverview.Overview> overviews) {
        List<List<Object>> rows = new ArrayList<>();
        for (MoneyOverview.Overview o : overviews) {
            String district = o.districtKey() == null ? "" : o.districtKey();
            if (o.flat().cents() != 0) {
                rows.add(List.of(o.key(), o.name(), o.kind(), district, o.region(), o.periodId(), MoneyOverview.FLAT, o.flat(), o.flat(), Money.ZERO,
                        Money.ZERO));
            }
            for (MoneyOverview.AreaMoney a : o.areas()) {
                rows.add(List.of(o.key(), o.name(), o.kind(), district, o.region(), o.periodId(), a.areaId(), a.approved(), a.paid(), a.released(),
                        a.reclaimed()));
            }
        }
        return CsvData.write(OVERVIEW_COLUMNS, rows);
    }
}
