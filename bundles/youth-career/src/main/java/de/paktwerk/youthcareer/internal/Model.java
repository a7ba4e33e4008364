package de.paktwerk.youthcareer.internal;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import de.paktwerk.core.api.LineItem;
import de.paktwerk.core.api.Money;
import de.paktwerk.core.api.spi.Payloads;
import io.swagger.v3.oas.annotations.extensions.Extension;
import io.swagger.v3.oas.annotations.extensions.ExtensionProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The module's records: application payload, schools, funded positions, proof-of-use actuals and reports. */
public final class Model {

    private Model() {
    }

    /**
     * The payload of an application of this area: one programme, its positions and its prerequisites. The school
     * year is the application's term ({@code term.kind = SCHOOL_YEAR}).
     *
     * @param programme the sub-programme
     * @param youthOfficeStatement school social work: the youth office's statement (needed for a first application)
     * @param coFinancingResolution AVdual: the district's resolution to co-finance (required)
     * @param personnelCosts AVdual: eligible personnel costs per year, e.g. "122100.00" (required)
     * @param avdualPupils AVdual: pupils in AVdual classes (for the caseload guideline)
     * @param positions the positions applied for
     */
    @Schema(extensions = @Extension(properties = {@ExtensionProperty(name = "x-order", value = "[\"programme\",\"positions\",\"youthOfficeStatement\",\"coFinancingResolution\",\"personnelCosts\",\"avdualPupils\"]", parseValue = true), @ExtensionProperty(name = "x-variants", value = "{\"programme\":{\"SCHOOL_SOCIAL_WORK\":[\"youthOfficeStatement\"],\"AVDUAL_COMPANION\":[\"coFinancingResolution\",\"personnelCosts\",\"avdualPupils\"],\"YOUTH_CAREER_HELPER\":[]}}", parseValue = true)}))
    public record Payload(@Schema(title = "Teilprogramm", requiredMode = REQUIRED, extensions = @Extension(name = "x-labels", properties = {
                                  @ExtensionProperty(name = "SCHOOL_SOCIAL_WORK", value = "Schulsozialarbeit"),
                                  @ExtensionProperty(name = "AVDUAL_COMPANION", value = "AVdual-Begleitung"),
                                  @ExtensionProperty(name = "YOUTH_CAREER_HELPER", value = "Jugendberufshelfer")})) Programme programme,
                          @Schema(title = "Stellungnahme des Jugendamts", description = "Schulsozialarbeit: für einen Erstantrag nötig")
                          Statement youthOfficeStatement,
                          @Schema(title = "Beschluss zur Kofinanzierung", description = "AVdual: Beschluss des Kreistags oder Gemeinderats (nötig)")
                          Resolution coFinancingResolution,
                          @Schema(title = "Förderfähige Personalausgaben je Jahr in Euro", description = "AVdual (nötig), z. B. 122100.00",
                                  pattern = Payloads.AMOUNT, format = "decimal") String personnelCosts,
                          @Schema(title = "Schülerinnen und Schüler in AVdual-Klassen", description = "AVdual: für den Betreuungsschlüssel", minimum = "0")
                          Integer avdualPupils,
                          @Schema(title = "Stellen", requiredMode = REQUIRED) List<PositionInput> positions) {
    }

    /**
     * One position applied for.
     *
     * @param fte share of a full-time position, "0.10" to "1.00"
     * @param months full months of the school year it is filled, 1 to 12 (default 12)
     * @param from first day it is filled, the first of a month in the school year (default: the school year's first day)
     * @param holderName who holds it, optional (used to refuse double funding of the same person at the same school)
     * @param schools official school numbers it works at (school social work: at most 2, 3 with a reason)
     * @param exceptionReason why a school social worker serves a third school
     */
    @Schema(extensions = @Extension(properties = {@ExtensionProperty(name = "x-order", value = "[\"fte\",\"months\",\"from\",\"schools\",\"exceptionReason\",\"holderName\"]", parseValue = true)}))
    public record PositionInput(@Schema(title = "Stellenanteil", description = "Anteil einer Vollzeitstelle, 0.10 bis 1.00",
                                        requiredMode = REQUIRED, pattern = Payloads.FTE, format = "decimal") String fte,
                                @Schema(title = "Besetzte Monate im Schuljahr", description = "1 bis 12; ohne Angabe 12", minimum = "1", maximum = "12")
                                Integer months,
                                @Schema(title = "Besetzt ab", description = "der Erste eines Monats im Schuljahr; ohne Angabe sein Beginn") LocalDate from,
                                @Schema(title = "Name der Stelleninhaberin oder des Stelleninhabers", description = "freiwillig; verhindert Doppelförderung")
                                String holderName,
                                @Schema(title = "Schulen", description = "Schulsozialarbeit: höchstens zwei, mit Begründung drei", extensions = @Extension(
                                        properties = @ExtensionProperty(name = "x-choices", parseValue = true,
                                                value = "{\"path\":\"/api/youth-career/schools?municipality={applicantKey}\",\"value\":\"schoolNumber\",\"label\":\"{name} ({schoolNumber})\"}")))
                                List<String> schools,
                                @Schema(title = "Begründung für eine dritte Schule") String exceptionReason) {
    }

    /** A funded stretch of a person at a school: for double funding, which must not overlap. */
    public record Funded(String holder, String school, LocalDate from, int months) {
        /** True if the two stretches share a month. */
        public boolean overlaps(LocalDate otherFrom, int otherMonths) {
            return from.isBefore(otherFrom.plusMonths(otherMonths)) && otherFrom.isBefore(from.plusMonths(months));
        }
    }

    /** The AVdual caseload guideline set aside by the approval office for an application, with its reason. */
    public record CaseloadOverride(long applicationId, String reason, String approver, Instant at) {
    }

    /** The youth office's statement: date and reference. */
    @Schema(title = "Stellungnahme des Jugendamts", description = "Schulsozialarbeit: für einen Erstantrag nötig")
    public record Statement(@Schema(title = "Datum der Stellungnahme") LocalDate date, @Schema(title = "Aktenzeichen") String reference) {
    }

    /** A resolution of a district council: which body, date and reference. */
    @Schema(title = "Beschluss zur Kofinanzierung", description = "AVdual: Beschluss des Kreistags oder Gemeinderats (nötig)")
    public record Resolution(@Schema(title = "Gremium", description = "z. B. Kreistag") String body, @Schema(title = "Datum des Beschlusses") LocalDate date,
                             @Schema(title = "Aktenzeichen") String reference) {
    }

    /** Schools as recorded by the approval office or the school authority. */
    @Schema(title = "Schule", extensions = @Extension(properties = {@ExtensionProperty(name = "x-order", value = "[\"schoolNumber\",\"name\","
            + "\"schoolType\",\"municipalityKey\",\"refugeePupils\",\"classesVkl\",\"classesVabo\",\"classesAvdual\",\"classesVab\",\"classesBej\"]",
            parseValue = true)}))
    public record School(@Schema(title = "Schulnummer", description = "die amtliche Dienststellennummer der Schule, z. B. 04123456",
                                 requiredMode = REQUIRED, pattern = "^[0-9]{5,12}$") String schoolNumber,
                         @Schema(title = "Name der Schule", requiredMode = REQUIRED) String name,
                         @Schema(title = "Kommune (amtlicher Schlüssel)", requiredMode = REQUIRED) String municipalityKey,
                         @Schema(title = "Schulart", requiredMode = REQUIRED, extensions = @Extension(name = "x-labels", properties = {
                                 @ExtensionProperty(name = "GS", value = "Grundschule"),
                                 @ExtensionProperty(name = "WRS", value = "Werkrealschule"),
                                 @ExtensionProperty(name = "GMS", value = "Gemeinschaftsschule"),
                                 @ExtensionProperty(name = "RS", value = "Realschule"),
                                 @ExtensionProperty(name = "GYM", value = "Gymnasium"),
                                 @ExtensionProperty(name = "SBBZ", value = "Sonderpädagogisches Bildungs- und Beratungszentrum"),
                                 @ExtensionProperty(name = "BERUFLICH", value = "Berufliche Schule")})) SchoolType schoolType,
                         @Schema(title = "Vorbereitungsklassen (VKL)", minimum = "0") Integer classesVkl,
                         @Schema(title = "VABO-Klassen", minimum = "0") Integer classesVabo,
                         @Schema(title = "AVdual-Klassen", minimum = "0") Integer classesAvdual,
                         @Schema(title = "VAB-Klassen", minimum = "0") Integer classesVab,
                         @Schema(title = "BEJ-Klassen", minimum = "0") Integer classesBej,
                         @Schema(title = "Geflüchtete Schülerinnen und Schüler", minimum = "0") Integer refugeePupils) {
    }

    /** Kinds of schools. */
    public enum SchoolType {
        GS, WRS, GMS, RS, GYM, SBBZ, BERUFLICH
    }

    /** A funded position, created from an approved application. */
    public record Position(long id, long applicationId, int line, String decisionNumber, Programme programme, String responsibleKey,
                           String holderName, String fte, int months, String schoolYear, Money funded, List<String> schools,
                           String exceptionReason, Instant createdAt) {
    }

    /**
     * What the applicant reports at proof of use (the actuals the area settles on).
     *
     * @param personnelCosts AVdual: actual personnel costs of the school year
     * @param positions one entry per position of the application, in its order
     */
    public record Actuals(String personnelCosts, List<PositionActuals> positions) {
    }

    /**
     * Actuals of one position: months and FTE actually filled, and the counts of the school year.
     */
    public record PositionActuals(Integer months, String fte, Integer pupilsReached, Integer refugeePupils, Integer placementsStarted,
                                  Integer placementsCompleted, Integer transitionsTraining, Integer pupilsAdvised, Integer trainingContracts) {
    }

    /** One row of the report per applicant, programme and school year; counts of groups under the minimum are null. */
    public record ReportRow(String responsibleKey, Programme programme, String schoolYear, int positions, String fte, Money funded,
                            Integer pupilsReached, Integer refugeePupils, Integer placementsStarted, Integer placementsCompleted,
                            Integer transitionsTraining, Integer pupilsAdvised, Integer trainingContracts) {
    }
}
