package dev.oslo4j.messaging.driver.rabbit;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.Map;

/**
 * Declares a consumer's exchanges, queues and bindings as oslo's {@code Consumer.declare} does, including 16.x's
 * fallback: when the broker answers {@code 406 PRECONDITION_FAILED - inequivalent arg 'durable'} (typically the
 * control exchange exists non-durable, made by peers with default options, while quorum queues want it durable),
 * the exchange is declared again non-durable (auto-delete as the queue) and the queue durable with the same
 * arguments — as Debian's 16.1.0-3+deb13u1 does (upstream 16.1.0 declares that queue non-durable too, which
 * RabbitMQ refuses for quorum and stream queues). The 406 closes the channel, so the fallback runs on a new one;
 * {@link #channel()} is the channel still open afterwards.
 */
final class Declarer {

    private static final Logger LOG = LoggerFactory.getLogger(Declarer.class);

    private final Connection connection;
    private Channel channel;

    Declarer(Connection connection) throws IOException {
        this.connection = connection;
        this.channel = connection.createChannel();
    }

    /** The open channel to consume on. */
    Channel channel() {
        return channel;
    }

    /**
     * Declares {@code exchange} (unless it is the default exchange), the queue, and binds it with
     * {@code routingKey}.
     */
    void queue(String exchange, String exchangeType, boolean exchangeDurable, boolean exchangeAutoDelete,
               String queue, boolean durable, boolean autoDelete, Map<String, Object> args, String routingKey)
            throws IOException {
        try {
            declare(exchange, exchangeType, exchangeDurable, exchangeAutoDelete, queue, durable, autoDelete, args,
                    routingKey);
        } catch (IOException e) {
            if (!Refusals.isDurableMismatch(e)) {
                throw e;
            }
            LOG.warn("queue {} could not be declared because of conflicting configurations ({}); declaring exchange"
                    + " {} non-durable, as oslo 16.x does", queue, e.getCause() == null ? e : e.getCause(), exchange);
            channel = connection.createChannel();
            declare(exchange, exchangeType, false, autoDelete, queue, true, autoDelete, args, routingKey);
        }
    }

    private void declare(String exchange, String exchangeType, boolean exchangeDurable, boolean exchangeAutoDelete,
                         String queue, boolean durable, boolean autoDelete, Map<String, Object> args,
                         String routingKey) throws IOException {
        boolean defaultExchange = Topology.DEFAULT_EXCHANGE.equals(exchange);
        if (!defaultExchange) {
            channel.exchangeDeclare(exchange, exchangeType, exchangeDurable, exchangeAutoDelete, null);
        }
        channel.queueDeclare(queue, durable, false, autoDelete, args);
        if (!defaultExchange) {
            channel.queueBind(queue, exchange, routingKey);
        }
    }

    /** Closes a channel the declarations left behind when it is not the one consumers use. */
    static void closeQuietly(Channel ch) {
        try {
            if (ch != null && ch.isOpen()) {
                ch.close();
            }
        } catch (IOException | java.util.concurrent.TimeoutException | RuntimeException ignored) {
            // gone anyway
        }
    }
}
