package dev.oslo4j.broker.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.oslo4j.broker.internal.auth.RabbitAuthenticationProvider;

/**
 * The Broker-J context variables of an oslo4j broker: small thread pools and a fast stop (a test broker
 * idles most of the time), and the RabbitMQ-like defaults that need no code.
 */
final class BrokerContext {

    private BrokerContext() {
    }

    static Map<String, String> of(BrokerState state, BrokerSettings settings, String workDir) {
        Map<String, String> c = new LinkedHashMap<>();
        c.put(PluginTypes.BROKER_ID, state.id());
        c.put("qpid.work_dir", workDir);
        c.put("oslo4j.amqp.port", Integer.toString(settings.port()));
        c.put("oslo4j.host", settings.host());
        // Lean pools: Broker-J's defaults start 84 threads, and about 70 more per virtual host.
        c.put("virtualhost.connectionThreadPool.size", "3");
        c.put("virtualhost.connectionThreadPool.numberOfSelectors", "1");
        c.put("virtualhost.housekeepingThreadCount", "1");
        c.put("qpid.port.amqp.threadPool.size", "3");
        c.put("qpid.port.amqp.threadPool.numberOfSelectors", "1");
        c.put("broker.housekeepingThreadCount", "1");
        // Without this, every stop waits about a second for a direct-memory compaction task.
        c.put("qpid.compact_memory_interval", "0");
        // Messages that expire where no consumer looks are removed within this period.
        c.put("virtualhost.housekeepingCheckPeriod", "2000");
        // A restarted virtual host holds its persistent messages before it accepts connections, as RabbitMQ.
        c.put("use_async_message_store_recovery", "false");
        // RabbitMQ: reject/nack with requeue=false discards (or dead-letters) at once.
        c.put("queue.maximumDeliveryAttempts", "1");
        // RabbitMQ's arguments are translated by the channel; anything left is ignored, as RabbitMQ does.
        c.put("queue.behaviourOnUnknownDeclareArgument", "IGNORE");
        c.put("exchange.behaviourOnUnknownDeclareArgument", "IGNORE");
        // RabbitMQ's connection.tune: 2047 channels, 60 s heartbeat proposal.
        c.put("qpid.port.sessionCountLimit", "2047");
        // RabbitMQ commits a transaction holding an unroutable mandatory message and returns it.
        c.put("qpid.port.closeWhenNoRoute", "false");
        c.put("qpid.port.heartbeatDelay", "60");
        c.put("qpid.port.connection_property_enrichers",
                Json.write(List.of("STANDARD", PluginTypes.CAPABILITIES)));
        if (settings.anonymous()) {
            c.put(RabbitAuthenticationProvider.ANONYMOUS_CONTEXT, "true");
            c.put(RabbitAuthenticationProvider.ANONYMOUS_USER_CONTEXT, settings.user());
        }
        return c;
    }
}
