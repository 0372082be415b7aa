package dev.oslo4j.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parses the JSON the user typed on the command line (method arguments, contexts, payloads). A mistake is a
 * usage error (exit 3) whose message names the argument and where the JSON went wrong.
 */
public final class JsonInput {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            // Python's json module writes NaN/Infinity; accept what a user may have copied from it.
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    private JsonInput() {
    }

    /**
     * Parses any JSON value.
     *
     * @param what how the user knows this argument, e.g. {@code "PAYLOAD_JSON"}; used in error messages
     */
    public static JsonNode parseValue(String text, String what) {
        try {
            JsonParser parser = MAPPER.createParser(text);
            JsonNode node = MAPPER.readTree(parser);
            if (node == null) {
                throw CliFailure.usage(what + " is empty; give a JSON value, e.g. '{}'");
            }
            if (parser.nextToken() != null) {
                throw CliFailure.usage(what + " has extra text after the JSON value at column "
                        + parser.currentLocation().getColumnNr() + ": " + abbreviate(text));
            }
            return node;
        } catch (JsonProcessingException e) {
            throw CliFailure.usage(what + " is not valid JSON (" + e.getOriginalMessage() + " at column "
                    + (e.getLocation() == null ? "?" : e.getLocation().getColumnNr()) + "): " + abbreviate(text));
        } catch (java.io.IOException e) {
            throw CliFailure.usage(what + " cannot be read: " + e.getMessage());
        }
    }

    /** Parses a JSON object into an insertion-ordered map (keyword arguments, contexts). */
    public static Map<String, Object> parseObject(String text, String what) {
        JsonNode node = parseValue(text, what);
        if (!node.isObject()) {
            throw CliFailure.usage(what + " must be a JSON object like {\"name\": value}, not "
                    + describe(node) + ": " + abbreviate(text));
        }
        return toMap(node);
    }

    /** A JSON object node as an insertion-ordered map of plain Java values (maps, lists, strings, numbers). */
    public static Map<String, Object> toMap(JsonNode object) {
        Map<String, Object> map = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            map.put(field.getKey(), MAPPER.convertValue(field.getValue(), Object.class));
        }
        return map;
    }

    private static String describe(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }
}
