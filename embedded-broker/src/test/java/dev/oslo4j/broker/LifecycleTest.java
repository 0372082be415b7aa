package dev.oslo4j.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.rabbitmq.client.AuthenticationFailureException;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;

import dev.oslo4j.broker.support.Amqp;
import dev.oslo4j.testsupport.Await;

/** Starting and stopping leaves the JVM as it was: no properties, files or threads behind. */
class LifecycleTest {

    @Test
    void noSystemPropertyIsLeftAfterStartOrClose() throws Exception {
        Map<String, String> before = properties();
        try (EmbeddedBroker broker = EmbeddedBroker.start()) {
            assertThat(properties()).as("while running").isEqualTo(before);
            Connection connection = Amqp.factory(broker).newConnection();
            broker.restart();
            Await.until(Duration.ofSeconds(5), "the restart closed the connection", () -> !connection.isOpen());
            broker.leaseVirtualHost().close();
        }
        assertThat(properties()).as("after close").isEqualTo(before);
    }

    @Test
    void theJvmWideUncaughtExceptionHandlerIsRestored() {
        Thread.UncaughtExceptionHandler before = Thread.getDefaultUncaughtExceptionHandler();
        try (EmbeddedBroker broker = EmbeddedBroker.start()) {
            // Broker-J halts the JVM when a housekeeping task fails and no handler exists; one is in place.
            assertThat(Thread.getDefaultUncaughtExceptionHandler()).isNotNull();
        }
        assertThat(Thread.getDefaultUncaughtExceptionHandler()).isSameAs(before);
    }

    @Test
    void noFileIsWritten() throws Exception {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        Path cwd = Path.of("").toAbsolutePath();
        Set<String> tmpBefore = list(tmp);
        Set<String> cwdBefore = list(cwd);
        try (EmbeddedBroker broker = EmbeddedBroker.start(); Connection connection = Amqp.factory(broker).newConnection()) {
            var channel = connection.createChannel();
            channel.queueDeclare("durable", true, false, false, null);
            channel.basicPublish("", "durable", com.rabbitmq.client.MessageProperties.PERSISTENT_BASIC, new byte[1000]);
            broker.createVirtualHost("another");
        }
        assertThat(list(tmp)).as("new entries in %s", tmp).isEqualTo(tmpBefore);
        assertThat(list(cwd)).as("new entries in %s", cwd).isEqualTo(cwdBefore);
    }

    @Test
    void closeStopsEveryThreadTheBrokerStarted() {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        try (EmbeddedBroker broker = EmbeddedBroker.start()) {
            broker.leaseVirtualHost().close();
        }
        Await.until(Duration.ofSeconds(10), "broker threads ended", () -> newThreads(before).isEmpty());
    }

    @Test
    void aFailedStartThrowsANamedErrorAndLeavesNoThread() throws IOException {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        Map<String, String> properties = properties();
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> EmbeddedBroker.builder().port(taken.getLocalPort()).start())
                    .isInstanceOf(EmbeddedBrokerException.class)
                    .hasMessageContaining(String.valueOf(taken.getLocalPort()));
        }
        Await.until(Duration.ofSeconds(10), "no thread of the failed broker is left",
                () -> newThreads(before).isEmpty());
        assertThat(properties()).isEqualTo(properties);
    }

    @Test
    void aWrongPasswordIsRefusedWithoutEchoingIt() throws Exception {
        try (EmbeddedBroker broker = EmbeddedBroker.builder().user("svc").password("s3cret").start()) {
            ConnectionFactory factory = Amqp.factory(broker);
            factory.setPassword("wrong-pass");
            assertThatThrownBy(() -> factory.newConnection().close())
                    .isInstanceOf(AuthenticationFailureException.class)
                    .hasMessageContaining("ACCESS_REFUSED")
                    .hasMessageNotContaining("wrong-pass")
                    .hasMessageNotContaining("s3cret");
            factory.setPassword("s3cret");
            try (Connection connection = factory.newConnection()) {
                assertThat(connection.isOpen()).isTrue();
            }
            assertThat(broker.toString()).doesNotContain("s3cret");
        }
    }

    @Test
    void anonymousLoginIsOffOnlyOnRequest() throws Exception {
        try (EmbeddedBroker broker = EmbeddedBroker.start()) {
            ConnectionFactory factory = Amqp.factory(broker);
            factory.setSaslConfig(com.rabbitmq.client.DefaultSaslConfig.ANONYMOUS);
            assertThatThrownBy(() -> factory.newConnection().close()).isInstanceOf(IOException.class);
        }
        try (EmbeddedBroker broker = EmbeddedBroker.builder().anonymousAccess(true).start()) {
            ConnectionFactory factory = Amqp.factory(broker);
            factory.setSaslConfig(com.rabbitmq.client.DefaultSaslConfig.ANONYMOUS);
            try (Connection connection = factory.newConnection()) {
                assertThat(connection.isOpen()).isTrue();
            }
        }
    }

    @Test
    void itBindsToLoopbackByDefaultAndReportsItsUrl() throws Exception {
        try (EmbeddedBroker broker = EmbeddedBroker.start()) {
            assertThat(broker.host()).isEqualTo("127.0.0.1");
            assertThat(broker.port()).isPositive();
            assertThat(broker.transportUrl()).isEqualTo("rabbit://guest:guest@127.0.0.1:" + broker.port() + "/");
            assertThat(broker.transportUrl("a/b c")).endsWith(":" + broker.port() + "/a%2Fb%20c");
            assertThat(broker.tlsPort()).isEqualTo(-1);
        }
    }

    @Test
    void badBuilderInputIsNamed() {
        assertThatThrownBy(() -> EmbeddedBroker.builder().port(70000)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("port");
        assertThatThrownBy(() -> EmbeddedBroker.builder().host(" ")).hasMessageContaining("host");
        assertThatThrownBy(() -> EmbeddedBroker.builder().user("")).hasMessageContaining("user");
        assertThatThrownBy(() -> EmbeddedBroker.builder().tls(Path.of("/no/such.p12"), new char[0]))
                .hasMessageContaining("/no/such.p12");
    }

    @Test
    void virtualHostNamesAreValidated() {
        try (EmbeddedBroker broker = EmbeddedBroker.start()) {
            assertThatThrownBy(() -> broker.createVirtualHost("/")).hasMessageContaining("'/'");
            assertThatThrownBy(() -> broker.createVirtualHost("oslo4j.pool.1")).hasMessageContaining("reserved");
            assertThatThrownBy(() -> broker.onPublish("no-such-vhost", m -> { }))
                    .isInstanceOf(EmbeddedBrokerException.class).hasMessageContaining("no-such-vhost");
            broker.createVirtualHost("v1");
            broker.createVirtualHost("v1");
            broker.deleteVirtualHost("v1");
            broker.deleteVirtualHost("v1");
        }
    }

    @Test
    void awaitCloseReturnsOnceClosed() throws Exception {
        EmbeddedBroker broker = EmbeddedBroker.start().closeOnJvmShutdown();
        Thread closer = new Thread(broker::close);
        closer.start();
        broker.awaitClose();
        closer.join(10_000);
        broker.close();
    }

    private static List<Thread> newThreads(Set<Thread> before) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> !before.contains(t) && t.isAlive())
                .filter(t -> !t.getName().startsWith("process reaper") && !t.getName().startsWith("Attach Listener")
                        && !t.getName().startsWith("surefire") && !t.getName().contains("Common-Cleaner"))
                .collect(Collectors.toList());
    }

    private static Map<String, String> properties() {
        Properties props = System.getProperties();
        Map<String, String> copy = new HashMap<>();
        for (String key : props.stringPropertyNames()) {
            copy.put(key, props.getProperty(key));
        }
        return copy;
    }

    private static Set<String> list(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        }
    }
}
