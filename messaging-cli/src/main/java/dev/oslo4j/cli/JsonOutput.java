package dev.oslo4j.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;

/**
 * Writes the one-line JSON documents the commands print on stdout, laid out as Python's {@code json.dumps}
 * does ({@code {"result": 3}}) and with non-ASCII characters escaped, so that the output reads the same in
 * any terminal locale and diffs cleanly against what a Python tool prints.
 */
public final class JsonOutput {
    private static final ObjectWriter WRITER;

    static {
        ObjectMapper mapper = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
        WRITER = mapper.writer(new PythonLayout());
    }

    private JsonOutput() {
    }

    /** One line of JSON for {@code value} (maps, lists, records, {@code JsonNode}s…). */
    public static String line(Object value) {
        try {
            return WRITER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write as JSON: " + value.getClass().getName(), e);
        }
    }

    /** Prints {@code value} as one JSON line and flushes, so that a reader of a pipe sees it at once. */
    public static void print(PrintWriter out, Object value) {
        out.println(line(value));
        out.flush();
        if (out.checkError()) {
            throw new UncheckedIOException(new IOException("stdout is closed"));
        }
    }

    /** {@code ", "} between entries and {@code ": "} after keys, on one line. */
    private static final class PythonLayout extends MinimalPrettyPrinter {
        private static final long serialVersionUID = 1L;

        @Override
        public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(": ");
        }

        @Override
        public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
            g.writeRaw(", ");
        }

        @Override
        public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(", ");
        }
    }
}
