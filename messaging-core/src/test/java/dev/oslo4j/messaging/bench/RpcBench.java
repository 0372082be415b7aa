package dev.oslo4j.messaging.bench;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import dev.oslo4j.messaging.MessagingOptions;
import dev.oslo4j.messaging.RequestContext;
import dev.oslo4j.messaging.RpcClient;
import dev.oslo4j.messaging.RpcServer;
import dev.oslo4j.messaging.Target;
import dev.oslo4j.messaging.Transport;
import dev.oslo4j.messaging.wire.Ids;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Developer benchmark of the RPC path against a real RabbitMQ, side by side with bare amqp-client patterns.
 * Run: {@code java -cp <test classpath> dev.oslo4j.messaging.bench.RpcBench [url] [seconds-per-case]}.
 * Prints figures; asserts nothing (the official benchmark is {@code oslo4j bench}).
 */
public final class RpcBench {

    private final String url;
    private final long nanosPerCase;

    private RpcBench(String url, int seconds) {
        this.url = url;
        this.nanosPerCase = TimeUnit.SECONDS.toNanos(seconds);
    }

    public static void main(String[] args) throws Exception {
        String url = args.length > 0 ? args[0] : "rabbit://guest:guest@127.0.0.1:5672/";
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        String only = args.length > 2 ? args[2] : "all";
        new RpcBench(url, seconds).run(only);
    }

    public static class Echo {
        public Object echo(RequestContext ctxt, Object arg) {
            return arg;
        }

        public void record(RequestContext ctxt, Object arg) {
            PROCESSED.incrementAndGet();
        }
    }

    static final AtomicLong PROCESSED = new AtomicLong();

    private void run(String only) throws Exception {
        String exchange = "bench-" + Ids.hex32().substring(0, 8);
        String topic = "bench-" + Ids.hex32().substring(0, 8);
        MessagingOptions o = MessagingOptions.builder().controlExchange(exchange).build();
        try (Transport server = Transport.open(url, o); Transport client = Transport.open(url, o)) {
            RpcServer s = RpcServer.builder(server, Target.topic(topic).withServer("s1")).endpoint(new Echo()).build().start();
            RpcClient c = RpcClient.builder(client, Target.topic(topic)).build();
            Map<String, Object> ctx = Map.of("user_id", "bench", "request_id", "req-1");
            Map<String, Object> args = Map.of("arg", "x".repeat(64));
            for (int i = 0; i < 2000; i++) {
                c.call(ctx, "echo", args); // warm-up
            }
            if (only.equals("all") || only.equals("raw")) {
                report("raw amqp-client request/reply, 1 thread", rawRequestReply(false));
            }
            if (only.equals("seq")) {
                report("oslo4j call, 1 thread", calls(c, ctx, args, 1));
            }
            if (only.equals("rawoslo")) {
                report("raw request/reply with confirms+mandatory+TTL", rawRequestReply(true));
            }
            if (only.equals("all") || only.equals("call")) {
                report("oslo4j call, 1 thread", calls(c, ctx, args, 1));
                report("oslo4j call, 8 threads", calls(c, ctx, args, 8));
                report("oslo4j call, 32 threads", calls(c, ctx, args, 32));
            }
            if (only.equals("all") || only.equals("cast")) {
                report("raw amqp-client confirmed publish, 8 threads", rawConfirmedPublish(8));
                report("oslo4j cast confirmed+processed, 8 threads", casts(c, ctx, args, 8));
                report("oslo4j cast confirmed+processed, 32 threads", casts(c, ctx, args, 32));
            }
            s.close();
        } finally {
            cleanup(exchange, topic);
        }
    }

    private Result calls(RpcClient c, Map<String, Object> ctx, Map<String, Object> args, int threads) throws Exception {
        return runThreads(threads, () -> c.call(ctx, "echo", args));
    }

    private Result casts(RpcClient c, Map<String, Object> ctx, Map<String, Object> args, int threads) throws Exception {
        long before = PROCESSED.get();
        // each caster keeps a window of outstanding confirms, as a throughput-minded application would
        Result r = runThreads(threads, new Op() {
            final ThreadLocal<Semaphore> window = ThreadLocal.withInitial(() -> new Semaphore(64));

            @Override
            public void run() throws Exception {
                Semaphore w = window.get();
                w.acquire();
                c.castAsync(ctx, "record", args).whenComplete((v, e) -> w.release());
            }
        });
        long sent = r.count;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (PROCESSED.get() - before < sent && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        long processed = PROCESSED.get() - before;
        double elapsed = (System.nanoTime() - r.startNanos) / 1e9;
        return new Result(processed, processed / elapsed, r.latencies, r.startNanos, r.cpuMicrosPerOp);
    }

    private Result rawRequestReply(boolean osloLike) throws Exception {
        ConnectionFactory f = factory();
        try (Connection sc = f.newConnection(); Connection cc = f.newConnection()) {
            Channel server = sc.createChannel();
            if (osloLike) {
                server.confirmSelect();
            }
            String q = server.queueDeclare().getQueue();
            server.basicConsume(q, false, new DefaultConsumer(server) {
                @Override
                public void handleDelivery(String tag, Envelope env, AMQP.BasicProperties p, byte[] body) throws java.io.IOException {
                    getChannel().basicAck(env.getDeliveryTag(), false);
                    getChannel().basicPublish("", p.getReplyTo(), osloLike, new AMQP.BasicProperties.Builder()
                            .correlationId(p.getCorrelationId()).build(), body);
                }
            });
            Channel client = cc.createChannel();
            if (osloLike) {
                client.confirmSelect();
            }
            String replyQ = client.queueDeclare().getQueue();
            BlockingQueue<byte[]> replies = new ArrayBlockingQueue<>(1);
            client.basicConsume(replyQ, false, new DefaultConsumer(client) {
                @Override
                public void handleDelivery(String tag, Envelope env, AMQP.BasicProperties p, byte[] body) throws java.io.IOException {
                    getChannel().basicAck(env.getDeliveryTag(), false);
                    replies.add(body);
                }
            });
            byte[] body = new byte[300];
            AMQP.BasicProperties props = new AMQP.BasicProperties.Builder().replyTo(replyQ).correlationId("c")
                    .expiration(osloLike ? "60000" : null).deliveryMode(osloLike ? 2 : 1).build();
            return runThreads(1, () -> {
                client.basicPublish("", q, props, body);
                replies.take();
            });
        }
    }

    private Result rawConfirmedPublish(int threads) throws Exception {
        ConnectionFactory f = factory();
        try (Connection c = f.newConnection()) {
            Channel setup = c.createChannel();
            String q = setup.queueDeclare().getQueue();
            setup.basicConsume(q, true, new DefaultConsumer(setup) {
            });
            ThreadLocal<Channel> channels = ThreadLocal.withInitial(() -> {
                try {
                    Channel ch = c.createChannel();
                    ch.confirmSelect();
                    return ch;
                } catch (java.io.IOException e) {
                    throw new RuntimeException(e);
                }
            });
            Map<Channel, Semaphore> windows = new ConcurrentHashMap<>();
            byte[] body = new byte[300];
            return runThreads(threads, () -> {
                Channel ch = channels.get();
                Semaphore w = windows.computeIfAbsent(ch, k -> {
                    Semaphore s = new Semaphore(64);
                    k.addConfirmListener((tag, multiple) -> s.release(count(k, tag, multiple)),
                            (tag, multiple) -> s.release(count(k, tag, multiple)));
                    return s;
                });
                w.acquire();
                synchronized (ch) {
                    ch.basicPublish("", q, null, body);
                }
            });
        }
    }

    private static final Map<Channel, long[]> CONFIRMED = new ConcurrentHashMap<>();

    private static int count(Channel ch, long tag, boolean multiple) {
        long[] last = CONFIRMED.computeIfAbsent(ch, k -> new long[1]);
        synchronized (last) {
            int n = multiple ? (int) (tag - last[0]) : 1;
            last[0] = Math.max(last[0], tag);
            return Math.max(n, 1);
        }
    }

    private static ConnectionFactory factory() {
        ConnectionFactory f = new ConnectionFactory();
        f.setHost("127.0.0.1");
        return f;
    }

    interface Op {
        void run() throws Exception;
    }

    record Result(long count, double rate, long[] latencies, long startNanos, double cpuMicrosPerOp) {
        Result(long count, double rate, long[] latencies, long startNanos) {
            this(count, rate, latencies, startNanos, Double.NaN);
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private Result runThreads(int threads, Op op) throws Exception {
        List<long[]> lat = new ArrayList<>();
        AtomicLong total = new AtomicLong();
        CountDownLatch done = new CountDownLatch(threads);
        long cpuStart = processCpuNanos();
        long start = System.nanoTime();
        long end = start + nanosPerCase;
        for (int t = 0; t < threads; t++) {
            long[] mine = new long[2_000_000];
            lat.add(mine);
            int idx = t;
            Thread th = new Thread(() -> {
                int n = 0;
                try {
                    while (System.nanoTime() < end) {
                        long s = System.nanoTime();
                        op.run();
                        if (n < mine.length) {
                            mine[n] = System.nanoTime() - s;
                        }
                        n++;
                    }
                } catch (Exception e) {
                    e.printStackTrace();
                } finally {
                    total.addAndGet(n);
                    lat.set(idx, Arrays.copyOf(mine, Math.min(n, mine.length)));
                    done.countDown();
                }
            });
            th.start();
        }
        done.await();
        double elapsed = (System.nanoTime() - start) / 1e9;
        long[] all = lat.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        double cpu = (processCpuNanos() - cpuStart) / 1e3 / Math.max(1, total.get());
        return new Result(total.get(), total.get() / elapsed, all, start, cpu);
    }

    private static void report(String name, Result r) {
        long[] l = r.latencies;
        System.out.printf("%-48s %9.0f/s  p50 %6.3f ms  p99 %6.3f ms  cpu %5.0f us/op  (n=%d)%n", name, r.rate,
                l.length == 0 ? 0 : l[l.length / 2] / 1e6, l.length == 0 ? 0 : l[(int) (l.length * 0.99)] / 1e6,
                r.cpuMicrosPerOp, r.count);
    }

    private static void cleanup(String exchange, String topic) throws Exception {
        try (Connection c = factory().newConnection()) {
            for (String q : List.of(topic, topic + ".s1")) {
                Channel ch = c.createChannel();
                ch.queueDelete(q);
                ch.close();
            }
            Channel ch = c.createChannel();
            ch.exchangeDelete(exchange);
            ch.exchangeDelete(topic + "_fanout");
            ch.close();
        }
    }
}
