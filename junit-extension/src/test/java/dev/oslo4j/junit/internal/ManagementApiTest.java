package dev.oslo4j.junit.internal;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.ShutdownSignalException;
import dev.oslo4j.messaging.TransportURL;
import dev.oslo4j.testsupport.Await;
import dev.oslo4j.testsupport.Requirements;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link ManagementApi} against the local RabbitMQ's management plugin (enabled by {@code .ci/run}): virtual hosts
 * with permissions and the firehose, dropped connections, and the messages when it cannot be used.
 */
class ManagementApiTest {

    private static final String URL = Requirements.rabbitMqUrl();

    private ConnectionFactory amqp;
    private ManagementApi api;

    @BeforeEach
    void requireManagementApi() {
        var host = TransportURL.parse(URL).effectiveHosts().get(0);
        amqp = new ConnectionFactory();
        amqp.setHost(host.hostname());
        amqp.setPort(host.effectivePort());
        amqp.setUsername(host.effectiveUsername());
        amqp.setPassword(host.effectivePassword());
        api = ManagementApi.at("http://" + host.hostname() + ":15672/", host.effectiveUsername(),
                host.effectivePassword(), amqp);
        try {
            api.probe();
        } catch (IllegalStateException e) {
            Requirements.skipOrFail(Requirements.REQUIRE_RABBITMQ_ENV, "no RabbitMQ management API: " + e.getMessage());
        }
    }

    @Test
    void createsTracedVirtualHostsDropsTheirConnectionsAndDeletesThem() throws Exception {
        String vhost = RabbitVirtualHosts.PREFIX + "mgmt-" + System.nanoTime();
        api.createVirtualHosts(List.of(vhost), amqp.getUsername());
        try {
            ConnectionFactory f = amqp.clone();
            f.setVirtualHost(vhost);
            Connection c = f.newConnection("victim");
            try {
                // the firehose is on: a publish is traced to amq.rabbitmq.trace
                var ch = c.createChannel();
                String q = ch.queueDeclare().getQueue();
                ch.queueBind(q, "amq.rabbitmq.trace", "publish.#");
                ch.basicPublish("", "nowhere", null, new byte[0]);
                Await.until(Duration.ofSeconds(10), "the publish is traced to amq.rabbitmq.trace",
                        () -> ch.messageCount(q) > 0);
                assertThat(ch.messageCount(q)).as("traced publishes").isEqualTo(1);

                CompletableFuture<ShutdownSignalException> closed = new CompletableFuture<>();
                c.addShutdownListener(closed::complete);
                api.closeConnections(vhost, "oslo4j test");  // the victim was opened a moment ago: not listed yet
                assertThat(closed.get(10, TimeUnit.SECONDS).getMessage()).contains("CONNECTION_FORCED");
            } finally {
                c.abort();
            }
        } finally {
            api.deleteVirtualHosts(List.of(vhost));
        }
        ConnectionFactory gone = amqp.clone();
        gone.setVirtualHost(vhost);
        assertThatThrownBy(() -> gone.newConnection().close()).as("the virtual host is gone")
                .isInstanceOf(java.io.IOException.class);
        api.deleteVirtualHosts(List.of(vhost)); // absent: no error
    }

    @Test
    void refusedCredentialsAndAnUnreachableApiAreNamed() {
        ManagementApi wrongPassword = ManagementApi.at("http://" + amqp.getHost() + ":15672/", amqp.getUsername(),
                "not-the-password", amqp);
        assertThatThrownBy(wrongPassword::probe).hasMessageContaining("answered 401");
        ManagementApi closedPort = ManagementApi.at("http://nobody:secret@127.0.0.1:1/", "u", "p", amqp);
        assertThatThrownBy(closedPort::probe).hasMessageContaining("management API http://127.0.0.1:1/ is not reachable")
                .hasMessageNotContaining("secret");
        assertThatThrownBy(() -> ManagementApi.at("ftp://h/", "u", "p", amqp))
                .hasMessageContaining("is not an http://[user:password@]host:port/ URL");
    }
}
