package dev.oslo4j.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oslo4j.messaging.dispatch.DispatchError;
import dev.oslo4j.messaging.dispatch.Failures;
import dev.oslo4j.messaging.dispatch.RpcDispatcher;
import dev.oslo4j.messaging.driver.IncomingRequest;
import dev.oslo4j.messaging.wire.ReceivedRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Serves RPC requests for a target (oslo's RPC server): consumes {@code <topic>}, {@code <topic>.<server>} and a
 * fanout queue, and runs requests concurrently on a pool of {@code executor_thread_pool_size} threads, dispatching
 * to endpoints by oslo's rules (namespace, version, method name; see {@link RpcEndpoint}, {@link DynamicEndpoint}).
 *
 * <pre>{@code
 * RpcServer server = RpcServer.builder(transport, Target.topic("compute").withServer("host1"))
 *         .endpoint(new ComputeManager()).build();
 * server.start();
 * ...
 * server.stop();                                   // stop consuming; running requests go on
 * server.awaitTermination(Duration.ofSeconds(30)); // wait for them, then delete the fanout queue
 * // or: server.close(), which does both (30 s)
 * }</pre>
 *
 * <p>Endpoint methods are public instance methods; a first parameter of type {@link RequestContext} receives
 * the context, the others are bound by name from the request's {@code args} and converted to their declared
 * types. Their return value is the reply; an exception becomes the failure reply ({@link OsloFailure} and
 * {@link RemoteError} choose the exact Python module/class). Casts are never answered. While a call runs and
 * its client asked for call monitoring, heartbeats are sent every half of the client's {@code _timeout}.
 */
public final class RpcServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RpcServer.class);

    private final Transport transport;
    private final Target target;
    private final RpcDispatcher dispatcher;
    private final EndpointThreads executor;
    private final ScheduledThreadPoolExecutor heartbeats;
    private final List<Consumer<RpcRequestInfo>> observers;
    private final String exchange;
    private final ServerLifecycle lifecycle;
    private final Serializer serializer;

    private RpcServer(Builder b) {
        this.serializer = b.serializer;
        this.transport = b.transport;
        this.target = b.target;
        this.observers = List.copyOf(b.observers);
        this.exchange = target.exchange() != null ? target.exchange() : transport.driver().controlExchange();
        if (target.topic() == null || target.server() == null) {
            throw new InvalidTarget("A server's target must have topic and server names specified", target);
        }
        List<Object> endpoints = new ArrayList<>(b.endpoints);
        if (transport.options().rpcPingEnabled()) {
            endpoints.add(new PingEndpoint());
        }
        try {
            this.dispatcher = RpcDispatcher.of(endpoints, serializer);
        } catch (IllegalArgumentException e) {
            throw new InvalidConfiguration(e.getMessage(), e);
        }
        int threads = b.executorThreads > 0 ? b.executorThreads : transport.options().executorThreadPoolSize();
        this.executor = EndpointThreads.of(b.executor, threads, "oslo4j-rpc-" + target.topic());
        this.heartbeats = new ScheduledThreadPoolExecutor(1,
                EndpointThreads.named("oslo4j-rpc-heartbeat-" + target.topic()));
        heartbeats.setRemoveOnCancelPolicy(true);
        this.lifecycle = new ServerLifecycle("RPC server " + target, executor,
                () -> transport.driver().listenForRpc(target.address(), this::submit), () -> { },
                heartbeats::shutdownNow);
    }

    public static Builder builder(Transport transport, Target target) {
        return new Builder(transport, target);
    }

    public Target target() {
        return target;
    }

    /**
     * Declares the queues and starts consuming (oslo's {@code start()}). Idempotent while running.
     *
     * @throws IllegalStateException after {@link #stop()}: a stopped server cannot be restarted; build a new one
     */
    public RpcServer start() {
        lifecycle.start();
        return this;
    }

    /**
     * Whether the server's consumers are active: started, not stopped, and consuming (false while the connection
     * is being recovered or after the broker cancelled a consumer, until it is re-declared).
     */
    public boolean isConsuming() {
        return consumerProblem().isEmpty();
    }

    /** Why {@link #isConsuming()} is false ("not started", "stopped", "the broker cancelled consumer …"). */
    public java.util.Optional<String> consumerProblem() {
        return lifecycle.consumerProblem();
    }

    /**
     * Stops consuming new requests and returns at once (oslo's {@code stop()}); requests already received go
     * on. Idempotent. Follow with {@link #awaitTermination(Duration)} or {@link #close()}.
     */
    public void stop() {
        lifecycle.stop();
    }

    /**
     * oslo's {@code wait()}, bounded: waits up to {@code timeout} in all — for {@link #stop()} (from another
     * thread) if it was not called yet, then for the requests received to finish — and then releases the server
     * (heartbeat timer, consumer, fanout queue). It never stops the server itself.
     *
     * @return true when the server was stopped and every request finished in time; false otherwise (call
     *     {@link #close()} to end what still runs)
     */
    public boolean awaitTermination(Duration timeout) {
        return lifecycle.awaitTermination(timeout);
    }

    /**
     * Stops, then waits up to {@code timeout} for running requests and releases the server.
     *
     * @return whether all requests finished in time
     * @deprecated stops the server as a side effect; use {@link #stop()} then {@link #awaitTermination(Duration)}
     */
    @Deprecated(since = "0.1.0")
    public boolean await(Duration timeout) {
        stop();
        return awaitTermination(timeout);
    }

    /**
     * Stops, then waits for running requests for as long as they take (no limit).
     *
     * @deprecated unbounded and stops the server as a side effect; use {@link #stop()} then
     *     {@link #awaitTermination(Duration)} with a limit
     */
    @Deprecated(since = "0.1.0")
    public void await() {
        stop();
        while (!awaitTermination(Duration.ofMinutes(1))) {
            LOG.info("RPC server {}: still waiting for running requests", target);
        }
    }

    /** Stops, waits up to 30 s for running requests (then ends them), deletes the fanout queue. */
    @Override
    public void close() {
        lifecycle.close();
    }

    private void submit(IncomingRequest request) {
        try {
            executor.execute(() -> process(request));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            LOG.warn("RPC server {} is stopping; dropped request {}", target, request.message().methodName());
            request.replyFailure(Failures.toFailure(new MessagingException("RPC server " + target + " is stopping")));
        }
    }

    private void process(IncomingRequest request) {
        ReceivedRequest m = request.message();
        notifyObservers(m);
        RequestContext context = contextOf(m);
        ScheduledFuture<?> heartbeat = m.isCall() ? startHeartbeats(request) : null;
        try (DispatchScope scope = DispatchScope.rpc(transport.instrumentation(), exchange, target, request)) {
            try {
                Object result = dispatcher.dispatch(context, m);
                if (m.isCall()) {
                    try {
                        request.reply(serializer.serializeEntity(context, result));
                    } catch (IllegalArgumentException e) {
                        request.replyFailure(Failures.toFailure(new IllegalArgumentException("result of "
                                + m.methodName() + " is not JSON serializable: " + e.getMessage(), e)));
                    }
                }
            } catch (Exception | StackOverflowError e) {
                logFailure(m, e);
                scope.failed(e);
                request.replyFailure(Failures.toFailure(e));
            }
        } finally {
            if (heartbeat != null) {
                heartbeat.cancel(false);
            }
        }
    }

    private void notifyObservers(ReceivedRequest m) {
        if (observers.isEmpty()) {
            return;
        }
        RpcRequestInfo info = new RpcRequestInfo(m.isCall(), m.method(), m.namespace(), m.version(), m.args(),
                RequestContext.fromJson(m.context()), m.timeout());
        for (Consumer<RpcRequestInfo> observer : observers) {
            try {
                observer.accept(info);
            } catch (RuntimeException e) {
                // An observer is a bystander: its failure must not change what the caller gets.
                LOG.warn("RPC server {}: request observer failed", target, e);
            }
        }
    }

    private RequestContext contextOf(ReceivedRequest m) {
        ObjectNode ctx = m.context().deepCopy();
        ctx.set("client_timeout", m.timeout() == null ? ctx.nullNode() : m.timeout());
        return serializer.deserializeContext(RequestContext.adopt(ctx));
    }

    /** oslo's watchdog: {@code int(_timeout) / 2} seconds, only when at least 1 s. */
    private ScheduledFuture<?> startHeartbeats(IncomingRequest request) {
        JsonNode t = request.message().timeout();
        if (t == null || !t.isNumber() && !(t.isTextual() && t.textValue().matches("-?\\d+"))) {
            return null;
        }
        long whole = t.isNumber() ? t.longValue() : Long.parseLong(t.textValue());
        long intervalMs = whole * 1000 / 2;
        if (intervalMs < 1000) {
            LOG.warn("client provided an invalid call monitor timeout of {}", t);
            return null;
        }
        return heartbeats.scheduleAtFixedRate(request::heartbeat, intervalMs, intervalMs, TimeUnit.MILLISECONDS);
    }

    private void logFailure(ReceivedRequest m, Throwable e) {
        String method = m.methodName();
        if (isMalformedRequest(e)) {
            // The request itself is at fault (no such method, namespace or version, wrong arguments): an operator
            // must see it once, but a stack trace of the dispatcher would tell them nothing more.
            LOG.warn("RPC server {}: rejected a {} for method '{}': {}", target, m.isCall() ? "call" : "cast",
                    method, e.toString());
        } else if (e instanceof OsloFailure || (method != null && method.endsWith("_ignore_errors"))) {
            LOG.debug("RPC server {}: {} raised {}", target, method, e.toString());
        } else {
            LOG.error("RPC server {}: exception during {} handling", target, method, e);
        }
    }

    private static boolean isMalformedRequest(Throwable e) {
        return e instanceof DispatchError || e instanceof NoSuchMethod || e instanceof UnsupportedVersion;
    }


    /** oslo's {@code rpc_ping_enabled} endpoint. */
    private static final class PingEndpoint implements DynamicEndpoint {
        @Override
        public boolean hasMethod(String method) {
            return "oslo_rpc_server_ping".equals(method);
        }

        @Override
        public Object invoke(RequestContext context, String method, ObjectNode args) {
            return "pong";
        }
    }

    /** Target and transport, for logs; the transport's URL shows no password. */
    @Override
    public String toString() {
        return "RpcServer(" + target + " on " + transport + ")";
    }

    /** Builder of {@link RpcServer}. */
    public static final class Builder {
        private final Transport transport;
        private final Target target;
        private final List<Object> endpoints = new ArrayList<>();
        private final List<Consumer<RpcRequestInfo>> observers = new ArrayList<>();
        private int executorThreads;
        private Executor executor;
        private Serializer serializer = JacksonSerializer.defaults();

        private Builder(Transport transport, Target target) {
            this.transport = Objects.requireNonNull(transport, "transport");
            this.target = Objects.requireNonNull(target, "target");
        }

        /** Adds an endpoint; endpoints are tried in the order added. */
        public Builder endpoint(Object endpoint) {
            endpoints.add(Objects.requireNonNull(endpoint, "endpoint"));
            return this;
        }

        public Builder endpoints(List<?> endpoints) {
            endpoints.forEach(this::endpoint);
            return this;
        }

        /**
         * Observes every request this server receives (calls and casts, including ones that will fail dispatch),
         * on the worker thread, just before dispatch. Observers run in the order added; an exception thrown by
         * one is logged and ignored.
         */
        public Builder onRequest(Consumer<RpcRequestInfo> observer) {
            observers.add(Objects.requireNonNull(observer, "observer"));
            return this;
        }

        /**
         * Runs the endpoints on {@code executor} instead of a pool of {@link #executorThreads} threads — e.g.
         * {@code Executors.newVirtualThreadPerTaskExecutor()} on Java 21+ for endpoints that block on I/O, or a pool
         * shared with the rest of the application. Each message is one task; how many run at once, and so the
         * order of processing, is then the executor's business ({@code executorThreads} no longer applies). The
         * server never shuts it down: stopping waits for the tasks it submitted. See docs/rpc.md for what each choice
         * costs.
         */
        public Builder executor(Executor executor) {
            this.executor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /** Worker threads (default {@code executor_thread_pool_size}, 64). */
        public Builder executorThreads(int threads) {
            if (threads < 1) {
                throw new InvalidConfiguration("RPC server executor threads must be at least 1, got " + threads);
            }
            this.executorThreads = threads;
            return this;
        }

        /**
         * How arguments, results and the context are (de)serialized (oslo's {@code serializer}); default
         * {@link JacksonSerializer#defaults()}.
         */
        public Builder serializer(Serializer serializer) {
            this.serializer = Objects.requireNonNull(serializer, "serializer");
            return this;
        }

        public RpcServer build() {
            return new RpcServer(this);
        }
    }
}
