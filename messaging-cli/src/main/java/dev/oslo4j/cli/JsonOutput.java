package dev.oslo4j.cli;

import dev.oslo4j.messaging.wire.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;

/**
 * The CLI's one JSON writer: every document a command prints (and the JSON it hands to Python peers) is written by
 * the wire layer's Python layout ({@link Json#toPythonJson}), exactly as Python's {@code json.dumps} writes it:
 * {@code ", "} and {@code ": "} separators, floats as {@code repr(float)} ({@code 1e+16}, {@code 1.5},
 * {@code -0.0}, {@code NaN}, {@code Infinity}), non-ASCII characters as lower-case {@code \u00e9} escapes
 * (ensure_ascii), so that output reads the same in any terminal locale and diffs cleanly against a Python tool's.
 */
public final class JsonOutput {

    private JsonOutput() {
    }

    /** One line of JSON for {@code value} (maps, lists, records, {@code JsonNode}s…). */
    public static String line(Object value) {
        return Json.toPythonJson(value);
    }

    /** Prints {@code value} as one JSON line and flushes, so that a reader of a pipe sees it at once. */
    public static void print(PrintWriter out, Object value) {
        out.println(line(value));
        out.flush();
        if (out.checkError()) {
            throw new UncheckedIOException(new IOException("stdout is closed"));
        }
    }
}
