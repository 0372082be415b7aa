package dev.oslo4j.junit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.Objects;

/**
 * An RPC request as a client published it: a cast, a fanout cast or a call (docs/wire-protocol.md §4.5, §5.1).
 *
 * @param sequence      position in the test's recording (1-based)
 * @param kind          cast, fanout cast or call
 * @param exchange      the RPC exchange ({@code <topic>_fanout} for a fanout cast)
 * @param routingKey    {@code <topic>} or {@code <topic>.<server>} ({@code ""} for Python's fanout casts)
 * @param method        the {@code method} field, or null when absent or not a string
 * @param namespace     the {@code namespace} field, or null
 * @param version       the {@code version} field, or null (the server then assumes {@code 1.0})
 * @param args          the {@code args} object (empty when absent)
 * @param context       the request context: the {@code _context_*} fields, prefix stripped
 * @param msgId         {@code _msg_id} of a call, else null
 * @param replyQueue    {@code _reply_q} of a call, else null
 * @param expiration    the AMQP {@code expiration} property (a call's timeout in ms), or null
 * @param unroutable    whether no queue received it
 * @param publishedAt   when it was recorded
 * @param body          the raw body
 */
public record RecordedRequest(int sequence, Kind kind, String exchange, String routingKey, String method,
                              String namespace, String version, ObjectNode args, ObjectNode context, String msgId,
                              String replyQueue, String expiration, boolean unroutable, Instant publishedAt,
                              String body) implements RecordedMessage {

    /** What kind of RPC request it is. */
    public enum Kind {
        CAST("cast"), FANOUT_CAST("fanout cast"), CALL("call");

        private final String text;

        Kind(String text) {
            this.text = text;
        }

        /** {@code "cast"}, {@code "fanout cast"} or {@code "call"}. */
        @Override
        public String toString() {
            return text;
        }
    }

    public RecordedRequest {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(args, "args");
        Objects.requireNonNull(context, "context");
    }

    /** The {@code args} object (a copy: records stay as recorded). */
    @Override
    public ObjectNode args() {
        return args.deepCopy();
    }

    /** The request context (a copy). */
    @Override
    public ObjectNode context() {
        return context.deepCopy();
    }

    /** Whether it is a cast or a fanout cast (the sender waits for nothing). */
    public boolean isCast() {
        return kind != Kind.CALL;
    }

    public boolean isCall() {
        return kind == Kind.CALL;
    }

    /** The argument {@code name} (a copy), or a missing node (test with {@code isMissingNode()}) when absent. */
    public JsonNode arg(String name) {
        JsonNode n = args.get(name);
        return n == null ? MissingNode.getInstance() : n.deepCopy();
    }
}
