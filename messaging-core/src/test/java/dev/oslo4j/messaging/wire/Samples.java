package dev.oslo4j.messaging.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The captures of Python oslo.messaging 14.0.3 in {@code src/test/resources/wire-samples}. */
final class Samples {

    private Samples() {
    }

    static JsonNode load(String name) {
        try (InputStream in = Samples.class.getResourceAsStream("/wire-samples/" + name + ".json")) {
            if (in == null) {
                throw new IllegalArgumentException("no wire sample " + name);
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first (or only) captured message of a sample. */
    static JsonNode message(String name) {
        JsonNode s = load(name);
        return s.has("messages") ? s.get("messages").get(0) : s;
    }

    static byte[] body(JsonNode message) {
        return message.get("body_raw").textValue().getBytes(StandardCharsets.UTF_8);
    }

    static String bodyText(JsonNode message) {
        return message.get("body_raw").textValue();
    }
}
