package dev.oslo4j.conformance.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.oslo4j.broker.EmbeddedBroker;
import dev.oslo4j.broker.VirtualHostStatistics;
import dev.oslo4j.messaging.MessagingException;
import dev.oslo4j.messaging.MessagingOptions;
import dev.oslo4j.messaging.NotificationListener;
import dev.oslo4j.messaging.Notifier;
import dev.oslo4j.messaging.RpcClient;
import dev.oslo4j.messaging.RpcServer;
import dev.oslo4j.messaging.Target;
import dev.oslo4j.messaging.Transport;
import dev.oslo4j.testsupport.Await;

/**
 * Issue 7 §3, failover: servers, listeners and clients all use a two-host URL
 * {@code rabbit://guest:guest@127.0.0.1:P1,guest:guest@127.0.0.1:P2/}. Everyone starts on the first broker
 * (the second is not up yet, so the order oslo shuffles the hosts in does not matter); the second starts; the
 * first stops — and calls, casts and notifications continue on the second. Notifications sent while the first is
 * already gone are not lost (their publish is retried on the next host, which gets the queue declared). Two
 * independent embedded brokers stand in for a cluster: nothing is replicated, so it is the re-declaration on the
 * new host that is proven, as after a failover to a cluster node that did not hold the queues.
 */
class MultiHostFailoverTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int DURING = 20;

    @Test
    void callsCastsAndNotificationsContinueOnTheOtherHostWhenOneStops() throws Exception {
        int secondPort = freePort();
        EmbeddedBroker first = EmbeddedBroker.start();
        EmbeddedBroker second = null;
        String url = "rabbit://guest:guest@127.0.0.1:" + first.port() + ",guest:guest@127.0.0.1:" + secondPort + "/";
        String topic = "failover-" + Long.toString(System.nanoTime(), 36);
        MessagingOptions options = MessagingOptions.builder().controlExchange("failover").build();
        Arrivals arrivals = new Arrivals();
        try (Transport serverSide = Transport.open(url, options);
             Transport clientSide = Transport.open(url, options);
             RpcServer ignored = RpcServer.builder(serverSide, Target.topic(topic).withServer("s1"))
                     .endpoint(new Arrivals.Server(arrivals, "server")).build().start();
             NotificationListener alsoIgnored = NotificationListener.builder(serverSide).target(Target.topic(topic))
                     .endpoint(new Arrivals.Listener(arrivals, "listener")).build().start()) {
            RpcClient client = RpcClient.builder(clientSide, Target.topic(topic)).timeout(Duration.ofSeconds(1)).build();
            Notifier notifier = Notifier.builder(clientSide).publisherId("failover").topics(topic).build();
            traffic(client, notifier, arrivals, "on-first");
            assertThat(first.statistics("/").connections()).as("connections on the first broker").isEqualTo(4);

            second = EmbeddedBroker.builder().port(secondPort).start();
            long stopped = System.nanoTime();
            first.close();
            List<CompletableFuture<Void>> sentDuring = new ArrayList<>();
            for (int i = 0; i < DURING; i++) {
                sentDuring.add(notifier.info(Map.of(), "reliability.failover", Map.of("marker", "during-" + i)));
            }
            Await.until(WAIT, "a call is answered through the second broker", () -> answers(client, "failed-over"));
            Duration failover = Duration.ofNanos(System.nanoTime() - stopped);
            CompletableFuture.allOf(sentDuring.toArray(CompletableFuture[]::new)).get(WAIT.toSeconds(), TimeUnit.SECONDS);
            Await.until(WAIT, "every notification sent during the failover arrived", () -> {
                for (int i = 0; i < DURING; i++) {
                    if (!arrivals.has("listener", "during-" + i)) {
                        return false;
                    }
                }
                return true;
            }, arrivals::toString);
            traffic(client, notifier, arrivals, "on-second");
            VirtualHostStatistics onSecond = second.statistics("/");
            System.out.printf("[embedded x2] multi-host failover: first call answered %d ms after the first broker began "
                            + "to stop; %d notifications sent meanwhile all arrived; the second broker now holds %s%n",
                    failover.toMillis(), DURING, onSecond);
            assertThat(onSecond.connections()).as("every connection moved to the second broker").isEqualTo(4);
        } finally {
            first.close();
            if (second != null) {
                second.close();
            }
        }
    }

    /** A call, a cast and a notification, each of which must get through. */
    private static void traffic(RpcClient client, Notifier notifier, Arrivals arrivals, String marker)
            throws Exception {
        Await.until(WAIT, "a call is answered (" + marker + ")", () -> answers(client, marker));
        client.cast(Map.of(), "mark", Map.of("marker", "cast-" + marker));
        notifier.info(Map.of(), "reliability.failover", Map.of("marker", marker)).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        Await.until(WAIT, "the cast and the notification arrived (" + marker + ")",
                () -> arrivals.has("server", "cast-" + marker) && arrivals.has("listener", marker), arrivals::toString);
    }

    private static boolean answers(RpcClient client, String marker) {
        try {
            return "server".equals(client.call(Map.of(), "mark", Map.of("marker", marker)).textValue());
        } catch (MessagingException e) {
            return false;
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
