package dev.oslo4j.cli.bench.raw;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import dev.oslo4j.cli.bench.LoadSpec;
import dev.oslo4j.cli.bench.Workload;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The RPC call pattern with bare amqp-client and none of oslo's envelope, dispatch or JSON: the same AMQP
 * steps an oslo call takes. The client publishes the request with a publisher confirm to the server's queue;
 * the server acks it on receipt, answers from a worker thread with a confirmed, mandatory publish to the
 * client's reply queue through the default exchange; the client matches the reply by correlation id.
 */
public final class RawRequestReply implements Workload {
    private static final int MAX_SERVER_THREADS = 256;
    private final Duration timeout;
    private final byte[] payload;
    private final Connection serverConnection;
    private final Connection clientConnection;
    private final ExecutorService serverWorkers;
    private final RawChannels serverChannels;
    private final Channel serverChannel;
    private final Channel replyChannel;
    private final String requestQueue = RawBroker.uniqueName("rpc");
    private final String replyQueue = RawBroker.uniqueName("reply");
    private final Map<String, CompletableFuture<byte[]>> waiting = new ConcurrentHashMap<>();

    /**
     * @param serverThreads worker threads of the server, one per outstanding call (each waits for its reply's
     *     confirm) being a fair match for an oslo RPC server's executor, whose replies never wait
     */
    public RawRequestReply(RawBroker broker, int serverThreads, byte[] payload, Duration timeout)
            throws IOException, TimeoutException {
        this.payload = payload;
        this.timeout = timeout;
        this.serverConnection = broker.connect("rpc-server");
        this.clientConnection = broker.connect("rpc-client");
        this.serverWorkers = Executors.newFixedThreadPool(serverThreads, r -> {
            Thread thread = new Thread(r, "oslo4j-bench-raw-server");
            thread.setDaemon(true);
            return thread;
        });
        this.serverChannels = new RawChannels(serverConnection);
        this.serverChannel = serverConnection.createChannel();
        serverChannel.queueDeclare(requestQueue, false, false, true, null);
        serverChannel.basicConsume(requestQueue, false, new Server(serverChannel));
        this.replyChannel = clientConnection.createChannel();
        replyChannel.queueDeclare(replyQueue, false, true, true, null);
        replyChannel.basicConsume(replyQueue, false, new ReplyConsumer(replyChannel));
    }

    /** One server thread per call outstanding at once, at most {@value #MAX_SERVER_THREADS}. */
    public static int serverThreadsFor(LoadSpec spec) {
        return (int) Math.min(MAX_SERVER_THREADS, (long) spec.threads() * spec.inFlight());
    }

    @Override
    public String name() {
        return "raw amqp-client";
    }

    @Override
    public Operation newOperation(int thread) throws IOException {
        Channel channel = clientConnection.createChannel();
        channel.confirmSelect();
        String prefix = thread + "-";
        return sequence -> {
            String correlationId = prefix + sequence;
            CompletableFuture<byte[]> reply = new CompletableFuture<>();
            waiting.put(correlationId, reply);
            try {
                AMQP.BasicProperties properties = RawBroker.PROPERTIES.builder()
                        .correlationId(correlationId).replyTo(replyQueue)
                        .expiration(Long.toString(timeout.toMillis())).build();
                channel.basicPublish("", requestQueue, properties, payload);
                channel.waitForConfirmsOrDie(timeout.toMillis());
                reply.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } finally {
                waiting.remove(correlationId);
            }
        };
    }

    /**
     * Requests published without waiting: the operation completes once the request was confirmed and its
     * reply arrived, whichever comes last.
     */
    @Override
    public PipelinedOperation newPipelinedOperation(int thread) throws IOException {
        PipelinedConfirms confirms = new PipelinedConfirms(clientConnection.createChannel());
        String prefix = thread + "-";
        AMQP.BasicProperties base = RawBroker.PROPERTIES.builder().replyTo(replyQueue)
                .expiration(Long.toString(timeout.toMillis())).build();
        return sequence -> {
            String correlationId = prefix + sequence;
            // The deadline also frees the entry of a reply that never comes (the request expired unanswered).
            CompletableFuture<byte[]> reply = new CompletableFuture<byte[]>()
                    .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
            waiting.put(correlationId, reply);
            reply.whenComplete((body, error) -> waiting.remove(correlationId));
            CompletableFuture<Void> confirmed;
            try {
                confirmed = confirms.publish("", requestQueue, base.builder().correlationId(correlationId).build(),
                        payload);
            } catch (IOException | RuntimeException e) {
                reply.completeExceptionally(e);
                throw e;
            }
            confirmed.whenComplete((v, error) -> {
                if (error != null) {
                    reply.completeExceptionally(error);
                }
            });
            return confirmed.thenCombine(reply, (v, body) -> body);
        };
    }

    @Override
    public void close() throws IOException {
        serverWorkers.shutdownNow();
        try {
            replyChannel.queueDelete(replyQueue);
            serverChannel.queueDelete(requestQueue);
        } finally {
            clientConnection.abort();
            serverConnection.abort();
        }
    }

    /** Acks each request on receipt (as oslo servers do), then answers from a worker thread. */
    private final class Server extends DefaultConsumer {
        Server(Channel channel) {
            super(channel);
        }

        @Override
        public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties properties, byte[] body)
                throws IOException {
            getChannel().basicAck(envelope.getDeliveryTag(), false);
            serverWorkers.execute(() -> reply(properties, body));
        }

        private void reply(AMQP.BasicProperties request, byte[] body) {
            try {
                Channel channel = serverChannels.current();
                AMQP.BasicProperties properties = RawBroker.PROPERTIES.builder()
                        .correlationId(request.getCorrelationId()).build();
                channel.basicPublish("", request.getReplyTo(), true, properties, body);
                channel.waitForConfirmsOrDie(timeout.toMillis());
            } catch (IOException | TimeoutException | RuntimeException e) {
                // The caller's timeout reports it; a benchmark server has nobody else to tell.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Acks each reply and completes the waiting call; late replies (timed-out calls) are dropped. */
    private final class ReplyConsumer extends DefaultConsumer {
        ReplyConsumer(Channel channel) {
            super(channel);
        }

        @Override
        public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties properties, byte[] body)
                throws IOException {
            getChannel().basicAck(envelope.getDeliveryTag(), false);
            CompletableFuture<byte[]> reply = waiting.get(properties.getCorrelationId());
            if (reply != null) {
                reply.complete(body);
            }
        }
    }
}
