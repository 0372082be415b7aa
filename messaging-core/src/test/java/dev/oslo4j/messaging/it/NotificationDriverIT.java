package dev.oslo4j.messaging.it;

import dev.oslo4j.messaging.TransportInternals;
import dev.oslo4j.messaging.MessagingOptions;
import dev.oslo4j.messaging.Transport;
import dev.oslo4j.messaging.driver.IncomingNotification;
import dev.oslo4j.messaging.driver.Listener;
import dev.oslo4j.messaging.driver.NotificationAddress;
import dev.oslo4j.messaging.wire.Envelope;
import dev.oslo4j.messaging.wire.NotificationMessage;
import dev.oslo4j.testsupport.Await;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The notification part of the driver SPI, which the Notifier and NotificationListener build on. */
class NotificationDriverIT extends OnBothBrokers {

    private String topic;
    private String exchange;
    private Transport transport;

    @BeforeEach
    void setUp() {
        topic = broker.uniqueTopic("notif");
        exchange = broker.uniqueTopic("x");
        broker.deleteQueueAfter(topic + ".info", topic + ".error", "pool-a-" + topic, "pool-b-" + topic);
        broker.deleteExchangeAfter(exchange);
        transport = Transport.open(broker.url(), MessagingOptions.builder().controlExchange(exchange).build());
    }

    @AfterEach
    void tearDown() {
        transport.close();
    }

    private NotificationMessage message(String event) {
        return NotificationMessage.create("compute.host1", event, "INFO", Map.of("instance_id", "i-1"),
                Map.of("user_id", "u1"));
    }

    @Test
    void notificationsWaitInTheirQueueAndAreAckedAfterHandling() throws Exception {
        NotificationAddress info = new NotificationAddress(null, topic, "info");
        TransportInternals.driver(transport).notify(info, message("compute.instance.create.end"), true, 0).get(5, TimeUnit.SECONDS);
        Long waiting = broker.channel(ch -> ch.messageCount(topic + ".info"));
        assertThat(waiting).as("the notifier declared the queue").isEqualTo(1);
        ConcurrentLinkedQueue<IncomingNotification> got = new ConcurrentLinkedQueue<>();
        Listener l = TransportInternals.driver(transport).listenForNotifications(List.of(info), null, 0, got::add);
        try {
            Await.until(Duration.ofSeconds(5), "the notification arrives", () -> !got.isEmpty());
            IncomingNotification n = got.peek();
            assertThat(n.message().eventType()).isEqualTo("compute.instance.create.end");
            assertThat(n.message().priority()).isEqualTo("INFO");
            assertThat(n.message().publisherId()).isEqualTo("compute.host1");
            assertThat(n.message().payload().get("instance_id").textValue()).isEqualTo("i-1");
            assertThat(n.message().context().get("user_id").textValue()).isEqualTo("u1");
            assertThat(n.address()).isEqualTo(new NotificationAddress(exchange, topic, "info"));
            n.ack();
        } finally {
            l.close();
        }
        Long left = broker.channel(ch -> ch.messageCount(topic + ".info"));
        assertThat(left).isZero();
    }

    @Test
    void requeuedNotificationsAreRedelivered() throws Exception {
        NotificationAddress info = new NotificationAddress(null, topic, "info");
        AtomicInteger deliveries = new AtomicInteger();
        Listener l = TransportInternals.driver(transport).listenForNotifications(List.of(info), null, 0, n -> {
            if (deliveries.incrementAndGet() == 1) {
                n.requeue();
            } else {
                n.ack();
            }
        });
        try {
            TransportInternals.driver(transport).notify(info, message("e"), true, 0).get(5, TimeUnit.SECONDS);
            Await.until(Duration.ofSeconds(5), "redelivery after requeue", () -> deliveries.get() == 2);
        } finally {
            l.close();
        }
    }

    @Test
    void eachPoolGetsEveryNotificationAndV1IsUnderstood() throws Exception {
        NotificationAddress info = new NotificationAddress(null, topic, "info");
        NotificationAddress error = new NotificationAddress(null, topic, "error");
        ConcurrentLinkedQueue<String> a = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> b = new ConcurrentLinkedQueue<>();
        Listener la = TransportInternals.driver(transport).listenForNotifications(List.of(info, error), "pool-a-" + topic, 0, n -> {
            a.add(n.message().eventType());
            n.ack();
        });
        Listener lb = TransportInternals.driver(transport).listenForNotifications(List.of(info, error), "pool-b-" + topic, 0, n -> {
            b.add(n.message().eventType());
            n.ack();
        });
        try {
            TransportInternals.driver(transport).notify(info, message("v2"), true, 0).get(5, TimeUnit.SECONDS);
            TransportInternals.driver(transport).notify(error, message("v1"), false, 0).get(5, TimeUnit.SECONDS);
            Await.until(Duration.ofSeconds(5), "both pools got both", () -> a.size() == 2 && b.size() == 2);
            assertThat(a).containsExactlyInAnyOrder("v1", "v2");
            assertThat(b).containsExactlyInAnyOrder("v1", "v2");
        } finally {
            la.close();
            lb.close();
        }
    }

    @Test
    void malformedNotificationsAreRejectedAndTheListenerGoesOn() throws Exception {
        NotificationAddress info = new NotificationAddress(null, topic, "info");
        ConcurrentLinkedQueue<String> got = new ConcurrentLinkedQueue<>();
        Listener l = TransportInternals.driver(transport).listenForNotifications(List.of(info), null, 0, n -> {
            got.add(n.message().eventType());
            n.ack();
        });
        try {
            broker.channel(ch -> {
                ch.basicPublish(exchange, topic + ".info", new com.rabbitmq.client.AMQP.BasicProperties.Builder()
                        .contentType("application/json").build(), "{oops".getBytes(StandardCharsets.UTF_8));
                ch.basicPublish(exchange, topic + ".info", null, Envelope.wrap("{}"));
                return null;
            });
            TransportInternals.driver(transport).notify(info, message("good"), true, 0).get(5, TimeUnit.SECONDS);
            Await.until(Duration.ofSeconds(5), "the good one arrives", () -> got.contains("good"));
            Long left = broker.channel(ch -> ch.messageCount(topic + ".info"));
            assertThat(left).isZero();
        } finally {
            l.close();
        }
    }
}
