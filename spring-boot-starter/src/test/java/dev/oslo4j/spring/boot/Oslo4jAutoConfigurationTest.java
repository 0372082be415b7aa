package dev.oslo4j.spring.boot;

import com.fasterxml.jackson.databind.JsonNode;
import dev.oslo4j.junit.OsloBus;
import dev.oslo4j.messaging.NotificationEndpoint;
import dev.oslo4j.messaging.NotificationMetadata;
import dev.oslo4j.messaging.NotificationResult;
import dev.oslo4j.messaging.Notifier;
import dev.oslo4j.messaging.Priority;
import dev.oslo4j.messaging.RequestContext;
import dev.oslo4j.messaging.RpcClient;
import dev.oslo4j.messaging.RpcEndpoint;
import dev.oslo4j.messaging.Target;
import dev.oslo4j.messaging.Transport;
import dev.oslo4j.spring.boot.test.AutoConfigureOsloBus;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** The starter in a Spring Boot 3.5 application on the embedded broker, through {@code @AutoConfigureOsloBus}. */
@SpringBootTest(properties = {"spring.application.name=calc", "oslo4j.rpc-server.server=node1",
        "oslo4j.notifier.publisher-id=calc.node1", "oslo4j.notifier.topics=notifications",
        "oslo4j.options.rpc_response_timeout=20", "management.health.defaults.enabled=false"})
@AutoConfigureOsloBus
class Oslo4jAutoConfigurationTest {

    @RpcEndpoint
    public static class Calculator {
        public int add(int a, int b) {
            return a + b;
        }
    }

    public static class Seen implements NotificationEndpoint {
        final List<String> events = new CopyOnWriteArrayList<>();

        @Override
        public NotificationResult info(RequestContext ctxt, String publisherId, String eventType, JsonNode payload,
                                       NotificationMetadata metadata) {
            events.add(publisherId + " " + eventType);
            return NotificationResult.HANDLED;
        }
    }

    @SpringBootApplication
    static class App {
        @Bean
        Calculator calculator() {
            return new Calculator();
        }

        @Bean
        Seen seen() {
            return new Seen();
        }
    }

    @Autowired
    Transport transport;
    @Autowired
    Notifier notifier;
    @Autowired
    OsloBus bus;
    @Autowired
    Seen seen;
    @Autowired
    HealthIndicator oslo4jHealthIndicator;
    @Autowired
    MeterRegistry meters;

    @Test
    void servesRpcEndpointBeansOnTopicAndServerAndRecordsMetrics() {
        RpcClient client = RpcClient.builder(transport, Target.topic("calc").withServer("node1")).build();
        assertThat(client.timeout()).as("oslo4j.options applied").isEqualTo(Duration.ofSeconds(20));
        assertThat(client.call(Map.of(), "add", Map.of("a", 2, "b", 3)).intValue()).isEqualTo(5);
        bus.assertCalled(Target.topic("calc").withServer("node1"), "add").withArg("a", 2);
        assertThat(meters.find("oslo.rpc.client").tag("oslo.method", "add").timer()).isNotNull();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(meters.find("oslo.rpc.server").tag("oslo.method", "add").timer()).isNotNull());
    }

    @Test
    void notifiesAndListensWithTheConfiguredNames() {
        notifier.info(Map.of(), "calc.sum.done", Map.of("sum", 5)).join();
        bus.assertNotified(Priority.INFO).withEventType("calc.sum.done").withPayload("sum", 5);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> seen.events.contains("calc.node1 calc.sum.done"));
    }

    @Test
    void healthIsUpWithTheHostAndNoPassword() {
        var health = oslo4jHealthIndicator.health();
        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsKeys("transport", "host", "rpcServer", "notificationListener");
        assertThat(health.getDetails().toString()).doesNotContain(":guest@").contains("****");
    }
}
