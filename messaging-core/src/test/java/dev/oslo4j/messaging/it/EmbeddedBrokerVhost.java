package dev.oslo4j.messaging.it;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import dev.oslo4j.broker.EmbeddedBroker;
import dev.oslo4j.broker.VirtualHostLease;
import dev.oslo4j.messaging.wire.Ids;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * An empty virtual host of the embedded broker for each test (the broker is started once per JVM and stopped at
 * its end); everything a test creates disappears with its lease.
 */
final class EmbeddedBrokerVhost implements BeforeEachCallback, AfterEachCallback, NotificationContract.BrokerAccess {

    private VirtualHostLease lease;

    private static EmbeddedBroker broker(ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).getOrComputeIfAbsent(
                EmbeddedBrokerVhost.class, k -> new CloseableBroker(EmbeddedBroker.start()), CloseableBroker.class)
                .broker();
    }

    /** Lets JUnit close the shared broker when the test plan ends. */
    private record CloseableBroker(EmbeddedBroker broker) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            broker.close();
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        lease = broker(context).leaseVirtualHost();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        lease.close();
    }

    @Override
    public String url() {
        return lease.transportUrl();
    }

    @Override
    public String uniqueName(String prefix) {
        return prefix + "-" + Ids.hex32().substring(0, 12);
    }

    @Override
    public <T> T withChannel(RabbitBroker.ChannelWork<T> work) throws Exception {
        ConnectionFactory f = new ConnectionFactory();
        f.setUri("amqp" + lease.transportUrl().substring("rabbit".length()));
        try (Connection c = f.newConnection("oslo4j-test"); Channel ch = c.createChannel()) {
            return work.run(ch);
        }
    }

    @Override
    public void deleteQueueAfter(String... names) {
        // the lease removes everything
    }

    @Override
    public void deleteExchangeAfter(String... names) {
        // the lease removes everything
    }
}
