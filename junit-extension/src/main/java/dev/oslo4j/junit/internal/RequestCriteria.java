package dev.oslo4j.junit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.oslo4j.junit.RecordedRequest;
import dev.oslo4j.messaging.Target;

import java.util.Objects;

import static dev.oslo4j.junit.internal.MessageText.quote;

/**
 * Criteria on RPC requests: kind, where they were sent (a {@link Target} resolved to exchange and routing key the
 * way an oslo client publishes, docs/wire-protocol.md §4.5), method. The one place that maps a Target to its wire address for
 * matching.
 */
public final class RequestCriteria {

    private static final String FANOUT_SUFFIX = "_fanout";

    private RequestCriteria() {
    }

    public static Criterion<RecordedRequest> isCast() {
        return new Criterion<>("",
                r -> r.isCast() ? null : "a call, not a cast");
    }

    public static Criterion<RecordedRequest> isCall() {
        return new Criterion<>("",
                r -> r.isCall() ? null : "a " + r.kind() + ", not a call");
    }

    /** The exchange a client publishes to for {@code target}. */
    public static String exchangeOf(Target target, String controlExchange) {
        if (target.fanout()) {
            return target.topic() + FANOUT_SUFFIX;
        }
        return target.exchange() != null ? target.exchange() : controlExchange;
    }

    /** The routing key a client publishes with for {@code target}; null for fanout (any key). */
    public static String routingKeyOf(Target target) {
        if (target.fanout()) {
            return null;
        }
        return target.server() == null ? target.topic() : target.topic() + "." + target.server();
    }

    /**
     * Sent to {@code target}: its exchange and routing key, and its namespace and version when the target names
     * them.
     */
    public static Criterion<RecordedRequest> sentTo(Target target, String controlExchange) {
        Objects.requireNonNull(target, "target");
        if (target.topic() == null || target.topic().isEmpty()) {
            throw new IllegalArgumentException("the expected Target has no topic: " + target);
        }
        String exchange = exchangeOf(target, controlExchange);
        String routingKey = routingKeyOf(target);
        String address = "exchange " + quote(exchange) + (routingKey == null ? "" : ", routing key " + quote(routingKey));
        return new Criterion<>("to " + target + " (" + address + ")", r -> {
            StringBuilder miss = new StringBuilder();
            if (!exchange.equals(r.exchange())) {
                miss.append("sent to exchange ").append(quote(r.exchange()));
            }
            if (routingKey != null && !routingKey.equals(r.routingKey())) {
                miss.append(miss.isEmpty() ? "sent with" : ",").append(" routing key ").append(quote(r.routingKey()));
            }
            if (target.namespace() != null && !target.namespace().equals(r.namespace())) {
                miss.append(miss.isEmpty() ? "" : ", ").append("namespace was ").append(quote(r.namespace()));
            }
            if (target.version() != null && !target.version().equals(r.version())) {
                miss.append(miss.isEmpty() ? "" : ", ").append("version was ").append(quote(r.version()));
            }
            return miss.isEmpty() ? null : miss.toString();
        });
    }

    public static Criterion<RecordedRequest> method(String method) {
        Objects.requireNonNull(method, "method");
        return new Criterion<>("of method " + quote(method),
                r -> method.equals(r.method()) ? null : "method was " + quote(r.method()));
    }

    public static Criterion<RecordedRequest> arg(String name, JsonNode expected) {
        return new Criterion<>("with arg " + quote(name) + " = " + JsonValues.render(expected), r -> {
            JsonNode actual = r.arg(name);
            if (actual.isMissingNode()) {
                return "has no arg " + quote(name) + " (args: " + JsonValues.render(r.args()) + ")";
            }
            return JsonValues.equal(expected, actual) ? null : "arg " + quote(name) + " was " + JsonValues.render(actual);
        });
    }

    public static Criterion<RecordedRequest> args(JsonNode expected) {
        return new Criterion<>("with args exactly " + JsonValues.render(expected),
                r -> JsonValues.equal(expected, r.args()) ? null : "args were " + JsonValues.render(r.args()));
    }
}
