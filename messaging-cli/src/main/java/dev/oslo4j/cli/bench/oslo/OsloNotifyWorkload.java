package dev.oslo4j.cli.bench.oslo;

import dev.oslo4j.cli.bench.BenchTopology;
import dev.oslo4j.cli.bench.LoadSpec;
import dev.oslo4j.cli.bench.Payloads;
import dev.oslo4j.cli.bench.ProcessedCounter;
import dev.oslo4j.cli.bench.Workload;
import dev.oslo4j.messaging.MessagingOptions;
import dev.oslo4j.messaging.Notification;
import dev.oslo4j.messaging.NotificationListener;
import dev.oslo4j.cli.bench.ReceiverExecutor;
import java.util.concurrent.Executor;
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
    /** The application-style executor of {@code --receiver-executor jdk-pool|virtual}, or null. */
    private final Executor listenerExecutor;
    private final Notifier notifier;
    private final Map<String, Object> payload;
    private final Duration timeout;
    private final ProcessedCounter processed = new ProcessedCounter();

    OsloNotifyWorkload(TransportOpener opener, String url, BenchTopology topology, LoadSpec spec, Duration timeout,
                       ReceiverExecutor receivers) {
        this.timeout = timeout;
        this.payload = Map.of("payload", Payloads.text(spec.payloadBytes()));
        MessagingOptions options = MessagingOptions.builder().controlExchange(topology.exchange()).build();
        int poolSize = options.executorThreadPoolSize();
        // no thread runs before the first task: nothing to shut down if opening the transport fails
        this.listenerExecutor = receivers.newExecutor(poolSize);
        this.listenerTransport = opener.open(url, options);
        try {
            NotificationListener.Builder builder = NotificationListener.builder(listenerTransport)
                    .target(Target.topic(topology.topic()))
                    .endpoint(new Counter(processed));
            this.listener = (listenerExecutor != null ? builder.executor(listenerExecutor)
                    : builder.executorThreads(receivers.threads(poolSize))).build().start();
            this.notifierTransport = opener.open(url, options);
            this.notifier = Notifier.builder(notifierTransport).publisherId("bench").driver("messagingv2")
                    .topics(topology.topic()).build();
        } catch (RuntimeException e) {
            listenerTransport.close();
            ReceiverExecutor.shutDown(listenerExecutor);
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
            ReceiverExecutor.shutDown(listenerExecutor);
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
