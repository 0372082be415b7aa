package dev.oslo4j.junit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.oslo4j.messaging.wire.Json;

import java.util.Iterator;
import java.util.Map;

/**
 * JSON as tests compare and show it: expected Java values become JSON the way oslo4j would send them; numbers
 * compare by value as in Python ({@code 1 == 1.0}); paths address nested values; rendering is compact, readable
 * (non-ASCII kept) and bounded.
 */
public final class JsonValues {

    /** Longest rendering of one value in a failure message. */
    static final int MAX_RENDERED = 400;

    private JsonValues() {
    }

    /** {@code value} as the JSON oslo4j would send for it ({@link JsonNode}s pass through). */
    public static JsonNode toNode(Object value) {
        if (value instanceof JsonNode n) {
            return n;
        }
        try {
            return Json.mapper().valueToTree(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("expected value " + value + " cannot be turned into JSON: "
                    + e.getMessage(), e);
        }
    }

    /** Structural equality where numbers compare by value (Python's {@code 1 == 1.0}). */
    public static boolean equal(JsonNode a, JsonNode b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        if (a.isObject() && b.isObject()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (Map.Entry<String, JsonNode> e : a.properties()) {
                if (!equal(e.getValue(), b.get(e.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        if (a.isArray() && b.isArray()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (!equal(a.get(i), b.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }

    /**
     * The value at {@code path} in {@code root}, or a missing node. A path is either a JSON Pointer
     * ({@code /instance/flavor/0}) or dotted names with optional indexes ({@code instance.flavor},
     * {@code items[0].id}, {@code items.0.id}); the empty path is the root.
     */
    public static JsonNode at(JsonNode root, String path) {
        if (path.isEmpty()) {
            return root;
        }
        if (path.startsWith("/")) {
            return root.at(path);
        }
        JsonNode node = root;
        for (String step : path.replace("[", ".").replace("]", "").split("\\.")) {
            if (step.isEmpty()) {
                continue;
            }
            if (node == null || node.isMissingNode()) {
                return MissingNode.getInstance();
            }
            node = node.isArray() && step.chars().allMatch(Character::isDigit)
                    ? node.get(Integer.parseInt(step)) : node.get(step);
        }
        return node == null ? MissingNode.getInstance() : node;
    }

    /** Compact, readable JSON: {@code {"a": 1, "b": ["x", "é"]}}; "(absent)" for a missing node. */
    public static String render(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "(absent)";
        }
        StringBuilder out = new StringBuilder();
        write(node, out);
        if (out.length() > MAX_RENDERED) {
            return out.substring(0, MAX_RENDERED) + "… (" + out.length() + " chars)";
        }
        return out.toString();
    }

    /** A Java value as it would be compared: its JSON, rendered. */
    public static String render(Object value) {
        return render(toNode(value));
    }

    private static void write(JsonNode node, StringBuilder out) {
        if (out.length() > MAX_RENDERED * 2) {
            return;
        }
        if (node.isObject()) {
            out.append('{');
            Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                out.append(TextNode.valueOf(e.getKey())).append(": ");
                write(e.getValue(), out);
                if (it.hasNext()) {
                    out.append(", ");
                }
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            for (int i = 0; i < node.size(); i++) {
                if (i > 0) {
                    out.append(", ");
                }
                write(node.get(i), out);
            }
            out.append(']');
        } else {
            out.append(node);
        }
    }
}
