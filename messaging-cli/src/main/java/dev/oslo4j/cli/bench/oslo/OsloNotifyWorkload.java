package dev.oslo4j.cli.bench.oslo;

import dev.oslo4j.cli.bench.BenchTopology;
import dev.oslo4j.cli.bench.LoadSpec;
import dev.oslo4j.cli.bench.Payloads;
import dev.oslo4j.cli.bench.ProcessedCounter;
import dev.oslo4j.cli.bench.Workload;
import dev.oslo4j.messaging.MessagingOptions;
import dev.oslo4j.messaging.Notification;
import dev.oslo4j.messaging.NotificationListener;
import dev.oslo4j.messaging.Notifier;
import dev.oslo4j.messaging.Target;
import dev.oslo4j.messaging.Transport;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * oslo4j notifications at INFO: a {@link Notifier} ({@code messagingv2}) and a {@link NotificationListener}
 * on separate transports, on a control exchange and topic of their own. An operation is one notification
 * confirmed by the broker; the rate counts what the listener processed.
 */
final class OsloNotifyWorkload implements Workload {
    private final Transport listenerTransport;
    private final Transport notifierTransport;
    private final NotificationListener listener;
    private final Notifier notifier;
    private final Map<String, Object> payload;
    private final Duration timeout;
    private final ProcessedCounter processed = new ProcessedCounter();

    OsloNotifyWorkload(TransportOpener opener, String url, BenchTopology topology, LoadSpec spec, Duration timeout) {
        this.timeout = timeout;
        this.payload = Map.of("payload", Payloads.text(spec.payloadBytes()));
        MessagingOptions options = MessagingOptions.builder().controlExchange(topology.exchange()).build();
        this.listenerTransport = opener.open(url, options);
        try {
            this.listener = NotificationListener.builder(listenerTransport)
                    .target(Target.topic(topology.topic()))
                    .endpoint(new Counter(processed))
                    .build().start();
            this.notifierTransport = opener.open(url, options);
            this.notifier = Notifier.builder(notifierTransport).publisherId("bench").driver("messagingv2")
                    .topics(topology.topic()).build();
        } catch (RuntimeException e) {
            listenerTransport.close();
            throw e;
        }
    }

    @Override
    public String name() {
        return "oslo4j";
    }

    @Override
    public Operation newOperation(int thread) {
        Map<String, Object> context = Map.of();
        return sequence -> notifier.info(context, "bench.event", payload).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public PipelinedOperation newPipelinedOperation(int thread) {
        Map<String, Object> context = Map.of();
        return sequence -> notifier.info(context, "bench.event", payload);
    }

    @Override
    public long awaitProcessed(long total, Duration timeout) throws InterruptedException {
        return processed.awaitAtLeast(total, timeout);
    }

    @Override
    public void close() {
        try {
            notifierTransport.close();
            listener.close();
        } finally {
            listenerTransport.close();
        }
    }

    /** Counts INFO notifications. */
    public static final class Counter {
        private final ProcessedCounter processed;

        Counter(ProcessedCounter processed) {
            this.processed = processed;
        }

        public void info(Notification notification) {
            processed.increment();
        }
    }
}
