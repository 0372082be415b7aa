package dev.oslo4j.messaging.driver.rabbit;

import dev.oslo4j.messaging.driver.RpcAddress;
import dev.oslo4j.messaging.wire.Ids;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * Every AMQP name and declare argument oslo uses (spec §4.1–4.2, 14.0.3 rules), computed from the options: the
 * one place these facts live. Immutable.
 */
final class Topology {

    static final String TOPIC = "topic";
    static final String FANOUT = "fanout";
    static final String DEFAULT_EXCHANGE = "";

    private final String controlExchange;
    private final boolean durable;
    private final boolean autoDelete;
    private final Map<String, Object> sharedQueueArgs;
    private final Map<String, Object> transientQueueArgs;
    private final Map<String, Object> consumerArgs;

    Topology(RabbitOptions o) {
        this.controlExchange = o.controlExchange();
        this.durable = o.amqpDurableQueues() || o.rabbitQuorumQueue();
        this.autoDelete = o.amqpAutoDelete();
        Map<String, Object> shared = new HashMap<>();
        Map<String, Object> transientArgs = new HashMap<>();
        if (o.rabbitHaQueues()) {
            shared.put("x-ha-policy", "all");
            transientArgs.put("x-ha-policy", "all");
        }
        if (o.rabbitQuorumQueue()) {
            shared.put("x-queue-type", "quorum");
            if (o.rabbitQuorumDeliveryLimit() > 0) {
                shared.put("x-delivery-limit", o.rabbitQuorumDeliveryLimit());
            }
            if (o.rabbitQuorumMaxMemoryLength() > 0) {
                shared.put("x-max-in-memory-length", o.rabbitQuorumMaxMemoryLength());
            }
            if (o.rabbitQuorumMaxMemoryBytes() > 0) {
                shared.put("x-max-in-memory-bytes", o.rabbitQuorumMaxMemoryBytes());
            }
        }
        // 14.0.3: reply and fanout queues are always classic and always expire (ttl has min 1)
        transientArgs.put("x-expires", o.rabbitTransientQueuesTtl() * 1000);
        this.sharedQueueArgs = Collections.unmodifiableMap(shared);
        this.transientQueueArgs = Collections.unmodifiableMap(transientArgs);
        this.consumerArgs = o.enableCancelOnFailover()
                ? Map.of("x-cancel-on-ha-failover", true) : Map.of();
    }

    String controlExchange() {
        return controlExchange;
    }

    /** The RPC / notification exchange of a target: its own, or the control exchange. */
    String exchangeOf(RpcAddress t) {
        return t.exchange() != null ? t.exchange() : controlExchange;
    }

    String exchangeOf(String exchangeOrNull) {
        return exchangeOrNull != null ? exchangeOrNull : controlExchange;
    }

    /** Flags of topic exchanges and of topic / server / notification queues. */
    boolean durable() {
        return durable;
    }

    boolean autoDelete() {
        return autoDelete;
    }

    /** Arguments of queues {@code <topic>}, {@code <topic>.<server>}, {@code <topic>.<priority>}, pools. */
    Map<String, Object> sharedQueueArgs() {
        return sharedQueueArgs;
    }

    /** Arguments of reply and per-server fanout queues (non-durable, classic, expiring). */
    Map<String, Object> transientQueueArgs() {
        return transientQueueArgs;
    }

    /** {@code basic.consume} arguments. */
    Map<String, Object> consumerArgs() {
        return consumerArgs;
    }

    static String serverQueue(RpcAddress t) {
        return t.topic() + "." + t.server();
    }

    static String fanoutExchange(String topic) {
        return topic + "_fanout";
    }

    static String newFanoutQueue(String topic) {
        return topic + "_fanout_" + Ids.hex32();
    }

    static String newReplyQueue() {
        return "reply_" + Ids.hex32();
    }
}
