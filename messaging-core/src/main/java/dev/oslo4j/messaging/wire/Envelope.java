package dev.oslo4j.messaging.wire;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * oslo's message envelope, format 2.0: {@code {"oslo.version": "2.0", "oslo.message": "<inner JSON as a string>"}}
 * (double encoding). Format 1.0 is the inner object sent bare; both are accepted on receipt.
 */
public final class Envelope {

    /** The envelope version oslo4j writes and the newest it accepts. */
    public static final String VERSION = "2.0";
    public static final String VERSION_KEY = "oslo.version";
    public static final String MESSAGE_KEY = "oslo.message";

    static final byte[] PREFIX =
            ("{\"" + VERSION_KEY + "\": \"" + VERSION + "\", \"" + MESSAGE_KEY + "\": \"").getBytes(StandardCharsets.US_ASCII);
    static final byte[] SUFFIX = "\"}".getBytes(StandardCharsets.US_ASCII);

    private Envelope() {
    }

    /** Wraps an inner message (already Python-style, ASCII-only JSON text) in the 2.0 envelope, as UTF-8 bytes. */
    public static byte[] wrap(String innerJson) {
        int n = innerJson.length();
        byte[] out = new byte[PREFIX.length + n + n / 4 + 16 + SUFFIX.length];
        System.arraycopy(PREFIX, 0, out, 0, PREFIX.length);
        int pos = PREFIX.length;
        for (int i = 0; i < n; i++) {
            char c = innerJson.charAt(i);
            if (pos + 8 + SUFFIX.length > out.length) {
                out = Arrays.copyOf(out, out.length * 2 + 16);
            }
            if (c == '"' || c == '\\') {
                out[pos++] = '\\';
                out[pos++] = (byte) c;
            } else if (c < 0x20 || c >= 0x7f) {
                // the inner text is ASCII-escaped JSON, so this only guards against misuse
                String esc = String.format("\\u%04x", (int) c);
                for (int k = 0; k < esc.length(); k++) {
                    out[pos++] = (byte) esc.charAt(k);
                }
            } else {
                out[pos++] = (byte) c;
            }
        }
        System.arraycopy(SUFFIX, 0, out, pos, SUFFIX.length);
        return Arrays.copyOf(out, pos + SUFFIX.length);
    }

    /**
     * Decodes a message body: a 2.0 envelope yields its decoded inner message; anything else (format 1.0, a
     * bare value) is returned as parsed.
     *
     * <p>The outer object is read as a stream: the {@code oslo.message} string goes from the parser's buffer
     * straight into bytes for the inner parse ({@link InnerText}), never becoming a String of its own. At 1 MB
     * that is a third of the decoding work.
     *
     * @throws MalformedMessage when the body is not JSON, the envelope version is not compatible with 2.0, or
     *     {@code oslo.message} is not a string holding JSON
     */
    public static JsonNode unwrap(byte[] body) throws MalformedMessage {
        int invalid = StrictUtf8.firstInvalidOffset(body);
        if (invalid >= 0) {
            // oslo (kombu's json.loads) decodes strictly as UTF-8; UTF-16 or Latin-1 bodies are errors there too
            throw new MalformedMessage(String.format(
                    "body is not valid UTF-8: byte 0x%02x at offset %d (of %d bytes) starts no valid sequence",
                    body[invalid] & 0xff, invalid, body.length));
        }
        String misread = StrictUtf8.jacksonWouldMisread(body);
        if (misread != null) {
            throw new MalformedMessage("body is not valid JSON: " + misread);
        }
        OurLayout ours = OurLayout.of(body);
        if (ours != null) {
            try {
                return Json.parse(ours.text, 0, ours.length);
            } catch (IOException e) {
                throw innerNotJson(e);
            }
        }
        Outer outer;
        try {
            outer = Outer.read(body);
        } catch (IOException e) {
            throw new MalformedMessage("body is not valid JSON: " + firstLine(e.getMessage()), e);
        }
        if (outer == null) {
            throw new MalformedMessage("body is empty");
        }
        if (!outer.isEnvelope()) {
            return outer.asParsed();
        }
        JsonNode version = outer.fields.get(VERSION_KEY);
        if (!version.isTextual()) {
            throw new MalformedMessage("envelope field 'oslo.version' is not a string: " + version);
        }
        boolean compatible;
        try {
            compatible = VersionRule.isCompatible(VERSION, version.textValue());
        } catch (IllegalArgumentException e) {
            throw new MalformedMessage("envelope version is invalid: " + e.getMessage());
        }
        if (!compatible) {
            throw new MalformedMessage("unsupported envelope version '" + version.textValue()
                    + "' (oslo.messaging speaks " + VERSION + ")");
        }
        if (outer.message == null) {
            JsonNode inner = outer.fields.get(MESSAGE_KEY);
            throw new MalformedMessage("envelope field 'oslo.message' is not a string but " + inner.getNodeType());
        }
        try {
            return outer.message.parse();
        } catch (IOException e) {
            throw innerNotJson(e);
        }
    }

    private static MalformedMessage innerNotJson(IOException e) {
        return new MalformedMessage("envelope field 'oslo.message' is not valid JSON: " + firstLine(e.getMessage()), e);
    }

    /**
     * The envelope exactly as oslo4j and Python's {@code json.dumps} write it, {@code {"oslo.version": "2.0",
     * "oslo.message": "…"}}, read without a general parser: the string is unescaped from bytes to bytes, its
     * unescaped runs copied whole. Anything else (other escapes, non-ASCII, other spacing or order) returns null
     * for the general path, which also produces every error message.
     */
    static final class OurLayout {
        /** The inner JSON text: ASCII, the first {@code length} bytes. */
        final byte[] text;
        final int length;

        private OurLayout(byte[] text, int length) {
            this.text = text;
            this.length = length;
        }

        /** The inner JSON text, or null when the body is not in this exact layout. */
        static OurLayout of(byte[] body) {
            int n = body.length;
            if (n < PREFIX.length + SUFFIX.length || !Arrays.equals(body, 0, PREFIX.length, PREFIX, 0, PREFIX.length)) {
                return null;
            }
            byte[] out = new byte[n - PREFIX.length];
            int len = 0;
            int run = PREFIX.length;
            for (int i = run; i < n; i++) {
                byte c = body[i];
                if (c >= 0x20 && c != '"' && c != '\\') {
                    continue;
                }
                System.arraycopy(body, run, out, len, i - run);
                len += i - run;
                if (c == '"') {
                    return isEnd(body, i + 1) ? new OurLayout(out, len) : null;
                }
                if (c != '\\' || i + 1 >= n) {
                    return null;    // a control character or non-ASCII byte: the general path decides
                }
                byte escaped = body[++i];
                if (escaped != '"' && escaped != '\\' && escaped != '/') {
                    return null;    // other escapes (backslash-u, backslash-n, ...) never occur in ASCII JSON text written by oslo
                }
                out[len++] = escaped;
                run = i + 1;
            }
            return null;
        }

        /** Whether only {@code }} and JSON white space follow. */
        private static boolean isEnd(byte[] body, int from) {
            if (from >= body.length || body[from] != '}') {
                return false;
            }
            for (int i = from + 1; i < body.length; i++) {
                byte c = body[i];
                if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * A body read as a stream: the top-level value, except that a string {@code oslo.message} of an object is kept
     * as {@link InnerText} (its place in {@link #fields} holds a null until {@link #asParsed()}). Duplicate keys:
     * the last wins, as with Python's {@code json.loads}.
     */
    private static final class Outer {
        private JsonNode root;
        private ObjectNode fields;
        private InnerText message;

        static Outer read(byte[] body) throws IOException {
            try (JsonParser p = Json.mapper().getFactory().createParser(body)) {
                JsonToken first = p.nextToken();
                if (first == null) {
                    return null;
                }
                Outer outer = new Outer();
                if (first != JsonToken.START_OBJECT) {
                    outer.root = Json.mapper().readTree(p);
                    return outer;
                }
                outer.fields = JsonNodeFactory.instance.objectNode();
                for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
                    JsonToken value = p.nextToken();
                    if (name.equals(MESSAGE_KEY) && value == JsonToken.VALUE_STRING) {
                        InnerText text = new InnerText();
                        p.getText(text);
                        outer.message = text;
                        outer.fields.putNull(name);
                    } else {
                        if (name.equals(MESSAGE_KEY)) {
                            outer.message = null;
                        }
                        outer.fields.set(name, Json.mapper().readTree(p));
                    }
                }
                if (p.currentToken() != JsonToken.END_OBJECT) {
                    throw new JsonParseException(p, "expected a field name or '}', got " + p.currentToken());
                }
                outer.root = outer.fields;
                return outer;
            }
        }

        boolean isEnvelope() {
            return fields != null && fields.has(VERSION_KEY) && fields.has(MESSAGE_KEY);
        }

        JsonNode asParsed() {
            if (message != null) {
                fields.put(MESSAGE_KEY, message.toString());
            }
            return root;
        }
    }

    /**
     * The text of {@code oslo.message} as the outer parser hands it over: as ASCII bytes while it is ASCII JSON
     * text (what every oslo writer sends, as Python's {@code json.dumps} escapes all else), otherwise as chars.
     * Control characters other than JSON's white space switch to chars too, so that Jackson's byte parser never
     * guesses an encoding from zero bytes: the String parser then reports them as JSON errors.
     */
    static final class InnerText extends Writer {
        private byte[] ascii = new byte[256];
        private int length;
        private StringBuilder chars;

        @Override
        public void write(char[] cbuf, int off, int len) {
            if (chars != null) {
                chars.append(cbuf, off, len);
                return;
            }
            if (length + len > ascii.length) {
                ascii = Arrays.copyOf(ascii, Math.max(ascii.length * 2, length + len));
            }
            byte[] to = ascii;
            int at = length;
            for (int i = 0; i < len; i++) {
                char c = cbuf[off + i];
                if (c >= 0x80 || c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                    length = at;
                    chars = new StringBuilder(length + len - i + 16).append(toString());
                    chars.append(cbuf, off + i, len - i);
                    return;
                }
                to[at++] = (byte) c;
            }
            length = at;
        }

        @Override
        public void write(String str, int off, int len) {
            write(str.toCharArray(), off, len);
        }

        JsonNode parse() throws IOException {
            if (chars != null) {
                return Json.parse(chars.toString());
            }
            return Json.parse(ascii, 0, length);
        }

        @Override
        public String toString() {
            return chars != null ? chars.toString() : new String(ascii, 0, length, StandardCharsets.US_ASCII);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
