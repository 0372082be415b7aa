package dev.oslo4j.broker.internal.amqp;

import java.util.HashMap;
import java.util.Map;

import org.apache.qpid.server.plugin.ConnectionPropertyEnricher;
import org.apache.qpid.server.transport.AMQPConnection;

import dev.oslo4j.broker.internal.PluginTypes;

/**
 * Adds RabbitMQ's {@code capabilities} table to {@code connection.start}, for the features oslo4j's broker
 * really provides. Clients read it to decide, e.g., whether to expect {@code basic.cancel} from the broker.
 */
public final class RabbitCapabilitiesEnricher implements ConnectionPropertyEnricher {

    private static final Map<String, Object> CAPABILITIES = Map.of(
            "publisher_confirms", true,
            "basic.nack", true,
            "consumer_cancel_notify", true,
            "per_consumer_qos", true,
            "authentication_failure_close", true,
            "exchange_exchange_bindings", false,
            "connection.blocked", false,
            "direct_reply_to", false,
            "consumer_priorities", true);

    @Override
    public Map<String, Object> addConnectionProperties(AMQPConnection<?> connection, Map<String, Object> existing) {
        Map<String, Object> properties = new HashMap<>(existing);
        properties.put("capabilities", CAPABILITIES);
        properties.put("product", "oslo4j embedded broker (Apache Qpid Broker-J, RabbitMQ emulation)");
        return properties;
    }

    @Override
    public String getType() {
        return PluginTypes.CAPABILITIES;
    }
}
