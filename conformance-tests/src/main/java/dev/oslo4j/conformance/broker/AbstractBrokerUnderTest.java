package dev.oslo4j.conformance.broker;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;

/** What every {@link BrokerUnderTest} shares: connection tracking, unique names and clean-up after the test. */
abstract class AbstractBrokerUnderTest implements BrokerUnderTest, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AbstractBrokerUnderTest.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String name;
    private final List<Connection> connections = new ArrayList<>();
    private final List<String> queuesToDelete = new ArrayList<>();
    private final List<String> exchangesToDelete = new ArrayList<>();
    /** Run last-in first-out after the test: dedicated virtual hosts, leases, private brokers. */
    private final Deque<AutoCloseable> cleanups = new ArrayDeque<>();

    AbstractBrokerUnderTest(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public ConnectionFactory connectionFactory() {
        return TransportUrl.parse(transportUrl()).connectionFactory();
    }

    @Override
    public synchronized Connection connect() throws IOException, TimeoutException {
        Connection connection = connectionFactory().newConnection("oslo4j-conformance");
        connections.add(connection);
        return connection;
    }

    @Override
    public String uniqueName(String hint) {
        return "oslo4j-conf-" + hint + "-" + Long.toString(RANDOM.nextLong() & Long.MAX_VALUE, 36);
    }

    @Override
    public synchronized void deleteQueueAfterTest(String queue) {
        queuesToDelete.add(queue);
    }

    @Override
    public synchronized void deleteExchangeAfterTest(String exchange) {
        exchangesToDelete.add(exchange);
    }

    synchronized void onClose(AutoCloseable cleanup) {
        cleanups.push(cleanup);
    }

    /** Registers a dedicated-vhost view so it is cleaned up with this one, and returns it. */
    <T extends AbstractBrokerUnderTest> T owned(T child) {
        onClose(child);
        return child;
    }

    @Override
    public synchronized void close() {
        for (Connection connection : connections) {
            try {
                if (connection.isOpen()) {
                    connection.abort(2_000);
                }
            } catch (RuntimeException e) {
                LOG.debug("closing {}", connection, e);
            }
        }
        connections.clear();
        if (!queuesToDelete.isEmpty() || !exchangesToDelete.isEmpty()) {
            deleteLeftovers();
        }
        while (!cleanups.isEmpty()) {
            try {
                cleanups.pop().close();
            } catch (Exception e) {
                LOG.warn("[{}] clean-up failed: {}", name, e.toString());
            }
        }
    }

    private void deleteLeftovers() {
        try (Connection connection = connectionFactory().newConnection("oslo4j-conformance-cleanup")) {
            for (String queue : queuesToDelete) {
                try (Channel channel = connection.createChannel()) {
                    channel.queueDelete(queue);
                } catch (IOException | RuntimeException | TimeoutException e) {
                    LOG.debug("deleting queue {}", queue, e);
                }
            }
            for (String exchange : exchangesToDelete) {
                try (Channel channel = connection.createChannel()) {
                    channel.exchangeDelete(exchange);
                } catch (IOException | RuntimeException | TimeoutException e) {
                    LOG.debug("deleting exchange {}", exchange, e);
                }
            }
        } catch (IOException | TimeoutException | RuntimeException e) {
            LOG.warn("[{}] could not delete leftover queues {} / exchanges {}: {}", name, queuesToDelete,
                    exchangesToDelete, e.toString());
        } finally {
            queuesToDelete.clear();
            exchangesToDelete.clear();
        }
    }

    @Override
    public String toString() {
        return "[" + name + "] " + TransportUrl.mask(transportUrl());
    }
}
