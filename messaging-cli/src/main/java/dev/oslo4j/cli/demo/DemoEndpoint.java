package dev.oslo4j.cli.demo;

import dev.oslo4j.messaging.RequestContext;
import dev.oslo4j.messaging.Target;
import java.util.concurrent.Semaphore;

/** The demo's RPC endpoint: {@code test(arg)} in one namespace at version 1.0, as in the seed scenario. */
public final class DemoEndpoint {
    private final String namespace;
    private final Narrator narrator;
    private final Semaphore handled;

    DemoEndpoint(String namespace, Narrator narrator, Semaphore handled) {
        this.namespace = namespace;
        this.narrator = narrator;
        this.handled = handled;
    }

    /** The namespace and version this endpoint serves (oslo's {@code endpoint.target}). */
    public Target target() {
        return Target.builder().namespace(namespace).version("1.0").build();
    }

    public String test(RequestContext context, String arg) {
        narrator.say("server", namespace + " endpoint runs test(arg=" + Narrator.json(arg) + ")");
        handled.release();
        return namespace + " handled " + arg;
    }
}
