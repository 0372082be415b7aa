package dev.oslo4j.spring.boot;

import dev.oslo4j.broker.EmbeddedBroker;
import dev.oslo4j.messaging.InvalidConfiguration;
import dev.oslo4j.messaging.RpcEndpoint;
import dev.oslo4j.messaging.Transport;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/** Back-off, configuration errors and DOWN health, with ApplicationContextRunner. */
class Oslo4jBackOffTest {

    @AutoClose
    private static EmbeddedBroker broker;

    @BeforeAll
    static void start() {
        broker = EmbeddedBroker.start();
    }

    @RpcEndpoint
    public static class Echo {
        public String echo(String v) {
            return v;
        }
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
            AutoConfigurations.of(Oslo4jAutoConfiguration.class, Oslo4jHealthAutoConfiguration.class));

    @Test
    void aTransportBeanOfTheApplicationReplacesOurs() {
        runner.withBean("myTransport", Transport.class, () -> Transport.open(broker.transportUrl()))
                .run(context -> {
                    assertThat(context).hasSingleBean(Transport.class).hasBean("myTransport")
                            .doesNotHaveBean("oslo4jTransport");
                    assertThat(context).hasBean("oslo4jNotifier");
                });
    }

    @Test
    void configFilesGiveTheTransportUrlAndOptions(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path conf = dir.resolve("service.conf");
        java.nio.file.Files.writeString(conf, "[DEFAULT]\ntransport_url = " + broker.transportUrl()
                + "\nrpc_response_timeout = 17\n");
        runner.withPropertyValues("oslo4j.config-files=" + conf).run(context -> {
            Transport t = context.getBean(Transport.class);
            assertThat(t.isConnected()).isTrue();
            assertThat(t.options().rpcResponseTimeout()).isEqualTo(java.time.Duration.ofSeconds(17));
        });
    }

    @Test
    void withoutATransportUrlTheErrorNamesTheProperty() {
        runner.run(context -> assertThat(context).hasFailed().getFailure()
                .rootCause().isInstanceOf(InvalidConfiguration.class).hasMessageContaining("oslo4j.transport-url"));
    }

    @Test
    void rpcEndpointsWithoutATopicNameTheProperty() {
        runner.withPropertyValues("oslo4j.transport-url=" + broker.transportUrl())
                .withBean(Echo.class)
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("oslo4j.rpc-server.topic"));
    }

    @Test
    void healthIsDownWithTheReasonWhenTheServerStopped() {
        runner.withPropertyValues("oslo4j.transport-url=" + broker.transportUrl(), "oslo4j.rpc-server.topic=echo")
                .withBean(Echo.class)
                .run(context -> {
                    HealthIndicator health = context.getBean("oslo4jHealthIndicator", HealthIndicator.class);
                    assertThat(health.health().getStatus()).isEqualTo(Status.UP);
                    context.getBean(Oslo4jServers.class).rpcServer().orElseThrow().stop();
                    assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
                    assertThat(health.health().getDetails().get("reason").toString())
                            .contains("RPC server consumer: stopped");
                });
    }
}
