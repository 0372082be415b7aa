package dev.oslo4j.messaging.wire;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.util.Iterator;
import java.util.Map;

/**
 * oslo's context flattening: each context key {@code k} travels as a top-level field {@code _context_<k>} of the
 * inner message, and is collected back (prefix stripped) on receipt.
 */
public final class ContextCodec {

    public static final String PREFIX = "_context_";

    private ContextCodec() {
    }

    static void write(JsonGenerator g, Map<String, ?> context) throws IOException {
        if (context == null) {
            return;
        }
        for (Map.Entry<String, ?> e : context.entrySet()) {
            g.writeFieldName(PREFIX + e.getKey());
            g.writeObject(e.getValue());
        }
    }

    /** The {@code _context_*} fields of an inner message, prefix stripped, in message order. */
    public static ObjectNode read(ObjectNode message) {
        ObjectNode ctx = JsonNodeFactory.instance.objectNode();
        Iterator<Map.Entry<String, JsonNode>> it = message.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().startsWith(PREFIX)) {
                ctx.set(e.getKey().substring(PREFIX.length()), e.getValue());
            }
        }
        return ctx;
    }
}
