package dev.oslo4j.messaging.driver.rabbit;

import com.rabbitmq.client.BuiltinExchangeType;
import dev.oslo4j.messaging.MessageDeliveryFailure;
import dev.oslo4j.messaging.MessagingException;
import dev.oslo4j.messaging.MissingDependency;
import dev.oslo4j.messaging.driver.CallOptions;
import dev.oslo4j.messaging.driver.CallResult;
import dev.oslo4j.messaging.driver.ConnectionState;
import dev.oslo4j.messaging.driver.Driver;
import dev.oslo4j.messaging.driver.DriverConfig;
import dev.oslo4j.messaging.driver.Listener;
import dev.oslo4j.messaging.driver.NotificationAddress;
import dev.oslo4j.messaging.driver.NotificationHandler;
import dev.oslo4j.messaging.driver.RpcAddress;
import dev.oslo4j.messaging.driver.RpcHandler;
import dev.oslo4j.messaging.wire.Compression;
import dev.oslo4j.messaging.wire.Ids;
import dev.oslo4j.messaging.wire.NotificationMessage;
import dev.oslo4j.messaging.wire.NotificationMessages;
import dev.oslo4j.messaging.wire.RpcMessages;
import dev.oslo4j.messaging.wire.RpcRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * The RabbitMQ (AMQP 0-9-1) driver, wire-compatible with oslo.messaging's {@code rabbit} driver. It uses two
 * connections, as oslo separates send and listen connections: a <em>publish</em> connection (opened at
 * construction, a pool of confirm-mode channels) and a <em>listen</em> connection (opened on the first call
 * or listener: the reply queue, RPC servers, notification listeners, one channel each).
 */
final class RabbitDriver implements Driver {

    private static final Logger LOG = LoggerFactory.getLogger(RabbitDriver.class);
    static final int RPC_SERVER_PREFETCH = 256;

    private final RabbitOptions options;
    private final Topology topology;
    private final AmqpProperties properties;
    private final RabbitConnector connector;
    private final ConnectionSupervisor publishConnection;
    private final ConnectionSupervisor listenConnection;
    private final PublisherPool pool;
    private final Publisher publisher;
    private final ReplySender replySender;
    private final ScheduledThreadPoolExecutor timer;
    private final CallDeadlines deadlines;
    private final ExecutorService consumerThreads;
    private final ReplyQueue replyQueue;
    private final ConnectionState connectionState = new ConnectionState();
    /**
     * Exchanges the broker refused as durable (they exist non-durable): declared non-durable by RPC sends until the
     * publish connection is re-established, as 16.x's publisher falls back; its notifier does not.
     */
    private final Set<String> nonDurableExchanges = ConcurrentHashMap.newKeySet();
    private volatile boolean listenStarted;
    private volatile boolean replyQueueStarted;

    /** kombu_compression's AMQP header; bz2 needs the optional commons-compress, named when it is missing. */
    private static String compressionHeader(String option) {
        String header = Compression.headerFor(option);
        if (Compression.BZ2.equals(header) && !Compression.bzip2Available()) {
            throw new MissingDependency("kombu_compression=bz2", Compression.BZIP2_ARTIFACT);
        }
        return header;
    }

    RabbitDriver(DriverConfig config, RabbitOptions options) {
        this.options = options;
        this.topology = new Topology(options);
        String compression = options.kombuCompression();
        this.properties = new AmqpProperties(compression == null ? null : compressionHeader(compression));
        String id = ManagementFactory.getRuntimeMXBean().getPid() + ":" + Ids.uuid36();
        ThreadFactory threads = daemonThreads("oslo4j-amqp");
        this.timer = new ScheduledThreadPoolExecutor(1, daemonThreads("oslo4j-timer"));
        timer.setRemoveOnCancelPolicy(true);
        // call timeouts never share a thread with work that waits on the broker (re-sends, re-declarations, acks)
        this.deadlines = new CallDeadlines(daemonThreads("oslo4j-timer-deadlines"));
        this.consumerThreads = new DirectExecutor();
        try {
            this.connector = new RabbitConnector(config, options, consumerThreads, threads);
            this.publishConnection = new ConnectionSupervisor("oslo4j:" + id + ":send", ConnectionState.SEND,
                    connectionState, connector, options);
            this.listenConnection = new ConnectionSupervisor("oslo4j:" + id + ":listen", ConnectionState.LISTEN,
                    connectionState, connector, options);
            this.pool = new PublisherPool(publishConnection, options.rpcConnPoolSize());
            this.publisher = new Publisher(pool, publishConnection, timer);
            this.replySender = new ReplySender(publisher, properties, options.directMandatoryFlag(),
                    options.kombuMissingConsumerRetryTimeout().toNanos(), timer);
            this.replyQueue = new ReplyQueue(topology, options.rabbitQosPrefetchCount(), timer, deadlines.scheduler());
            publishConnection.start();
            publishConnection.addRecovery(c -> nonDurableExchanges.clear());
        } catch (IOException | RuntimeException e) {
            timer.shutdownNow();
            deadlines.close();
            consumerThreads.shutdownNow();
            throw e instanceof RuntimeException re ? re : new MessageDeliveryFailure(e.getMessage(), e);
        }
    }

    @Override
    public ConnectionState connectionState() {
        return connectionState;
    }

    @Override
    public String controlExchange() {
        return topology.controlExchange();
    }

    @Override
    public CompletableFuture<Void> cast(RpcAddress target, RpcRequest request, int retry) {
        requireTopic(target);
        String uniqueId = Ids.hex32();
        byte[] body = properties.encodeBody(RpcMessages.encodeCast(request, uniqueId));
        return sendRequest(target, requestTo(target, body, properties.plain(request.headers()), "cast "
                + request.method() + " to " + target), retry, () -> true);
    }

    @Override
    public CompletableFuture<CallResult> call(RpcAddress target, RpcRequest request, CallOptions options) {
        requireTopic(target);
        if (target.fanout()) {
            throw new IllegalArgumentException("a call cannot be used with fanout: " + target);
        }
        ensureReplyQueue();
        String msgId = Ids.hex32();
        Number monitor = options.callMonitorTimeout() == null ? null : RpcMessages.seconds(options.callMonitorTimeout());
        byte[] body = properties.encodeBody(RpcMessages.encodeCall(request, msgId, replyQueue.name(), monitor,
                Ids.hex32()));
        PendingCall call = replyQueue.register(msgId, options.timeout().toNanos(),
                options.callMonitorTimeout() == null ? 0 : options.callMonitorTimeout().toNanos());
        Outgoing m = requestTo(target, body, properties.call(options.timeout().toMillis(), request.headers()),
                "call " + request.method() + " to " + target);
        sendRequest(target, m, options.retry(), () -> !call.future().isDone()).whenComplete((v, e) -> {
            if (e != null) {
                call.fail(e instanceof MessagingException me ? me
                        : new MessageDeliveryFailure("could not send " + m.description() + ": " + e.getMessage(), e));
            }
        });
        return call.future();
    }

    @Override
    public CompletableFuture<Void> notify(NotificationAddress address, NotificationMessage message, boolean enveloped,
                                          int retry) {
        String exchange = topology.exchangeOf(address.exchange());
        String key = address.routingKey();
        byte[] body = properties.encodeBody(NotificationMessages.encode(message, Ids.hex32(), enveloped));
        Outgoing m = new Outgoing(exchange, key, false, properties.plain(message.headers()), body,
                // its own key: an RPC send's non-durable fallback must not hide the notifier's durable declaration
                List.of("nx:" + exchange, "q:" + exchange + "/" + key),
                List.of(ch -> ch.exchangeDeclare(exchange, BuiltinExchangeType.TOPIC, topology.durable(),
                                topology.autoDelete(), null),
                        ch -> {
                            ch.queueDeclare(key, topology.durable(), false, topology.autoDelete(),
                                    topology.sharedQueueArgs());
                            ch.queueBind(key, exchange, key);
                        }),
                "notification " + message.eventType() + " to " + exchange + "/" + key);
        // no durable fallback here: 16.x's notifier declares its queue (and with it the exchange) and fails too
        return publisher.send(m, retry, () -> true).handle((v, e) -> {
            Throwable cause = unwrap(e);
            if (cause != null && Refusals.isDurableMismatch(cause)) {
                throw new MessageDeliveryFailure(cause.getMessage() + Refusals.hint(cause), cause);
            }
            if (cause != null) {
                throw cause instanceof RuntimeException re ? re : new CompletionException(cause);
            }
            return v;
        });
    }

    /**
     * Publishes an RPC request; when the broker refuses to declare its exchange durable because it exists
     * non-durable, declares it non-durable and publishes again, as 16.x's publisher does.
     */
    private CompletableFuture<Void> sendRequest(RpcAddress target, Outgoing m, int retry, BooleanSupplier wanted) {
        String exchange = target.fanout() ? Topology.fanoutExchange(target.topic()) : topology.exchangeOf(target);
        boolean configuredDurable = target.fanout() ? topology.transientDurable() : topology.durable();
        CompletableFuture<Void> result = new CompletableFuture<>();
        publisher.send(m, retry, wanted).whenComplete((v, e) -> {
            Throwable cause = unwrap(e);
            if (cause != null && configuredDurable && Refusals.isDurableMismatch(cause)
                    && nonDurableExchanges.add(exchange)) {
                LOG.warn("exchange {} exists non-durable: force creating a non durable exchange, as oslo 16.x does",
                        exchange);
                publisher.send(m, retry, wanted).whenComplete((v2, e2) -> complete(result, e2));
            } else {
                complete(result, e);
            }
        });
        return result;
    }

    private static void complete(CompletableFuture<Void> f, Throwable e) {
        if (e == null) {
            f.complete(null);
        } else {
            f.completeExceptionally(unwrap(e));
        }
    }

    private static Throwable unwrap(Throwable e) {
        return e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
    }

    private boolean exchangeDurable(String exchange, boolean configured) {
        return configured && !nonDurableExchanges.contains(exchange);
    }

    @Override
    public Listener listenForRpc(RpcAddress target, RpcHandler handler) {
        if (target.topic() == null || target.server() == null) {
            throw new IllegalArgumentException("a server's target must have topic and server names: " + target);
        }
        ensureListenConnection();
        RabbitRpcListener l = new RabbitRpcListener(listenConnection, timer, target, topology,
                rpcServerPrefetch(options.rabbitQosPrefetchCount()), handler, replySender);
        startListener(l);
        return l;
    }

    @Override
    public Listener listenForNotifications(List<NotificationAddress> addresses, String pool, int prefetch,
                                           NotificationHandler handler) {
        if (addresses.isEmpty()) {
            throw new IllegalArgumentException("a notification listener needs at least one (topic, priority)");
        }
        ensureListenConnection();
        RabbitNotificationListener l = new RabbitNotificationListener(listenConnection, timer, addresses, pool,
                topology, prefetch > 0 ? prefetch : options.rabbitQosPrefetchCount(), handler);
        startListener(l);
        return l;
    }

    /**
     * An RPC server's prefetch: {@code rabbit_qos_prefetch_count} when set, else {@value #RPC_SERVER_PREFETCH}
     * (oslo's default is unlimited). Unlimited, the broker pushes a server its whole backlog at once, and every
     * connection loss requeues whatever of it the broker had not yet seen acknowledged — acks that were still on
     * their way included — to the head of the queue, where it is processed again (past the 16-id
     * {@code _unique_id} window) before anything newer; with a sender faster than the server, each fault
     * multiplied the duplicates (docs/reliability.md, "Redeliveries after a lost connection"). Bounded, a fault
     * redelivers at most this many.
     */
    static int rpcServerPrefetch(int configured) {
        return configured > 0 ? configured : RPC_SERVER_PREFETCH;
    }

    private void startListener(ConsumerChannel l) {
        try {
            l.start();
        } catch (IOException e) {
            l.close();
            throw new MessageDeliveryFailure("could not start the " + l.describe() + ": "
                    + PublishChannel.translate(e).getMessage() + Refusals.hint(e), e);
        }
    }

    @Override
    public void close() {
        replyQueue.close();
        listenConnection.close();
        int unconfirmed = pool.close();
        if (unconfirmed > 0) {
            // their senders (a Notifier, a cast) get a MessageDeliveryFailure each; this line tells the operator
            // that closing cost them, and how many
            LOG.error("transport closed with {} message(s) still awaiting the broker's publisher confirm"
                    + " (notifications, casts or replies): they were failed with MessageDeliveryFailure and may or"
                    + " may not have reached the broker", unconfirmed);
        }
        publishConnection.close();
        timer.shutdownNow();
        deadlines.close();
        consumerThreads.shutdownNow();
    }

    /** The reply queue name (for diagnostics and tests); null before the first call. */
    public String replyQueueName() {
        return replyQueueStarted ? replyQueue.name() : null;
    }

    private void ensureListenConnection() {
        if (!listenStarted) {
            synchronized (this) {
                if (!listenStarted) {
                    listenConnection.start();
                    listenStarted = true;
                }
            }
        }
    }

    private void ensureReplyQueue() {
        if (!replyQueueStarted) {
            synchronized (this) {
                if (!replyQueueStarted) {
                    ensureListenConnection();
                    try {
                        listenConnection.addRecovery(replyQueue);
                    } catch (IOException e) {
                        listenConnection.removeRecovery(replyQueue);
                        throw new MessageDeliveryFailure("could not declare the reply queue "
                                + replyQueue.name() + ": " + PublishChannel.translate(e).getMessage()
                                + Refusals.hint(e), e);
                    }
                    replyQueueStarted = true;
                }
            }
        }
    }

    @Override
    public int defaultPrefetch() {
        return options.rabbitQosPrefetchCount();
    }

    private Outgoing requestTo(RpcAddress t, byte[] body, com.rabbitmq.client.AMQP.BasicProperties props, String what) {
        if (t.fanout()) {
            String exchange = Topology.fanoutExchange(t.topic());
            return new Outgoing(exchange, "", false, props, body, List.of("f:" + exchange),
                    List.of(ch -> ch.exchangeDeclare(exchange, BuiltinExchangeType.FANOUT,
                            exchangeDurable(exchange, topology.transientDurable()), true, null)), what);
        }
        String exchange = topology.exchangeOf(t);
        String key = t.server() == null ? t.topic() : Topology.serverQueue(t);
        return new Outgoing(exchange, key, false, props, body, List.of("x:" + exchange),
                List.of(ch -> ch.exchangeDeclare(exchange, BuiltinExchangeType.TOPIC,
                        exchangeDurable(exchange, topology.durable()), topology.autoDelete(), null)), what);
    }

    private static void requireTopic(RpcAddress t) {
        if (t.topic() == null || t.topic().isEmpty()) {
            throw new IllegalArgumentException("a topic is required to send: " + t);
        }
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
