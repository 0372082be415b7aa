package dev.oslo4j.messaging.driver.rabbit;

import com.rabbitmq.client.AMQP;

import java.util.List;

/**
 * One message ready to publish, with the declarations that must precede it on the channel (once per channel).
 *
 * @param declarationKeys keys identifying {@code declarations} in the channel's cache (same order)
 */
record Outgoing(String exchange, String routingKey, boolean mandatory, AMQP.BasicProperties properties, byte[] body,
                List<String> declarationKeys, List<PublishChannel.Declaration> declarations, String description) {
}
