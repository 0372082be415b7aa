package dev.oslo4j.junit;

import dev.oslo4j.junit.internal.Backends;
import dev.oslo4j.junit.internal.Settings;
import dev.oslo4j.junit.internal.TestSession;

/**
 * An {@link OsloBus} whose life is not one test method: an isolated broker view (its own virtual host on the
 * embedded broker, or on the RabbitMQ of {@code OSLO4J_TEST_TRANSPORT_URL}) recording every message until closed.
 * For frameworks that build the application once for many tests, such as Spring's cached test contexts (the
 * Spring Boot starter's {@code @AutoConfigureOsloBus} opens one per context). Recordings accumulate over the
 * session: assert on what a test sent by what makes it unique (ids, payload values).
 */
public final class OsloBusSession implements AutoCloseable {

    private final Backends.Handle handle;
    private final TestSession session;
    private final OsloBus bus;

    private OsloBusSession(Backends.Handle handle, TestSession session) {
        this.handle = handle;
        this.session = session;
        this.bus = new OsloBus(session);
    }

    /**
     * Opens a view on the shared broker (started on first use).
     *
     * @param name shown in assertion failures, e.g. the test class
     */
    public static OsloBusSession open(String name) {
        Settings settings = Settings.defaults();
        Backends.Handle handle = Backends.acquire(settings);
        try {
            return new OsloBusSession(handle, TestSession.open(name, settings, handle.backend()));
        } catch (RuntimeException e) {
            handle.close();
            throw e;
        }
    }

    /** The view's transport URL: give it to the application under test. */
    public String transportUrl() {
        return session.transportUrl();
    }

    public OsloBus bus() {
        return bus;
    }

    /** Closes the view (its virtual host and recording) and releases the broker. */
    @Override
    public void close() {
        try {
            session.close();
        } finally {
            handle.close();
        }
    }

    @Override
    public String toString() {
        return "OsloBusSession(" + session.describe() + ")";
    }
}
