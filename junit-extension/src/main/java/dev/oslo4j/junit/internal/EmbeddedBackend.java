package dev.oslo4j.junit.internal;

import dev.oslo4j.broker.EmbeddedBroker;
import dev.oslo4j.broker.PublishRecording;
import dev.oslo4j.broker.PublishedMessage;
import dev.oslo4j.broker.VirtualHostLease;

import java.time.Instant;
import java.util.function.Consumer;

/**
 * The in-process broker: one per JVM, each test on a leased virtual host (a pooled one under a never-reused name,
 * emptied when returned), recorded by the broker's publish listener — so even unroutable messages are seen.
 */
final class EmbeddedBackend implements BrokerBackend {

    private final EmbeddedBroker broker;
    private final boolean dedicated;

    private EmbeddedBackend(EmbeddedBroker broker, boolean dedicated) {
        this.broker = broker;
        this.dedicated = dedicated;
    }

    /** The broker shared by the JVM's tests. */
    static EmbeddedBackend start() {
        return new EmbeddedBackend(EmbeddedBroker.start(), false);
    }

    /** A broker for one test only, which it may restart. */
    static EmbeddedBackend startDedicated() {
        return new EmbeddedBackend(EmbeddedBroker.start(), true);
    }

    @Override
    public String describe() {
        return (dedicated ? "dedicated embedded broker " : "embedded broker ") + broker.host() + ":" + broker.port();
    }

    @Override
    public Isolation isolate() {
        return new Lease(broker, broker.leaseVirtualHost(), dedicated);
    }

    @Override
    public void close() {
        broker.close();
    }

    private static final class Lease implements Isolation {
        private final EmbeddedBroker broker;
        private final VirtualHostLease lease;
        private final boolean dedicated;
        private PublishRecording recording;

        Lease(EmbeddedBroker broker, VirtualHostLease lease, boolean dedicated) {
            this.broker = broker;
            this.lease = lease;
            this.dedicated = dedicated;
        }

        @Override
        public String transportUrl() {
            return lease.transportUrl();
        }

        @Override
        public String virtualHost() {
            return lease.name();
        }

        @Override
        public void startRecording(Consumer<RawPublish> sink) {
            recording = broker.onPublish(lease.name(), m -> sink.accept(raw(m)));
        }

        private static RawPublish raw(PublishedMessage m) {
            return new RawPublish(m.exchange(), m.routingKey(), m.routedQueueCount(), m.headers(), m.expiration(),
                    m.body(), Instant.ofEpochMilli(m.timestamp()));
        }

        /** The broker calls the listener while routing, before it confirms the publish: nothing to wait for. */
        @Override
        public void awaitRecorded() {
        }

        @Override
        public void dropConnections() {
            broker.dropConnections(lease.name());
        }

        /**
         * On the shared broker, restarts the test's own virtual host only (its clients see a node restart; tests
         * running in parallel on other virtual hosts see nothing). A dedicated broker restarts as a whole.
         */
        @Override
        public void restartBroker() {
            if (dedicated) {
                broker.restart();
            } else {
                broker.restartVirtualHost(lease.name());
            }
        }

        @Override
        public void close() {
            try {
                if (recording != null) {
                    recording.close();
                }
            } finally {
                lease.close();
            }
        }
    }
}
