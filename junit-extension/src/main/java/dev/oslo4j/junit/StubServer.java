package dev.oslo4j.junit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oslo4j.junit.internal.StubEndpoint;
import dev.oslo4j.messaging.RemoteError;
import dev.oslo4j.messaging.RpcServer;
import dev.oslo4j.messaging.Target;
import dev.oslo4j.messaging.Transport;
import dev.oslo4j.messaging.wire.Ids;

import java.util.Objects;
import java.util.function.Function;

/**
 * A stand-in for an RPC server the code under test talks to, from {@link OsloBus#stubServer(Target)}. It is a real
 * oslo4j {@link RpcServer} on a connection of its own: it consumes the target's topic, server and fanout queues and
 * answers on the wire exactly as a Python oslo.messaging server — results, failures with the Python module and
 * class you give, {@code NoSuchMethod} for methods you did not stub, no reply to casts.
 *
 * <pre>{@code
 * bus.stubServer(Target.topic("scheduler"))
 *    .on("select_destinations").reply(List.of(Map.of("host", "host1")))
 *    .on("ping").replyWith(args -> args.get("value"))
 *    .on("reserve").raise("nova.exception", "NoValidHost", "No valid host was found.")
 *    .on("slow_call").noReply();
 * }</pre>
 *
 * <p>It serves the Target's namespace and version (version 1.0 when the Target has none, as a Python endpoint
 * without {@code target}); a server name is made up when the Target has none. It stops after the test, or at
 * {@link #stop()}.
 */
public final class StubServer implements AutoCloseable {

    private final Target target;
    private final StubEndpoint endpoint;
    private final RpcServer server;

    StubServer(Transport transport, Target target) {
        Objects.requireNonNull(target, "target");
        if (target.topic() == null || target.topic().isEmpty()) {
            throw new IllegalArgumentException("a stub server needs a Target with a topic, got " + target);
        }
        this.target = target.server() == null ? target.withServer("stub-" + Ids.hex32().substring(0, 8)) : target;
        this.endpoint = new StubEndpoint(target);
        this.server = RpcServer.builder(transport, this.target).endpoint(endpoint).build();
        server.start();
    }

    /** The target served, with the server name used. */
    public Target target() {
        return target;
    }

    /** Starts stubbing {@code method}; finish with one of the answers. A later stub of the same method wins. */
    public Method on(String method) {
        Objects.requireNonNull(method, "method");
        if (method.startsWith("_")) {
            throw new IllegalArgumentException("method '" + method + "' starts with '_': oslo never dispatches such"
                    + " methods, so a stub of it could never answer");
        }
        return new Method(method);
    }

    /** Stops consuming; requests sent afterwards wait in the queues, as for a server that went away. */
    public void stop() {
        endpoint.release();
        server.close();
    }

    /** Same as {@link #stop()}. */
    @Override
    public void close() {
        stop();
    }

    @Override
    public String toString() {
        return "StubServer(" + target + ")";
    }

    /** The answer of one stubbed method. */
    public final class Method {
        private final String method;

        private Method(String method) {
            this.method = method;
        }

        /** Replies {@code result} (any JSON-serializable value; null replies None). */
        public StubServer reply(Object result) {
            endpoint.answer(method, (context, args) -> result);
            return StubServer.this;
        }

        /** Replies what {@code answer} returns for the request's arguments; an exception it throws is the failure. */
        public StubServer replyWith(Function<ObjectNode, ?> answer) {
            Objects.requireNonNull(answer, "answer");
            endpoint.answer(method, (context, args) -> answer.apply(args));
            return StubServer.this;
        }

        /**
         * Fails the call as a Python server raising {@code module.exceptionClass(message)}: the caller gets a
         * {@link RemoteError} with exactly that module, class and message.
         */
        public StubServer raise(String module, String exceptionClass, String message) {
            return raise(RemoteError.builder(module, exceptionClass).message(message).build());
        }

        /** Fails the call with {@code error} as built (module, class, message, args, kwargs). */
        public StubServer raise(RemoteError error) {
            Objects.requireNonNull(error, "error");
            endpoint.answer(method, (context, args) -> {
                throw error;
            });
            return StubServer.this;
        }

        /**
         * Accepts the call and never answers while the test runs, like a hung server: the caller's timeout fires
         * ({@code MessagingTimeout}). As on a Python server whose endpoint hangs, call-monitor heartbeats still
         * flow when the caller asked for them.
         */
        public StubServer noReply() {
            endpoint.answer(method, endpoint.hang());
            return StubServer.this;
        }
    }
}
