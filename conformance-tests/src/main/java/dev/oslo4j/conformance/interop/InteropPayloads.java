package dev.oslo4j.conformance.interop;

import com.fasterxml.jackson.databind.JsonNode;
import dev.oslo4j.conformance.python.PeerJson;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Payloads and contexts shared by the interop suites (every test sends the same shapes). */
final class InteropPayloads {
    private InteropPayloads() {
    }

    /** Nested objects and arrays, every JSON type, non-ASCII text (accents, CJK, emoji, escapes). */
    static Map<String, Object> nestedNonAscii() {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("ünïcödé", "日本語 テキスト — ελληνικά");
        inner.put("emoji", "🚀 astral 𝄞");
        inner.put("escapes", "quote \" backslash \\ newline \n tab \t nul-free");
        inner.put("null", null);
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("list", Arrays.asList(1, -2, 3.5, 1e-7, true, false, null, "x"));
        root.put("nested", Map.of("deeper", Map.of("deepest", List.of(Map.of("k", "v")))));
        root.put("text", inner);
        root.put("big_int", 9007199254740993L);
        root.put("empty_list", List.of());
        root.put("empty_object", Map.of());
        return root;
    }

    /** Text of {@code length} characters mixing ASCII and multi-byte characters. */
    static String largeText(int length) {
        String unit = "oslo4j-é-日-";
        StringBuilder text = new StringBuilder(length + unit.length());
        while (text.length() < length) {
            text.append(unit);
        }
        return text.substring(0, length);
    }

    /** A nova-like request context plus keys no library knows about. */
    static Map<String, Object> context() {
        Map<String, Object> ctxt = new LinkedHashMap<>();
        ctxt.put("user_id", "u-1");
        ctxt.put("project_id", "p-1");
        ctxt.put("request_id", "req-6d1e2c4a-0b8f-4c57-9d1e-2a3b4c5d6e7f");
        ctxt.put("roles", List.of("member", "reader"));
        ctxt.put("is_admin", false);
        ctxt.put("x_unknown_key", Map.of("nested", List.of(1, "zwei", Map.of("drei", 3.0))));
        ctxt.put("ünïcödé_key", "wert");
        return ctxt;
    }

    /**
     * What a 14.0.3 listener sees of {@link #context()} in a notification: only the keys on oslo's
     * notification whitelist survive, and oslo adds {@code client_timeout}.
     */
    static JsonNode contextAsNotified() {
        Map<String, Object> ctxt = new LinkedHashMap<>(context());
        ctxt.keySet().retainAll(List.of("user_id", "project_id", "request_id", "roles", "is_admin"));
        ctxt.put("client_timeout", null);
        return PeerJson.tree(ctxt);
    }

    /** Floats as Python writes them: non-finite tokens and values whose repr uses an exponent. */
    static List<Double> pythonFloats() {
        return List.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1e-05, 1e16, -0.0, 0.1);
    }
}
