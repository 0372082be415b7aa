package dev.oslo4j.conformance.broker;

import dev.oslo4j.broker.VirtualHostStatistics;
import dev.oslo4j.testsupport.Rabbitmqctl;

/**
 * A RabbitMQ reached by URL. On the shared vhost {@code /} tests isolate themselves by unique names; a
 * dedicated virtual host ({@code rabbitmqctl add_vhost}) also allows {@link #dropConnections()}, which
 * runs {@code rabbitmqctl close_all_connections --vhost} for that vhost only. Never restarted.
 */
final class RabbitMqUnderTest extends AbstractBrokerUnderTest {

    private final TransportUrl url;
    private final boolean dedicatedVirtualHost;
    private final boolean managed;

    /**
     * @param managed whether {@code rabbitmqctl} may be used (not for {@code --url} brokers)
     */
    RabbitMqUnderTest(String name, TransportUrl url, boolean dedicatedVirtualHost, boolean managed) {
        super(name);
        this.url = url;
        this.dedicatedVirtualHost = dedicatedVirtualHost;
        this.managed = managed;
    }

    @Override
    public String transportUrl() {
        return url.withVirtualHost(url.virtualHost());
    }

    @Override
    public String virtualHost() {
        return url.virtualHost();
    }

    @Override
    public boolean supportsRestart() {
        return false;
    }

    @Override
    public void restart() {
        throw new UnsupportedOperationException("[" + name() + "] is never restarted by a test");
    }

    @Override
    public boolean supportsDropConnections() {
        return managed && dedicatedVirtualHost;
    }

    @Override
    public void dropConnections() {
        if (!supportsDropConnections()) {
            throw new UnsupportedOperationException("[" + name() + "] drops connections only in a dedicated "
                    + "virtual host of a local RabbitMQ (withDedicatedVirtualHost())");
        }
        Rabbitmqctl.closeAllConnections(url.virtualHost());
    }

    @Override
    public boolean supportsStatistics() {
        return managed && dedicatedVirtualHost;
    }

    @Override
    public VirtualHostStatistics statistics() {
        if (!supportsStatistics()) {
            throw new UnsupportedOperationException("[" + name() + "] counts only a dedicated virtual host of a "
                    + "local RabbitMQ (withDedicatedVirtualHost())");
        }
        Rabbitmqctl.Counts counts = Rabbitmqctl.statistics(url.virtualHost());
        return new VirtualHostStatistics(counts.connections(), counts.channels(), counts.consumers(), counts.queues());
    }

    @Override
    public BrokerUnderTest withDedicatedVirtualHost() {
        if (!managed) {
            throw new UnsupportedOperationException("[" + name() + "] cannot create virtual hosts (no rabbitmqctl "
                    + "for a broker given by --url)");
        }
        String vhost = uniqueName("vhost");
        Rabbitmqctl.addVirtualHost(vhost, url.user());
        RabbitMqUnderTest dedicated = new RabbitMqUnderTest(name(),
                new TransportUrl(url.user(), url.password(), url.host(), url.port(), vhost, url.tls()), true, true);
        dedicated.onClose(() -> Rabbitmqctl.deleteVirtualHost(vhost));
        return owned(dedicated);
    }
}
