package dev.oslo4j.conformance.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;

import dev.oslo4j.conformance.broker.BrokerUnderTest;
import dev.oslo4j.conformance.broker.OnEveryBroker;
import dev.oslo4j.messaging.MessagingOptions;
import dev.oslo4j.messaging.NotificationListener;
import dev.oslo4j.messaging.RpcServer;
import dev.oslo4j.messaging.Target;
import dev.oslo4j.messaging.Transport;
import dev.oslo4j.messaging.wire.Ids;
import dev.oslo4j.messaging.wire.NotificationMessage;
import dev.oslo4j.messaging.wire.NotificationMessages;
import dev.oslo4j.messaging.wire.RpcMessages;
import dev.oslo4j.messaging.wire.RpcRequest;
import dev.oslo4j.testsupport.Await;

/**
 * Issue 7 §1, the duplicate rule on its own: a message whose {@code _unique_id} is among the last 16 a consumer
 * took (RPC servers: received; listeners: acknowledged) is dropped, an older one is processed again — oslo's
 * {@code _MsgIdCache} (deque of 16). Messages are published raw, with chosen ids, as a re-publishing client or a
 * redelivering broker would present them.
 */
class UniqueIdWindowTest {

    private static final int WINDOW = 16;
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final AMQP.BasicProperties JSON = new AMQP.BasicProperties.Builder()
            .contentType("application/json").contentEncoding("utf-8").deliveryMode(2).build();

    @OnEveryBroker
    void rpcServersDropRepeatsWithinTheWindowAndProcessOlderOnes(BrokerUnderTest broker) throws Exception {
        String topic = broker.uniqueName("window");
        String exchange = broker.uniqueName("x");
        broker.deleteExchangeAfterTest(exchange);
        broker.deleteQueueAfterTest(topic);
        broker.deleteQueueAfterTest(topic + ".s1");
        Tally tally = new Tally(WINDOW + 3);
        try (Transport transport = Transport.open(broker.transportUrl(),
                MessagingOptions.builder().controlExchange(exchange).build());
             RpcServer ignored = RpcServer.builder(transport, Target.topic(topic).withServer("s1"))
                     .endpoint(new NoLostMessagesTest.CastRecorder(tally)).build().start()) {
            Channel channel = broker.connect().createChannel();
            String repeated = Ids.hex32();
            cast(channel, exchange, topic, 0, repeated);
            cast(channel, exchange, topic, 0, repeated);         // a re-publish right behind: dropped
            for (int n = 1; n <= WINDOW; n++) {
                cast(channel, exchange, topic, n, Ids.hex32());
            }
            cast(channel, exchange, topic, 0, repeated);         // 16 others since: out of the window, processed
            cast(channel, exchange, topic, WINDOW + 1, Ids.hex32());
            cast(channel, exchange, topic, WINDOW + 2, null);    // no _unique_id: never a duplicate
            cast(channel, exchange, topic, WINDOW + 2, null);
            Await.until(WAIT, "all casts were processed",
                    () -> tally.distinct() == WINDOW + 3 && tally.count(WINDOW + 2) == 2, tally::toString);
            Await.until(WAIT, "the repeat after the window was processed", () -> tally.count(0) == 2, tally::toString);
            assertThat(tally.count(0)).as("first + after the window; the immediate repeat was dropped").isEqualTo(2);
            assertThat(tally.duplicates()).isEqualTo(2);
        }
    }

    @OnEveryBroker
    void listenersDropRepeatsOfAcknowledgedNotificationsWithinTheWindow(BrokerUnderTest broker) throws Exception {
        String topic = broker.uniqueName("window");
        String exchange = broker.uniqueName("x");
        broker.deleteExchangeAfterTest(exchange);
        broker.deleteQueueAfterTest(topic + ".info");
        Tally tally = new Tally(WINDOW + 4);
        try (Transport transport = Transport.open(broker.transportUrl(),
                MessagingOptions.builder().controlExchange(exchange).build());
             NotificationListener ignored = NotificationListener.builder(transport).target(Target.topic(topic))
                     // one worker: each notification is acknowledged before the next one is dispatched
                     .executorThreads(1).endpoint(new NoLostMessagesTest.NotificationRecorder(tally)).build().start()) {
            Channel channel = broker.connect().createChannel();
            String repeated = Ids.hex32();
            notify(channel, exchange, topic, 0, repeated);
            notify(channel, exchange, topic, 1, Ids.hex32());
            Await.until(WAIT, "the first two were processed", () -> tally.count(1) == 1, tally::toString);
            notify(channel, exchange, topic, 0, repeated);       // a redelivery of an acknowledged one: dropped
            notify(channel, exchange, topic, 2, Ids.hex32());
            Await.until(WAIT, "the marker after the repeat was processed", () -> tally.count(2) == 1, tally::toString);
            assertThat(tally.count(0)).as("repeat within the window").isEqualTo(1);
            for (int n = 3; n < WINDOW + 3; n++) {
                notify(channel, exchange, topic, n, Ids.hex32());
            }
            // Listeners check at delivery but remember at acknowledgement (as oslo): let the others be acked first.
            Await.until(WAIT, "16 more were processed", () -> tally.distinct() == WINDOW + 3, tally::toString);
            notify(channel, exchange, topic, 0, repeated);       // 18 others acknowledged since: processed
            notify(channel, exchange, topic, WINDOW + 3, Ids.hex32());
            Await.until(WAIT, "everything was processed", () -> tally.complete(), tally::toString);
            Await.until(WAIT, "the repeat after the window was processed", () -> tally.count(0) == 2, tally::toString);
            assertThat(tally.duplicates()).isEqualTo(1);
        }
    }

    private static void cast(Channel channel, String exchange, String topic, int n, String uniqueId) throws Exception {
        byte[] body = RpcMessages.encodeCast(new RpcRequest("record", Map.of("n", n), null, null, Map.of()),
                uniqueId == null ? Ids.hex32() : uniqueId);
        if (uniqueId == null) {
            // oslo accepts requests without _unique_id (older senders): never treated as duplicates
            body = new String(body, java.nio.charset.StandardCharsets.UTF_8)
                    .replaceAll(", \\\\\"_unique_id\\\\\": \\\\\"[0-9a-f]{32}\\\\\"", "")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8);
            assertThat(new String(body, java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("_unique_id");
        }
        channel.basicPublish(exchange, topic, JSON, body);
    }

    private static void notify(Channel channel, String exchange, String topic, int n, String uniqueId)
            throws Exception {
        NotificationMessage m = new NotificationMessage(Ids.uuid36(), "window-test", "reliability.tick", "INFO",
                Map.of("n", n), "2024-01-01 00:00:00.000000", Map.of());
        channel.basicPublish(exchange, topic + ".info", JSON, NotificationMessages.encode(m, uniqueId, true));
    }
}
