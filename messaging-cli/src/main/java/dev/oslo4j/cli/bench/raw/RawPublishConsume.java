package dev.oslo4j.cli.bench.raw;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import dev.oslo4j.cli.bench.ProcessedCounter;
import dev.oslo4j.cli.bench.Workload;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

/**
 * Confirmed publishing and consuming with bare amqp-client: the AMQP steps of an oslo cast or notification.
 * Each client thread publishes to a topic exchange on its own confirm-mode channel and waits for the
 * broker's ack (or, pipelined, keeps publishing while acks come back); a consumer on the bound queue acks and
 * counts every message.
 */
public final class RawPublishConsume implements Workload {
    private static final String ROUTING_KEY = "bench";

    private final byte[] payload;
    private final Duration timeout;
    private final Connection consumerConnection;
    private final Connection publisherConnection;
    private final Channel consumerChannel;
    private final String exchange = RawBroker.uniqueName("exchange");
    private final String queue = RawBroker.uniqueName("queue");
    private final ProcessedCounter processed = new ProcessedCounter();

    public RawPublishConsume(RawBroker broker, byte[] payload, Duration timeout)
            throws IOException, TimeoutException {
        this.payload = payload;
        this.timeout = timeout;
        this.consumerConnection = broker.connect("consumer");
        this.publisherConnection = broker.connect("publisher");
        this.consumerChannel = consumerConnection.createChannel();
        consumerChannel.exchangeDeclare(exchange, "topic", false, true, null);
        consumerChannel.queueDeclare(queue, false, false, true, null);
        consumerChannel.queueBind(queue, exchange, ROUTING_KEY);
        consumerChannel.basicConsume(queue, false, new Counter(consumerChannel));
    }

    @Override
    public String name() {
        return "raw amqp-client";
    }

    @Override
    public Operation newOperation(int thread) throws IOException {
        Channel channel = publisherConnection.createChannel();
        channel.confirmSelect();
        return sequence -> {
            channel.basicPublish(exchange, ROUTING_KEY, RawBroker.PROPERTIES, payload);
            channel.waitForConfirmsOrDie(timeout.toMillis());
        };
    }

    @Override
    public PipelinedOperation newPipelinedOperation(int thread) throws IOException {
        PipelinedConfirms confirms = new PipelinedConfirms(publisherConnection.createChannel());
        return sequence -> confirms.publish(exchange, ROUTING_KEY, RawBroker.PROPERTIES, payload);
    }

    @Override
    public long awaitProcessed(long total, Duration timeout) throws InterruptedException {
        return processed.awaitAtLeast(total, timeout);
    }

    @Override
    public void close() throws IOException {
        try {
            consumerChannel.queueDelete(queue);
            consumerChannel.exchangeDelete(exchange);
        } finally {
            publisherConnection.abort();
            consumerConnection.abort();
        }
    }

    private final class Counter extends DefaultConsumer {
        Counter(Channel channel) {
            super(channel);
        }

        @Override
        public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties properties, byte[] body)
                throws IOException {
            getChannel().basicAck(envelope.getDeliveryTag(), false);
            processed.increment();
        }
    }
}
