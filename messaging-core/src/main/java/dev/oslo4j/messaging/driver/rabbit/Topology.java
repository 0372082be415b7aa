package dev.oslo4j.messaging.driver.rabbit;

import dev.oslo4j.messaging.driver.RpcAddress;
import dev.oslo4j.messaging.wire.Ids;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * Every AMQP name and declare argument oslo uses (docs/wire-protocol.md §4.1–4.2), computed from the options: the one place these
 * facts live. With default options it is 14.0.3's topology; the 16.x options change it as 16.1.0 does
 * ({@code rabbit_transient_quorum_queue}, {@code rabbit_stream_fanout}, {@code use_queue_manager}).
 * Immutable apart from the queue manager's counter.
 */
final class Topology {

    static final String TOPIC = "topic";
    static final String FANOUT = "fanout";
    static final String DEFAULT_EXCHANGE = "";
    /** Where a new stream consumer starts, and starts again after a consumer cancel (16.x). */
    static final String STREAM_START = "last";

    private final String controlExchange;
    private final boolean durable;
    private final boolean autoDelete;
    private final boolean transientQuorum;
    private final boolean streamFanout;
    private final Map<String, Object> sharedQueueArgs;
    private final Map<String, Object> transientQueueArgs;
    private final Map<String, Object> streamQueueArgs;
    private final Map<String, Object> consumerArgs;
    private final QueueManager queueManager;

    Topology(RabbitOptions o) {
        this(o, o.useQueueManager() ? new QueueManager(o.hostname(), o.processname()) : null);
    }

    Topology(RabbitOptions o, QueueManager queueManager) {
        this.controlExchange = o.controlExchange();
        this.durable = o.amqpDurableQueues() || o.rabbitQuorumQueue();
        this.autoDelete = o.amqpAutoDelete();
        this.transientQuorum = o.rabbitTransientQuorumQueue();
        this.streamFanout = o.rabbitStreamFanout();
        this.queueManager = queueManager;
        int ttl = o.rabbitTransientQueuesTtl();
        this.sharedQueueArgs = queueArgs(o, o.rabbitQuorumQueue(), 0);
        this.transientQueueArgs = queueArgs(o, transientQuorum, ttl);
        Map<String, Object> stream = new HashMap<>();
        stream.put("x-queue-type", "stream");
        if (ttl > 0) {
            stream.put("x-max-age", ttl + "s"); // a string, as 16.x sends it
        }
        this.streamQueueArgs = Collections.unmodifiableMap(stream);
        this.consumerArgs = o.enableCancelOnFailover()
                ? Map.of("x-cancel-on-ha-failover", true) : Map.of();
    }

    /** oslo's _get_queue_arguments without the stream case: HA, quorum and its limits, x-expires. */
    private static Map<String, Object> queueArgs(RabbitOptions o, boolean quorum, int ttlSeconds) {
        Map<String, Object> args = new HashMap<>();
        if (o.rabbitHaQueues()) {
            args.put("x-ha-policy", "all");
        }
        if (quorum) {
            args.put("x-queue-type", "quorum");
            if (o.rabbitQuorumDeliveryLimit() > 0) {
                args.put("x-delivery-limit", o.rabbitQuorumDeliveryLimit());
            }
            if (o.rabbitQuorumMaxMemoryLength() > 0) {
                args.put("x-max-in-memory-length", o.rabbitQuorumMaxMemoryLength());
            }
            if (o.rabbitQuorumMaxMemoryBytes() > 0) {
                args.put("x-max-in-memory-bytes", o.rabbitQuorumMaxMemoryBytes());
            }
        }
        if (ttlSeconds > 0) {
            args.put("x-expires", ttlSeconds * 1000);
        }
        return Collections.unmodifiableMap(args);
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

    /** Arguments of reply and per-server fanout queues (expiring; quorum with rabbit_transient_quorum_queue). */
    Map<String, Object> transientQueueArgs() {
        return transientQueueArgs;
    }

    /** Reply queues, per-server fanout queues and fanout exchanges are durable only as quorum (16.x). */
    boolean transientDurable() {
        return transientQuorum;
    }

    /** {@code basic.consume} arguments (all consumers but the stream fanout consumer). */
    Map<String, Object> consumerArgs() {
        return consumerArgs;
    }

    boolean streamFanout() {
        return streamFanout;
    }

    /** The fanout queue of an RPC server: shared stream {@code <topic>_fanout}, or one of its own. */
    String newFanoutQueue(String topic) {
        return streamFanout ? fanoutExchange(topic) : topic + "_fanout_" + uniquePart();
    }

    boolean fanoutQueueDurable() {
        return transientQuorum || streamFanout;
    }

    Map<String, Object> fanoutQueueArgs() {
        return streamFanout ? streamQueueArgs : transientQueueArgs;
    }

    /** Consumer arguments of the stream fanout consumer, starting at {@code offset} ("last" or a number). */
    static Map<String, Object> streamConsumerArgs(Object offset) {
        return Map.of("x-stream-offset", offset);
    }

    /**
     * Whether an RPC server deletes its fanout queue when it stops: not a shared stream, and not a queue manager
     * name, which the next run of the service reuses (16.x; the queue then expires).
     */
    boolean deletesFanoutQueueOnClose() {
        return !streamFanout && queueManager == null;
    }

    String newReplyQueue() {
        return "reply_" + uniquePart();
    }

    private String uniquePart() {
        return queueManager != null ? queueManager.next() : Ids.hex32();
    }

    static String serverQueue(RpcAddress t) {
        return t.topic() + "." + t.server();
    }

    static String fanoutExchange(String topic) {
        return topic + "_fanout";
    }
}
