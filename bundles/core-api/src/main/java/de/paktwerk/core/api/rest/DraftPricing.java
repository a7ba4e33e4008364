package de.paktwerk.core.api.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import de.paktwerk.core.api.ApplicationService;
import de.paktwerk.core.api.Assessment;
import de.paktwerk.core.api.InvalidInputException;
import de.paktwerk.core.api.LineItem;
import de.paktwerk.core.api.Money;
import de.paktwerk.core.api.NewApplication;
import java.util.List;
import javax.ws.rs.core.SecurityContext;

/**
 * A module's own pricing endpoint ({@code POST /api/{area}/pricing}, whose request body documents the area's payload) as
 * a door to the core's one: the draft goes to {@link ApplicationService#price(NewApplication, java.time.LocalDate)}, with the
 * same scope check, the same {@code AssessmentContext} and the area's own {@code assess} as filing it. A module writes no
 * pricing of its own.
 *
 * @since 1.3
 */
public final class DraftPricing {

    private static final ObjectMapper TREE = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .serializationInclusion(JsonInclude.Include.NON_NULL).build();

    private DraftPricing() {
    }

    /**
     * What a module's pricing endpoint answers: the total and the lines, as the decision will show them.
     *
     * @param total the eligible amount
     * @param lines the lines of the calculation
     */
    public record Price(Money total, List<LineItem> lines) {

        /** The price of an assessment. */
        public static Price of(Assessment assessment) {
            return new Price(assessment.amount(), assessment.items());
        }
    }

    /**
     * Prices a draft at the core's door.
     *
     * @param applications the core's service
     * @param sc who asks
     * @param draft the draft, its payload as the module read it ({@link #payload})
     * @param asOf the day to price on, {@code JJJJ-MM-TT} (query parameter {@code asOf}), or null for today
     * @return the price
     * @throws InvalidInputException naming its field in the module's request body (the payload)
     */
    public static Price price(ApplicationService applications, SecurityContext sc, NewApplication draft, String asOf) {
        Caller.of(sc).requireMayApply(draft);
        try {
            return Price.of(applications.price(draft, RestParams.date(asOf, "asOf")));
        } catch (InvalidInputException e) {
            throw e.outside("payload"); // the module's request body is the payload itself
        }
    }

    /**
     * The applicant of a draft priced by a module: the one given, else the caller's only municipality.
     *
     * @param sc who asks
     * @param applicant the query parameter {@code applicant}, or null
     * @return the official key
     * @throws InvalidInputException naming {@code applicant} when it is missing and the caller acts for none or several
     */
    public static String applicant(SecurityContext sc, String applicant) {
        if (applicant != null && !applicant.isBlank()) {
            return applicant.trim();
        }
        Caller caller = Caller.of(sc);
        if (!caller.seesAllMunicipalities() && caller.municipalities().size() == 1) {
            return caller.municipalities().iterator().next();
        }
        throw new InvalidInputException("Der Antragsteller fehlt (?applicant=amtlicher Schlüssel).", "applicant");
    }

    /**
     * The payload as JSON, as the core hands it to the area's {@code assess}: what the module read from the request body,
     * absent fields left out.
     *
     * @param payload the module's payload record
     * @return the JSON
     */
    public static JsonNode payload(Object payload) {
        return TREE.valueToTree(RestParams.body(payload));
    }
}
