package dev.oslo4j.junit.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oslo4j.messaging.DynamicEndpoint;
import dev.oslo4j.messaging.RequestContext;
import dev.oslo4j.messaging.Target;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;

/**
 * The endpoint behind a stub server: answers the methods it was told about, through the library's own RPC server
 * and dispatcher, so the wire is exactly what an oslo4j (and Python) server sends — and a method it was not told
 * about fails with oslo's {@code NoSuchMethod}, as on a Python server.
 */
public final class StubEndpoint implements DynamicEndpoint {

    /** What a stubbed method does with a request. */
    @FunctionalInterface
    public interface Answer {
        Object answer(RequestContext context, ObjectNode args) throws Exception;
    }

    private final Target target;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final CountDownLatch released = new CountDownLatch(1);

    /** @param target namespace and version this endpoint serves (version 1.0 when unset, as in oslo) */
    public StubEndpoint(Target target) {
        this.target = Target.builder().namespace(target.namespace()).version(target.version()).build();
    }

    public void answer(String method, Answer answer) {
        answers.put(method, answer);
    }

    /** An answer that never replies while the test runs, like a hung server; released when the stub stops. */
    public Answer hang() {
        return (context, args) -> {
            released.await();
            return null;
        };
    }

    /** Lets hung requests finish (their late replies go nowhere the test still looks at). */
    public void release() {
        released.countDown();
    }

    @Override
    public Target target() {
        return target;
    }

    @Override
    public boolean hasMethod(String method) {
        return answers.containsKey(method);
    }

    @Override
    public Object invoke(RequestContext context, String method, ObjectNode args) throws Exception {
        Answer a = answers.get(method);
        if (a == null) {
            throw new IllegalStateException("no stubbed answer for " + method);
        }
        return a.answer(context, args);
    }
}
