package dev.oslo4j.messaging;

import dev.oslo4j.messaging.dispatch.BatchNotificationDispatcher;
import dev.oslo4j.messaging.dispatch.NotificationDispatcher;
import dev.oslo4j.messaging.driver.NotificationAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Consumes notifications (oslo's notification listener and batch notification listener), wire-compatible with
 * Python notifiers ({@code messagingv2} and {@code messaging}).
 *
 * <pre>{@code
 * NotificationListener listener = NotificationListener.builder(transport)
 *         .target(Target.topic("notifications"))
 *         .endpoint(new InstanceEvents())                       // a NotificationEndpoint or a plain object
 *         .pool("billing")                                      // optional: a queue of its own
 *         .allowRequeue(true)
 *         .build()
 *         .start();
 * ...
 * listener.stop();                                   // stop consuming; received notifications are processed
 * listener.awaitTermination(Duration.ofSeconds(30)); // wait for them, then close the consumer
 * // or: listener.close(), which does both (30 s)
 * }</pre>
 *
 * <h2>Topology (docs/wire-protocol.md §9.5)</h2>
 * For every target and every priority some endpoint implements: without a pool, the shared queue
 * {@code <topic>.<priority>} (listeners without a pool compete for messages); with a pool, one queue named exactly
 * after the pool, bound with every {@code <topic>.<priority>} key (every pool gets every notification; listeners
 * of one pool compete). Bound on the target's exchange, or the control exchange.
 *
 * <h2>Processing (docs/wire-protocol.md §9.4, §9.7)</h2>
 * Notifications run on {@link Builder#executorThreads(int)} threads (so not in order unless 1). The endpoints'
 * method for the priority runs, filters applied; the notification is acknowledged <em>after</em> dispatch. A
 * {@link NotificationResult#REQUEUE} result, or an exception, redelivers it when {@link Builder#allowRequeue} is
 * set — otherwise it is acknowledged anyway, as oslo. Unknown priorities are logged and acknowledged; malformed
 * messages are logged and rejected by the driver. The last 16 acknowledged {@code _unique_id}s are remembered to
 * drop redelivered duplicates.
 *
 * <h2>Batches (docs/wire-protocol.md §9.8)</h2>
 * With {@link Builder#batchSize(int)} and/or {@link Builder#batchTimeout(Duration)}, endpoints are
 * {@link BatchNotificationEndpoint}s (or plain objects with {@code List<Notification>} methods) receiving the
 * notifications of each priority in a batch; a batch is delivered when full or {@code batchTimeout} after its first
 * notification. REQUEUE (or an exception) requeues that priority's part of the batch (if allowed).
 */
public final class NotificationListener implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(NotificationListener.class);

    private final Transport transport;
    private final List<NotificationAddress> addresses;
    private final String pool;
    private final int prefetch;
    private final Set<Priority> priorities;
    private final EndpointThreads executor;
    private final ScheduledExecutorService batchTimer;
    private final NotificationBatcher batcher;
    private final String name;
    private final NotificationProcessing processing;
    private final ServerLifecycle lifecycle;

    private NotificationListener(Builder b) {
        this.transport = b.transport;
        this.pool = b.pool;
        boolean batch = b.batchSize > 0 || b.batchTimeout != null;
        NotificationDispatcher dispatcher = null;
        BatchNotificationDispatcher batchDispatcher = null;
        try {
            if (batch) {
                batchDispatcher = BatchNotificationDispatcher.of(b.endpoints, b.serializer);
                this.priorities = batchDispatcher.priorities();
            } else {
                dispatcher = NotificationDispatcher.of(b.endpoints, b.serializer);
                this.priorities = dispatcher.priorities();
            }
        } catch (IllegalArgumentException e) {
            throw new InvalidConfiguration(e.getMessage(), e);
        }
        if (priorities.isEmpty()) {
            throw new InvalidConfiguration("none of the notification endpoints " + b.describeEndpoints()
                    + " has a method named after a priority (audit, debug, info, warn, error, critical, sample)");
        }
        List<NotificationAddress> a = new ArrayList<>();
        for (Target t : b.targets) {
            for (Priority p : EnumSet.copyOf(priorities)) {
                a.add(new NotificationAddress(t.exchange(), t.topic(), p.routingName()));
            }
        }
        this.addresses = List.copyOf(a);
        this.name = "notification listener " + b.targets.stream().map(Target::topic).toList()
                + (pool == null ? "" : " pool " + pool);
        int threads = b.executorThreads > 0 ? b.executorThreads : transport.options().executorThreadPoolSize();
        int configured = b.prefetch > 0 ? b.prefetch : transport.driver().defaultPrefetch();
        // oslo's default prefetch is unlimited; bounded here so that a backlog is not pulled into memory at once.
        this.prefetch = configured > 0 ? configured : Math.max(256, Math.max(4 * threads, 2 * b.batchSize));
        this.executor = EndpointThreads.of(b.executor, threads, "oslo4j-notify-" + b.targets.get(0).topic());
        this.processing = new NotificationProcessing(name, dispatcher, batchDispatcher, b.allowRequeue, executor,
                b.transport.instrumentation());
        if (batch) {
            // oslo caps batch_size by the prefetch count: a batch larger than what may be unacknowledged never fills
            int size = b.batchSize > 0 ? Math.min(b.batchSize, prefetch) : prefetch;
            this.batchTimer = Executors.newSingleThreadScheduledExecutor(EndpointThreads.named("oslo4j-notify-batch"));
            this.batcher = new NotificationBatcher(size, b.batchTimeout == null ? 0 : b.batchTimeout.toNanos(),
                    batchTimer, processing::submitBatch);
        } else {
            this.batchTimer = null;
            this.batcher = null;
        }
        this.lifecycle = new ServerLifecycle(name, executor, () -> transport.driver().listenForNotifications(
                addresses, pool, prefetch, batcher != null ? batcher::add : processing::submit),
                this::flushBatches, () -> { });
    }

    /** On the way out: the partial batch still gets delivered, and no batch timer outlives the listener. */
    private void flushBatches() {
        if (batcher != null) {
            batcher.flush();
            batchTimer.shutdownNow();
        }
    }

    public static Builder builder(Transport transport) {
        return new Builder(transport);
    }

    /** The priorities this listener subscribes to (those its endpoints implement). */
    public Set<Priority> priorities() {
        return priorities;
    }

    /** How many queue bindings this listener consumes from: one per (target, priority). */
    public int bindingCount() {
        return addresses.size();
    }

    /**
     * Declares the queues and starts consuming (oslo's {@code start()}). Idempotent while running.
     *
     * @throws IllegalStateException after {@link #stop()}: a stopped listener cannot be restarted; build a new one
     */
    public NotificationListener start() {
        lifecycle.start();
        return this;
    }

    /**
     * Whether the listener's consumers are active: started, not stopped, and consuming (false while the
     * connection is being recovered or after the broker cancelled a consumer, until it is re-declared).
     */
    public boolean isConsuming() {
        return consumerProblem().isEmpty();
    }

    /** Why {@link #isConsuming()} is false ("not started", "stopped", "the broker cancelled consumer …"). */
    public java.util.Optional<String> consumerProblem() {
        return lifecycle.consumerProblem();
    }

    /**
     * Stops consuming and returns at once (oslo's {@code stop()}); notifications already received are still
     * processed and settled. Idempotent. Follow with {@link #awaitTermination(Duration)} or {@link #close()}.
     */
    public void stop() {
        lifecycle.stop();
    }

    /**
     * oslo's {@code wait()}, bounded: waits up to {@code timeout} in all — for {@link #stop()} (from another
     * thread) if it was not called yet, then for the notifications received to be processed (a partial batch is
     * delivered first) — and then closes the consumer. It never stops the listener itself.
     *
     * @return true when the listener was stopped and processing finished in time; false otherwise (call
     *     {@link #close()} to end what still runs; unsettled notifications return to their queue)
     */
    public boolean awaitTermination(Duration timeout) {
        return lifecycle.awaitTermination(timeout);
    }

    /**
     * Stops, then waits up to {@code timeout} for processing and closes the consumer.
     *
     * @return whether processing finished in time
     * @deprecated stops the listener as a side effect; use {@link #stop()} then {@link #awaitTermination(Duration)}
     */
    @Deprecated(since = "0.1.0")
    public boolean await(Duration timeout) {
        stop();
        return awaitTermination(timeout);
    }

    /**
     * Stops, then waits for processing for as long as it takes (no limit).
     *
     * @deprecated unbounded and stops the listener as a side effect; use {@link #stop()} then
     *     {@link #awaitTermination(Duration)} with a limit
     */
    @Deprecated(since = "0.1.0")
    public void await() {
        stop();
        while (!awaitTermination(Duration.ofMinutes(1))) {
            LOG.info("{}: still waiting for notifications being processed", name);
        }
    }

    /** Stops, waits up to 30 s for processing (then ends it), closes the consumer. */
    @Override
    public void close() {
        lifecycle.close();
    }


    @Override
    public String toString() {
        return "NotificationListener(" + name + ", priorities " + priorities + ")";
    }

    /** Builder of {@link NotificationListener}. */
    public static final class Builder {
        private final Transport transport;
        private final List<Target> targets = new ArrayList<>();
        private final List<NotificationDispatcher.Registration> endpoints = new ArrayList<>();
        private String pool;
        private boolean allowRequeue;
        private int executorThreads;
        private Executor executor;
        private int prefetch;
        private int batchSize;
        private Duration batchTimeout;
        private Serializer serializer = JacksonSerializer.defaults();

        private Builder(Transport transport) {
            this.transport = Objects.requireNonNull(transport, "transport");
        }

        /** A target to listen on: its topic (required) and exchange (default: the control exchange). */
        public Builder target(Target target) {
            Objects.requireNonNull(target, "target");
            if (target.topic() == null || target.topic().isEmpty()) {
                throw new InvalidTarget("a notification listener's target needs a topic", target);
            }
            targets.add(target);
            return this;
        }

        public Builder targets(List<Target> targets) {
            targets.forEach(this::target);
            return this;
        }

        /** Adds an endpoint (tried in the order added); its own {@code filterRule()} applies, if any. */
        public Builder endpoint(Object endpoint) {
            endpoints.add(new NotificationDispatcher.Registration(Objects.requireNonNull(endpoint, "endpoint"), null));
            return this;
        }

        /** Adds an endpoint that only receives notifications matching {@code filter}. */
        public Builder endpoint(Object endpoint, NotificationFilter filter) {
            endpoints.add(new NotificationDispatcher.Registration(Objects.requireNonNull(endpoint, "endpoint"),
                    Objects.requireNonNull(filter, "filter")));
            return this;
        }

        public Builder endpoints(List<?> endpoints) {
            endpoints.forEach(this::endpoint);
            return this;
        }

        /** Listen through a queue named {@code pool} of its own (every pool gets every notification). */
        public Builder pool(String pool) {
            if (pool != null && pool.isEmpty()) {
                throw new InvalidConfiguration("notification listener pool name must not be empty");
            }
            this.pool = pool;
            return this;
        }

        /** Whether REQUEUE results (and endpoint exceptions) redeliver; default false, as oslo's factory. */
        public Builder allowRequeue(boolean allowRequeue) {
            this.allowRequeue = allowRequeue;
            return this;
        }

        /**
         * Runs the endpoints on {@code executor} instead of a pool of {@link #executorThreads} threads — e.g.
         * {@code Executors.newVirtualThreadPerTaskExecutor()} on Java 21+ for endpoints that block on I/O, or a pool
         * shared with the rest of the application. Each message is one task; how many run at once, and so the
         * order of processing, is then the executor's business ({@code executorThreads} no longer applies). The
         * listener never shuts it down: stopping waits for the tasks it submitted. See docs/notifications.md for what each choice
         * costs.
         */
        public Builder executor(Executor executor) {
            this.executor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /** Worker threads (default {@code executor_thread_pool_size}, 64); 1 keeps arrival order. */
        public Builder executorThreads(int threads) {
            if (threads < 1) {
                throw new InvalidConfiguration("notification listener executor threads must be at least 1, got "
                        + threads);
            }
            this.executorThreads = threads;
            return this;
        }

        /**
         * How many notifications may be delivered but not yet acknowledged (default
         * {@code rabbit_qos_prefetch_count} when set, else max(256, 4 × threads, 2 × batchSize)).
         */
        public Builder prefetch(int prefetch) {
            if (prefetch < 1) {
                throw new InvalidConfiguration("notification listener prefetch must be at least 1, got " + prefetch);
            }
            this.prefetch = prefetch;
            return this;
        }

        /** Makes this a batch listener delivering up to {@code size} notifications at once. */
        public Builder batchSize(int size) {
            if (size < 1) {
                throw new InvalidConfiguration("notification listener batch size must be at least 1, got " + size);
            }
            this.batchSize = size;
            return this;
        }

        /**
         * Makes this a batch listener delivering a batch at the latest {@code timeout} after its first
         * notification. Without it a batch listener waits until its batch is full, as oslo without
         * {@code batch_timeout}.
         */
        public Builder batchTimeout(Duration timeout) {
            if (timeout == null || timeout.isNegative() || timeout.isZero()) {
                throw new InvalidConfiguration("notification listener batch timeout must be positive, got " + timeout);
            }
            this.batchTimeout = timeout;
            return this;
        }

        /**
         * How the context and payload are deserialized (oslo's {@code serializer}): endpoints see the context
         * from {@link Serializer#deserializeContext}, and positional endpoint methods get the payload converted to
         * their parameter's type by {@link Serializer#deserializeEntity}; default
         * {@link JacksonSerializer#defaults()}.
         */
        public Builder serializer(Serializer serializer) {
            this.serializer = Objects.requireNonNull(serializer, "serializer");
            return this;
        }

        /**
         * @throws InvalidConfiguration without targets or endpoints, when no endpoint implements a priority, or
         *     when an endpoint method has an unsupported signature
         */
        public NotificationListener build() {
            if (targets.isEmpty()) {
                throw new InvalidConfiguration("a notification listener needs at least one target (topic)");
            }
            if (endpoints.isEmpty()) {
                throw new InvalidConfiguration("a notification listener needs at least one endpoint");
            }
            return new NotificationListener(this);
        }

        private String describeEndpoints() {
            return endpoints.stream().map(r -> r.endpoint().getClass().getName()).toList().toString();
        }
    }
}
