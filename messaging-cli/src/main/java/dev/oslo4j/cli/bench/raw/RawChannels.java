package dev.oslo4j.cli.bench.raw;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import java.io.IOException;

/**
 * One confirm-mode channel per thread on a shared connection, as a careful amqp-client application does
 * (channels are not meant to be shared between publishing threads); closing the connection closes them.
 */
final class RawChannels {
    private final Connection connection;
    private final ThreadLocal<Channel> perThread = new ThreadLocal<>();

    RawChannels(Connection connection) {
        this.connection = connection;
    }

    /** The calling thread's channel, created (in confirm mode) on first use. */
    Channel current() throws IOException {
        Channel channel = perThread.get();
        if (channel == null || !channel.isOpen()) {
            channel = connection.createChannel();
            channel.confirmSelect();
            perThread.set(channel);
        }
        return channel;
    }
}
