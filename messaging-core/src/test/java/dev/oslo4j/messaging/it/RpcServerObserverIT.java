package dev.oslo4j.messaging.it;

import dev.oslo4j.messaging.MessagingOptions;
import dev.oslo4j.messaging.NoSuchMethod;
import dev.oslo4j.messaging.RemoteError;
import dev.oslo4j.messaging.RequestContext;
import dev.oslo4j.messaging.RpcClient;
import dev.oslo4j.messaging.RpcRequestInfo;
import dev.oslo4j.messaging.RpcServer;
import dev.oslo4j.messaging.Target;
import dev.oslo4j.messaging.Transport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RpcServerObserverIT {

    @RegisterExtension
    final RabbitBroker broker = new RabbitBroker();

    public static class Echo {
        public Object echo(RequestContext ctxt, Object arg) {
            return arg;
        }
    }

    @Test
    void observersSeeCallsCastsAndUndispatchableRequestsAsSent() throws Exception {
        String topic = broker.uniqueTopic("observe");
        String exchange = broker.uniqueTopic("x");
        broker.deleteQueueAfter(topic, topic + ".s1");
        broker.deleteExchangeAfter(exchange, topic + "_fanout");
        LinkedBlockingQueue<RpcRequestInfo> seen = new LinkedBlockingQueue<>();
        MessagingOptions o = MessagingOptions.builder().controlExchange(exchange).build();
        try (Transport t = Transport.open(RabbitBroker.URL, o);
             RpcServer server = RpcServer.builder(t, Target.topic(topic).withServer("s1"))
                     .onRequest(seen::add)
                     .onRequest(info -> { throw new IllegalStateException("a failing observer changes nothing"); })
                     .endpoint(new Echo()).build().start()) {
            RpcClient client = RpcClient.builder(t, Target.topic(topic)).timeout(Duration.ofSeconds(10)).build();

            assertThat(client.call(Map.of("user_id", "u1"), "echo", Map.of("arg", "hi")).asText()).isEqualTo("hi");
            RpcRequestInfo call = seen.poll(10, TimeUnit.SECONDS);
            assertThat(call).isNotNull();
            assertThat(call.call()).isTrue();
            assertThat(call.methodName()).isEqualTo("echo");
            assertThat(call.version()).isNull();
            assertThat(call.args().get("arg").asText()).isEqualTo("hi");
            assertThat(call.context().toMap()).containsEntry("user_id", "u1").doesNotContainKey("client_timeout");
            assertThat(call.timeout()).isNull();

            client.prepare().callMonitorTimeout(Duration.ofSeconds(4)).build().call(Map.of(), "echo", Map.of("arg", 1));
            RpcRequestInfo monitored = seen.poll(10, TimeUnit.SECONDS);
            assertThat(monitored).isNotNull();
            assertThat(monitored.timeout().asInt()).isEqualTo(4);

            client.prepare().version("1.0").namespace(null).build().cast(Map.of(), "echo", Map.of("arg", 7));
            RpcRequestInfo cast = seen.poll(10, TimeUnit.SECONDS);
            assertThat(cast).isNotNull();
            assertThat(cast.call()).isFalse();
            assertThat(cast.version().asText()).isEqualTo("1.0");

            assertThatThrownBy(() -> client.call(Map.of(), "nosuch", Map.of()))
                    .isInstanceOfAny(NoSuchMethod.class, RemoteError.class);
            RpcRequestInfo failed = seen.poll(10, TimeUnit.SECONDS);
            assertThat(failed).isNotNull();
            assertThat(failed.methodName()).isEqualTo("nosuch");
        }
    }
}
