package dev.oslo4j.messaging;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.oslo4j.messaging.dispatch.Failures;
import dev.oslo4j.messaging.driver.CallOptions;
import dev.oslo4j.messaging.driver.CallResult;
import dev.oslo4j.messaging.driver.RpcAddress;
import dev.oslo4j.messaging.observe.Instrumentation;
import dev.oslo4j.messaging.observe.ObservationNames;
import dev.oslo4j.messaging.observe.Observed;
import dev.oslo4j.messaging.wire.Json;
import dev.oslo4j.messaging.wire.RpcRequest;
import dev.oslo4j.messaging.wire.VersionRule;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Invokes methods on RPC servers (oslo's {@code RPCClient}); immutable and thread-safe.
 *
 * <pre>{@code
 * RpcClient compute = RpcClient.builder(transport, Target.topic("compute").withVersion("5.0"))
 *         .timeout(Duration.ofSeconds(30)).build();
 * JsonNode info = compute.prepare().server("host1").build().call(ctxt, "get_info", Map.of("uuid", id));
 * compute.cast(ctxt, "reboot_instance", Map.of("instance_id", id));
 * }</pre>
 *
 * <p>Remote failures are thrown as {@link RemoteError}, or as a Java type explicitly mapped in
 * {@link MessagingOptions.Builder#mapRemoteException}.
 */
public final class RpcClient {

    private final Transport transport;
    private final Target target;
    private final Duration timeout;
    private final String versionCap;
    private final int retry;
    private final Duration callMonitorTimeout;
    private final Serializer serializer;

    private RpcClient(Builder b) {
        this.serializer = b.serializer;
        this.transport = b.transport;
        this.target = b.target.build();
        this.timeout = b.timeout;
        this.versionCap = b.versionCap;
        this.retry = b.retry;
        this.callMonitorTimeout = b.callMonitorTimeout;
    }

    public static Builder builder(Transport transport, Target target) {
        return new Builder(transport, target);
    }

    /** A builder pre-filled with this client's settings, to derive a client with overrides (oslo's prepare()). */
    public Builder prepare() {
        Builder b = new Builder(transport, target);
        b.timeout = timeout;
        b.versionCap = versionCap;
        b.retry = retry;
        b.callMonitorTimeout = callMonitorTimeout;
        b.serializer = serializer;
        return b;
    }

    /** Shortcut: this client aimed at another target (settings kept). */
    public RpcClient prepare(Target newTarget) {
        Builder b = prepare();
        b.target = newTarget.toBuilder();
        return b.build();
    }

    public Target target() {
        return target;
    }

    /** The call timeout ({@code rpc_response_timeout} unless set). */
    public Duration timeout() {
        return timeout != null ? timeout : transport.options().rpcResponseTimeout();
    }

    /** Whether a message at {@code version} is allowed by the version cap (true without a cap). */
    public boolean canSendVersion(String version) {
        return versionCap == null || VersionRule.isCompatible(versionCap, version);
    }

    /**
     * Calls {@code method} and waits for its result.
     *
     * @param context request context (flattened into {@code _context_*}); null for none
     * @param args    keyword arguments (JSON-serializable values); null for none
     * @throws MessagingTimeout    no reply within the timeout (or call-monitor timeout)
     * @throws RemoteError         the server reported a failure (or its mapped Java type)
     * @throws MessageDeliveryFailure the request could not be sent
     * @throws RpcVersionCapError  the target version exceeds the version cap
     * @throws InvalidTarget       the target has no topic or is fanout
     */
    public JsonNode call(Map<String, ?> context, String method, Map<String, ?> args) {
        CompletableFuture<CallResult> f = startCall(context, method, args);
        CallResult r;
        try {
            r = f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MessagingException("interrupted while waiting for the reply to " + method);
        } catch (ExecutionException e) {
            throw rethrow(e.getCause());
        }
        return resultOf(r);
    }

    /** Calls and converts the result to {@code type} with the {@linkplain Builder#serializer serializer}. */
    @SuppressWarnings("unchecked")
    public <T> T call(Map<String, ?> context, String method, Map<String, ?> args, Class<T> type) {
        return (T) (convert(context, call(context, method, args), type, method));
    }

    /** Calls and converts the result to a generic type, e.g. {@code new TypeReference<List<Host>>() {}}. */
    @SuppressWarnings("unchecked")
    public <T> T call(Map<String, ?> context, String method, Map<String, ?> args, TypeReference<T> type) {
        return (T) convert(context, call(context, method, args), type.getType(), method);
    }

    /**
     * Calls without blocking. The future completes on the transport's completion executor (never on an I/O thread) with the result,
     * or exceptionally with the exceptions {@link #call} throws.
     */
    public CompletableFuture<JsonNode> callAsync(Map<String, ?> context, String method, Map<String, ?> args) {
        CompletableFuture<CallResult> f;
        try {
            f = startCall(context, method, args);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return f.handleAsync((r, e) -> {
            if (e != null) {
                throw rethrow(e);
            }
            return resultOf(r);
        }, transport.completionExecutor());
    }

    /**
     * Sends {@code method} without waiting for its execution; returns once the broker confirmed the message.
     * A fanout target reaches every server of the topic.
     *
     * @throws MessageDeliveryFailure the message could not be sent within the retry policy
     */
    public void cast(Map<String, ?> context, String method, Map<String, ?> args) {
        try {
            sendCast(context, method, args).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MessagingException("interrupted while casting " + method);
        } catch (ExecutionException e) {
            throw rethrow(e.getCause());
        }
    }

    /**
     * {@link #cast} without blocking: completes on the transport's completion executor (never on an I/O thread)
     * when the broker
     * confirmed the message.
     */
    public CompletableFuture<Void> castAsync(Map<String, ?> context, String method, Map<String, ?> args) {
        CompletableFuture<Void> f;
        try {
            f = sendCast(context, method, args);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return f.handleAsync((v, e) -> {
            if (e != null) {
                throw rethrow(e);
            }
            return v;
        }, transport.completionExecutor());
    }

    private CompletableFuture<Void> sendCast(Map<String, ?> context, String method, Map<String, ?> args) {
        RpcRequest r = request(context, method, args);
        RpcAddress address = sendAddress();
        Instrumentation observing = transport.instrumentation();
        if (!observing.enabled()) {
            return transport.driver().cast(address, r, retry);
        }
        Map<String, String> headers = new HashMap<>();
        Observed o = observing.rpcClient(target.fanout() ? ObservationNames.FANOUT : ObservationNames.CAST,
                exchangeName(), target.topic(), method, headers);
        return ObservedSends.observe(o, () -> transport.driver().cast(address, r.withHeaders(headers), retry),
                v -> null);
    }

    private CompletableFuture<CallResult> startCall(Map<String, ?> context, String method, Map<String, ?> args) {
        if (target.fanout()) {
            throw new InvalidTarget("A call cannot be used with fanout", target);
        }
        RpcRequest r = request(context, method, args);
        RpcAddress address = sendAddress();
        CallOptions options = new CallOptions(timeout(), callMonitorTimeout, retry);
        Instrumentation observing = transport.instrumentation();
        if (!observing.enabled()) {
            return transport.driver().call(address, r, options);
        }
        Map<String, String> headers = new HashMap<>();
        Observed o = observing.rpcClient(ObservationNames.CALL, exchangeName(), target.topic(), method, headers);
        return ObservedSends.observe(o, () -> transport.driver().call(address, r.withHeaders(headers), options),
                result -> result.failure() == null ? null : result.failure().exceptionClass());
    }

    private String exchangeName() {
        return target.exchange() != null ? target.exchange() : transport.driver().controlExchange();
    }

    private RpcAddress sendAddress() {
        if (target.topic() == null || target.topic().isEmpty()) {
            throw new InvalidTarget("A topic is required to send", target);
        }
        return target.address();
    }

    private RpcRequest request(Map<String, ?> context, String method, Map<String, ?> args) {
        Objects.requireNonNull(method, "method");
        if (versionCap != null && !VersionRule.isCompatible(versionCap, target.version())) {
            throw new RpcVersionCapError(target.version(), versionCap);
        }
        if (serializer == JacksonSerializer.defaults()) {
            return new RpcRequest(method, args, target.namespace(), target.version(), context);
        }
        // oslo: each argument through serialize_entity(ctxt, arg), the context through serialize_context(ctxt)
        RequestContext ctxt = contextOf(context);
        Map<String, Object> serialized = new java.util.LinkedHashMap<>();
        if (args != null) {
            args.forEach((k, v) -> serialized.put(k, serializer.serializeEntity(ctxt, v)));
        }
        return new RpcRequest(method, serialized, target.namespace(), target.version(),
                serializer.serializeContext(context == null ? Map.of() : context));
    }

    private JsonNode resultOf(CallResult r) {
        if (r.failure() != null) {
            throw transport.options().rebuildRemoteException(Failures.toRemoteError(r.failure()));
        }
        return r.result();
    }

    private Object convert(Map<String, ?> context, JsonNode node, java.lang.reflect.Type type, String method) {
        try {
            return serializer.deserializeEntity(contextOf(context), node, type);
        } catch (IllegalArgumentException e) {
            throw new MessagingException("result of " + method + " cannot be converted to " + type.getTypeName()
                    + ": " + e.getMessage(), e);
        }
    }

    /** What the serializer's entity methods see as {@code ctxt}; the default serializer ignores it. */
    private RequestContext contextOf(Map<String, ?> context) {
        return context == null || serializer == JacksonSerializer.defaults() ? RequestContext.empty()
                : RequestContext.of(context);
    }

    private static RuntimeException rethrow(Throwable e) {
        Throwable t = e;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof CancellationException) {
            return new MessagingException("call cancelled");
        }
        if (t instanceof RuntimeException re) {
            return re;
        }
        return new MessagingException(t.toString(), t);
    }

    /** Target and transport, for logs; the transport's URL shows no password. */
    @Override
    public String toString() {
        return "RpcClient(" + target + " on " + transport + ")";
    }

    /** Builder of {@link RpcClient}; also returned by {@link #prepare()} for per-call overrides. */
    public static final class Builder {
        private final Transport transport;
        private Target.Builder target;
        private Duration timeout;
        private String versionCap;
        private int retry = -1;
        private Duration callMonitorTimeout;
        private Serializer serializer = JacksonSerializer.defaults();

        private Builder(Transport transport, Target target) {
            this.transport = Objects.requireNonNull(transport, "transport");
            this.target = Objects.requireNonNull(target, "target").toBuilder();
        }

        public Builder exchange(String exchange) {
            target.exchange(exchange);
            return this;
        }

        public Builder topic(String topic) {
            target.topic(topic);
            return this;
        }

        public Builder namespace(String namespace) {
            target.namespace(namespace);
            return this;
        }

        public Builder version(String version) {
            target.version(version);
            return this;
        }

        public Builder server(String server) {
            target.server(server);
            return this;
        }

        public Builder fanout(boolean fanout) {
            target.fanout(fanout);
            return this;
        }

        /** Call timeout (default {@code rpc_response_timeout}); also the request's AMQP expiration. */
        public Builder timeout(Duration timeout) {
            if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
                throw new InvalidConfiguration("RPC client timeout must be positive, got " + timeout);
            }
            this.timeout = timeout;
            return this;
        }

        /** Highest version this client may send ({@code "X.Y"}); null for no cap. */
        public Builder versionCap(String versionCap) {
            if (versionCap != null) {
                try {
                    VersionRule.isCompatible(versionCap, "1.0"); // validates the format
                } catch (IllegalArgumentException e) {
                    throw new InvalidConfiguration("RPC client version cap: " + e.getMessage());
                }
            }
            this.versionCap = versionCap;
            return this;
        }

        /** Send retries after connection loss: -1 forever (default), 0 none, N up to N. */
        public Builder retry(int retry) {
            if (retry < -1) {
                throw new InvalidConfiguration("RPC client retry must be -1 (forever), 0 or positive, got " + retry);
            }
            this.retry = retry;
            return this;
        }

        /**
         * Longest silence tolerated from the server while a call runs; the server then sends heartbeats every
         * half of it (whole seconds, at least 2 s to get heartbeats from Python servers). Null to disable.
         */
        public Builder callMonitorTimeout(Duration callMonitorTimeout) {
            if (callMonitorTimeout != null && (callMonitorTimeout.isNegative() || callMonitorTimeout.isZero())) {
                throw new InvalidConfiguration("call monitor timeout must be positive, got " + callMonitorTimeout);
            }
            this.callMonitorTimeout = callMonitorTimeout;
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

        public RpcClient build() {
            return new RpcClient(this);
        }
    }
}
