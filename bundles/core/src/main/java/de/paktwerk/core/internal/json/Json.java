package de.paktwerk.core.internal.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The one Jackson configuration of Paktwerk: strict on input, ISO dates, money as decimal strings. */
public final class Json {

    /** Deepest nesting accepted in a request (guards against parser DoS). */
    public static final int MAX_NESTING = 64;
    /** Longest string value accepted in a request. */
    public static final int MAX_STRING = 100_000;

    private static final ObjectMapper MAPPER = create();
    /** For JSON Paktwerk stored itself: read back whatever an earlier version accepted, never refused as input. */
    private static final ObjectMapper STORED = create(false);

    private Json() {
    }

    /** A new mapper with Paktwerk's settings for input: only printable text (see {@link PrintableText}). */
    public static ObjectMapper create() {
        return create(true);
    }

    private static ObjectMapper create(boolean input) {
        ObjectMapper mapper = JsonMapper.builder(input ? PrintableText.factory() : new com.fasterxml.jackson.core.JsonFactory())
                .addModule(new JavaTimeModule())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                // a key given twice is refused, not silently "the last one wins"
                .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        de.paktwerk.core.api.spi.Payloads.strict(mapper); // nothing coerced: a number is no amount string, a string no number
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING)
                .maxStringLength(MAX_STRING)
                .maxNumberLength(40)
                .build());
        return mapper;
    }

    /** The mapper for reading JSON out of Paktwerk's own tables (payloads, assessments, audit snapshots). */
    public static ObjectMapper stored() {
        return STORED;
    }

    /** Shared instance for audit snapshots (thread-safe once configured). */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** JSON of a value for the audit log. */
    public static String write(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A JSON object of these fields, keys sorted (for audit records: never built by concatenation). */
    public static String object(java.util.Map<String, ?> fields) {
        return write(new java.util.TreeMap<>(fields));
    }
}
