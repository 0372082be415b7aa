package dev.oslo4j.messaging.observe;

import java.util.Map;

/**
 * The seam between oslo4j and Micrometer's Observation API. {@link #NONE} (no registry given) costs one
 * interface call per message and loads no Micrometer class, so {@code micrometer-observation} stays an optional
 * dependency; {@link #of(Object)} loads {@code MicrometerInstrumentation} only when a registry is passed.
 *
 * <p>Tags are low-cardinality (see {@link ObservationNames}). Senders write the tracing bridge's propagation
 * fields ({@code traceparent}, {@code tracestate}, …) into {@code carrier}, which becomes AMQP headers;
 * receivers read them back from the headers of the delivery.
 */
public interface Instrumentation {

    /** No registry: observations are not created. */
    Instrumentation NONE = new Instrumentation() {
        @Override
        public boolean enabled() {
            return false;
        }

        @Override
        public Observed rpcClient(String kind, String exchange, String topic, String method,
                                  Map<String, String> carrier) {
            return Observed.NONE;
        }

        @Override
        public Observed rpcServer(String kind, String exchange, String topic, String method, String server,
                                  Map<String, String> carrier) {
            return Observed.NONE;
        }

        @Override
        public Observed notifySend(String exchange, String topic, String eventType, String priority,
                                   String publisherId, Map<String, String> carrier) {
            return Observed.NONE;
        }

        @Override
        public Observed notifyReceive(String exchange, String topic, String eventType, String priority,
                                      String publisherId, Map<String, String> carrier) {
            return Observed.NONE;
        }
    };

    /**
     * @param registry null, or an {@code io.micrometer.observation.ObservationRegistry} (typed {@code Object} so
     *                 that callers never link against Micrometer)
     */
    static Instrumentation of(Object registry) {
        if (registry == null) {
            return NONE;
        }
        return MicrometerInstrumentation.create(registry);
    }

    /** Whether observations are recorded (false: callers may skip building carriers). */
    boolean enabled();

    /** A client's call, cast or fanout cast; started; propagation fields are written into {@code carrier}. */
    Observed rpcClient(String kind, String exchange, String topic, String method, Map<String, String> carrier);

    /** A server's dispatch of one request; started; the sender's trace is read from {@code carrier}. */
    Observed rpcServer(String kind, String exchange, String topic, String method, String server,
                       Map<String, String> carrier);

    /** A notifier's send; started; propagation fields are written into {@code carrier}. */
    Observed notifySend(String exchange, String topic, String eventType, String priority, String publisherId,
                        Map<String, String> carrier);

    /** A listener's dispatch of one notification; started; the sender's trace is read from {@code carrier}. */
    Observed notifyReceive(String exchange, String topic, String eventType, String priority, String publisherId,
                           Map<String, String> carrier);
}
