package dev.oslo4j.conformance.reliability;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;

import dev.oslo4j.messaging.wire.Ids;
import dev.oslo4j.messaging.wire.NotificationMessage;
import dev.oslo4j.messaging.wire.NotificationMessages;
import dev.oslo4j.messaging.wire.RpcMessages;
import dev.oslo4j.messaging.wire.RpcRequest;
import dev.oslo4j.testsupport.Await;

/**
 * Publishes oslo casts ({@code mark(marker)}) and info notifications ({@code {"marker": …}}) straight to a queue
 * through the default exchange — which always exists, even right after a restart, before any client re-declared
 * anything — every 20 ms (the {@link Await} poll) until the endpoints recorded the marker. So it sees the moment a
 * consumer is back, without depending on the library's own sending side recovering first.
 */
final class RawProbe {

    private static final AMQP.BasicProperties JSON = new AMQP.BasicProperties.Builder()
            .contentType("application/json").contentEncoding("utf-8").build();

    /** The event type of the probe's notifications. */
    static final String EVENT_TYPE = "reliability.probe";

    /** Opens the channel the probe publishes on; called again when the broker closed the previous one. */
    @FunctionalInterface
    interface ChannelSource {
        Channel open() throws IOException, java.util.concurrent.TimeoutException;
    }

    private final ChannelSource source;
    private Channel channel;

    RawProbe(Channel channel) {
        this(() -> channel);
    }

    /**
     * A probe that opens a new channel whenever the broker closed its current one: on a cluster, a publish to a
     * quorum queue whose leader is moving can end the probe's own connection (541), which says nothing about the
     * consumers being probed.
     */
    RawProbe(ChannelSource source) {
        this.source = source;
    }

    private Channel channel() throws IOException {
        if (channel == null || !channel.isOpen()) {
            try {
                channel = source.open();
            } catch (java.util.concurrent.TimeoutException e) {
                throw new IOException("the probe's channel could not be opened", e);
            }
        }
        return channel;
    }

    void cast(String queue, String marker) throws IOException {
        channel().basicPublish("", queue, JSON, RpcMessages.encodeCast(
                new RpcRequest("mark", Map.of("marker", marker), null, null, Map.of()), Ids.hex32()));
    }

    void notify(String queue, String marker) throws IOException {
        NotificationMessage m = new NotificationMessage(Ids.uuid36(), "probe", EVENT_TYPE, "INFO",
                Map.of("marker", marker), "2024-01-01 00:00:00.000000", Map.of());
        channel().basicPublish("", queue, JSON, NotificationMessages.encode(m, Ids.hex32(), true));
    }

    /**
     * Sends {@code marker} to the RPC server's {@code serverQueue} and the listener's {@code listenerQueue} until
     * both recorded it.
     */
    void until(Arrivals arrivals, String serverQueue, String listenerQueue, String marker, Duration timeout) {
        Await.until(timeout, "the server and the listener consume " + marker, () -> {
            boolean server = arrivals.has("server", marker);
            boolean listener = arrivals.has("listener", marker);
            if (!server) {
                cast(serverQueue, marker);
            }
            if (!listener) {
                notify(listenerQueue, marker);
            }
            return server && listener;
        }, arrivals::toString);
    }
}
