package dev.oslo4j.messaging.driver;

import dev.oslo4j.messaging.wire.NotificationMessage;
import dev.oslo4j.messaging.wire.RpcRequest;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A messaging driver (one per {@link dev.oslo4j.messaging.Transport}, made by its {@link DriverFactory});
 * thread-safe. See the package
 * documentation for the contract shared by all methods.
 */
public interface Driver extends AutoCloseable {

    /**
     * Sends an RPC cast. Routing (docs/wire-protocol.md §2): {@code target.fanout()} → the {@code <topic>_fanout} exchange; a
     * server → {@code <topic>.<server>} on the target's exchange (or the control exchange); otherwise
     * {@code <topic>}. The target exchange is declared once per channel; request queues never are.
     *
     * @param retry -1 retry forever, 0 a single attempt, N up to N retries after connection loss
     * @return completes when the broker confirmed the message
     */
    CompletableFuture<Void> cast(RpcAddress target, RpcRequest request, int retry);

    /**
     * Sends an RPC call and waits (asynchronously) for its final reply on this driver's reply queue. The
     * request carries {@code expiration} = timeout. The publish confirm is tracked in the background: a nack
     * or a lost connection fails (or re-publishes, per {@code retry}) the call without delaying a reply that
     * is already on its way.
     *
     * @return completes with the final reply's result or failure; fails with
     *     {@link dev.oslo4j.messaging.MessagingTimeout} when the timeout or the call-monitor timeout expires
     */
    CompletableFuture<CallResult> call(RpcAddress target, RpcRequest request, CallOptions options);

    /**
     * Sends a notification to {@code address.exchange()} (or the control exchange) with routing key
     * {@code <topic>.<priority>}, first declaring (once per channel) the queue {@code <topic>.<priority>} bound
     * with that key, as oslo notifiers do, so notifications are kept until a listener comes.
     *
     * @param enveloped true for oslo's {@code messagingv2} format, false for {@code messaging} (v1, bare)
     * @param retry     -1 retry forever, 0 a single attempt, N up to N retries
     * @return completes when the broker confirmed the message
     */
    CompletableFuture<Void> notify(NotificationAddress address, NotificationMessage message, boolean enveloped,
                                   int retry);

    /**
     * Starts consuming RPC requests for a server: queues {@code <topic>} and {@code <topic>.<server>} bound to the
     * target's exchange, and a per-instance {@code <topic>_fanout_<hex32>} queue bound to the {@code <topic>_fanout}
     * exchange — declared now and again after every reconnection.
     *
     * @param target needs {@code topic} and {@code server}
     */
    Listener listenForRpc(RpcAddress target, RpcHandler handler);

    /**
     * Starts consuming notifications for every address: without a pool, from the shared queue
     * {@code <topic>.<priority>}; with a pool, from one queue named exactly {@code pool} bound with every
     * {@code <topic>.<priority>} key (docs/wire-protocol.md §9.2).
     *
     * @param pool           null for the shared queues
     * @param prefetch       how many unsettled notifications may be outstanding (0 = {@link #defaultPrefetch()})
     */
    Listener listenForNotifications(List<NotificationAddress> addresses, String pool, int prefetch,
                                    NotificationHandler handler);

    /** Connection state and events; drivers without connections report always connected. */
    default ConnectionState connectionState() {
        return ConnectionState.UNTRACKED;
    }

    /**
     * How many unsettled messages a consumer may hold when its listener asks for no particular number, as the
     * transport is configured (the rabbit driver's {@code rabbit_qos_prefetch_count}); 0 = no limit.
     */
    default int defaultPrefetch() {
        return 0;
    }

    /** The exchange used when a target names none ({@code control_exchange}). */
    String controlExchange();

    /** Closes connections; pending sends and calls fail with {@link dev.oslo4j.messaging.MessagingException}. */
    @Override
    void close();
}
