package dev.oslo4j.messaging.wire;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
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

    private static final byte[] PREFIX =
            ("{\"" + VERSION_KEY + "\": \"" + VERSION + "\", \"" + MESSAGE_KEY + "\": \"").getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SUFFIX = "\"}".getBytes(StandardCharsets.US_ASCII);

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
        JsonNode outer;
        try {
            outer = Json.parse(body);
        } catch (IOException e) {
            throw new MalformedMessage("body is not valid JSON: " + firstLine(e.getMessage()), e);
        }
        if (outer == null || outer.isMissingNode()) {
            throw new MalformedMessage("body is empty");
        }
        if (!outer.isObject() || !outer.has(VERSION_KEY) || !outer.has(MESSAGE_KEY)) {
            return outer;
        }
        JsonNode version = outer.get(VERSION_KEY);
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
        JsonNode inner = outer.get(MESSAGE_KEY);
        if (!inner.isTextual()) {
            throw new MalformedMessage("envelope field 'oslo.message' is not a string but " + inner.getNodeType());
        }
        try {
            return Json.parse(inner.textValue());
        } catch (IOException e) {
            throw new MalformedMessage("envelope field 'oslo.message' is not valid JSON: "
                    + firstLine(e.getMessage()), e);
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
