package dev.oslo4j.conformance.parity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.ConfirmListener;

import dev.oslo4j.conformance.broker.BrokerUnderTest;
import dev.oslo4j.conformance.broker.OnEveryBroker;
import dev.oslo4j.testsupport.Await;

/**
 * Publisher confirms with mandatory routing, as oslo's reply path uses them: an unroutable mandatory message
 * comes back ({@code basic.return}) and is then acked, so {@code waitForConfirms} is true.
 */
class ConfirmsParityTest {

    @OnEveryBroker
    void anUnroutableMandatoryMessageIsReturnedThenAcked(BrokerUnderTest broker) throws Exception {
        Channel channel = broker.connect().createChannel();
        List<String> events = new CopyOnWriteArrayList<>();
        channel.addReturnListener(r -> events.add("return " + r.getReplyCode()));
        channel.addConfirmListener(new ConfirmListener() {
            @Override
            public void handleAck(long tag, boolean multiple) {
                events.add("ack");
            }

            @Override
            public void handleNack(long tag, boolean multiple) {
                events.add("nack");
            }
        });
        channel.confirmSelect();
        channel.basicPublish("", broker.uniqueName("nobody"), true, null, "reply".getBytes());

        assertThat(channel.waitForConfirms(5_000)).isTrue();
        Await.until(java.time.Duration.ofSeconds(5), "return and ack seen", () -> events.size() >= 2);
        assertThat(events).containsExactly("return 312", "ack");
    }

    @OnEveryBroker
    void anUnroutableMessageWithoutMandatoryIsAcked(BrokerUnderTest broker) throws Exception {
        Channel channel = broker.connect().createChannel();
        channel.confirmSelect();
        channel.basicPublish("amq.direct", broker.uniqueName("nobody"), false, null, "lost".getBytes());
        assertThat(channel.waitForConfirms(5_000)).isTrue();
    }

    @OnEveryBroker
    void routedMessagesAreAcked(BrokerUnderTest broker) throws Exception {
        Channel channel = broker.connect().createChannel();
        String queue = Amqp.queue(broker, channel, null);
        channel.confirmSelect();
        for (int i = 0; i < 100; i++) {
            channel.basicPublish("", queue, true, null, ("m" + i).getBytes());
        }
        assertThat(channel.waitForConfirms(5_000)).isTrue();
        assertThat(Amqp.depth(channel, queue)).isEqualTo(100);
    }

    @OnEveryBroker
    void aTransactionWithAnUnroutableMandatoryMessageCommitsAndReturnsIt(BrokerUnderTest broker) throws Exception {
        Channel channel = broker.connect().createChannel();
        List<Integer> returns = new CopyOnWriteArrayList<>();
        channel.addReturnListener(r -> returns.add(r.getReplyCode()));
        channel.txSelect();
        channel.basicPublish("", broker.uniqueName("nobody"), true, null, "tx".getBytes());
        channel.txCommit();
        Await.until(java.time.Duration.ofSeconds(5), "the message came back", () -> !returns.isEmpty());
        assertThat(returns).containsExactly(312);
        assertThat(channel.isOpen()).isTrue();
    }
}
