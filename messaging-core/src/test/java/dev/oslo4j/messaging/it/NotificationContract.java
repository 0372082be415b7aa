package dev.oslo4j.messaging.it;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.BuiltinExchangeType;
import dev.oslo4j.messaging.BatchNotificationEndpoint;
import dev.oslo4j.messaging.MessageDeliveryFailure;
import dev.oslo4j.messaging.MessagingOptions;
import dev.oslo4j.messaging.Notification;
import dev.oslo4j.messaging.NotificationEndpoint;
import dev.oslo4j.messaging.NotificationFilter;
import dev.oslo4j.messaging.NotificationListener;
import dev.oslo4j.messaging.NotificationMetadata;
import dev.oslo4j.messaging.NotificationResult;
import dev.oslo4j.messaging.Notifier;
import dev.oslo4j.messaging.Priority;
import dev.oslo4j.messaging.RequestContext;
import dev.oslo4j.messaging.Target;
import dev.oslo4j.messaging.Transport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Java notifier → Java listener, the notification contract: priorities, filters, pools, requeue, batches,
 * poison input, send failures. Run on RabbitMQ ({@link NotificationIT}) and on the embedded broker
 * ({@link NotificationEmbeddedIT}).
 */
abstract class NotificationContract {

    private static final Duration DEADLINE = Duration.ofSeconds(15);

    /** A broker as these tests need it: a transport URL, raw channels on the same virtual host, cleanup. */
    interface BrokerAccess {
        String url();

        String uniqueName(String prefix);

        <T> T withChannel(RabbitBroker.ChannelWork<T> work) throws Exception;

        void deleteQueueAfter(String... names);

        void deleteExchangeAfter(String... names);
    }

    /** The broker of the current test. */
    abstract BrokerAccess broker();

    private String topic;
    private String exchange;
    private Transport transport;
    private final List<AutoCloseable> closeables = new ArrayList<>();

    @BeforeEach
    void open() {
        topic = broker().uniqueName("notif");
        exchange = broker().uniqueName("notifx");
        for (Priority p : Priority.values()) {
            broker().deleteQueueAfter(topic + "." + p.routingName());
        }
        broker().deleteExchangeAfter(exchange);
        transport = Transport.open(broker().url(), MessagingOptions.builder().controlExchange(exchange).build());
    }

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : closeables) {
            c.close();
        }
        transport.close();
    }

    private NotificationListener start(NotificationListener.Builder b) {
        NotificationListener l = b.build().start();
        closeables.add(0, l);
        return l;
    }

    private NotificationListener.Builder listener() {
        return NotificationListener.builder(transport).target(Target.topic(topic));
    }

    private Notifier notifier(String driver) {
        return Notifier.builder(transport).publisherId("compute.host1").driver(driver).topics(topic).build();
    }

    private static void sendAll(List<CompletableFuture<Void>> sends) throws Exception {
        CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
    }

    /** Records every priority: "priority event_type payload" lines. */
    public static final class AllPriorities {
        final List<String> got = new CopyOnWriteArrayList<>();
        final List<Notification> notifications = new CopyOnWriteArrayList<>();

        private void add(Notification n) {
            notifications.add(n);
            got.add(n.priority().routingName() + " " + n.eventType() + " " + n.payload());
        }

        public void audit(Notification n) { add(n); }
        public void debug(Notification n) { add(n); }
        public void info(Notification n) { add(n); }
        public void warn(Notification n) { add(n); }
        public void error(Notification n) { add(n); }
        public void critical(Notification n) { add(n); }
        public void sample(Notification n) { add(n); }
    }

    @ParameterizedTest
    @ValueSource(strings = {"messagingv2", "messaging"})
    void everyPriorityArrivesAtItsMethod(String driver) throws Exception {
        AllPriorities e = new AllPriorities();
        NotificationListener l = start(listener().endpoint(e));
        assertThat(l.priorities()).containsExactly(Priority.values());
        Notifier n = notifier(driver);
        List<CompletableFuture<Void>> sends = new ArrayList<>();
        Map<String, Object> ctx = RequestContext.builder().userId("u1").projectId("p1").authToken("tok").build().toMap();
        for (Priority p : Priority.values()) {
            // An ordered payload: the assertion below compares the JSON text.
            Map<String, Object> payload = new java.util.LinkedHashMap<>();
            payload.put("p", p.name());
            payload.put("ü", "☃");
            sends.add(n.notify(p, ctx, "compute.instance." + p.routingName(), payload));
        }
        sendAll(sends);
        Eventually.await(DEADLINE, () -> e.got.size() == 7, e.got::toString);
        List<String> expected = new ArrayList<>();
        for (Priority p : Priority.values()) {
            expected.add(p.routingName() + " compute.instance." + p.routingName() + " {\"p\":\"" + p.name()
                    + "\",\"ü\":\"☃\"}");
        }
        assertThat(e.got).containsExactlyInAnyOrderElementsOf(expected);
        Notification first = e.notifications.get(0);
        assertThat(first.publisherId()).isEqualTo("compute.host1");
        assertThat(first.context().toMap()).containsEntry("user_id", "u1").containsEntry("project_id", "p1")
                .containsEntry("client_timeout", null).doesNotContainKey("auth_token");
        assertThat(first.metadata().timestampInstant()).isBefore(java.time.Instant.now().plusSeconds(1));
    }

    @Test
    void filtersSelectPerEndpoint() throws Exception {
        List<String> compute = new CopyOnWriteArrayList<>();
        List<String> all = new CopyOnWriteArrayList<>();
        class Collect implements NotificationEndpoint {
            final List<String> into;

            Collect(List<String> into) {
                this.into = into;
            }

            @Override
            public NotificationResult info(RequestContext c, String publisherId, String eventType, JsonNode payload,
                                           NotificationMetadata m) {
                into.add(eventType);
                return NotificationResult.HANDLED;
            }
        }
        start(listener()
                .endpoint(new Collect(compute), NotificationFilter.builder().eventType("^compute\\.")
                        .payload("state", "^active$").context("project_id", "p1").build())
                .endpoint(new Collect(all)));
        Notifier n = notifier("messagingv2");
        Map<String, Object> ctx = Map.of("project_id", "p1");
        sendAll(List.of(
                n.info(ctx, "compute.instance.update", Map.of("state", "active")),
                n.info(ctx, "compute.instance.update", Map.of("state", "building")),
                n.info(ctx, "network.port.update", Map.of("state", "active")),
                n.info(Map.of("project_id", "p2"), "compute.instance.delete", Map.of("state", "active")),
                n.info(ctx, "compute.instance.create", Map.of("state", "active-ish")),
                n.info(ctx, "compute.instance.create.end", Map.of("state", "active"))));
        Eventually.await(DEADLINE, () -> all.size() == 6, all::toString);
        assertThat(compute).containsExactlyInAnyOrder("compute.instance.update", "compute.instance.create.end");
    }

    @Test
    void everyPoolGetsEveryNotificationAndListenersOfOnePoolShareThem() throws Exception {
        String poolA = broker().uniqueName("poolA");
        String poolB = broker().uniqueName("poolB");
        broker().deleteQueueAfter(poolA, poolB);
        AllPriorities a1 = new AllPriorities();
        AllPriorities a2 = new AllPriorities();
        AllPriorities b = new AllPriorities();
        // small prefetch so that both members of pool A get work
        start(listener().endpoint(a1).pool(poolA).prefetch(1).executorThreads(1));
        start(listener().endpoint(a2).pool(poolA).prefetch(1).executorThreads(1));
        start(listener().endpoint(b).pool(poolB));
        Notifier n = notifier("messagingv2");
        int count = 200;
        List<CompletableFuture<Void>> sends = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            sends.add(n.info(null, "e" + i, i));
        }
        sendAll(sends);
        Eventually.await(DEADLINE, () -> b.got.size() == count && a1.got.size() + a2.got.size() == count,
                () -> "pool B " + b.got.size() + ", pool A " + a1.got.size() + " + " + a2.got.size());
        assertThat(a1.got).isNotEmpty();
        assertThat(a2.got).isNotEmpty();
        Set<String> poolAEvents = ConcurrentHashMap.newKeySet();
        poolAEvents.addAll(a1.got);
        poolAEvents.addAll(a2.got);
        assertThat(poolAEvents).hasSize(count); // each handled once within the pool
        // The non-pooled queue is filled too (oslo's documented behaviour): the notifier declared it.
        int leftInShared = broker().withChannel(ch -> ch.queueDeclarePassive(topic + ".info").getMessageCount());
        assertThat(leftInShared).isEqualTo(count);
    }

    @Test
    void listenersWithoutPoolCompeteOnTheSharedQueue() throws Exception {
        AllPriorities l1 = new AllPriorities();
        AllPriorities l2 = new AllPriorities();
        start(listener().endpoint(l1).prefetch(1).executorThreads(1));
        start(listener().endpoint(l2).prefetch(1).executorThreads(1));
        Notifier n = notifier("messagingv2");
        List<CompletableFuture<Void>> sends = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            sends.add(n.warn(null, "e" + i, i));
        }
        sendAll(sends);
        Eventually.await(DEADLINE, () -> l1.got.size() + l2.got.size() == 100, () -> l1.got.size() + "+" + l2.got.size());
        assertThat(l1.got).isNotEmpty();
        assertThat(l2.got).isNotEmpty();
    }

    @Test
    void requeueRedeliversWhenAllowed() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        List<String> handled = new CopyOnWriteArrayList<>();
        start(listener().allowRequeue(true).endpoint(new Object() {
            public NotificationResult error(Notification n) {
                if (calls.incrementAndGet() <= 2) {
                    return NotificationResult.REQUEUE;
                }
                handled.add(n.eventType());
                return NotificationResult.HANDLED;
            }
        }));
        notifier("messagingv2").error(null, "retry.me", 1).get(15, TimeUnit.SECONDS);
        Eventually.await(DEADLINE, () -> handled.size() == 1, () -> calls.get() + " calls");
        assertThat(calls.get()).isEqualTo(3);
        assertThat(handled).containsExactly("retry.me");
    }

    @Test
    void exceptionsRequeueWhenAllowed() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        start(listener().allowRequeue(true).endpoint(new Object() {
            public void info(Notification n) {
                if (calls.incrementAndGet() == 1) {
                    throw new IllegalStateException("transient");
                }
            }
        }));
        notifier("messagingv2").info(null, "e", 1).get(15, TimeUnit.SECONDS);
        Eventually.await(DEADLINE, () -> calls.get() == 2, () -> calls.get() + " calls");
    }

    @Test
    void requeueIsAcknowledgedAnywayWhenNotAllowed() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        List<String> others = new CopyOnWriteArrayList<>();
        start(listener().endpoint(new Object() {
            public NotificationResult error(Notification n) {
                calls.incrementAndGet();
                return NotificationResult.REQUEUE;
            }

            public void info(Notification n) {
                others.add(n.eventType());
            }
        }));
        Notifier n = notifier("messagingv2");
        sendAll(List.of(n.error(null, "dropped", 1)));
        sendAll(List.of(n.info(null, "marker", 1)));
        Eventually.await(DEADLINE, () -> others.size() == 1 && calls.get() >= 1, () -> calls + " " + others);
        int depth = broker().withChannel(ch -> {
            AMQP.Queue.DeclareOk ok = ch.queueDeclarePassive(topic + ".error");
            return ok.getMessageCount() + ok.getConsumerCount() * 1000;
        });
        assertThat(depth).isEqualTo(1000); // queue empty (acked), one consumer
        assertThat(calls.get()).isEqualTo(1);
    }

    /** Records batch sizes per priority. */
    public static final class Batches implements BatchNotificationEndpoint {
        final List<String> batches = new CopyOnWriteArrayList<>();
        final AtomicInteger total = new AtomicInteger();

        @Override
        public NotificationResult info(List<Notification> batch) {
            batches.add("info:" + batch.size());
            total.addAndGet(batch.size());
            return NotificationResult.HANDLED;
        }

        @Override
        public NotificationResult error(List<Notification> batch) {
            batches.add("error:" + batch.size());
            total.addAndGet(batch.size());
            return NotificationResult.HANDLED;
        }
    }

    @Test
    void batchesAreDeliveredWhenFull() throws Exception {
        Batches e = new Batches();
        start(listener().endpoint(e).batchSize(10).batchTimeout(Duration.ofMinutes(5)).executorThreads(1));
        Notifier n = notifier("messagingv2");
        List<CompletableFuture<Void>> sends = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            sends.add(n.info(null, "e" + i, i));
        }
        sendAll(sends);
        Eventually.await(DEADLINE, () -> e.total.get() == 30, e.batches::toString);
        assertThat(e.batches).containsExactly("info:10", "info:10", "info:10");
    }

    @Test
    void aPartialBatchIsDeliveredAfterTheTimeoutGroupedByPriority() throws Exception {
        Batches e = new Batches();
        start(listener().endpoint(e).batchSize(100).batchTimeout(Duration.ofMillis(500)));
        Notifier n = notifier("messagingv2");
        sendAll(List.of(n.info(null, "a", 1), n.error(null, "b", 1), n.info(null, "c", 1)));
        Eventually.await(DEADLINE, () -> e.total.get() == 3, e.batches::toString);
        // one batch of 3 (or, if the timer fired between arrivals, more batches); always grouped by priority
        assertThat(e.batches).allMatch(b -> b.startsWith("info:") || b.startsWith("error:"));
        assertThat(e.batches.stream().mapToInt(b -> Integer.parseInt(b.substring(b.indexOf(':') + 1))).sum())
                .isEqualTo(3);
    }

    @Test
    void batchRequeueRedeliversThatPriorityGroup() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        List<Integer> sizes = new CopyOnWriteArrayList<>();
        start(listener().allowRequeue(true).batchSize(5).batchTimeout(Duration.ofMillis(300)).endpoint(
                new BatchNotificationEndpoint() {
                    @Override
                    public NotificationResult info(List<Notification> batch) {
                        sizes.add(batch.size());
                        return calls.incrementAndGet() == 1 ? NotificationResult.REQUEUE : NotificationResult.HANDLED;
                    }
                }));
        Notifier n = notifier("messagingv2");
        List<CompletableFuture<Void>> sends = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            sends.add(n.info(null, "e" + i, i));
        }
        sendAll(sends);
        Eventually.await(DEADLINE, () -> !sizes.isEmpty() && sizes.stream().mapToInt(Integer::intValue).sum() == 5 + sizes.get(0),
                sizes::toString);
        assertThat(calls.get()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void malformedNotificationsAreReportedAndTheListenerKeepsGoing() throws Exception {
        Logger driverLog = (Logger) LoggerFactory.getLogger("dev.oslo4j.messaging.driver.rabbit");
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        driverLog.addAppender(logs);
        try {
            AllPriorities e = new AllPriorities();
            start(listener().endpoint(e));
            AMQP.BasicProperties json = new AMQP.BasicProperties.Builder().contentType("application/json")
                    .contentEncoding("utf-8").deliveryMode(2).build();
            broker().withChannel(ch -> {
                ch.basicPublish(exchange, topic + ".info", json, "not json".getBytes(StandardCharsets.UTF_8));
                ch.basicPublish(exchange, topic + ".info", json, "[1, 2]".getBytes(StandardCharsets.UTF_8));
                ch.basicPublish(exchange, topic + ".info", new AMQP.BasicProperties(),
                        "{\"priority\": \"INFO\"}".getBytes(StandardCharsets.UTF_8));
                ch.basicPublish(exchange, topic + ".info", json,
                        "{\"oslo.version\": \"2.1\", \"oslo.message\": \"{}\"}".getBytes(StandardCharsets.UTF_8));
                return null;
            });
            notifier("messagingv2").info(null, "after.poison", 1).get(15, TimeUnit.SECONDS);
            Eventually.await(DEADLINE, () -> e.got.size() == 1, e.got::toString);
            assertThat(e.got.get(0)).startsWith("info after.poison");
            Eventually.await(DEADLINE, () -> logs.list.stream().filter(x -> x.getFormattedMessage()
                    .contains("rejected a malformed message")).count() == 4, () -> logs.list.toString());
            int left = broker().withChannel(ch -> ch.queueDeclarePassive(topic + ".info").getMessageCount());
            assertThat(left).isZero();
        } finally {
            driverLog.detachAppender(logs);
        }
    }

    @Test
    void unknownPriorityIsAcknowledgedAndDropped() throws Exception {
        AllPriorities e = new AllPriorities();
        start(listener().endpoint(e));
        AMQP.BasicProperties json = new AMQP.BasicProperties.Builder().contentType("application/json").build();
        broker().withChannel(ch -> {
            ch.basicPublish(exchange, topic + ".info", json, ("{\"message_id\": \"m\", \"priority\": \"WARNING\", "
                    + "\"event_type\": \"odd\", \"payload\": {}, \"_unique_id\": \"u1\"}").getBytes(StandardCharsets.UTF_8));
            return null;
        });
        notifier("messagingv2").info(null, "normal", 1).get(15, TimeUnit.SECONDS);
        Eventually.await(DEADLINE, () -> e.got.size() == 1, e.got::toString);
        int left = broker().withChannel(ch -> ch.queueDeclarePassive(topic + ".info").getMessageCount());
        assertThat(left).isZero();
        assertThat(e.got.get(0)).startsWith("info normal");
    }

    @Test
    void sendFailuresAreReportedThroughTheFutureAndTheListenerNotThrown() throws Exception {
        String clash = broker().uniqueName("clash");
        broker().deleteExchangeAfter(clash);
        broker().withChannel(ch -> ch.exchangeDeclare(clash, BuiltinExchangeType.FANOUT));
        List<Throwable> reported = new CopyOnWriteArrayList<>();
        Notifier n = Notifier.builder(transport).exchange(clash).topics(topic).retry(0)
                .onSendFailure((notification, error) -> reported.add(error)).build();
        CompletableFuture<Void> f = n.info(null, "never.sent", 1);
        assertThatThrownBy(() -> f.get(15, TimeUnit.SECONDS)).hasCauseInstanceOf(MessageDeliveryFailure.class);
        Eventually.await(DEADLINE, () -> reported.size() == 1, reported::toString);
        assertThat(reported.get(0)).hasMessageContaining(clash);
        // the transport still works afterwards
        notifier("messagingv2").info(null, "fine", 1).get(15, TimeUnit.SECONDS);
    }

    @Test
    void oneListenerCanListenOnSeveralTargets() throws Exception {
        String other = broker().uniqueName("notif2");
        String otherExchange = broker().uniqueName("notifx2");
        broker().deleteQueueAfter(other + ".info");
        broker().deleteExchangeAfter(otherExchange);
        AllPriorities e = new AllPriorities();
        start(listener().target(Target.builder().exchange(otherExchange).topic(other).build()).endpoint(new Object() {
            public void info(Notification n) {
                e.info(n);
            }
        }));
        Notifier second = Notifier.builder(transport).exchange(otherExchange).topics(other).build();
        sendAll(List.of(notifier("messagingv2").info(null, "first", 1), second.info(null, "second", 2)));
        Eventually.await(DEADLINE, () -> e.got.size() == 2, e.got::toString);
        assertThat(e.got).containsExactlyInAnyOrder("info first 1", "info second 2");
    }

    @Test
    void closeLetsRunningEndpointsFinishAndAcknowledges() throws Exception {
        java.util.concurrent.CountDownLatch entered = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        AtomicInteger finished = new AtomicInteger();
        NotificationListener l = listener().endpoint(new Object() {
            public void info(Notification n) throws InterruptedException {
                entered.countDown();
                release.await(30, TimeUnit.SECONDS);
                finished.incrementAndGet();
            }
        }).build().start();
        notifier("messagingv2").info(null, "slow", 1).get(15, TimeUnit.SECONDS);
        assertThat(entered.await(15, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Boolean> closing = CompletableFuture.supplyAsync(() -> l.await(Duration.ofSeconds(30)));
        release.countDown();
        assertThat(closing.get(30, TimeUnit.SECONDS)).isTrue();
        assertThat(finished.get()).isEqualTo(1);
        int left = broker().withChannel(ch -> ch.queueDeclarePassive(topic + ".info").getMessageCount());
        assertThat(left).isZero();
        assertThatThrownBy(l::start).isInstanceOf(IllegalStateException.class).hasMessageContaining("stopped");
    }

    @Test
    void badListenerConfigurationIsExplained() {
        assertThatThrownBy(() -> NotificationListener.builder(transport).endpoint(new AllPriorities()).build())
                .isInstanceOf(dev.oslo4j.messaging.InvalidConfiguration.class).hasMessageContaining("target");
        assertThatThrownBy(() -> listener().build())
                .isInstanceOf(dev.oslo4j.messaging.InvalidConfiguration.class).hasMessageContaining("endpoint");
        assertThatThrownBy(() -> listener().endpoint(new Object()).build())
                .isInstanceOf(dev.oslo4j.messaging.InvalidConfiguration.class)
                .hasMessageContaining("java.lang.Object").hasMessageContaining("named after a priority");
        assertThatThrownBy(() -> listener().endpoint(new AllPriorities()).batchSize(10).build())
                .isInstanceOf(dev.oslo4j.messaging.InvalidConfiguration.class)
                .hasMessageContaining("List<Notification>");
        assertThatThrownBy(() -> NotificationListener.builder(transport).target(Target.builder().build()))
                .isInstanceOf(dev.oslo4j.messaging.InvalidTarget.class).hasMessageContaining("topic");
        assertThatThrownBy(() -> listener().batchTimeout(Duration.ZERO))
                .isInstanceOf(dev.oslo4j.messaging.InvalidConfiguration.class);
        assertThatThrownBy(() -> listener().pool(""))
                .isInstanceOf(dev.oslo4j.messaging.InvalidConfiguration.class);
    }

    @Test
    void everyHandledNotificationIsAcknowledgedOnTheBroker() throws Exception {
        AllPriorities e = new AllPriorities();
        NotificationListener l = listener().endpoint(e).prefetch(50).build().start();
        Notifier n = notifier("messagingv2");
        List<CompletableFuture<Void>> sends = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            sends.add(n.info(null, "e" + i, i));
        }
        sendAll(sends);
        Eventually.await(DEADLINE, () -> e.got.size() == 500, () -> e.got.size() + " received");
        l.close(); // unacknowledged messages would now return to the queue
        int left = broker().withChannel(ch -> ch.queueDeclarePassive(topic + ".info").getMessageCount());
        assertThat(left).isZero();
        assertThat(e.got).doesNotHaveDuplicates();
    }
}
