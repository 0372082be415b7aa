package dev.oslo4j.broker;

/**
 * What one virtual host of the {@link EmbeddedBroker} holds at a moment: for leak checks in tests ("no channel,
 * consumer or queue left behind"), as {@code rabbitmqctl list_connections / list_channels / list_consumers /
 * list_queues -p <vhost>} would count them on RabbitMQ.
 *
 * @param connections open client connections
 * @param channels    open channels over all those connections
 * @param consumers   consumers over all queues
 * @param queues      queues, durable or not
 */
public record VirtualHostStatistics(int connections, int channels, int consumers, int queues) {
}
