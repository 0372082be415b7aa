package dev.oslo4j.conformance.interop;

import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import dev.oslo4j.conformance.broker.BrokerUnderTest;
import dev.oslo4j.conformance.broker.OnEveryBroker;
import dev.oslo4j.messaging.MessageDeliveryFailure;
import dev.oslo4j.messaging.MessagingOptions;
import dev.oslo4j.messaging.Notifier;
import dev.oslo4j.messaging.RpcClient;
import dev.oslo4j.messaging.Target;
import dev.oslo4j.messaging.Transport;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * oslo 16.x's answer to a control exchange that exists non-durable (made by peers with default options) when quorum
 * queues want it durable: RPC servers, listeners and clients fall back to the non-durable exchange (queues stay
 * durable quorum queues), the notifier does not and fails with the broker's 406, explained.
 */
class DurableExchangeFallbackTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @OnEveryBroker(dedicated = true)
    void quorumPeersJoinANonDurableControlExchangeButTheNotifierRefuses(BrokerUnderTest broker) throws Exception {
        Connection raw = broker.connect();
        try (Channel ch = raw.createChannel()) {
            ch.exchangeDeclare("openstack", BuiltinExchangeType.TOPIC, false); // as default-option peers made it
        }
        MessagingOptions quorum = MessagingOptions.builder().set("rabbit_quorum_queue", true)
                .set("rabbit_transient_queues_ttl", 60)
                .build();
        try (Interop it = Interop.on(broker)) {
            Transport transport = it.track(Transport.open(it.transportUrl(), quorum));
            String topic = it.names.topic("fallback");
            it.track(JavaReferenceServer.start(transport, Target.topic(topic).withServer("s1")));
            assertThat(RpcClient.builder(transport, Target.topic(topic)).timeout(WAIT).build()
                    .call(Map.of(), "add", Map.of("a", 20, "b", 22)).asInt()).isEqualTo(42);

            try (Channel ch = raw.createChannel()) {
                ch.exchangeDeclare("openstack", BuiltinExchangeType.TOPIC, false); // still non-durable
                ch.queueDeclare(topic, true, false, false, Map.of("x-queue-type", "quorum")); // durable quorum
            }

            Notifier notifier = Notifier.builder(transport).publisherId("svc.host").topics(topic + "-n").build();
            ExecutionException e = catchThrowableOfType(ExecutionException.class,
                    () -> notifier.info(Map.of(), "svc.event", Map.of()).get());
            assertThat(e.getCause()).isInstanceOf(MessageDeliveryFailure.class)
                    .hasMessageContaining("inequivalent arg 'durable'").hasMessageContaining("virtual host of its own");
        }
    }
}
