package dev.oslo4j.conformance.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import com.rabbitmq.client.Connection;

import dev.oslo4j.conformance.broker.BrokerUnderTest;
import dev.oslo4j.conformance.broker.OnEveryBroker;
import dev.oslo4j.messaging.MessagingException;
import dev.oslo4j.messaging.MessagingOptions;
import dev.oslo4j.messaging.NotificationListener;
import dev.oslo4j.messaging.RpcClient;
import dev.oslo4j.messaging.RpcServer;
import dev.oslo4j.messaging.Target;
import dev.oslo4j.messaging.Transport;
import dev.oslo4j.messaging.driver.rabbit.RabbitDiagnostics;
import dev.oslo4j.testsupport.Await;

/**
 * Issue 7 §3 — recovery after an outage (the embedded broker restarted; on RabbitMQ, which a test never restarts,
 * every connection of the test's virtual host dropped): an RPC server and a notification listener consume again
 * within 2 s of the broker being back, and the fanout exchange, fanout queues and the client's reply queue are
 * re-declared (a call works, a fanout cast reaches every server).
 *
 * <p>"Back" is the moment the broker accepts a connection again after a restart, or the moment it closed the
 * connections when it never went away. With oslo's defaults ({@code kombu_reconnect_delay} 1 s, then passes 1 s,
 * 3 s, 5 s … apart) a short outage is recovered from after about one second.
 */
class ConsumersResumeTest {

    private static final Duration RESUME_BOUND = Duration.ofSeconds(2);
    private static final Duration WAIT = Duration.ofSeconds(30);

    @OnEveryBroker(dedicated = true)
    void serversAndListenersResumeConsumingWithinTwoSecondsOfTheBrokerBeingBack(BrokerUnderTest broker)
            throws Exception {
        broker.assumeDropConnectionsSupported();
        String topic = broker.uniqueName("resume");
        Arrivals arrivals = new Arrivals();
        try (Transport transport = Transport.open(broker.transportUrl(), options(broker));
             RpcServer ignored = RpcServer.builder(transport, Target.topic(topic).withServer("s1"))
                     .endpoint(new Arrivals.Server(arrivals, "server")).build().start();
             NotificationListener alsoIgnored = NotificationListener.builder(transport).target(Target.topic(topic))
                     .endpoint(new Arrivals.Listener(arrivals, "listener")).build().start()) {
            probe(broker).until(arrivals, topic, topic + ".info", "before", WAIT);
            long back = outage(broker);
            probe(broker).until(arrivals, topic, topic + ".info", "after", WAIT);
            Duration server = Duration.ofNanos(arrivals.first("server", "after") - back);
            Duration listener = Duration.ofNanos(arrivals.first("listener", "after") - back);
            System.out.printf("[%s] consumers resume after %s: RPC server after %d ms, notification listener after "
                            + "%d ms (bound %d ms)%n", broker.name(), what(broker), server.toMillis(),
                    listener.toMillis(), RESUME_BOUND.toMillis());
            assertThat(server).as("RPC server resumed consuming after").isLessThanOrEqualTo(RESUME_BOUND);
            assertThat(listener).as("notification listener resumed consuming after").isLessThanOrEqualTo(RESUME_BOUND);
        }
    }

    @OnEveryBroker(dedicated = true)
    void fanoutAndReplyQueuesAreRedeclared(BrokerUnderTest broker) throws Exception {
        broker.assumeDropConnectionsSupported();
        String topic = broker.uniqueName("redeclare");
        Arrivals arrivals = new Arrivals();
        MessagingOptions options = options(broker);
        try (Transport first = Transport.open(broker.transportUrl(), options);
             Transport second = Transport.open(broker.transportUrl(), options);
             Transport clientSide = Transport.open(broker.transportUrl(), options);
             RpcServer s1 = RpcServer.builder(first, Target.topic(topic).withServer("s1"))
                     .endpoint(new Arrivals.Server(arrivals, "s1")).build().start();
             RpcServer s2 = RpcServer.builder(second, Target.topic(topic).withServer("s2"))
                     .endpoint(new Arrivals.Server(arrivals, "s2")).build().start()) {
            RpcClient client = RpcClient.builder(clientSide, Target.topic(topic)).timeout(Duration.ofSeconds(1)).build();
            awaitEachServerAnswers(client, "before");
            String replyQueue = RabbitDiagnostics.replyQueueName(driverOf(clientSide));

            long back = outage(broker);
            awaitEachServerAnswers(client, "after");
            Duration callsBack = Duration.ofNanos(System.nanoTime() - back);
            client.prepare().fanout(true).build().cast(Map.of(), "mark", Map.of("marker", "fanout"));
            Await.until(Duration.ofSeconds(10), "the fanout cast reached both servers",
                    () -> arrivals.has("s1", "fanout") && arrivals.has("s2", "fanout"), arrivals::toString);

            Connection raw = broker.connect();
            // declare-passive fails (404) if the queue is not there: the reply queue exists again, under its old name
            assertThat(raw.createChannel().queueDeclarePassive(replyQueue).getConsumerCount())
                    .as("consumers of reply queue %s", replyQueue).isEqualTo(1);
            System.out.printf("[%s] after %s: calls to each server answered %d ms after the outage; fanout cast "
                            + "reached s1 x%d, s2 x%d; reply queue %s re-declared and consumed%n", broker.name(),
                    what(broker), callsBack.toMillis(), arrivals.count("s1", "fanout"), arrivals.count("s2", "fanout"),
                    replyQueue);
            assertThat(arrivals.count("s1", "fanout")).isEqualTo(1);
            assertThat(arrivals.count("s2", "fanout")).isEqualTo(1);
        }
    }

    private static MessagingOptions options(BrokerUnderTest broker) {
        return MessagingOptions.builder().controlExchange(broker.uniqueName("x")).build();
    }

    private static RawProbe probe(BrokerUnderTest broker) throws Exception {
        return new RawProbe(broker.connect().createChannel());
    }

    private static String what(BrokerUnderTest broker) {
        return broker.supportsRestart() ? "a broker restart" : "all connections dropped";
    }

    /**
     * Restarts the broker (or, where a test may not, drops every connection) and returns when it was back: when
     * it accepted a connection again after a restart, or when it closed the connections of a drop.
     */
    private static long outage(BrokerUnderTest broker) throws Exception {
        if (broker.supportsRestart()) {
            broker.restart();
            return Await.value(WAIT, "the broker accepts connections again", () -> {
                try (Connection ignored = broker.connectionFactory().newConnection("oslo4j-conformance-probe")) {
                    return System.nanoTime();
                } catch (Exception e) {
                    return null;
                }
            });
        }
        // A connection of our own tells when the broker closed them all (rabbitmqctl itself takes about a second).
        AtomicLong closedAt = new AtomicLong();
        Connection sentinel = broker.connect();
        sentinel.addShutdownListener(cause -> closedAt.compareAndSet(0, System.nanoTime()));
        broker.dropConnections();
        Await.until(WAIT, "the broker closed the connections", () -> closedAt.get() != 0);
        return closedAt.get();
    }

    /** Waits until a call to each of s1 and s2 (by server name) is answered. */
    private static void awaitEachServerAnswers(RpcClient client, String marker) {
        for (String server : new String[] {"s1", "s2"}) {
            RpcClient direct = client.prepare().server(server).build();
            Await.until(WAIT, server + " answers a call (" + marker + ")", () -> {
                try {
                    return server.equals(direct.call(Map.of(), "mark", Map.of("marker", marker)).textValue());
                } catch (MessagingException e) {
                    return false;
                }
            });
        }
    }

    /** The driver under a transport: package-private in messaging-core (the driver SPI is not its API). */
    private static dev.oslo4j.messaging.driver.Driver driverOf(Transport transport) throws ReflectiveOperationException {
        java.lang.reflect.Method driver = Transport.class.getDeclaredMethod("driver");
        driver.setAccessible(true);
        return (dev.oslo4j.messaging.driver.Driver) driver.invoke(transport);
    }
}
