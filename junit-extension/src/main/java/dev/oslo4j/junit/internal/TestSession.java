package dev.oslo4j.junit.internal;

import dev.oslo4j.messaging.Transport;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Everything one test method owns on the broker: its isolated view, the recording of it, the transports opened
 * for it and the stubs serving on it. Closed by JUnit after the test (it lives in the method's extension store):
 * stubs and transports first, newest first, then the view itself, which also removes what code under test left.
 * Both interfaces: JUnit 5.13+ closes stored {@code AutoCloseable}s, 5.10 to 5.12 only {@code CloseableResource}s
 * (5.13+ closes a value that is both once, as an {@code AutoCloseable}, without a deprecation warning).
 */
public final class TestSession implements AutoCloseable, ExtensionContext.Store.CloseableResource {

    private static final Logger LOG = LoggerFactory.getLogger(TestSession.class);

    private final String testName;
    private final Settings settings;
    private final BrokerBackend backend;
    private final Isolation isolation;
    private final Recording recording = new Recording();
    private final String transportUrl;
    private final Deque<AutoCloseable> owned = new ArrayDeque<>();
    private Transport transport;
    private Transport stubTransport;
    private BrokerBackend dedicatedBackend;
    private boolean closed;

    private TestSession(String testName, Settings settings, BrokerBackend backend, Isolation isolation) {
        this.testName = testName;
        this.settings = settings;
        this.backend = backend;
        this.isolation = isolation;
        this.transportUrl = isolation.transportUrl() + settings.query();
    }

    /** A view of the shared {@code backend}. */
    public static TestSession open(String testName, Settings settings, BrokerBackend backend) {
        settings.messagingOptions();
        Isolation isolation = backend.isolate();
        TestSession session = new TestSession(testName, settings, backend, isolation);
        session.recording.catchUpWith(isolation::awaitRecorded);
        try {
            isolation.startRecording(session.recording::add);
        } catch (RuntimeException e) {
            isolation.close();
            throw e;
        }
        return session;
    }

    /** A view of an embedded broker started for this test alone, and closed with it. */
    public static TestSession openDedicated(String testName, Settings settings) {
        settings.messagingOptions();
        EmbeddedBackend backend = EmbeddedBackend.startDedicated();
        try {
            TestSession session = open(testName, settings, backend);
            session.dedicatedBackend = backend;
            return session;
        } catch (RuntimeException e) {
            backend.close();
            throw e;
        }
    }

    public Settings settings() {
        return settings;
    }

    public Recording recording() {
        return recording;
    }

    /** The test's transport URL, options included. */
    public String transportUrl() {
        return transportUrl;
    }

    public Isolation isolation() {
        return isolation;
    }

    /** e.g. {@code "reboot() on embedded broker 127.0.0.1:41234, virtual host oslo4j-t3-k2d"}. */
    public String describe() {
        return testName + " on " + backend.describe() + ", virtual host " + isolation.virtualHost();
    }

    /** The transport injected into the test (opened on first use, closed after the test). */
    public synchronized Transport transport() {
        if (transport == null) {
            transport = openTransport();
        }
        return transport;
    }

    /** The transport stubs serve on: a connection of its own, as a separate server process would have. */
    public synchronized Transport stubTransport() {
        if (stubTransport == null) {
            stubTransport = openTransport();
        }
        return stubTransport;
    }

    /** A new transport on the test's view, closed after the test. */
    public Transport openTransport() {
        return own(Transport.open(transportUrl));
    }

    /** Closes {@code resource} when the test ends (before the broker view goes away). */
    public synchronized <T extends AutoCloseable> T own(T resource) {
        if (closed) {
            closeQuietly(resource);
            throw new IllegalStateException("the test " + testName + " is over; its broker view is closed");
        }
        owned.push(resource);
        return resource;
    }

    @Override
    public void close() {
        Deque<AutoCloseable> toClose;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            toClose = new ArrayDeque<>(owned);
            owned.clear();
        }
        RuntimeException failure = null;
        for (AutoCloseable c : toClose) {
            try {
                c.close();
            } catch (Exception e) {
                failure = accumulate(failure, e);
            }
        }
        try {
            isolation.close();
        } catch (RuntimeException e) {
            failure = accumulate(failure, e);
        }
        if (dedicatedBackend != null) {
            try {
                dedicatedBackend.close();
            } catch (RuntimeException e) {
                failure = accumulate(failure, e);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private RuntimeException accumulate(RuntimeException failure, Exception e) {
        if (failure == null) {
            return new IllegalStateException("cleaning up the broker view of " + testName + " failed: "
                    + e.getMessage(), e);
        }
        failure.addSuppressed(e);
        return failure;
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            LOG.debug("closing {} failed", c, e);
        }
    }
}
