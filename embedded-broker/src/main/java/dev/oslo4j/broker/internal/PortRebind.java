package dev.oslo4j.broker.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starting again on the port a broker just released can find it taken for a moment: on loopback, a client
 * reconnecting to a closed port in the ephemeral range can be handed that very port as its own source port (a TCP
 * self-connection, which its AMQP handshake then abandons), and any outgoing connection may be given it. Such
 * sockets go away quickly, so a restart first waits, for a bounded time, until the port can be bound again; Broker-J
 * is then started once (a half-failed start would close, and so lose, the durable state being carried over).
 */
final class PortRebind {

    private static final Logger LOG = LoggerFactory.getLogger(PortRebind.class);
    static final Duration LIMIT = Duration.ofSeconds(10);

    private PortRebind() {
    }

    /**
     * Returns once {@code host:port} can be bound, or after {@link #LIMIT}: the start that follows then reports the
     * port as taken, naming it.
     */
    static void awaitBindable(String host, int port) {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        long pauseMillis = 10;
        while (!bindable(host, port) && System.nanoTime() - deadline < 0) {
            LOG.debug("port {}:{} still taken after a restart, trying again in {} ms", host, port, pauseMillis);
            try {
                Thread.sleep(pauseMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            pauseMillis = Math.min(pauseMillis * 2, 500);
        }
    }

    static boolean bindable(String host, int port) {
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(host, port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
