package dev.oslo4j.cli.bench.oslo;

import dev.oslo4j.messaging.MessagingOptions;
import dev.oslo4j.messaging.Transport;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;

/** How a bench workload opens its transports: plain, or observed as a Spring Boot application's would be. */
@FunctionalInterface
public interface TransportOpener {

    Transport open(String url, MessagingOptions options);

    /** No registry: oslo4j's default, no observation code runs. */
    TransportOpener PLAIN = Transport::open;

    /**
     * A registry with a metrics handler (timers per observation and tag set in a {@link SimpleMeterRegistry}),
     * what {@code bench --observe} measures.
     */
    static TransportOpener observed() {
        ObservationRegistry registry = ObservationRegistry.create();
        registry.observationConfig().observationHandler(new DefaultMeterObservationHandler(new SimpleMeterRegistry()));
        return (url, options) -> Transport.builder(url).options(options).observationRegistry(registry).open();
    }
}
