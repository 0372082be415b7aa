package dev.oslo4j.messaging.it;

import brave.Tracing;
import brave.handler.MutableSpan;
import brave.handler.SpanHandler;
import brave.propagation.ThreadLocalCurrentTraceContext;
import brave.propagation.TraceContext;
import com.fasterxml.jackson.databind.JsonNode;
import dev.oslo4j.messaging.NotificationEndpoint;
import dev.oslo4j.messaging.NotificationListener;
import dev.oslo4j.messaging.NotificationMetadata;
import dev.oslo4j.messaging.NotificationResult;
import dev.oslo4j.messaging.Notifier;
import dev.oslo4j.messaging.RequestContext;
import dev.oslo4j.messaging.RpcClient;
import dev.oslo4j.messaging.RpcServer;
import dev.oslo4j.messaging.Target;
import dev.oslo4j.messaging.Transport;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.brave.bridge.BraveBaggageManager;
import io.micrometer.tracing.brave.bridge.BraveCurrentTraceContext;
import io.micrometer.tracing.brave.bridge.BravePropagator;
import io.micrometer.tracing.brave.bridge.BraveTracer;
import io.micrometer.tracing.brave.bridge.W3CPropagation;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.handler.PropagatingReceiverTracingObservationHandler;
import io.micrometer.tracing.handler.PropagatingSenderTracingObservationHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.MDC;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real tracer (Brave through micrometer-tracing, W3C propagation) on the registry: the trace a Java client
 * starts continues in the Java server (and in a call the server makes back), and in a notification's listener.
 */
class TracePropagationIT {

    @RegisterExtension
    final EmbeddedBrokerVhost broker = new EmbeddedBrokerVhost();

    private final List<MutableSpan> spans = new CopyOnWriteArrayList<>();
    private Tracing tracing;
    private Tracer tracer;
    private ObservationRegistry registry;

    /** What the server saw while its endpoint ran. */
    record Seen(String traceId, String parentId, String mdcTraceId, String echo) {
    }

    public class Service {
        public Seen work(String v) {
            Span current = tracer.currentSpan();
            return new Seen(current.context().traceId(), current.context().parentId(), MDC.get("trace_id"), v);
        }
    }

    public class Echo {
        public String echo(String v) {
            return v;
        }
    }

    @BeforeEach
    void tracer() {
        ThreadLocalCurrentTraceContext current = ThreadLocalCurrentTraceContext.newBuilder().build();
        BraveBaggageManager baggage = new BraveBaggageManager();
        tracing = Tracing.newBuilder().currentTraceContext(current).traceId128Bit(true)
                .propagationFactory(new W3CPropagation(baggage, List.of()))
                .addSpanHandler(new SpanHandler() {
                    @Override
                    public boolean end(TraceContext context, MutableSpan span, Cause cause) {
                        spans.add(span);
                        return true;
                    }
                }).build();
        tracer = new BraveTracer(tracing.tracer(), new BraveCurrentTraceContext(current), baggage);
        BravePropagator propagator = new BravePropagator(tracing);
        registry = ObservationRegistry.create();
        registry.observationConfig().observationHandler(new ObservationHandler.FirstMatchingCompositeObservationHandler(
                new PropagatingSenderTracingObservationHandler<>(tracer, propagator),
                new PropagatingReceiverTracingObservationHandler<>(tracer, propagator),
                new DefaultTracingObservationHandler(tracer)));
    }

    @AfterEach
    void close() {
        tracing.close();
    }

    @Test
    void aTraceStartedByAJavaClientContinuesInTheServerAndBack() throws Exception {
        try (Transport t = Transport.builder(broker.url()).observationRegistry(registry).open();
             RpcServer server = RpcServer.builder(t, Target.topic("traced").withServer("s1"))
                     .endpoint(new Service()).build().start();
             RpcServer echo = RpcServer.builder(t, Target.topic("echo").withServer("s1"))
                     .endpoint(new Echo()).build().start()) {
            RpcClient client = RpcClient.builder(t, Target.topic("traced")).timeout(Duration.ofSeconds(10)).build();
            Observation parent = Observation.start("test.request", registry);
            Seen seen;
            String parentTraceId;
            try (Observation.Scope scope = parent.openScope()) {
                parentTraceId = tracer.currentSpan().context().traceId();
                seen = client.call(Map.of(), "work", Map.of("v", "x"), Seen.class);
                // a call made while the trace is current (as a server endpoint calling another service would)
                RpcClient.builder(t, Target.topic("echo")).build().call(Map.of(), "echo", Map.of("v", "y"));
            } finally {
                parent.stop();
            }

            assertThat(seen.traceId()).as("the server's span is in the client's trace").isEqualTo(parentTraceId);
            assertThat(seen.mdcTraceId()).as("trace_id in the server's MDC").isEqualTo(parentTraceId);
            Eventually.await(Duration.ofSeconds(10), () -> spans.size() >= 5, spans::toString);
            MutableSpan clientSpan = only("traced call work");
            MutableSpan serverSpan = only("traced process work");
            assertThat(clientSpan.traceId()).isEqualTo(parentTraceId);
            assertThat(clientSpan.kind()).isEqualTo(brave.Span.Kind.PRODUCER);
            assertThat(serverSpan.parentId()).as("server span is the child of the client's").isEqualTo(clientSpan.id());
            assertThat(serverSpan.kind()).isEqualTo(brave.Span.Kind.CONSUMER);
            assertThat(only("echo process echo").traceId()).as("the second hop stays in the trace")
                    .isEqualTo(parentTraceId);
            assertThat(only("test.request").parentId()).isNull();
        }
    }

    @Test
    void aNotificationCarriesTheTraceToItsListener() throws Exception {
        CompletableFuture<String> listenerTrace = new CompletableFuture<>();
        try (Transport t = Transport.builder(broker.url()).observationRegistry(registry).open();
             NotificationListener l = NotificationListener.builder(t).target(Target.topic("traced-notes"))
                     .endpoint(new NotificationEndpoint() {
                         @Override
                         public NotificationResult info(RequestContext ctxt, String publisherId, String eventType,
                                                         JsonNode payload, NotificationMetadata metadata) {
                             listenerTrace.complete(tracer.currentSpan().context().traceId());
                             return NotificationResult.HANDLED;
                         }
                     }).build().start()) {
            Observation parent = Observation.start("test.emit", registry);
            String traceId;
            try (Observation.Scope scope = parent.openScope()) {
                traceId = tracer.currentSpan().context().traceId();
                Notifier.builder(t).topics(List.of("traced-notes")).publisherId("p").build()
                        .info(Map.of(), "x.y", Map.of()).join();
            } finally {
                parent.stop();
            }
            assertThat(listenerTrace.get(10, TimeUnit.SECONDS)).isEqualTo(traceId);
        }
    }

    private MutableSpan only(String name) {
        List<MutableSpan> named = spans.stream().filter(s -> name.equals(s.name())).toList();
        assertThat(named).as("spans named '%s' among %s", name, spans).hasSize(1);
        return named.get(0);
    }
}
