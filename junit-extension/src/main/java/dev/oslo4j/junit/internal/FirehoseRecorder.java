package dev.oslo4j.junit.internal;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.Delivery;
import com.rabbitmq.client.LongString;

import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Records a RabbitMQ virtual host through the firehose tracer: with tracing on, the broker copies every message
 * published in the vhost — to any exchange, the default one (replies) included, routed or not — to
 * {@code amq.rabbitmq.trace} with routing key {@code publish.<exchange>}, adding headers {@code exchange_name},
 * {@code routing_keys}, {@code properties} and {@code routed_queues}. A plain queue bound with {@code publish.#}
 * catches them; it is not exclusive, so messages published while {@code dropConnections()} has cut this recorder's
 * connection wait there until the client library has reconnected and consumes again.
 */
final class FirehoseRecorder implements AutoCloseable {

    static final String TRACE_EXCHANGE = "amq.rabbitmq.trace";
    static final String QUEUE = "oslo4j.firehose";
    /** Routing key (on the default exchange, where nothing is bound to it) of the recorder's own sync markers. */
    private static final String SYNC_KEY = "oslo4j.recorder.sync";
    private static final String SYNC_HEADER = "oslo4j-sync";
    private static final long SYNC_TIMEOUT_MS = 10_000;

    private final Connection connection;
    private final Map<String, CompletableFuture<Void>> syncs = new ConcurrentHashMap<>();
    private final AtomicLong syncIds = new AtomicLong();
    private Channel channel;

    private FirehoseRecorder(Connection connection) {
        this.connection = connection;
    }

    static FirehoseRecorder start(ConnectionFactory factory, String virtualHost, Consumer<RawPublish> sink) {
        ConnectionFactory f = factory.clone();
        f.setVirtualHost(virtualHost);
        f.setAutomaticRecoveryEnabled(true);
        f.setTopologyRecoveryEnabled(true);
        f.setNetworkRecoveryInterval(100);
        Connection c = null;
        try {
            c = f.newConnection("oslo4j-junit-recorder");
            FirehoseRecorder recorder = new FirehoseRecorder(c);
            Channel ch = c.createChannel();
            ch.queueDeclare(QUEUE, false, false, false, null);
            ch.queueBind(QUEUE, TRACE_EXCHANGE, "publish.#");
            ch.basicConsume(QUEUE, true, (tag, delivery) -> recorder.accept(delivery, sink), tag -> { });
            recorder.channel = ch;
            return recorder;
        } catch (IOException | TimeoutException e) {
            if (c != null) {
                c.abort();
            }
            throw new IllegalStateException("cannot start recording virtual host '" + virtualHost + "' on RabbitMQ "
                    + f.getHost() + ":" + f.getPort() + ": " + e.getMessage(), e);
        }
    }

    private void accept(Delivery trace, Consumer<RawPublish> sink) {
        RawPublish p = raw(trace);
        if (p.exchange().isEmpty() && p.routingKey().equals(SYNC_KEY)) {
            CompletableFuture<Void> waiting = syncs.remove(String.valueOf(p.headers().get(SYNC_HEADER)));
            if (waiting != null) {
                waiting.complete(null);
            }
            return;
        }
        sink.accept(p);
    }

    /**
     * Returns once everything published in the virtual host before the call has been recorded: the firehose
     * delivers asynchronously, so a marker is published and its own trace awaited (traces reach the recorder's
     * queue in the order the publishes happened on this single node).
     */
    void sync() {
        String id = Long.toString(syncIds.incrementAndGet());
        CompletableFuture<Void> done = new CompletableFuture<>();
        syncs.put(id, done);
        try {
            synchronized (this) {
                channel.basicPublish("", SYNC_KEY, new AMQP.BasicProperties.Builder()
                        .headers(Map.of(SYNC_HEADER, id)).build(), new byte[0]);
            }
            done.get(SYNC_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (IOException | ExecutionException | TimeoutException
                 | com.rabbitmq.client.AlreadyClosedException e) {
            throw new IllegalStateException("the RabbitMQ firehose recorder did not catch up within "
                    + SYNC_TIMEOUT_MS + " ms: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            syncs.remove(id);
        }
    }

    /** Rebuilds the original publish from a trace message. */
    static RawPublish raw(Delivery trace) {
        Map<String, Object> h = trace.getProperties().getHeaders();
        Map<String, Object> traced = h == null ? Map.of() : h;
        String exchange = text(traced.get("exchange_name"));
        String routingKey = traced.get("routing_keys") instanceof List<?> keys && !keys.isEmpty()
                ? text(keys.get(0)) : "";
        int routed = traced.get("routed_queues") instanceof List<?> queues ? queues.size() : -1;
        Map<String, Object> properties = table(traced.get("properties"));
        Map<String, Object> headers = table(properties.get("headers"));
        Object expiration = properties.get("expiration");
        return new RawPublish(exchange == null ? "" : exchange, routingKey == null ? "" : routingKey, routed,
                headers, expiration == null ? null : text(expiration), trace.getBody(), Instant.now());
    }

    private static Map<String, Object> table(Object value) {
        if (!(value instanceof Map<?, ?> m)) {
            return Map.of();
        }
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(String.valueOf(k), v instanceof LongString ? v.toString() : v));
        return out;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    /**
     * Closes the connection — also while the client library is still reconnecting it after
     * {@code dropConnections()}: abort marks it closed by the application, which ends any recovery loop (that would
     * otherwise retry forever once the test's vhost is deleted).
     */
    @Override
    public void close() {
        connection.abort(2000);
    }
}
