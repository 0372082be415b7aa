package dev.oslo4j.conformance.python;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;

/**
 * The one JSON mapper of the peer protocol. Non-finite floats travel as Python's json module writes and
 * reads them: bare {@code NaN}, {@code Infinity}, {@code -Infinity}.
 */
public final class PeerJson {
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .disable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
            .build();

    private PeerJson() {
    }

    /** A new empty JSON object. */
    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** Any Jackson-serializable value (maps, lists, records, strings…) as a JSON tree. */
    public static JsonNode tree(Object value) {
        return MAPPER.valueToTree(value);
    }

    /** A JSON object as plain Java values (maps, lists, strings, numbers, booleans, nulls). */
    public static Map<String, Object> toMap(JsonNode object) {
        return MAPPER.convertValue(object, new TypeReference<Map<String, Object>>() { });
    }

    static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot encode " + node, e);
        }
    }

    /** Parses one line the peer printed; a line that is not JSON becomes an "unparsable" event. */
    static JsonNode parseLine(String line) {
        try {
            JsonNode node = MAPPER.readTree(line);
            if (node != null && node.isObject()) {
                return node;
            }
        } catch (JsonProcessingException e) {
            // fall through: reported below as an event so that a test failure shows it
        }
        return object().put("event", "unparsable").put("text", line);
    }
}
