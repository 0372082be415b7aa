package dev.oslo4j.conformance.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import org.assertj.core.api.SoftAssertions;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.GetResponse;

import ch.qos.logback.classic.Level;
import dev.oslo4j.conformance.broker.BrokerUnderTest;
import dev.oslo4j.conformance.broker.OnEveryBroker;
import dev.oslo4j.conformance.reliability.Poison.Address;
import dev.oslo4j.conformance.reliability.Poison.Outcome;
import dev.oslo4j.messaging.MessagingOptions;
import dev.oslo4j.messaging.NotificationListener;
import dev.oslo4j.messaging.NotificationMetadata;
import dev.oslo4j.messaging.RequestContext;
import dev.oslo4j.messaging.RpcClient;
import dev.oslo4j.messaging.RpcServer;
import dev.oslo4j.messaging.Target;
import dev.oslo4j.messaging.Transport;
import dev.oslo4j.messaging.wire.Envelope;
import dev.oslo4j.messaging.wire.Ids;
import dev.oslo4j.messaging.wire.Json;
import dev.oslo4j.messaging.wire.NotificationMessage;
import dev.oslo4j.messaging.wire.NotificationMessages;
import dev.oslo4j.testsupport.Await;

/**
 * Issue 7 §4: every kind of malformed message in {@link PoisonTable}, published raw to an RPC server's topic queue
 * and to a notification listener's queue. For each row: the consumer survives (a good message right behind it is
 * processed), the message is logged exactly once (WARN or above) with its reason, it is settled without requeue
 * (no second log line ever appears, the queue ends empty), call-shaped ones whose reply address is readable get an
 * oslo failure reply of the right class and shape, and nothing else is ever answered. Consumers run one worker so
 * that "the good message was processed" also means "everything before it was".
 */
class PoisonInputTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    public static class Echo {
        public String echo(String v) {
            return v;
        }

        public String _secret() {
            return "never";
        }
    }

    @OnEveryBroker
    void anRpcServerSurvivesEveryKindOfPoison(BrokerUnderTest broker) throws Exception {
        List<Poison> table = new ArrayList<>(PoisonTable.undecodable());
        table.addAll(PoisonTable.rpcOnly());
        assertThat(table).hasSizeGreaterThanOrEqualTo(20);
        String topic = broker.uniqueName("poison");
        String exchange = broker.uniqueName("x");
        String replyQueue = broker.uniqueName("reply");
        broker.deleteExchangeAfterTest(exchange);
        broker.deleteExchangeAfterTest(topic + "_fanout");
        broker.deleteQueueAfterTest(topic);
        broker.deleteQueueAfterTest(topic + ".s1");
        broker.deleteQueueAfterTest(replyQueue);
        AtomicInteger dispatched = new AtomicInteger();
        // a reply to a missing queue is given up after 1 s instead of 60
        MessagingOptions options = MessagingOptions.builder().controlExchange(exchange)
                .set("kombu_missing_consumer_retry_timeout", 1).build();
        SoftAssertions soft = new SoftAssertions();
        try (LogCapture log = LogCapture.of(Level.WARN, "dev.oslo4j");
             Transport transport = Transport.open(broker.transportUrl(), options);
             RpcServer ignored = RpcServer.builder(transport, Target.topic(topic).withServer("s1"))
                     .executorThreads(1).endpoint(new Echo()).onRequest(r -> dispatched.incrementAndGet())
                     .build().start()) {
            Channel raw = broker.connect().createChannel();
            raw.queueDeclare(replyQueue, false, false, false, null);
            // confirmed: the poison is on the queue before the good call (another connection) is published
            raw.confirmSelect();
            RpcClient client = RpcClient.builder(transport, Target.topic(topic)).timeout(WAIT).build();
            int loggedInAll = 0;
            for (Poison p : table) {
                Address address = new Address(replyQueue, Ids.hex32());
                int logsBefore = log.size();
                int dispatchedBefore = dispatched.get();
                raw.basicPublish(exchange, topic, p.props(), p.body().apply(address));
                raw.waitForConfirmsOrDie(WAIT.toMillis());
                assertThat(client.call(Map.of(), "echo", Map.of("v", p.name())).textValue())
                        .as("[%s] a good call right behind it is answered", p).isEqualTo(p.name());
                if (p.outcome() == Outcome.REPLY_UNDELIVERABLE) {
                    Await.until(WAIT, "[" + p + "] the reply is given up", () -> log.size() > logsBefore);
                }
                loggedInAll += checkLoggedOnce(soft, p, since(log, logsBefore));
                soft.assertThat(dispatched.get() - dispatchedBefore).as("[%s] requests dispatched (with the good call)", p)
                        .isEqualTo((p.outcome() == Outcome.REJECTED ? 0 : 1) + 1);
                if (p.outcome() == Outcome.FAILURE_REPLY || p.outcome() == Outcome.PROCESSED) {
                    checkReply(soft, p, address, awaitReply(raw, replyQueue, p));
                }
            }
            client.call(Map.of(), "echo", Map.of("v", "last"));
            soft.assertThat(log.events()).as("nothing was redelivered and logged again").hasSize(loggedInAll);
            soft.assertThat(raw.messageCount(topic)).as("topic queue left empty").isZero();
            soft.assertThat(raw.messageCount(topic + ".s1")).as("server queue left empty").isZero();
            soft.assertThat(raw.messageCount(replyQueue)).as("no reply to a cast or an undecodable message").isZero();
            System.out.printf("[%s] poison → RPC server: %d kinds, %d log lines, %d failure replies%n", broker.name(),
                    table.size(), loggedInAll, table.stream().filter(p -> p.outcome() == Outcome.FAILURE_REPLY).count());
        }
        soft.assertAll();
    }

    /** The listener's endpoint: records the marker and event type of every notification it gets. */
    public static class Markers {
        public record Payload(String marker) {
        }

        final ConcurrentLinkedQueue<String> seen = new ConcurrentLinkedQueue<>();

        public void info(RequestContext ctxt, String publisherId, String eventType, Payload payload,
                         NotificationMetadata metadata) {
            seen.add(payload.marker() + "|" + eventType);
        }

        long count(String entry) {
            return seen.stream().filter(entry::equals).count();
        }
    }

    @OnEveryBroker
    void aNotificationListenerSurvivesEveryKindOfPoison(BrokerUnderTest broker) throws Exception {
        List<Poison> table = new ArrayList<>(PoisonTable.undecodable());
        table.addAll(PoisonTable.notificationOnly());
        assertThat(table).hasSizeGreaterThanOrEqualTo(20);
        String topic = broker.uniqueName("poison");
        String exchange = broker.uniqueName("x");
        String queue = topic + ".info";
        broker.deleteExchangeAfterTest(exchange);
        broker.deleteQueueAfterTest(queue);
        Markers markers = new Markers();
        SoftAssertions soft = new SoftAssertions();
        try (LogCapture log = LogCapture.of(Level.WARN, "dev.oslo4j");
             Transport transport = Transport.open(broker.transportUrl(),
                     MessagingOptions.builder().controlExchange(exchange).build());
             NotificationListener ignored = NotificationListener.builder(transport).target(Target.topic(topic))
                     .executorThreads(1).endpoint(markers).build().start()) {
            Channel raw = broker.connect().createChannel();
            int loggedInAll = 0;
            int row = 0;
            for (Poison p : table) {
                int logsBefore = log.size();
                raw.basicPublish(exchange, queue, p.props(), p.body().apply(new Address("oslo4j-nowhere", Ids.hex32())));
                String good = "good-" + row++;
                raw.basicPublish(exchange, queue, Poison.JSON, goodNotification(good));
                Await.until(WAIT, "[" + p + "] the good notification behind it is processed",
                        () -> markers.count(good + "|poison.good") == 1, markers.seen::toString);
                loggedInAll += checkLoggedOnce(soft, p, since(log, logsBefore));
            }
            soft.assertThat(markers.count("no-event-type|null")).as("missing event_type: handed over as None").isEqualTo(1);
            soft.assertThat(markers.count("big|poison.test")).as("huge context: handed over").isEqualTo(1);
            soft.assertThat(markers.count("call-shaped|poison.test")).as("call-shaped: handed over").isEqualTo(1);
            soft.assertThat(markers.seen).as("only the good and the acceptable ones reached the endpoint")
                    .hasSize(row + 3);
            String last = "good-last";
            raw.basicPublish(exchange, queue, Poison.JSON, goodNotification(last));
            Await.until(WAIT, "the last good notification is processed", () -> markers.count(last + "|poison.good") == 1);
            Await.until(WAIT, "the queue is empty (everything settled)", () -> raw.messageCount(queue) == 0);
            soft.assertThat(log.events()).as("nothing was redelivered and logged again").hasSize(loggedInAll);
            System.out.printf("[%s] poison → notification listener: %d kinds, %d log lines%n", broker.name(),
                    table.size(), loggedInAll);
        }
        soft.assertAll();
    }

    private static List<LogCapture.Event> since(LogCapture log, int from) {
        List<LogCapture.Event> all = log.events();
        return all.subList(from, all.size());
    }

    /** Asserts the row's log lines: exactly one, naming the reason, or none for acceptable messages. */
    private static int checkLoggedOnce(SoftAssertions soft, Poison p, List<LogCapture.Event> events) {
        if (p.reason() == null) {
            soft.assertThat(events).as("[%s] nothing logged", p).isEmpty();
            return events.size();
        }
        soft.assertThat(events).as("[%s] logged exactly once", p).hasSize(1);
        if (!events.isEmpty()) {
            soft.assertThat(events.get(0).text()).as("[%s] the log line names the reason", p).contains(p.reason());
        }
        return events.size();
    }

    private static JsonNode awaitReply(Channel raw, String replyQueue, Poison p) {
        GetResponse r = Await.value(WAIT, "[" + p + "] a reply arrives", () -> {
            try {
                return raw.basicGet(replyQueue, true);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        try {
            return Envelope.unwrap(r.getBody());
        } catch (Exception e) {
            throw new AssertionError("[" + p + "] the reply is not an oslo message", e);
        }
    }

    /** A failure reply as oslo's {@code serialize_remote_exception} makes it (docs/wire-protocol.md §5.2, §6.1), or a result. */
    private static void checkReply(SoftAssertions soft, Poison p, Address address, JsonNode reply) throws Exception {
        soft.assertThat(reply.path("_msg_id").asText()).as("[%s] reply _msg_id", p).isEqualTo(address.msgId());
        soft.assertThat(reply.path("ending").asBoolean()).as("[%s] reply ending", p).isTrue();
        soft.assertThat(reply.has("failure")).as("[%s] reply has 'failure'", p).isTrue();
        if (p.outcome() == Outcome.PROCESSED) {
            soft.assertThat(reply.get("failure").isNull()).as("[%s] no failure: %s", p, reply).isTrue();
            soft.assertThat(reply.path("result").isTextual()).as("[%s] a result", p).isTrue();
            return;
        }
        soft.assertThat(reply.path("result").isNull()).as("[%s] no result", p).isTrue();
        JsonNode failureText = reply.get("failure");
        soft.assertThat(failureText.isTextual()).as("[%s] 'failure' is a JSON string", p).isTrue();
        JsonNode failure = Json.parse(failureText.asText());
        soft.assertThat(failure.path("class").asText()).as("[%s] failure class", p).isEqualTo(p.failure());
        soft.assertThat(failure.path("module").isTextual()).as("[%s] failure module", p).isTrue();
        soft.assertThat(failure.path("message").isTextual()).as("[%s] failure message", p).isTrue();
        soft.assertThat(failure.path("tb").isArray()).as("[%s] failure tb is a list", p).isTrue();
        failure.path("tb").forEach(line -> soft.assertThat(line.isTextual()).as("[%s] tb lines are strings", p).isTrue());
        soft.assertThat(failure.path("args").isArray()).as("[%s] failure args is a list", p).isTrue();
        soft.assertThat(failure.path("kwargs").isObject()).as("[%s] failure kwargs is a dict", p).isTrue();
    }

    private static byte[] goodNotification(String marker) {
        NotificationMessage m = new NotificationMessage(Ids.uuid36(), "poison", "poison.good", "INFO",
                Map.of("marker", marker), "2024-01-01 00:00:00.000000", Map.of());
        return NotificationMessages.encode(m, Ids.hex32(), true);
    }
}
