package dev.oslo4j.conformance.broker;

import dev.oslo4j.broker.EmbeddedBroker;
import dev.oslo4j.broker.VirtualHostLease;
import dev.oslo4j.broker.VirtualHostStatistics;

/**
 * The embedded broker, seen through a virtual host leased for this test (taken on first use). With a
 * private broker ({@code dedicated = true}) restarts are allowed too.
 */
final class EmbeddedUnderTest extends AbstractBrokerUnderTest {

    private final EmbeddedBroker broker;
    private final boolean privateBroker;
    private VirtualHostLease lease;

    EmbeddedUnderTest(EmbeddedBroker broker, boolean privateBroker) {
        super("embedded");
        this.broker = broker;
        this.privateBroker = privateBroker;
        if (privateBroker) {
            onClose(broker);
        }
    }

    /** The embedded broker itself, for tests of embedded-only behaviour. */
    EmbeddedBroker broker() {
        return broker;
    }

    private synchronized VirtualHostLease lease() {
        if (lease == null) {
            lease = broker.leaseVirtualHost();
            onClose(lease);
        }
        return lease;
    }

    @Override
    public String transportUrl() {
        return lease().transportUrl();
    }

    @Override
    public String virtualHost() {
        return lease().name();
    }

    @Override
    public boolean supportsRestart() {
        return privateBroker;
    }

    @Override
    public void restart() {
        if (!privateBroker) {
            throw new IllegalStateException("restarting the shared embedded broker would disturb other tests; "
                    + "use @OnEveryBroker(dedicated = true)");
        }
        broker.restart();
    }

    @Override
    public boolean supportsDropConnections() {
        return true;
    }

    @Override
    public void dropConnections() {
        broker.dropConnections(virtualHost());
    }

    @Override
    public boolean supportsStatistics() {
        return true;
    }

    @Override
    public VirtualHostStatistics statistics() {
        return broker.statistics(virtualHost());
    }

    @Override
    public BrokerUnderTest withDedicatedVirtualHost() {
        return owned(new EmbeddedUnderTest(broker, false));
    }
}
