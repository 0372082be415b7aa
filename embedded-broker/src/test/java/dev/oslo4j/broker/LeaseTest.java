package dev.oslo4j.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;

import dev.oslo4j.broker.support.Amqp;
import dev.oslo4j.testsupport.Await;

/** {@link EmbeddedBroker#leaseVirtualHost()}: every test sees an empty broker, and only its own. */
class LeaseTest {

    @AutoClose
    private static EmbeddedBroker broker;

    @BeforeAll
    static void start() {
        broker = EmbeddedBroker.start();
    }

    @Test
    void twoLeasesDoNotSeeEachOther() throws Exception {
        try (VirtualHostLease a = broker.leaseVirtualHost(); VirtualHostLease b = broker.leaseVirtualHost();
             Connection ca = Amqp.factory(broker, a.name()).newConnection();
             Connection cb = Amqp.factory(broker, b.name()).newConnection()) {
            assertThat(a.name()).isNotEqualTo(b.name());
            Channel chA = ca.createChannel();
            Channel chB = cb.createChannel();
            chA.queueDeclare("same-name", false, false, false, null);
            chB.queueDeclare("same-name", false, false, false, null);
            chA.basicPublish("", "same-name", null, "for a".getBytes());
            Await.until(Duration.ofSeconds(5), "a got it", () -> chA.queueDeclarePassive("same-name").getMessageCount() == 1);
            assertThat(chB.queueDeclarePassive("same-name").getMessageCount()).isZero();
        }
    }

    @Test
    void aReturnedLeaseIsEmptyForTheNextHolder() throws Exception {
        VirtualHostLease first = broker.leaseVirtualHost();
        Connection stale = Amqp.factory(broker, first.name()).newConnection();
        Channel channel = stale.createChannel();
        channel.exchangeDeclare("left-over", "topic", true);
        channel.queueDeclare("left-over", true, false, false, null);
        channel.queueBind("left-over", "amq.topic", "#");
        channel.basicPublish("", "left-over", null, "old".getBytes());
        first.close();

        assertThat(stale.isOpen()).as("the holder's connections are closed").isFalse();
        try (VirtualHostLease second = broker.leaseVirtualHost();
             Connection connection = Amqp.factory(broker, second.name()).newConnection()) {
            assertThat(second.name()).isNotEqualTo(first.name());
            Channel fresh = connection.createChannel();
            assertThat(isMissing(connection, c -> c.queueDeclarePassive("left-over"))).isTrue();
            assertThat(isMissing(connection, c -> c.exchangeDeclarePassive("left-over"))).isTrue();
            fresh.exchangeDeclarePassive("amq.topic");
            fresh.exchangeDeclarePassive("amq.headers");
        }
    }

    @Test
    void aClientOfAnOldLeaseCannotReachTheVirtualHostAgain() {
        VirtualHostLease lease = broker.leaseVirtualHost();
        String name = lease.name();
        lease.close();
        lease.close();
        assertThatThrownBy(() -> Amqp.factory(broker, name).newConnection().close())
                .rootCause().hasMessageContaining("530");
    }

    @Test
    void listenersEndWithTheLease() throws Exception {
        List<PublishedMessage> seen = new CopyOnWriteArrayList<>();
        VirtualHostLease lease = broker.leaseVirtualHost();
        broker.onPublish(lease.name(), seen::add);
        lease.close();
        try (VirtualHostLease next = broker.leaseVirtualHost();
             Connection connection = Amqp.factory(broker, next.name()).newConnection()) {
            Channel channel = connection.createChannel();
            channel.confirmSelect();
            channel.basicPublish("", "nobody", null, "x".getBytes());
            channel.waitForConfirmsOrDie(5_000);
        }
        assertThat(seen).isEmpty();
    }

    @Test
    void leasesCanBeTakenFromManyThreads() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> names = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                names.add(pool.submit(() -> {
                    try (VirtualHostLease lease = broker.leaseVirtualHost();
                         Connection connection = Amqp.factory(broker, lease.name()).newConnection()) {
                        Channel channel = connection.createChannel();
                        channel.queueDeclare("q", false, false, false, null);
                        assertThat(channel.queueDeclarePassive("q").getMessageCount()).isZero();
                        channel.basicPublish("", "q", null, lease.name().getBytes());
                        return lease.name();
                    }
                }));
            }
            Set<String> unique = new HashSet<>();
            for (Future<String> name : names) {
                unique.add(name.get());
            }
            assertThat(unique).hasSize(40);
        } finally {
            pool.shutdownNow();
        }
    }

    private interface ChannelCall {
        void run(Channel channel) throws IOException;
    }

    private static boolean isMissing(Connection connection, ChannelCall call) throws IOException {
        Channel channel = connection.createChannel();
        try {
            call.run(channel);
            return false;
        } catch (IOException e) {
            return e.getCause() != null && e.getCause().getMessage().contains("404");
        }
    }
}
