package dev.oslo4j.messaging.wire;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.StringWriter;

/**
 * The one shared Jackson configuration of oslo4j: reads what Python's {@code json} module writes (including
 * {@code NaN}/{@code Infinity}) and writes what it writes ({@code ", "} and {@code ": "} separators, ASCII only
 * with lower-case {@code \u00e9} escapes, Python float formatting). Default typing is never enabled: JSON is
 * only ever bound to declared types.
 */
public final class Json {

    private static final JsonFactory FACTORY = new com.fasterxml.jackson.core.JsonFactoryBuilder()
            .characterEscapes(new PythonEscapes())
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
            .disable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
            .disable(JsonWriteFeature.WRITE_HEX_UPPER_CASE)
            .build();

    private static final ObjectMapper MAPPER = JsonMapper.builder(FACTORY)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .build();

    private Json() {
    }

    /** The shared mapper (thread-safe). Never reconfigure it. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** A generator writing Python's {@code json.dumps} layout into {@code out}. */
    public static JsonGenerator pythonGenerator(java.io.Writer out) throws IOException {
        JsonGenerator g = MAPPER.getFactory().createGenerator(out);
        g.setPrettyPrinter(PythonLayout.INSTANCE);
        return new PythonFloats(g);
    }

    /** A generator writing Python's {@code json.dumps} layout as UTF-8 into {@code out}. */
    public static JsonGenerator pythonGenerator(java.io.OutputStream out) throws IOException {
        JsonGenerator g = MAPPER.getFactory().createGenerator(out);
        g.setPrettyPrinter(PythonLayout.INSTANCE);
        return new PythonFloats(g);
    }

    /** {@code value} as Python's {@code json.dumps(value)} would write it. */
    public static String toPythonJson(Object value) {
        StringWriter w = new StringWriter(64);
        try (JsonGenerator g = pythonGenerator(w)) {
            MAPPER.writeValue(g, value);
        } catch (IOException e) {
            throw new IllegalArgumentException("value is not JSON-serializable: " + e.getMessage(), e);
        }
        return w.toString();
    }

    /** Parses JSON text (tolerating NaN/Infinity). */
    public static JsonNode parse(String text) throws IOException {
        try (JsonParser p = MAPPER.getFactory().createParser(text)) {
            return MAPPER.readTree(p);
        }
    }

    /** Parses UTF-8 JSON bytes (tolerating NaN/Infinity); invalid UTF-8 fails. */
    public static JsonNode parse(byte[] utf8) throws IOException {
        try (JsonParser p = MAPPER.getFactory().createParser(utf8)) {
            return MAPPER.readTree(p);
        }
    }

    /** Parses {@code length} UTF-8 JSON bytes of {@code utf8} from {@code offset} (tolerating NaN/Infinity). */
    public static JsonNode parse(byte[] utf8, int offset, int length) throws IOException {
        try (JsonParser p = MAPPER.getFactory().createParser(utf8, offset, length)) {
            return MAPPER.readTree(p);
        }
    }

    /** Python escapes DEL (0x7f) too; everything else matches Jackson's standard escapes. */
    private static final class PythonEscapes extends CharacterEscapes {
        private final int[] ascii;

        PythonEscapes() {
            ascii = CharacterEscapes.standardAsciiEscapesForJSON();
            ascii[0x7f] = CharacterEscapes.ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializedString getEscapeSequence(int ch) {
            return null;
        }
    }
}
