package dev.oslo4j.broker;

/**
 * An empty virtual host lent to one test by {@link EmbeddedBroker#leaseVirtualHost()}.
 *
 * <p>The name is unique for the life of the broker: a client that outlives the lease (say, one that
 * reconnects automatically) can never reach the next holder's messages, it gets "vhost not found".
 * {@link #close()} closes every connection still open on it, removes all its queues, exchanges,
 * bindings, messages and publish listeners, and returns the underlying virtual host to the pool.
 */
public interface VirtualHostLease extends AutoCloseable {

    /** The virtual host name clients use, e.g. {@code "oslo4j-t3k9"}. */
    String name();

    /** {@code rabbit://user:password@host:port/<name>}. */
    String transportUrl();

    /** Resets the virtual host and returns it to the pool. Idempotent. */
    @Override
    void close();
}
