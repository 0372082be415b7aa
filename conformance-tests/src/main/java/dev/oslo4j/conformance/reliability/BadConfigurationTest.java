package dev.oslo4j.conformance.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

import dev.oslo4j.broker.EmbeddedBroker;
import dev.oslo4j.conformance.broker.BrokerUnderTest;
import dev.oslo4j.conformance.broker.OnEveryBroker;
import dev.oslo4j.messaging.BrokerConnectionError;
import dev.oslo4j.messaging.InvalidConfiguration;
import dev.oslo4j.messaging.InvalidTransportURL;
import dev.oslo4j.messaging.MessagingOptions;
import dev.oslo4j.messaging.Transport;
import dev.oslo4j.messaging.TransportHost;
import dev.oslo4j.messaging.TransportURL;

/**
 * Issue 7 §5: bad transport URLs and options, one row per mistake, each tried with a plain and with a
 * percent-encoded password in the URL. Every attempt must fail with the row's exception type, whose message names
 * the field at fault; no password form may appear in the message, the cause chain, the stack trace or any log
 * line of the library, the AMQP client or the embedded broker captured during the attempt.
 */
class BadConfigurationTest {

    /** One bad configuration: how to try it with a given URL password, and what the failure must say. */
    record Bad(String name, Attempt attempt, Class<? extends Exception> type, String field) {
        @Override
        public String toString() {
            return name;
        }
    }

    @FunctionalInterface
    interface Attempt {
        /** Opens a transport with {@code password} (as written in a URL) somewhere in its configuration. */
        Transport open(String password) throws Exception;
    }

    private static Bad url(String name, String urlWithPassword, Class<? extends Exception> type, String field) {
        return new Bad(name, pw -> Transport.open(urlWithPassword.replace("PW", pw)), type, field);
    }

    private static Bad options(String name, MessagingOptionsFactory options, String field) {
        return new Bad(name, pw -> Transport.open("rabbit://guest:" + pw + "@127.0.0.1:1/", options.build()),
                InvalidConfiguration.class, field);
    }

    @FunctionalInterface
    interface MessagingOptionsFactory {
        MessagingOptions build();
    }

    static List<Bad> withoutBroker(int closedPort) {
        List<Bad> rows = new ArrayList<>();
        rows.add(url("unknown scheme", "zmq://guest:PW@127.0.0.1/", InvalidTransportURL.class, "scheme"));
        rows.add(url("AMQP 1.0 scheme", "amqp://guest:PW@127.0.0.1/", InvalidTransportURL.class, "scheme"));
        rows.add(url("no scheme", "guest:PW@127.0.0.1/", InvalidTransportURL.class, "scheme"));
        rows.add(url("unknown option", "rabbit://guest:PW@127.0.0.1/?rabbit_bogus=1", InvalidConfiguration.class,
                "rabbit_bogus"));
        rows.add(url("misspelt option", "rabbit://guest:PW@127.0.0.1/?rpc_response_timout=5",
                InvalidConfiguration.class, "rpc_response_timout"));
        rows.add(url("non-numeric port", "rabbit://guest:PW@127.0.0.1:abc/", InvalidTransportURL.class, "port"));
        rows.add(url("port 0", "rabbit://guest:PW@127.0.0.1:0/", InvalidTransportURL.class, "port"));
        rows.add(url("port 70000", "rabbit://guest:PW@127.0.0.1:70000/", InvalidTransportURL.class, "port"));
        rows.add(url("empty host", "rabbit://guest:PW@:5672/", InvalidTransportURL.class, "host"));
        rows.add(url("credentials but no host", "rabbit://guest:PW@/", InvalidTransportURL.class, "host"));
        rows.add(url("IPv6 host without ']'", "rabbit://guest:PW@[::1:5672/", InvalidTransportURL.class, "IPv6"));
        rows.add(url("bad percent-encoding in the password", "rabbit://guest:PW%zz@127.0.0.1/",
                InvalidTransportURL.class, "password"));
        rows.add(url("bad percent-encoding in the virtual host", "rabbit://guest:PW@127.0.0.1/vh%2",
                InvalidTransportURL.class, "virtual host"));
        rows.add(url("bad percent-encoding in an option", "rabbit://guest:PW@127.0.0.1/?ssl_ca_file=%G1",
                InvalidTransportURL.class, "ssl_ca_file"));
        rows.add(url("negative timeout", "rabbit://guest:PW@127.0.0.1/?rpc_response_timeout=-1",
                InvalidConfiguration.class, "rpc_response_timeout"));
        rows.add(url("non-numeric timeout", "rabbit://guest:PW@127.0.0.1/?rpc_response_timeout=soon",
                InvalidConfiguration.class, "rpc_response_timeout"));
        rows.add(url("negative queue TTL", "rabbit://guest:PW@127.0.0.1/?rabbit_transient_queues_ttl=-1",
                InvalidConfiguration.class, "rabbit_transient_queues_ttl"));
        rows.add(url("reconnect delay above its maximum", "rabbit://guest:PW@127.0.0.1/?kombu_reconnect_delay=9",
                InvalidConfiguration.class, "kombu_reconnect_delay"));
        rows.add(url("bad boolean", "rabbit://guest:PW@127.0.0.1/?ssl=maybe", InvalidConfiguration.class, "ssl"));
        rows.add(url("unknown kombu_failover_strategy", "rabbit://guest:PW@127.0.0.1/?kombu_failover_strategy=random",
                InvalidConfiguration.class, "kombu_failover_strategy"));
        rows.add(url("unknown rabbit_login_method", "rabbit://guest:PW@127.0.0.1/?rabbit_login_method=KERBEROS",
                InvalidConfiguration.class, "rabbit_login_method"));
        rows.add(url("missing CA file", "rabbit://guest:PW@127.0.0.1/?ssl=true&ssl_ca_file=/no/such/ca.pem",
                InvalidConfiguration.class, "ssl_ca_file"));
        rows.add(url("client certificate without key",
                "rabbit://guest:PW@127.0.0.1/?ssl=true&ssl_cert_file=" + Path.of("/no/such/cert.pem"),
                InvalidConfiguration.class, "ssl_"));
        rows.add(url("unreachable host (closed port)", "rabbit://guest:PW@127.0.0.1:" + closedPort + "/",
                BrokerConnectionError.class, "127.0.0.1:" + closedPort));
        rows.add(new Bad("empty URL", pw -> Transport.open(""), InvalidTransportURL.class, "transport URL"));
        rows.add(new Bad("null URL", pw -> Transport.open((String) null), InvalidTransportURL.class, "transport URL"));
        rows.add(options("negative timeout option", () -> MessagingOptions.builder()
                .set("rpc_response_timeout", -5).build(), "rpc_response_timeout"));
        rows.add(options("unknown option name", () -> MessagingOptions.builder()
                .set("rpc_timeout", 5).build(), "rpc_timeout"));
        rows.add(options("option of the wrong type", () -> MessagingOptions.builder()
                .set("amqp_durable_queues", "perhaps").build(), "amqp_durable_queues"));
        rows.add(options("quorum and HA queues together", () -> MessagingOptions.builder()
                .set("rabbit_quorum_queue", true).set("rabbit_ha_queues", true).build(), "rabbit_ha_queues"));
        return rows;
    }

    @Test
    void badUrlsAndOptionsNameTheFieldAndNeverThePassword() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        List<Bad> table = withoutBroker(closedPort);
        assertThat(table).hasSizeGreaterThanOrEqualTo(15);
        SoftAssertions soft = new SoftAssertions();
        int cases = 0;
        for (Bad bad : table) {
            for (String password : List.of(Secrets.PASSWORD, Secrets.ENCODED_PASSWORD)) {
                check(soft, bad, password);
                cases++;
            }
        }
        System.out.printf("bad configuration: %d kinds, %d cases (plain and percent-encoded password)%n",
                table.size(), cases);
        soft.assertAll();
    }

    /** Mistakes only a broker can point out: wrong password, unknown virtual host. */
    @OnEveryBroker
    void theBrokerRefusesAndTheErrorNamesWhatItRefused(BrokerUnderTest broker) {
        TransportHost host = TransportURL.parse(broker.transportUrl()).hosts().get(0);
        String user = host.effectiveUsername();
        String address = host.hostname() + ":" + host.effectivePort();
        String vhost = broker.virtualHost().equals("/") ? "" : broker.virtualHost();
        List<Bad> table = List.of(
                url("wrong password", "rabbit://" + user + ":PW@" + address + "/" + vhost,
                        BrokerConnectionError.class, "authentication failed"),
                // the broker's real password: a wrong one would be refused before the virtual host is looked at
                url("unknown virtual host", "rabbit://" + user + ":" + host.effectivePassword() + "@" + address
                        + "/oslo4j-no-such-vhost", BrokerConnectionError.class, "oslo4j-no-such-vhost"));
        SoftAssertions soft = new SoftAssertions();
        for (Bad bad : table) {
            for (String password : List.of(Secrets.PASSWORD, Secrets.ENCODED_PASSWORD)) {
                check(soft, bad, password);
            }
        }
        soft.assertAll();
    }

    /** A broker that has no guest account: a URL without credentials (oslo then uses guest) is refused. */
    @Test
    void missingCredentialsAreRefusedWhereTheBrokerNeedsThem() throws Exception {
        try (EmbeddedBroker broker = EmbeddedBroker.builder().user("oslo4j").password(Secrets.PASSWORD).start()) {
            SoftAssertions soft = new SoftAssertions();
            String address = broker.host() + ":" + broker.port();
            check(soft, url("no credentials", "rabbit://" + address + "/", BrokerConnectionError.class, "guest@"),
                    Secrets.PASSWORD);
            check(soft, url("user without password", "rabbit://oslo4j@" + address + "/", BrokerConnectionError.class,
                    "oslo4j@"), Secrets.PASSWORD);
            check(soft, url("wrong user", "rabbit://nova:PW@" + address + "/", BrokerConnectionError.class,
                    "nova@"), Secrets.PASSWORD);
            soft.assertThat(broker.toString()).as("EmbeddedBroker.toString()").doesNotContain(Secrets.PASSWORD);
            soft.assertAll();
        }
    }

    private static void check(SoftAssertions soft, Bad bad, String password) {
        String label = bad + " [" + (password.equals(Secrets.PASSWORD) ? "plain" : "percent-encoded") + " password]";
        Throwable thrown = null;
        try (LogCapture log = Secrets.captureAllLogs()) {
            try (Transport opened = bad.attempt().open(password)) {
                soft.fail("%s: opened %s instead of failing", label, opened);
            } catch (Exception | Error e) {
                thrown = e;
            }
            soft.assertThat(Secrets.leaks(log)).as("%s: log lines", label).isEmpty();
        }
        if (thrown == null) {
            return;
        }
        soft.assertThat(thrown).as("%s: exception type (%s)", label, thrown).isInstanceOf(bad.type());
        soft.assertThat(thrown.getMessage()).as("%s: the message names the field", label).contains(bad.field());
        soft.assertThat(Secrets.leaks("exception", Secrets.everythingShownOf(thrown))).as("%s", label).isEmpty();
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            soft.assertThat(Secrets.leaks("toString of " + t.getClass().getName(), t.toString())).as("%s", label)
                    .isEmpty();
        }
    }
}
