package dev.oslo4j.junit.internal;

import com.rabbitmq.client.ConnectionFactory;
import dev.oslo4j.messaging.TransportHost;
import dev.oslo4j.messaging.TransportURL;
import org.opentest4j.TestAbortedException;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * A real RabbitMQ named by a transport URL. Isolation: a fresh virtual host per test (see
 * {@link RabbitVirtualHosts}), so queues, exchanges and messages of parallel tests never meet — a name prefix
 * could not give that, as oslo's queue and fanout exchange names do not depend on the exchange. Recording: the
 * firehose ({@link FirehoseRecorder}). Faults: closing the test's vhost's connections; restarting a node shared
 * with other tests is refused (the test is aborted, saying so). Administration goes through the management API or
 * rabbitmqctl ({@link RabbitAdminChoice}).
 */
final class RabbitMqBackend implements BrokerBackend {

    private final TransportHost host;
    private final String maskedUrl;
    private final RabbitAdmin admin;
    private final RabbitVirtualHosts vhosts;
    private final ConnectionFactory factory;

    private RabbitMqBackend(TransportHost host, String maskedUrl) {
        this.host = host;
        this.maskedUrl = maskedUrl;
        this.factory = new ConnectionFactory();
        factory.setHost(host.hostname());
        factory.setPort(host.effectivePort());
        factory.setUsername(host.effectiveUsername());
        factory.setPassword(host.effectivePassword());
        this.admin = RabbitAdminChoice.choose(host, factory);
        this.vhosts = new RabbitVirtualHosts(admin, host.effectiveUsername());
    }

    /**
     * @throws BrokerUnavailable when nothing answers at the URL's first host
     */
    static RabbitMqBackend open(String url) {
        TransportURL parsed = TransportURL.parse(url);
        TransportHost first = parsed.effectiveHosts().get(0);
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(first.hostname(), first.effectivePort()), 2000);
        } catch (IOException e) {
            throw new BrokerUnavailable("RabbitMQ " + parsed + " (from " + Settings.URL_ENV + " or"
                    + " @OsloBrokerConfig) is not reachable at " + first.hostname() + ":" + first.effectivePort()
                    + ": " + e.getMessage());
        }
        return new RabbitMqBackend(first, parsed.toString());
    }

    @Override
    public String describe() {
        return "RabbitMQ " + maskedUrl + " (through the " + admin.describe() + ")";
    }

    @Override
    public Isolation isolate() {
        return new VirtualHost(vhosts.take());
    }

    @Override
    public void close() {
        vhosts.close();
    }

    private final class VirtualHost implements Isolation {
        private final String name;
        private FirehoseRecorder recorder;

        VirtualHost(String name) {
            this.name = name;
        }

        @Override
        public String transportUrl() {
            String hostPart = host.hostname().contains(":") ? "[" + host.hostname() + "]" : host.hostname();
            return "rabbit://" + encode(host.effectiveUsername()) + ":" + encode(host.effectivePassword()) + "@"
                    + hostPart + ":" + host.effectivePort() + "/" + encode(name);
        }

        @Override
        public String virtualHost() {
            return name;
        }

        @Override
        public void startRecording(Consumer<RawPublish> sink) {
            recorder = FirehoseRecorder.start(factory, name, sink);
        }

        @Override
        public void awaitRecorded() {
            recorder.sync();
        }

        @Override
        public void dropConnections() {
            admin.closeConnections(name, "oslo4j test: bus.dropConnections()");
        }

        @Override
        public void restartBroker() {
            throw new TestAbortedException("bus.restartBroker() is not available on a real RabbitMQ (" + maskedUrl
                    + "): restarting a node shared with other tests would break them; this test runs its restart"
                    + " part on the embedded broker only");
        }

        @Override
        public void close() {
            try {
                if (recorder != null) {
                    recorder.close();
                }
            } finally {
                vhosts.retire(name);
            }
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
