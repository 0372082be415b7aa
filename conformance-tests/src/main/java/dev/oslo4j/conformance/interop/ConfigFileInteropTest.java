package dev.oslo4j.conformance.interop;

import dev.oslo4j.conformance.broker.BrokerUnderTest;
import dev.oslo4j.conformance.broker.OnEveryBroker;
import dev.oslo4j.conformance.python.PeerCommand;
import dev.oslo4j.conformance.python.PeerConfig;
import dev.oslo4j.conformance.python.PeerJson;
import dev.oslo4j.conformance.python.PeerReply;
import dev.oslo4j.conformance.python.PythonListener;
import dev.oslo4j.conformance.python.PythonNotifier;
import dev.oslo4j.conformance.python.PythonRpcClient;
import dev.oslo4j.conformance.python.PythonRpcServer;
import dev.oslo4j.conformance.python.ReceivedNotification;
import dev.oslo4j.conformance.python.RequiresPython;
import dev.oslo4j.messaging.NotificationEndpoint;
import dev.oslo4j.messaging.NotificationListener;
import dev.oslo4j.messaging.NotificationMetadata;
import dev.oslo4j.messaging.NotificationResult;
import dev.oslo4j.messaging.OsloConfig;
import dev.oslo4j.messaging.RequestContext;
import dev.oslo4j.messaging.RpcClient;
import dev.oslo4j.messaging.RpcServer;
import dev.oslo4j.messaging.Target;
import dev.oslo4j.messaging.Transport;
import dev.oslo4j.testsupport.Await;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Java and Python oslo.messaging 14.0.3 configured by the same oslo.config file and nothing else: a nova-shaped
 * file (control exchange not {@code openstack}) for RPC both ways, a neutron-shaped one (its own control exchange,
 * two notification topics, none of them {@code notifications}) for notifications both ways. The peers are given
 * only {@code --config-file}: no URL, exchange or topic.
 */
@RequiresPython
class ConfigFileInteropTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    private Interop it;
    private Path dir;

    @BeforeEach
    void setUp(BrokerUnderTest broker) throws IOException {
        it = Interop.on(broker);
        dir = Files.createTempDirectory("oslo4j-conf");
    }

    @AfterEach
    void tearDown() throws Exception {
        try {
            it.close();
        } finally {
            try (var files = Files.list(dir)) {
                for (Path p : files.toList()) {
                    Files.delete(p);
                }
            }
            Files.delete(dir);
        }
    }

    /** Echo for Python clients. */
    public static final class Echo {
        public Object echo(RequestContext ctxt, Object arg) {
            return Map.of("java", arg);
        }
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @OnEveryBroker
    void javaAndPythonRpcConfiguredByTheSameNovaConf() throws IOException {
        String exchange = it.names.exchange("nova");
        String computeTopic = it.names.topic("compute");
        String conductorTopic = it.names.topic("conductor");
        Path nova = write("nova.conf", """
                [DEFAULT]
                my_ip = 192.0.2.10
                host = compute-1
                state_path = /var/lib/nova
                transport_url = %s
                control_exchange = %s
                rpc_response_timeout = 30
                [api_database]
                connection = mysql+pymysql://nova:secret@db/nova_api
                [oslo_messaging_rabbit]
                rabbit_transient_queues_ttl = %d
                rabbit_qos_prefetch_count = 8
                [oslo_concurrency]
                lock_path = $state_path/tmp
                """.formatted(it.transportUrl(), exchange, InteropPeers.TRANSIENT_QUEUES_TTL_SECONDS));
        OsloConfig conf = OsloConfig.load(List.of(nova), List.of());
        assertThat(conf.messagingOptions().controlExchange()).isEqualTo(exchange);

        // Java client -> Python server, both on the file's control exchange
        PythonRpcServer pyServer = it.track(PythonRpcServer.start(PeerConfig.forConfigFiles(List.of(nova))
                .with("topic", computeTopic).with("server", it.names.server(computeTopic, "compute-1"))));
        assertThat(pyServer.peer().readyEvent().path("exchange").asText()).isEqualTo(exchange);
        Transport transport = it.track(conf.openTransport());
        JsonNode echoed = RpcClient.builder(transport, Target.topic(computeTopic)).build()
                .call(Map.of(), "echo", Map.of("arg", "from java"));
        assertThat(echoed).isEqualTo(PeerJson.tree("from java"));

        // Python client -> Java server
        it.track(RpcServer.builder(transport, Target.topic(conductorTopic).withServer("conductor-1"))
                .endpoint(new Echo()).build().start());
        PythonRpcClient pyClient = it.track(PythonRpcClient.start(PeerConfig.forConfigFiles(List.of(nova))));
        PeerReply reply = pyClient.run(PeerCommand.call("echo").target(Map.of("topic", conductorTopic))
                .arg("arg", "from python"), WAIT);
        assertThat(reply.isError()).as(reply.raw().toString()).isFalse();
        assertThat(reply.result()).isEqualTo(PeerJson.tree(Map.of("java", "from python")));
    }

    @OnEveryBroker
    void javaAndPythonNotificationsConfiguredByTheSameNeutronConf() throws Exception {
        String exchange = it.names.exchange("neutron");
        String topicA = it.names.topic("neutron_notifications");
        String topicB = it.names.topic("searchlight_indexer");
        Path neutron = write("neutron.conf", """
                [DEFAULT]
                core_plugin = ml2
                transport_url = %s
                control_exchange = %s
                [database]
                connection = mysql+pymysql://neutron:secret@db/neutron
                [oslo_messaging_rabbit]
                rabbit_transient_queues_ttl = %d
                [oslo_messaging_notifications]
                driver = messagingv2
                topics = %s, %s
                """.formatted(it.transportUrl(), exchange, InteropPeers.TRANSIENT_QUEUES_TTL_SECONDS, topicA, topicB));
        OsloConfig conf = OsloConfig.load(List.of(neutron), List.of());

        // Java notifier (driver, topics, exchange from the file) -> Python listener on the file's topics
        PythonListener pyListener = it.track(PythonListener.start(PeerConfig.forConfigFiles(List.of(neutron))
                .with("targets_from_conf", true).with("priorities", List.of("info"))));
        Transport transport = it.track(conf.openNotificationTransport());
        conf.notifierBuilder(transport).publisherId("network.host1").build()
                .info(Map.of(), "port.create.end", Map.of("port_id", "p-1")).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        List<ReceivedNotification> got = pyListener.awaitNotifications(2, WAIT); // one per topic
        assertThat(got).extracting(ReceivedNotification::eventType).containsExactly("port.create.end", "port.create.end");
        assertThat(got).extracting(ReceivedNotification::publisherId).containsOnly("network.host1");

        // Python notifier (driver, topics from the file) -> Java listener on the file's topics (alone on them: the
        // Python listener would share their queues)
        pyListener.close();
        List<String> seen = new CopyOnWriteArrayList<>();
        it.track(NotificationListener.builder(transport)
                .targets(conf.notificationTopics().stream().map(Target::topic).toList())
                .endpoint(new NotificationEndpoint() {
                    @Override
                    public NotificationResult info(RequestContext ctxt, String publisherId, String eventType,
                                                   JsonNode payload, NotificationMetadata metadata) {
                        seen.add(eventType + " " + payload);
                        return NotificationResult.HANDLED;
                    }
                }).build().start());
        PythonNotifier pyNotifier = it.track(PythonNotifier.start(PeerConfig.forConfigFiles(List.of(neutron))));
        pyNotifier.notify(PeerCommand.notify("info", "router.update.end").payload(Map.of("router_id", "r-1"))
                .publisherId("network.host2").with("from_conf", true));
        Await.until(WAIT, "the Python notification on both topics", () -> seen.size() >= 2, seen::toString);
        assertThat(seen).containsExactly("router.update.end {\"router_id\":\"r-1\"}",
                "router.update.end {\"router_id\":\"r-1\"}");
    }
}
