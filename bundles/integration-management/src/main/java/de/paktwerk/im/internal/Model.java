package de.paktwerk.im.internal;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import de.paktwerk.core.api.spi.Payloads;
import io.swagger.v3.oas.annotations.extensions.ExtensionProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.List;

/** The module's records: what REST reads and writes and the store keeps. */
public final class Model {

    private Model() {
    }

    /** A position as submitted (in an application's payload or on its own). */
    @Schema(extensions = @io.swagger.v3.oas.annotations.extensions.Extension(properties = @ExtensionProperty(name = "x-order", parseValue = true,
            value = "[\"managerName\",\"fte\",\"qualification\",\"experience\",\"hireDate\",\"providerId\",\"responsibleKey\"]")))
    public record PositionInput(@Schema(title = "Verantwortliche Körperschaft (amtlicher Schlüssel)", description = "im Antrag: der Antragsteller")
                                String responsibleKey,
                                @Schema(title = "Träger", description = "wenn ein Träger die Stelle besetzt", extensions = @io.swagger.v3.oas.annotations.extensions.Extension(properties =
                                        @ExtensionProperty(name = "x-choices", parseValue = true,
                                                value = "{\"path\":\"/api/core/municipalities/{applicantKey}/providers\",\"value\":\"id\",\"label\":\"{name}\"}")))
                                Long providerId,
                                @Schema(title = "Name der Integrationsmanagerin / des Integrationsmanagers", requiredMode = REQUIRED) String managerName,
                                @Schema(title = "Stellenanteil", description = "Anteil einer Vollzeitstelle, z. B. 0.5", requiredMode = REQUIRED,
                                        pattern = Payloads.FTE, format = "decimal") String fte,
                                @Schema(title = "Qualifikation", requiredMode = REQUIRED, extensions = @io.swagger.v3.oas.annotations.extensions.Extension(name = "x-labels", properties = {
                                        @ExtensionProperty(name = "SOCIAL_WORK", value = "Hochschulabschluss Sozialwesen"),
                                        @ExtensionProperty(name = "OTHER_DEGREE", value = "anderer geeigneter Studiengang"),
                                        @ExtensionProperty(name = "VOCATIONAL", value = "Berufsausbildung mit Erfahrungswissen")})) Qualification qualification,
                                @Schema(title = "Erfahrung", description = "bei einer Berufsausbildung: die einschlägige Erfahrung") String experience,
                                @Schema(title = "Einstellungsdatum", requiredMode = REQUIRED) LocalDate hireDate) {
    }

    /**
     * A funded integration-manager position.
     *
     * @param fte share of a full-time position, e.g. "0.50"
     * @param fundedUntil last funded day (24 months from the hire date by default)
     * @param funding what the position costs over its funded window
     */
    public record Position(long id, String responsibleKey, Long providerId, String managerName, String fte,
                           Qualification qualification, String experience, LocalDate hireDate, LocalDate fundedUntil,
                           de.paktwerk.core.api.Money funding) {
    }

    /** An application's payload: the positions to be funded. */
    public record Payload(@Schema(title = "Stellen", requiredMode = REQUIRED) List<PositionInput> positions) {
    }

    /** A new pseudonymised case: no names. */
    @Schema(title = "Fall", extensions = @io.swagger.v3.oas.annotations.extensions.Extension(properties = @ExtensionProperty(name = "x-order", parseValue = true,
            value = "[\"id\",\"municipalityKey\",\"positionId\",\"birthYear\",\"country\",\"householdSize\",\"arrivalDate\",\"counsellingStart\"]")))
    public record CaseInput(@Schema(title = "Fallkennung", description = "ein Pseudonym wie ULM-0001 – kein Name", requiredMode = REQUIRED) String id,
                            @Schema(title = "Kommune (amtlicher Schlüssel)", description = "z. B. 08421000", requiredMode = REQUIRED) String municipalityKey,
                            @Schema(title = "Stelle (Nummer)", requiredMode = REQUIRED) long positionId,
                            @Schema(title = "Geburtsjahr", requiredMode = REQUIRED) int birthYear,
                            @Schema(title = "Herkunftsland", description = "dreistelliger Ländercode, z. B. SYR") String country,
                            @Schema(title = "Personen im Haushalt", requiredMode = REQUIRED) int householdSize,
                            @Schema(title = "Ankunft in Deutschland") LocalDate arrivalDate,
                            @Schema(title = "Beratung seit", requiredMode = REQUIRED) LocalDate counsellingStart) {
    }

    /** A pseudonymised case in follow-up accommodation. */
    public record Case(String id, String municipalityKey, long positionId, int birthYear, String country, int householdSize,
                       LocalDate arrivalDate, LocalDate counsellingStart, LocalDate counsellingEnd, String extensionReason,
                       LocalDate latestEnd) {
    }

    /** Extending counselling to 4 years needs a reason. */
    public record Extension(String reason) {
    }

    /** Ending counselling. */
    public record Closing(LocalDate end) {
    }

    /** An agreed measure with its responsible local actor; may point at an item of another funding area. */
    public record Measure(@Schema(title = "Maßnahme", requiredMode = REQUIRED) String description,
                          @Schema(title = "Wer sie trägt", extensions = @io.swagger.v3.oas.annotations.extensions.Extension(name = "x-labels", properties = {@ExtensionProperty(name = "INTEGRATION_OFFICER", value = "kommunale Integrationsbeauftragte"), @ExtensionProperty(name = "VOLUNTEERS", value = "ehrenamtlich Engagierte"), @ExtensionProperty(name = "LANGUAGE_COURSE", value = "Sprachkurs"), @ExtensionProperty(name = "YOUTH_CAREER_HELPER", value = "Jugendberufshilfe"), @ExtensionProperty(name = "OTHER", value = "andere")})) Actor actor,
                          @Schema(title = "Bezug: Förderbereich", description = "freiwillig, z. B. language-courses") String referenceArea,
                          @Schema(title = "Bezug: Nummer im Förderbereich", description = "freiwillig, z. B. die Kursnummer") String referenceId) {
    }

    /** A goal in one life area with its measures. */
    public record Goal(@Schema(title = "Lebensbereich", requiredMode = REQUIRED, extensions = @io.swagger.v3.oas.annotations.extensions.Extension(name = "x-labels", properties = {@ExtensionProperty(name = "LANGUAGE", value = "Sprache"), @ExtensionProperty(name = "EDUCATION", value = "Bildung"), @ExtensionProperty(name = "WORK", value = "Arbeit"), @ExtensionProperty(name = "HOUSING", value = "Wohnen"), @ExtensionProperty(name = "HEALTH", value = "Gesundheit"), @ExtensionProperty(name = "SOCIAL", value = "Soziales")})) LifeArea lifeArea,
                       @Schema(title = "Ziel", requiredMode = REQUIRED) String description,
                       @Schema(title = "Stand", extensions = @io.swagger.v3.oas.annotations.extensions.Extension(name = "x-labels", properties = {@ExtensionProperty(name = "ACHIEVED", value = "erreicht"), @ExtensionProperty(name = "IN_PROGRESS", value = "in Arbeit"), @ExtensionProperty(name = "NOT_ACHIEVED", value = "nicht erreicht"), @ExtensionProperty(name = "REVISED", value = "angepasst")})) Outcome outcome,
                       @Schema(title = "Maßnahmen") List<Measure> measures) {
    }

    /** An individual integration plan as written by the caseworker. */
    @Schema(title = "Integrationsplan")
    public record PlanInput(@Schema(title = "Vereinbart am", requiredMode = REQUIRED) LocalDate agreedOn,
                            @Schema(title = "Fortschreibung alle … Monate", description = "höchstens 6", requiredMode = REQUIRED, minimum = "1", maximum = "6")
                            int reviewIntervalMonths,
                            @Schema(title = "Ziele", requiredMode = REQUIRED) List<Goal> goals) {
    }

    /** A review of a plan. */
    public record Review(LocalDate date, Outcome outcome, String note) {
    }

    /** An individual integration plan with its reviews and when the next one is due. */
    public record Plan(String caseId, LocalDate agreedOn, int reviewIntervalMonths, List<Goal> goals, List<Review> reviews,
                       LocalDate nextReview) {
    }

    /** A plan whose review is overdue. */
    public record OverdueReview(String caseId, String municipalityKey, long positionId, String managerName, LocalDate due) {
    }

    /**
     * Pseudonymised report of one municipality; figures of groups smaller than the minimum (and, when the
     * whole report is suppressed, even the number of cases) are null
     * (suppressed).
     */
    public record Report(String municipalityKey, Integer cases, String fte, String casesPerFte, Double plansPerCase,
                         Integer overdueReviews, java.util.Map<String, java.util.Map<String, Integer>> goalOutcomes,
                         boolean suppressed) {
    }

    /** Result of pricing positions. */
    public record Pricing(List<Position> positions, de.paktwerk.core.api.Money total) {
    }
}
