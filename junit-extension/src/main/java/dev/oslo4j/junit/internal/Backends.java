package dev.oslo4j.junit.internal;

import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The brokers of this JVM, one per configuration (the embedded one, or one per RabbitMQ URL), shared by every
 * test and every JUnit run in the JVM (a run started from inside a test, with the platform's test kit, uses the
 * same broker). Each run's root extension store holds a {@link Handle}; the broker closes when the last handle
 * does.
 */
public final class Backends {

    private static final Map<String, Entry> SHARED = new HashMap<>();

    private Backends() {
    }

    /**
     * A handle on the broker {@code settings} select, started on first use.
     *
     * @throws BrokerUnavailable when a configured RabbitMQ does not answer
     */
    public static synchronized Handle acquire(Settings settings) {
        String key = settings.brokerUrl() == null ? Settings.EMBEDDED : settings.brokerUrl();
        Entry entry = SHARED.get(key);
        if (entry == null) {
            BrokerBackend backend = settings.brokerUrl() == null
                    ? EmbeddedBackend.start() : RabbitMqBackend.open(settings.brokerUrl());
            entry = new Entry(backend);
            SHARED.put(key, entry);
        }
        entry.references++;
        return new Handle(key, entry.backend);
    }

    private static synchronized void release(String key) {
        Entry entry = SHARED.get(key);
        if (entry != null && --entry.references == 0) {
            SHARED.remove(key);
            entry.backend.close();
        }
    }

    private static final class Entry {
        final BrokerBackend backend;
        int references;

        Entry(BrokerBackend backend) {
            this.backend = backend;
        }
    }

    /**
     * One run's hold on a shared broker; closing it (once) lets the broker go when nobody else holds it. Kept in the
     * root store, which closes it as a {@code CloseableResource} on JUnit 5.10-5.12, as an AutoCloseable on 5.13+.
     */
    public static final class Handle implements AutoCloseable, ExtensionContext.Store.CloseableResource {
        private final String key;
        private final BrokerBackend backend;
        private final AtomicBoolean closed = new AtomicBoolean();

        private Handle(String key, BrokerBackend backend) {
            this.key = key;
            this.backend = backend;
        }

        public BrokerBackend backend() {
            return backend;
        }

        @Override
        public void close() {
            if (closed.compareAndSet(false, true)) {
                release(key);
            }
        }
    }
}
