package dev.oslo4j.messaging.bench;

import dev.oslo4j.messaging.MessagingOptions;
import dev.oslo4j.messaging.Notification;
import dev.oslo4j.messaging.NotificationListener;
import dev.oslo4j.messaging.Notifier;
import dev.oslo4j.messaging.Target;
import dev.oslo4j.messaging.Transport;
import dev.oslo4j.messaging.wire.Ids;

import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Tuning benchmark (not a test): N notifications emitted by one notifier thread and consumed by one listener on
 * the same transport, end to end (first send → last endpoint call). Usage:
 * {@code NotifyBench [url] [messages] [driver] [listenerThreads] [prefetch]}. The official figures come from
 * {@code oslo4j bench notify}.
 */
public final class NotifyBench {

    private NotifyBench() {
    }

    public static void main(String[] args) throws Exception {
        String url = args.length > 0 ? args[0] : "rabbit://guest:guest@127.0.0.1:5672/";
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        String driver = args.length > 2 ? args[2] : "messagingv2";
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : 0;
        int prefetch = args.length > 4 ? Integer.parseInt(args[4]) : 0;
        String topic = "bench-notify-" + Ids.hex32().substring(0, 8);
        String exchange = "bench-x-" + Ids.hex32().substring(0, 8);
        MessagingOptions o = MessagingOptions.builder().controlExchange(exchange).build();
        Thread cleanup = new Thread(() -> deleteTopology(topic, exchange), "bench-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup); // also when interrupted
        try (Transport t = Transport.open(url, o)) {
            for (int round = 0; round < 3; round++) {
                CountDownLatch done = new CountDownLatch(n);
                NotificationListener.Builder b = NotificationListener.builder(t).target(Target.topic(topic))
                        .endpoint(new Object() {
                            public void info(Notification x) {
                                done.countDown();
                            }
                        });
                if (threads > 0) {
                    b.executorThreads(threads);
                }
                if (prefetch > 0) {
                    b.prefetch(prefetch);
                }
                try (NotificationListener l = b.build().start()) {
                    Notifier notifier = Notifier.builder(t).publisherId("bench").driver(driver).topics(topic).build();
                    Map<String, Object> ctx = Map.of("user_id", "u", "project_id", "p", "request_id", "req-1");
                    Map<String, Object> payload = Map.of("instance_id", "i-1", "state", "active", "n", 1);
                    long cpu0 = jvmCpuNanos();
                    long beam0 = BrokerCpu.ticks();
                    long start = System.nanoTime();
                    for (int i = 0; i < n; i++) {
                        notifier.info(ctx, "bench.event", payload);
                    }
                    long sent = System.nanoTime();
                    if (!done.await(120, TimeUnit.SECONDS)) {
                        System.out.println("timed out with " + done.getCount() + " not received");
                    }
                    long end = System.nanoTime();
                    double jvmUs = (jvmCpuNanos() - cpu0) / 1e3 / n;
                    double beamUs = BrokerCpu.ticks() < 0 ? -1 : (BrokerCpu.ticks() - beam0) * 1e6 / BrokerCpu.HZ / n;
                    System.out.printf("round %d: %d notifications (%s): emitted %.0f/s, end to end %.0f/s (%.2f s);"
                            + " CPU per notification: JVM %.1f us, RabbitMQ %.1f us%n",
                            round, n, driver, n / ((sent - start) / 1e9), n / ((end - start) / 1e9),
                            (end - start) / 1e9, jvmUs, beamUs);
                }
            }
        }
    }

    private static long jvmCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** CPU ticks of the local RabbitMQ (beam.smp) from /proc, or -1 when not found (remote broker). */
    static final class BrokerCpu {
        static final double HZ = 100.0;
        private static final java.nio.file.Path STAT = find();

        /** The RabbitMQ node is the beam.smp that has used the most CPU (rabbitmqctl runs short-lived ones). */
        private static java.nio.file.Path find() {
            try (var dirs = java.nio.file.Files.list(java.nio.file.Path.of("/proc"))) {
                return dirs.filter(d -> d.getFileName().toString().matches("\\d+"))
                        .filter(d -> {
                            try {
                                return java.nio.file.Files.readString(d.resolve("comm")).trim().equals("beam.smp");
                            } catch (java.io.IOException e) {
                                return false;
                            }
                        }).map(d -> d.resolve("stat"))
                        .max(java.util.Comparator.comparingLong(BrokerCpu::ticksOf)).orElse(null);
            } catch (java.io.IOException e) {
                return null;
            }
        }

        static long ticks() {
            return STAT == null ? -1 : ticksOf(STAT);
        }

        private static long ticksOf(java.nio.file.Path stat) {
            try {
                String s = java.nio.file.Files.readString(stat);
                String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
                return Long.parseLong(f[11]) + Long.parseLong(f[12]);
            } catch (java.io.IOException | RuntimeException e) {
                return -1;
            }
        }
    }

    private static void deleteTopology(String topic, String exchange) {
        com.rabbitmq.client.ConnectionFactory f = new com.rabbitmq.client.ConnectionFactory();
        f.setHost("127.0.0.1");
        try (com.rabbitmq.client.Connection c = f.newConnection(); com.rabbitmq.client.Channel ch = c.createChannel()) {
            ch.queueDelete(topic + ".info");
            ch.exchangeDelete(exchange);
        } catch (Exception e) {
            System.err.println("could not delete " + topic + ".info / " + exchange + ": " + e);
        }
    }
}
