package dev.oslo4j.cli.bench.oslo;

import dev.oslo4j.messaging.MessagingOptions;
import dev.oslo4j.messaging.Transport;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.util.concurrent.Executor;

/** How a bench workload opens its transports: plain, or observed as a Spring Boot application's would be. */
@FunctionalInterface
public interface TransportOpener {

    Transport open(String url, MessagingOptions options);

    /** No registry: oslo4j's default, no observation code runs. */
    TransportOpener PLAIN = Transport::open;

    /**
     * This opener's transports with {@code completions} running their asynchronous results instead of the
     * transport's completion pool ({@code bench --completion-executor direct}: {@code Runnable::run}).
     */
    default TransportOpener completingOn(Executor completions) {
        TransportOpener self = this;
        return completions == null ? self : new TransportOpener() {
            @Override
            public Transport open(String url, MessagingOptions options) {
                return self.builder(url, options).completionExecutor(completions).open();
            }

            @Override
            public Transport.Builder builder(String url, MessagingOptions options) {
                return self.builder(url, options).completionExecutor(completions);
            }
        };
    }

    /** The builder behind {@link #open}, for openers that add to it. */
    default Transport.Builder builder(String url, MessagingOptions options) {
        return Transport.builder(url).options(options);
    }

    /**
     * A registry with a metrics handler (timers per observation and tag set in a {@link SimpleMeterRegistry}),
     * what {@code bench --observe} measures.
     */
    static TransportOpener observed() {
        ObservationRegistry registry = ObservationRegistry.create();
        registry.observationConfig().observationHandler(new DefaultMeterObservationHandler(new SimpleMeterRegistry()));
        return new TransportOpener() {
            @Override
            public Transport open(String url, MessagingOptions options) {
                return builder(url, options).open();
            }

            @Override
            public Transport.Builder builder(String url, MessagingOptions options) {
                return Transport.builder(url).options(options).observationRegistry(registry);
            }
        };
    }
}
