package dev.oslo4j.conformance.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Level;
import com.rabbitmq.client.Channel;

import dev.oslo4j.conformance.broker.BrokerUnderTest;
import dev.oslo4j.conformance.broker.OnEveryBroker;
import dev.oslo4j.messaging.MessagingOptions;
import dev.oslo4j.messaging.Notification;
import dev.oslo4j.messaging.NotificationListener;
import dev.oslo4j.messaging.Notifier;
import dev.oslo4j.messaging.RpcClient;
import dev.oslo4j.messaging.RpcServer;
import dev.oslo4j.messaging.Target;
import dev.oslo4j.messaging.Transport;
import dev.oslo4j.testsupport.Await;

/**
 * Issue 7 §1 — no lost casts or notifications across faults: {@link #messages} confirmed casts (and, separately,
 * notifications) are sent while every connection is dropped three times and, on the embedded broker, the broker
 * is restarted once (durable queues, as an operator who wants messages to survive a restart configures). Every
 * message is processed at least once; re-published or redelivered ones that fall within the {@code _unique_id}
 * window (the last 16 per consumer, as oslo) are suppressed, older ones reach the endpoint again, as in oslo.
 * The test prints sent / received / duplicates.
 */
class NoLostMessagesTest {

    /** Outstanding sends at most: an application bounding its memory. */
    private static final int WINDOW = 2_000;
    private static final Duration DELIVERY_DEADLINE = Duration.ofMinutes(4);

    /**
     * The figure issue 7 asks for, 100 000, on every broker (about 25-30 s per test on the embedded broker,
     * restart included; RabbitMQ's three {@code rabbitmqctl} calls add about 1.5 s each).
     * {@code -Doslo4j.reliability.messages=N} sets another figure for a quick local run.
     */
    static int messages() {
        return Integer.getInteger("oslo4j.reliability.messages", 100_000);
    }

    private static MessagingOptions options(String exchange) {
        return MessagingOptions.builder().controlExchange(exchange).set("amqp_durable_queues", true).build();
    }

    /** The endpoint: counts each numbered cast. */
    public static final class CastRecorder {
        private final Tally tally;

        CastRecorder(Tally tally) {
            this.tally = tally;
        }

        public void record(int n) {
            tally.hit(n);
        }
    }

    @OnEveryBroker(dedicated = true)
    void everyConfirmedCastIsProcessedAcrossFaults(BrokerUnderTest broker) throws Exception {
        broker.assumeDropConnectionsSupported();
        int total = messages();
        String topic = broker.uniqueName("casts");
        String exchange = broker.uniqueName("x");
        Tally tally = new Tally(total);
        Window window = new Window(WINDOW);
        long started = System.nanoTime();
        List<String> faults;
        try (LogCapture log = LogCapture.of(Level.DEBUG, "dev.oslo4j.messaging.driver.rabbit.RabbitRpcListener");
             Transport serverSide = Transport.open(broker.transportUrl(), options(exchange));
             Transport clientSide = Transport.open(broker.transportUrl(), options(exchange));
             RpcServer server = RpcServer.builder(serverSide, Target.topic(topic).withServer("s1"))
                     .endpoint(new CastRecorder(tally)).build().start()) {
            RpcClient client = RpcClient.builder(clientSide, Target.topic(topic)).build();
            try (Faults injector = Faults.start(broker, window::started, at(total, 0.15), at(total, 0.35),
                    at(total, 0.55), at(total, 0.75))) {
                for (int i = 0; i < total; i++) {
                    int n = i;
                    window.send(() -> client.castAsync(Map.of(), "record", Map.of("n", n)));
                }
                window.awaitAll(Duration.ofMinutes(2));
                faults = injector.awaitAll(Duration.ofMinutes(1));
            }
            Await.until(DELIVERY_DEADLINE, "every confirmed cast was processed", tally::complete, tally::toString);
            awaitDrained(broker, topic);
            long suppressed = log.containing("dropped duplicate request").size();
            report(broker, "casts", total, window, tally, suppressed, faults, started);
        }
        assertThat(window.failed()).as("casts not confirmed: %s", window.firstFailures()).isZero();
        assertThat(tally.outOfRange()).isZero();
        assertThat(faults).hasSize(Faults.count(broker));
    }

    /** The listener's endpoint: counts each numbered notification. */
    public static final class NotificationRecorder {
        private final Tally tally;

        NotificationRecorder(Tally tally) {
            this.tally = tally;
        }

        public void info(Notification n) {
            tally.hit(n.payload().get("n").intValue());
        }
    }

    @OnEveryBroker(dedicated = true)
    void everyConfirmedNotificationIsProcessedAcrossFaults(BrokerUnderTest broker) throws Exception {
        broker.assumeDropConnectionsSupported();
        int total = messages();
        String topic = broker.uniqueName("notifications");
        String exchange = broker.uniqueName("x");
        Tally tally = new Tally(total);
        Window window = new Window(WINDOW);
        long started = System.nanoTime();
        List<String> faults;
        try (LogCapture log = LogCapture.of(Level.DEBUG,
                "dev.oslo4j.messaging.driver.rabbit.RabbitNotificationListener");
             Transport listenerSide = Transport.open(broker.transportUrl(), options(exchange));
             Transport notifierSide = Transport.open(broker.transportUrl(), options(exchange));
             NotificationListener listener = NotificationListener.builder(listenerSide).target(Target.topic(topic))
                     .endpoint(new NotificationRecorder(tally)).build().start()) {
            Notifier notifier = Notifier.builder(notifierSide).publisherId("reliability").driver("messagingv2")
                    .topics(topic).build();
            try (Faults injector = Faults.start(broker, window::started, at(total, 0.15), at(total, 0.35),
                    at(total, 0.55), at(total, 0.75))) {
                for (int i = 0; i < total; i++) {
                    int n = i;
                    window.send(() -> notifier.info(Map.of(), "reliability.tick", Map.of("n", n)));
                }
                window.awaitAll(Duration.ofMinutes(2));
                faults = injector.awaitAll(Duration.ofMinutes(1));
            }
            Await.until(DELIVERY_DEADLINE, "every confirmed notification was processed", tally::complete,
                    tally::toString);
            awaitDrained(broker, topic + ".info");
            long suppressed = log.containing("dropped duplicate notification").size();
            report(broker, "notifications", total, window, tally, suppressed, faults, started);
        }
        assertThat(window.failed()).as("notifications not confirmed: %s", window.firstFailures()).isZero();
        assertThat(tally.outOfRange()).isZero();
        assertThat(faults).hasSize(Faults.count(broker));
    }

    private static long at(int total, double fraction) {
        return Math.round(total * fraction);
    }

    /** Waits until the broker holds nothing more for the consumer (so late duplicates are counted too). */
    private static void awaitDrained(BrokerUnderTest broker, String queue) throws Exception {
        Channel channel = broker.connect().createChannel();
        Await.until(Duration.ofSeconds(60), "queue " + queue + " is drained",
                () -> channel.queueDeclarePassive(queue).getMessageCount() == 0);
    }

    private static void report(BrokerUnderTest broker, String what, int total, Window window, Tally tally,
                               long suppressed, List<String> faults, long startedNanos) {
        System.out.printf("[%s] %s across faults: sent %d, confirmed %d, received %d distinct, "
                        + "%d duplicates processed, %d duplicates suppressed by _unique_id, %.1f s; faults: %s%n",
                broker.name(), what, total, window.confirmed(), tally.distinct(), tally.duplicates(), suppressed,
                (System.nanoTime() - startedNanos) / 1e9, faults);
    }
}
