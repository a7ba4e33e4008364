package de.paktwerk.core.api.spi;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import de.paktwerk.core.api.InvalidInputException;
import java.time.LocalDate;
import java.util.Arrays;

/**
 * Reads an application's payload or a proof's actuals into an area's own records, strictly (unknown fields and
 * duplicate keys refused) and with German messages, so that every area answers bad payloads the same way.
 *
 * @since 2.1
 */
public final class Payloads {

    private static final ObjectMapper STRICT = JsonMapper.builder().addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();

    private Payloads() {
    }

    /**
     * @param node the JSON as the core received it
     * @param type the area's record
     * @param what German subject of the message, e.g. "Die Antragsangaben (payload)"
     * @return the record
     * @throws InvalidInputException "… sind ungültig: unbekanntes Feld 'x'" and the like
     */
    public static <T> T read(JsonNode node, Class<T> type, String what) {
        try {
            return STRICT.treeToValue(node, type);
        } catch (JsonProcessingException e) {
            String message = e.getOriginalMessage().split("\n")[0];
            if (e instanceof UnrecognizedPropertyException u) {
                message = "unbekanntes Feld '" + u.getPropertyName() + "'";
            } else if (e instanceof InvalidFormatException f && f.getTargetType() != null) {
                message = "Wert '" + f.getValue() + "' passt nicht (" + (f.getTargetType().isEnum()
                        ? "erlaubt: " + Arrays.toString(f.getTargetType().getEnumConstants())
                        : f.getTargetType() == LocalDate.class ? "Datum im Format JJJJ-MM-TT" : "falscher Typ") + ")";
            }
            throw new InvalidInputException(what + " sind ungültig: " + message);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(what + " sind ungültig.");
        }
    }
}
