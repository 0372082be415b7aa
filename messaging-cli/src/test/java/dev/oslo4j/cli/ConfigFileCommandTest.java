package dev.oslo4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oslo4j.broker.EmbeddedBroker;
import dev.oslo4j.broker.PublishRecording;
import dev.oslo4j.broker.PublishedMessage;
import dev.oslo4j.broker.VirtualHostLease;
import dev.oslo4j.messaging.RequestContext;
import dev.oslo4j.messaging.RpcServer;
import dev.oslo4j.messaging.Target;
import dev.oslo4j.messaging.Transport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --config-file} / {@code --config-dir} on the commands: the transport URL, control exchange, timeout
 * and notification driver and topics come from a neutron-shaped file; missing files and bad values exit 3.
 */
class ConfigFileCommandTest {

    @AutoClose
    private static EmbeddedBroker broker;

    @TempDir
    Path dir;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedBroker.start();
    }

    /** A neutron.conf whose bus is {@code url}: control exchange {@code neutron}, two notification topics. */
    private Path neutronConf(String url, String driver) throws IOException {
        Path f = dir.resolve("neutron.conf");
        Files.writeString(f, """
                [DEFAULT]
                core_plugin = ml2
                bind_host = 0.0.0.0
                transport_url = %s
                control_exchange = neutron
                rpc_response_timeout = 30

                [database]
                connection = mysql+pymysql://neutron:secret@db/neutron

                [oslo_messaging_notifications]
                driver = %s
                topics = neutron_notifications,searchlight_indexer
                """.formatted(url, driver));
        return f;
    }

    /** Echoes on topic {@code q-plugin} of exchange {@code neutron} only. */
    public static final class Echo {
        public Object echo(RequestContext ctxt, Object arg) {
            return arg;
        }
    }

    @Test
    void callTakesUrlAndControlExchangeFromTheFile() throws Exception {
        try (VirtualHostLease vhost = broker.leaseVirtualHost();
                Transport transport = Transport.open(vhost.transportUrl());
                RpcServer server = RpcServer.builder(transport,
                        Target.builder().exchange("neutron").topic("q-plugin").server("net1").build())
                        .endpoint(new Echo()).build().start()) {
            Path conf = neutronConf(vhost.transportUrl(), "messagingv2");
            CliRun run = CliRun.of("call", "--config-file", conf.toString(), "--topic", "q-plugin", "echo",
                    "{\"arg\": \"pong\"}");
            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.out()).contains("{\"result\": \"pong\"}");

            // the same through --config-dir, a later file overriding nothing essential
            Path d = Files.createDirectories(dir.resolve("neutron.conf.d"));
            Files.writeString(d.resolve("10-rpc.conf"), "[DEFAULT]\nrpc_response_timeout = 5\n");
            CliRun viaDir = CliRun.of("cast", "--config-file", conf.toString(), "--config-dir", d.toString(),
                    "--topic", "q-plugin", "echo", "{\"arg\": 1}");
            assertThat(viaDir.exitCode()).as(viaDir.toString()).isZero();
        }
    }

    @Test
    void notifyUsesTheFilesDriverTopicsAndExchange() throws Exception {
        List<PublishedMessage> published = new CopyOnWriteArrayList<>();
        try (VirtualHostLease vhost = broker.leaseVirtualHost();
                PublishRecording recording = broker.onPublish(vhost.name(), published::add)) {
            Path conf = neutronConf(vhost.transportUrl(), "messaging");
            CliRun run = CliRun.of("notify", "--config-file", conf.toString(), "info", "port.create.end",
                    "{\"port_id\": \"p-1\"}");
            assertThat(run.exitCode()).as(run.toString()).isZero();
            // notify returns once the broker confirmed: both publishes are recorded already
            assertThat(published).extracting(PublishedMessage::exchange).containsOnly("neutron");
            assertThat(published).extracting(PublishedMessage::routingKey)
                    .containsExactly("neutron_notifications.info", "searchlight_indexer.info");
            // driver = messaging: oslo's v1 format, no envelope
            assertThat(published.get(0).bodyAsString()).doesNotContain("oslo.version").contains("\"port_id\"");
        }
    }

    @Test
    void aMissingFileOrDirectoryOrBadValueExitsThreeNamingIt() throws Exception {
        Path missing = dir.resolve("missing.conf");
        CliRun run = CliRun.of("call", "--config-file", missing.toString(), "--topic", "t", "m");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("config file " + missing + " does not exist");

        CliRun noDir = CliRun.of("listen", "--config-dir", dir.resolve("nodir").toString(), "--count", "1");
        assertThat(noDir.exitCode()).as(noDir.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(noDir.err()).contains("config directory " + dir.resolve("nodir") + " does not exist");

        Path bad = dir.resolve("bad.conf");
        Files.writeString(bad, "[DEFAULT]\ntransport_url = rabbit://u:topsecret@h:5672/\n"
                + "[oslo_messaging_rabbit]\nheartbeat_timeout_threshold = often\n");
        CliRun badValue = CliRun.of("notify", "--config-file", bad.toString(), "info", "e.t");
        assertThat(badValue.exitCode()).as(badValue.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(badValue.err()).contains(bad + " [oslo_messaging_rabbit] option 'heartbeat_timeout_threshold'"
                + " must be an integer, got 'often'").doesNotContain("topsecret");

        CliRun broker = CliRun.of("broker", "--config-file", bad.toString());
        assertThat(broker.exitCode()).as(broker.toString()).isEqualTo(ExitCodes.USAGE);

        Path noUrl = dir.resolve("nourl.conf");
        Files.writeString(noUrl, "[DEFAULT]\ncontrol_exchange = nova\n");
        CliRun withoutUrl = CliRun.of("serve", "--config-file", noUrl.toString(), "--topic", "t");
        assertThat(withoutUrl.exitCode()).as(withoutUrl.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(withoutUrl.err()).contains("no transport URL: give --url URL, or --config-file FILE with"
                + " [DEFAULT] transport_url (not set in [" + noUrl + "])");
    }
}
