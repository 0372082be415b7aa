package dev.oslo4j.cli.bench.oslo;

import dev.oslo4j.messaging.MessagingOptions;
import dev.oslo4j.messaging.Transport;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.util.concurrent.Executor;

/**
 * How a bench workload opens its transports: plain, observed as a Spring Boot application's would be, and with
 * its asynchronous results completing where {@code --completion-executor} says. Each is a builder configuration.
 */
@FunctionalInterface
public interface TransportOpener {

    /** The builder an opened transport comes from. */
    Transport.Builder builder(String url, MessagingOptions options);

    default Transport open(String url, MessagingOptions options) {
        return builder(url, options).open();
    }

    /** No registry: oslo4j's default, no observation code runs. */
    TransportOpener PLAIN = (url, options) -> Transport.builder(url).options(options);

    /**
     * This opener's transports with {@code completions} running their asynchronous results instead of the
     * transport's completion pool ({@code bench --completion-executor direct}: {@code Runnable::run}); null: as is.
     */
    default TransportOpener completingOn(Executor completions) {
        return completions == null ? this
                : (url, options) -> builder(url, options).completionExecutor(completions);
    }

    /**
     * A registry with a metrics handler (timers per observation and tag set in a {@link SimpleMeterRegistry}),
     * what {@code bench --observe} measures.
     */
    static TransportOpener observed() {
        ObservationRegistry registry = ObservationRegistry.create();
        registry.observationConfig().observationHandler(new DefaultMeterObservationHandler(new SimpleMeterRegistry()));
        return (url, options) -> Transport.builder(url).options(options).observationRegistry(registry);
    }
}
