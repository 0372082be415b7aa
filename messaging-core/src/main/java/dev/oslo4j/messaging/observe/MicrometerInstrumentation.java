package dev.oslo4j.messaging.observe;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.Kind;
import io.micrometer.observation.transport.ReceiverContext;
import io.micrometer.observation.transport.SenderContext;

import java.util.Map;

import static dev.oslo4j.messaging.observe.ObservationNames.*;

/**
 * The only class that imports Micrometer; loaded by {@link Instrumentation#of(Object)} when a registry is given.
 * Uses only Observation API that is stable since Micrometer 1.10, so it runs with whatever Micrometer the
 * application manages (Spring Boot 3.5: 1.15, Boot 4.0: 1.16).
 */
final class MicrometerInstrumentation implements Instrumentation {

    private static final String REMOTE_SERVICE = "oslo.messaging";

    private final ObservationRegistry registry;

    private MicrometerInstrumentation(ObservationRegistry registry) {
        this.registry = registry;
    }

    static Instrumentation create(Object registry) {
        if (!(registry instanceof ObservationRegistry r)) {
            throw new IllegalArgumentException("expected an io.micrometer.observation.ObservationRegistry, got "
                    + registry.getClass().getName());
        }
        return r.isNoop() ? NONE : new MicrometerInstrumentation(r);
    }

    @Override
    public boolean enabled() {
        return true;
    }

    @Override
    public Observed rpcClient(String kind, String exchange, String topic, String method, Map<String, String> carrier) {
        SenderContext<Map<String, String>> ctx = sender(carrier);
        Observation o = Observation.createNotStarted(RPC_CLIENT, () -> ctx, registry)
                .contextualName(topic + " " + kind + " " + method)
                .lowCardinalityKeyValue(KIND, kind)
                .lowCardinalityKeyValue(METHOD, method);
        return start(o, exchange, topic);
    }

    @Override
    public Observed rpcServer(String kind, String exchange, String topic, String method, String server,
                              Map<String, String> carrier) {
        ReceiverContext<Map<String, String>> ctx = receiver(carrier);
        Observation o = Observation.createNotStarted(RPC_SERVER, () -> ctx, registry)
                .contextualName(topic + " process " + method)
                .lowCardinalityKeyValue(KIND, kind)
                .lowCardinalityKeyValue(METHOD, method)
                .highCardinalityKeyValue(SERVER, String.valueOf(server));
        return start(o, exchange, topic);
    }

    @Override
    public Observed notifySend(String exchange, String topic, String eventType, String priority, String publisherId,
                               Map<String, String> carrier) {
        SenderContext<Map<String, String>> ctx = sender(carrier);
        return start(notification(Observation.createNotStarted(NOTIFY_SEND, () -> ctx, registry),
                "notify", eventType, priority, publisherId), exchange, topic);
    }

    @Override
    public Observed notifyReceive(String exchange, String topic, String eventType, String priority,
                                  String publisherId, Map<String, String> carrier) {
        ReceiverContext<Map<String, String>> ctx = receiver(carrier);
        return start(notification(Observation.createNotStarted(NOTIFY_RECEIVE, () -> ctx, registry),
                "process", eventType, priority, publisherId), exchange, topic);
    }

    /** Propagation fields are written into the carrier, which the driver sends as AMQP headers. */
    private static SenderContext<Map<String, String>> sender(Map<String, String> carrier) {
        SenderContext<Map<String, String>> ctx = new SenderContext<>(Map::put, Kind.PRODUCER);
        ctx.setCarrier(carrier);
        ctx.setRemoteServiceName(REMOTE_SERVICE);
        return ctx;
    }

    /** Propagation fields are read from the delivery's AMQP headers. */
    private static ReceiverContext<Map<String, String>> receiver(Map<String, String> carrier) {
        ReceiverContext<Map<String, String>> ctx = new ReceiverContext<>(Map::get, Kind.CONSUMER);
        ctx.setCarrier(carrier);
        ctx.setRemoteServiceName(REMOTE_SERVICE);
        return ctx;
    }

    private static Observation notification(Observation o, String verb, String eventType, String priority,
                                            String publisherId) {
        return o.contextualName(eventType + " " + verb)
                .lowCardinalityKeyValue(EVENT_TYPE, String.valueOf(eventType))
                .lowCardinalityKeyValue(PRIORITY, String.valueOf(priority))
                .highCardinalityKeyValue(PUBLISHER_ID, String.valueOf(publisherId));
    }

    private static Observed start(Observation o, String exchange, String topic) {
        o.lowCardinalityKeyValue(EXCHANGE, String.valueOf(exchange))
                .lowCardinalityKeyValue(TOPIC, String.valueOf(topic))
                .lowCardinalityKeyValue(OUTCOME, SUCCESS)
                .lowCardinalityKeyValue(EXCEPTION, NO_EXCEPTION)
                .start();
        return new Running(o);
    }

    private record Running(Observation observation) implements Observed {
        @Override
        public Scope openScope() {
            Observation.Scope scope = observation.openScope();
            return scope::close;
        }

        @Override
        public void failed(Throwable error) {
            failed(error.getClass().getSimpleName());
            observation.error(error);
        }

        @Override
        public void failed(String exceptionName) {
            observation.lowCardinalityKeyValue(OUTCOME, ERROR)
                    .lowCardinalityKeyValue(EXCEPTION, exceptionName == null ? "unknown" : exceptionName);
        }

        @Override
        public void stop() {
            observation.stop();
        }
    }
}
