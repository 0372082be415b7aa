package dev.oslo4j.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oslo4j.messaging.driver.IncomingNotification;
import dev.oslo4j.messaging.driver.IncomingRequest;
import dev.oslo4j.messaging.observe.Instrumentation;
import dev.oslo4j.messaging.observe.ObservationNames;
import dev.oslo4j.messaging.observe.Observed;
import dev.oslo4j.messaging.wire.ReceivedNotification;
import org.slf4j.MDC;

import java.util.Map;

/**
 * What surrounds one endpoint invocation on a worker thread: the receiver's observation (current while the
 * endpoint runs, so a tracing bridge continues the sender's trace and nested sends become its children) and the
 * SLF4J MDC ({@value #REQUEST_ID}, {@value #GLOBAL_REQUEST_ID} and, when observing, {@value #TRACE_ID}), both
 * cleared when it closes.
 */
final class DispatchScope implements AutoCloseable {

    static final String REQUEST_ID = "request_id";
    static final String GLOBAL_REQUEST_ID = "global_request_id";
    /** The W3C trace id of the incoming {@code traceparent}, when observations are on and the sender sent one. */
    static final String TRACE_ID = "trace_id";

    private final Observed observed;
    private final Observed.Scope scope;
    private final boolean traceId;

    private DispatchScope(Observed observed, ObjectNode context, Map<String, String> headers) {
        this.observed = observed;
        putText(REQUEST_ID, context, "request_id");
        putText(GLOBAL_REQUEST_ID, context, "global_request_id");
        String trace = headers == null ? null : traceIdOf(headers.get("traceparent"));
        this.traceId = trace != null;
        if (trace != null) {
            MDC.put(TRACE_ID, trace);
        }
        this.scope = observed.openScope();
    }

    /** Opens the scope of a served request. */
    static DispatchScope rpc(Instrumentation observing, String exchange, Target target, IncomingRequest request) {
        if (!observing.enabled()) {
            return new DispatchScope(Observed.NONE, request.message().context(), null);
        }
        Map<String, String> headers = request.headers();
        String kind = request.fanout() ? ObservationNames.FANOUT
                : request.message().isCall() ? ObservationNames.CALL : ObservationNames.CAST;
        String method = request.message().methodName();
        Observed o = observing.rpcServer(kind, exchange, target.topic(), method == null ? "unknown" : method,
                target.server(), headers);
        return new DispatchScope(o, request.message().context(), headers);
    }

    /** Opens the scope of one dispatched notification. */
    static DispatchScope notification(Instrumentation observing, IncomingNotification n) {
        ReceivedNotification m = n.message();
        if (!observing.enabled()) {
            return new DispatchScope(Observed.NONE, m.context(), null);
        }
        Map<String, String> headers = n.headers();
        Observed o = observing.notifyReceive(n.address().exchange(), n.address().topic(), m.eventType(),
                m.priority(), m.publisherId(), headers);
        return new DispatchScope(o, m.context(), headers);
    }

    /** The endpoint failed with {@code error}. */
    void failed(Throwable error) {
        observed.failed(error);
    }

    @Override
    public void close() {
        scope.close();
        MDC.remove(REQUEST_ID);
        MDC.remove(GLOBAL_REQUEST_ID);
        if (traceId) {
            MDC.remove(TRACE_ID);
        }
        observed.stop();
    }

    private static void putText(String mdcKey, ObjectNode context, String field) {
        JsonNode v = context == null ? null : context.get(field);
        if (v != null && v.isTextual()) {
            MDC.put(mdcKey, v.textValue());
        } else {
            MDC.remove(mdcKey); // a value left by a previous task on this pool thread must not leak into this one
        }
    }

    /** The trace id of {@code 00-<32 hex trace id>-<16 hex parent id>-<2 hex flags>}, or null. */
    static String traceIdOf(String traceparent) {
        if (traceparent == null || traceparent.length() < 55 || traceparent.charAt(2) != '-'
                || traceparent.charAt(35) != '-') {
            return null;
        }
        return traceparent.substring(3, 35);
    }
}
