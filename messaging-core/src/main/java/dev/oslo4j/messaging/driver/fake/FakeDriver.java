package dev.oslo4j.messaging.driver.fake;

import dev.oslo4j.messaging.MessagingException;
import dev.oslo4j.messaging.MessagingTimeout;
import dev.oslo4j.messaging.driver.CallOptions;
import dev.oslo4j.messaging.driver.CallResult;
import dev.oslo4j.messaging.driver.Driver;
import dev.oslo4j.messaging.driver.DriverConfig;
import dev.oslo4j.messaging.driver.Listener;
import dev.oslo4j.messaging.driver.NotificationAddress;
import dev.oslo4j.messaging.driver.NotificationHandler;
import dev.oslo4j.messaging.driver.RpcAddress;
import dev.oslo4j.messaging.driver.RpcHandler;
import dev.oslo4j.messaging.wire.Envelope;
import dev.oslo4j.messaging.wire.Ids;
import dev.oslo4j.messaging.wire.MalformedMessage;
import dev.oslo4j.messaging.wire.NotificationMessage;
import dev.oslo4j.messaging.wire.NotificationMessages;
import dev.oslo4j.messaging.wire.ReceivedReply;
import dev.oslo4j.messaging.wire.ReplyMessages;
import dev.oslo4j.messaging.wire.RpcMessages;
import dev.oslo4j.messaging.wire.RpcRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * oslo's {@code fake} driver ({@code impl_fake}): messages pass in memory through the {@link FakeVirtualHost} of
 * the URL's virtual host; no broker, no socket. Every message is encoded and decoded exactly as the rabbit
 * driver does (envelope 2.0, {@code _context_*}, {@code _msg_id}/{@code _reply_q}), so a value that is not
 * JSON-serializable fails here as it would on the wire, and receivers see what a broker would deliver.
 * Sends always succeed at once ({@code retry} has nothing to retry, as in oslo).
 */
final class FakeDriver implements Driver {

    private static final Logger LOG = LoggerFactory.getLogger(FakeDriver.class);

    private final FakeVirtualHost vhost;
    private final String controlExchange;
    private final String replyQueue = "reply_" + Ids.hex32();
    private final Map<String, Call> calls = new ConcurrentHashMap<>();
    private final Set<FakeConsumer> consumers = ConcurrentHashMap.newKeySet();
    private final ScheduledThreadPoolExecutor timer;
    private volatile boolean closed;

    private record Call(String topic, CompletableFuture<CallResult> future) {
    }

    FakeDriver(DriverConfig config) {
        this.controlExchange = (String) config.option("control_exchange");
        this.vhost = FakeVirtualHost.acquire(config.virtualHost());
        this.timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "oslo4j-fake-timer");
            t.setDaemon(true);
            return t;
        });
        timer.setRemoveOnCancelPolicy(true);
        vhost.addReplyQueue(replyQueue, this::onReply);
    }

    @Override
    public String controlExchange() {
        return controlExchange;
    }

    private String exchange(String exchangeOrNull) {
        return exchangeOrNull != null ? exchangeOrNull : controlExchange;
    }

    @Override
    public CompletableFuture<Void> cast(RpcAddress target, RpcRequest request, int retry) {
        requireOpen();
        byte[] body = RpcMessages.encodeCast(request, Ids.hex32());
        vhost.deliver(exchange(target.exchange()), target.topic(), target.server(), target.fanout(),
                new FakeMessage(body, 0));
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<CallResult> call(RpcAddress target, RpcRequest request, CallOptions options) {
        requireOpen();
        if (target.fanout()) {
            throw new IllegalArgumentException("a call cannot be used with fanout: " + target);
        }
        String msgId = Ids.hex32();
        Duration monitor = options.callMonitorTimeout();
        byte[] body = RpcMessages.encodeCall(request, msgId, replyQueue,
                monitor == null ? null : RpcMessages.seconds(monitor), Ids.hex32());
        Call call = new Call(target.topic(), new CompletableFuture<>());
        calls.put(msgId, call);
        var deadline = timer.schedule(() -> {
            if (calls.remove(msgId) != null) {
                call.future().completeExceptionally(new MessagingTimeout("No reply on topic " + target.topic()));
            }
        }, options.timeout().toNanos(), TimeUnit.NANOSECONDS);
        call.future().whenComplete((r, e) -> deadline.cancel(false));
        // the request expires with the call, as the rabbit driver's AMQP expiration makes the broker drop it
        vhost.deliver(exchange(target.exchange()), target.topic(), target.server(), false,
                new FakeMessage(body, System.nanoTime() + options.timeout().toNanos()));
        return call.future();
    }

    /** A reply from a server: decoded as from the wire; completes its call on this driver's thread. */
    private void onReply(byte[] body) {
        ReceivedReply reply;
        try {
            reply = ReplyMessages.decode(Envelope.unwrap(body));
        } catch (MalformedMessage e) {
            LOG.warn("fake://{}: dropped a malformed reply: {}", vhost.name(), e.getMessage());
            return;
        }
        if (!reply.ending()) {
            return;
        }
        Call call = calls.remove(reply.msgId());
        if (call == null) {
            LOG.info("fake://{}: reply to {} arrived after its call ended; dropped", vhost.name(), reply.msgId());
            return;
        }
        timer.execute(() -> call.future().complete(new CallResult(reply.result(), reply.failure())));
    }

    @Override
    public CompletableFuture<Void> notify(NotificationAddress address, NotificationMessage message, boolean enveloped,
                                          int retry) {
        requireOpen();
        byte[] body = NotificationMessages.encode(message, Ids.hex32(), enveloped);
        vhost.deliver(exchange(address.exchange()), address.routingKey(), null, false, new FakeMessage(body, 0));
        return CompletableFuture.completedFuture(null);
    }

    /** oslo's {@code listen}: the server queue {@code (topic, server)} first, then the topic queue. */
    @Override
    public Listener listenForRpc(RpcAddress target, RpcHandler handler) {
        requireOpen();
        if (target.topic() == null || target.server() == null) {
            throw new IllegalArgumentException("a server's target must have topic and server names: " + target);
        }
        String exchange = exchange(target.exchange());
        List<FakeVirtualHost.QueueKey> queues = List.of(
                FakeVirtualHost.QueueKey.server(exchange, target.topic(), target.server()),
                FakeVirtualHost.QueueKey.topic(exchange, target.topic(), null));
        return track(new FakeConsumer(vhost, queues, 0, taken -> handler.onRequest(new FakeIncoming.Request(
                RpcMessages.decode(Envelope.unwrap(taken.message().body())), vhost)), "RPC server " + target));
    }

    /** oslo's {@code listen_for_notifications}: one topic queue {@code <topic>.<priority>} per address and pool. */
    @Override
    public Listener listenForNotifications(List<NotificationAddress> addresses, String pool, int prefetch,
                                           NotificationHandler handler) {
        requireOpen();
        if (addresses.isEmpty()) {
            throw new IllegalArgumentException("a notification listener needs at least one (topic, priority)");
        }
        Map<FakeVirtualHost.QueueKey, NotificationAddress> byQueue = new HashMap<>();
        List<FakeVirtualHost.QueueKey> queues = new ArrayList<>();
        for (NotificationAddress a : addresses) {
            FakeVirtualHost.QueueKey key = FakeVirtualHost.QueueKey.topic(exchange(a.exchange()), a.routingKey(), pool);
            byQueue.put(key, a);
            queues.add(key);
        }
        AtomicReference<FakeConsumer> self = new AtomicReference<>();
        FakeConsumer consumer = new FakeConsumer(vhost, queues, prefetch, taken -> handler.onNotification(
                new FakeIncoming.Notification(NotificationMessages.decode(Envelope.unwrap(taken.message().body())),
                        byQueue.get(taken.queue()), taken, vhost, self.get())),
                "notification listener " + addresses + (pool == null ? "" : " pool " + pool));
        self.set(consumer);
        return track(consumer);
    }

    private Listener track(FakeConsumer consumer) {
        consumers.add(consumer);
        return consumer;
    }

    private void requireOpen() {
        if (closed) {
            throw new MessagingException("fake://" + vhost.name() + " transport is closed");
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        consumers.forEach(FakeConsumer::stop);
        vhost.removeReplyQueue(replyQueue);
        MessagingException closing = new MessagingException("transport closed while waiting for a reply");
        calls.values().forEach(c -> c.future().completeExceptionally(closing));
        calls.clear();
        timer.shutdownNow();
        vhost.release();
    }

    @Override
    public String toString() {
        return "FakeDriver(fake://" + vhost.name() + ")";
    }
}
