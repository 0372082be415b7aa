package dev.oslo4j.broker.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.apache.qpid.server.model.Connection;
import org.apache.qpid.server.model.Exchange;
import org.apache.qpid.server.model.Queue;
import org.apache.qpid.server.virtualhost.QueueManagingVirtualHost;

import dev.oslo4j.broker.VirtualHostStatistics;
import dev.oslo4j.broker.internal.vhost.RabbitVirtualHost;

/** Closing connections and emptying a virtual host, for leases and fault injection. */
final class VirtualHostReset {

    private static final Logger LOG = LoggerFactory.getLogger(VirtualHostReset.class);
    private static final long CLOSE_TIMEOUT_MILLIS = 5_000;

    private VirtualHostReset() {
    }

    /**
     * Closes every client connection of {@code vhost} with {@code connection.close 320 CONNECTION_FORCED}
     * and waits (at most 5 s) until the broker has let go of them.
     */
    static void dropConnections(QueueManagingVirtualHost<?> vhost) {
        List<CompletableFuture<Void>> closing = new ArrayList<>();
        for (Connection<?> connection : new ArrayList<>(vhost.getConnections())) {
            try {
                closing.add(connection.deleteAsync());
            } catch (RuntimeException e) {
                LOG.debug("could not close {}", connection, e);
            }
        }
        try {
            CompletableFuture.allOf(closing.toArray(CompletableFuture[]::new))
                    .get(CLOSE_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warn("connections of virtual host {} did not close within {} ms", vhost.getName(),
                    CLOSE_TIMEOUT_MILLIS);
        }
    }

    /** Counts what {@code vhost} holds now (the leak check of tests). */
    static VirtualHostStatistics statistics(QueueManagingVirtualHost<?> vhost) {
        int connections = 0;
        int channels = 0;
        for (Connection<?> connection : new ArrayList<>(vhost.getConnections())) {
            connections++;
            channels += connection.getSessionCount();
        }
        int queues = 0;
        int consumers = 0;
        for (Queue<?> queue : new ArrayList<>(vhost.getChildren(Queue.class))) {
            queues++;
            consumers += queue.getConsumerCount();
        }
        return new VirtualHostStatistics(connections, channels, consumers, queues);
    }

    /** Makes {@code vhost} as empty as a new one: no connection, queue, own exchange, listener. */
    static void empty(RabbitVirtualHost vhost) {
        dropConnections(vhost);
        for (Queue<?> queue : new ArrayList<>(vhost.getChildren(Queue.class))) {
            deleteQuietly(queue);
        }
        // An exchange can be another's alternate; those go in a later pass.
        for (int pass = 0; pass < 3; pass++) {
            List<Exchange<?>> left = new ArrayList<>();
            for (Exchange<?> exchange : vhost.getChildren(Exchange.class)) {
                if (!exchange.getName().startsWith("amq.")) {
                    left.add(exchange);
                }
            }
            if (left.isEmpty()) {
                break;
            }
            left.forEach(VirtualHostReset::deleteQuietly);
        }
        vhost.rabbitState().reset();
    }

    private static void deleteQuietly(org.apache.qpid.server.model.ConfiguredObject<?> object) {
        try {
            object.delete();
        } catch (RuntimeException e) {
            LOG.debug("reset could not delete {}", object, e);
        }
    }
}
