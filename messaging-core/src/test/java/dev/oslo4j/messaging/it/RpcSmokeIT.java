package dev.oslo4j.messaging.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.oslo4j.messaging.MessagingOptions;
import dev.oslo4j.messaging.RequestContext;
import dev.oslo4j.messaging.RpcClient;
import dev.oslo4j.messaging.RpcServer;
import dev.oslo4j.messaging.Target;
import dev.oslo4j.messaging.Transport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RpcSmokeIT {

    @RegisterExtension
    final RabbitBroker broker = new RabbitBroker();

    public static class Echo {
        public Object echo(RequestContext ctxt, Object arg) {
            return arg;
        }
    }

    @Test
    void call() {
        String topic = broker.uniqueTopic("smoke");
        String exchange = broker.uniqueTopic("x");
        broker.deleteQueueAfter(topic, topic + ".s1");
        broker.deleteExchangeAfter(exchange, topic + "_fanout");
        MessagingOptions o = MessagingOptions.builder().controlExchange(exchange).build();
        try (Transport t = Transport.open(RabbitBroker.URL, o);
             RpcServer server = RpcServer.builder(t, Target.topic(topic).withServer("s1")).endpoint(new Echo()).build().start()) {
            RpcClient c = RpcClient.builder(t, Target.topic(topic)).build();
            JsonNode r = c.call(Map.of("user_id", "u"), "echo", Map.of("arg", Map.of("a", 1)));
            assertThat(r.get("a").asInt()).isEqualTo(1);
        }
    }
}
