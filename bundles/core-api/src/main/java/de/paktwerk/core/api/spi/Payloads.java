package de.paktwerk.core.api.spi;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.type.LogicalType;
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

    /**
     * The pattern of an amount in a payload: euros with a decimal point and up to two decimals, as text ({@code "14000.00"}).
     *
     * @since 2.3
     */
    public static final String AMOUNT = "^[0-9]{1,16}(\\.[0-9]{1,2})?$";

    /**
     * The pattern of a share of a full-time position (FTE) in a payload, as text ({@code "0.50"}).
     *
     * @since 2.3
     */
    public static final String FTE = "^[0-9](\\.[0-9]{1,2})?$";

    private static final ObjectMapper STRICT = strict(JsonMapper.builder().addModule(new JavaTimeModule()).build());

    private Payloads() {
    }

    /**
     * Paktwerk's rules for reading input on a mapper: unknown fields, duplicate keys, numbers for enums and nulls for
     * primitives are refused, and nothing is coerced — a number or a boolean is no text (amounts and FTE are strings
     * such as {@code "0.50"}), a text is no number.
     *
     * @param mapper a mapper to configure (it is changed and returned)
     * @return the mapper
     * @since 2.2
     */
    public static ObjectMapper strict(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS, DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.coercionConfigDefaults().setAcceptBlankAsEmpty(false);
        for (LogicalType scalar : new LogicalType[] {LogicalType.Textual, LogicalType.Integer, LogicalType.Float, LogicalType.Boolean,
                LogicalType.Enum, LogicalType.DateTime}) {
            mapper.coercionConfigFor(scalar).setCoercion(CoercionInputShape.Integer, scalar == LogicalType.Integer || scalar == LogicalType.Float
                            ? CoercionAction.TryConvert : CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, scalar == LogicalType.Float ? CoercionAction.TryConvert : CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, scalar == LogicalType.Boolean ? CoercionAction.TryConvert : CoercionAction.Fail);
        }
        for (LogicalType number : new LogicalType[] {LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
            mapper.coercionConfigFor(number).setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        }
        return mapper;
    }

    /**
     * The path of a mapping problem into the input, as a form names its fields: {@code positions[0].fte}.
     *
     * @param e the problem
     * @return the path, empty if the problem concerns the input as a whole
     * @since 2.2
     */
    public static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    /**
     * @param node the JSON as the core received it
     * @param type the area's record
     * @param what German subject of the message, e.g. "Die Antragsangaben (payload)"
     * @return the record
     * @throws InvalidInputException "… sind ungültig: unbekanntes Feld 'x'" and the like
     */
    public static <T> T read(JsonNode node, Class<T> type, String what) {
        return read(node, type, what, null);
    }

    /**
     * Reads strictly (see {@link #strict(ObjectMapper)}); a refusal names the field inside the request body, e.g.
     * {@code payload.positions[0].fte} for {@code field = "payload"}.
     *
     * @param node the JSON as the core received it
     * @param type the area's record
     * @param what German subject of the message, e.g. "Die Antragsangaben"
     * @param field where {@code node} is in the request body, e.g. {@code payload}; null if it is the body
     * @return the record
     * @throws InvalidInputException "… sind ungültig: unbekanntes Feld 'x'" and the like, with its field
     * @since 2.2
     */
    public static <T> T read(JsonNode node, Class<T> type, String what, String field) {
        try {
            return STRICT.treeToValue(node, type);
        } catch (JsonProcessingException e) {
            String inner = e instanceof JsonMappingException m ? path(m) : "";
            String at = field == null ? inner : inner.isEmpty() ? field : field + (inner.startsWith("[") ? "" : ".") + inner;
            String message = e.getOriginalMessage().split("\n")[0];
            if (e instanceof UnrecognizedPropertyException u) {
                message = "unbekanntes Feld '" + u.getPropertyName() + "'";
                at = at.isEmpty() ? null : at;
            } else if (e instanceof MismatchedInputException mi && mi.getTargetType() == String.class) {
                message = "Feld '" + inner + "' erwartet Text in Anführungszeichen (Beträge und Stellenanteile z. B. \"0.50\"), keine Zahl und"
                        + " keinen Wahrheitswert";
            } else if (e instanceof InvalidFormatException f && f.getTargetType() != null) {
                message = "Feld '" + inner + "': Wert '" + f.getValue() + "' passt nicht (" + (f.getTargetType().isEnum()
                        ? "erlaubt: " + Arrays.toString(f.getTargetType().getEnumConstants())
                        : f.getTargetType() == LocalDate.class ? "Datum im Format JJJJ-MM-TT" : "falscher Typ") + ")";
            } else if (e instanceof MismatchedInputException && !inner.isEmpty()) {
                message = "Feld '" + inner + "' hat den falschen Typ";
            }
            throw new InvalidInputException(what + " sind ungültig: " + message + ".", at == null || at.isEmpty() ? field : at);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(what + " sind ungültig.", field);
        }
    }
}
