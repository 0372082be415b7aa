package dev.oslo4j.conformance.interop;

import dev.oslo4j.messaging.RpcRequestInfo;
import dev.oslo4j.messaging.RpcServer;
import dev.oslo4j.messaging.Target;
import dev.oslo4j.messaging.Transport;
import dev.oslo4j.testsupport.Await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/** A Java {@link RpcServer} with {@link JavaReferenceEndpoints}, recording every request it receives. */
final class JavaReferenceServer implements AutoCloseable {
    private final RpcServer server;
    private final List<RpcRequestInfo> requests = new CopyOnWriteArrayList<>();

    private JavaReferenceServer(Transport transport, Target target) {
        this.server = RpcServer.builder(transport, target)
                .endpoints(JavaReferenceEndpoints.all(target.server()))
                .onRequest(requests::add)
                .build();
    }

    /** Builds and starts a server on {@code target} (topic and server set; exchange optional). */
    static JavaReferenceServer start(Transport transport, Target target) {
        JavaReferenceServer s = new JavaReferenceServer(transport, target);
        s.server.start();
        return s;
    }

    /** Every request received so far, in arrival order. */
    List<RpcRequestInfo> requests() {
        return List.copyOf(requests);
    }

    /** Waits until {@code count} received requests match. */
    List<RpcRequestInfo> awaitRequests(String what, Predicate<RpcRequestInfo> matcher, int count, Duration timeout) {
        Await.until(timeout, "Java server " + server.target().server() + " received " + count + " x " + what,
                () -> requests.stream().filter(matcher).count() >= count, requests::toString);
        return requests.stream().filter(matcher).limit(count).toList();
    }

    /** Waits for the first request for {@code method}. */
    RpcRequestInfo awaitRequest(String method, Duration timeout) {
        return awaitRequests("a request for " + method, r -> method.equals(r.methodName()), 1, timeout).get(0);
    }

    @Override
    public void close() {
        server.close();
    }
}
