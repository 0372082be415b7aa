package dev.oslo4j.conformance.interop;

import com.rabbitmq.client.ConnectionFactory;
import dev.oslo4j.messaging.TransportHost;
import dev.oslo4j.messaging.TransportURL;

/** Plain amqp-client access to the broker of an oslo transport URL (its first host), for raw publishing and clean-up. */
final class RawAmqp {
    private RawAmqp() {
    }

    static ConnectionFactory factory(String transportUrl) {
        TransportURL url = TransportURL.parse(transportUrl);
        TransportHost host = url.effectiveHosts().get(0);
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(host.hostname());
        factory.setPort(host.effectivePort());
        factory.setUsername(host.effectiveUsername());
        factory.setPassword(host.effectivePassword());
        factory.setVirtualHost(url.effectiveVirtualHost());
        factory.setAutomaticRecoveryEnabled(false);
        return factory;
    }
}
