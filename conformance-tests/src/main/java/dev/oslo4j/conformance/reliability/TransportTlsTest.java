package dev.oslo4j.conformance.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.oslo4j.broker.EmbeddedBroker;
import dev.oslo4j.messaging.BrokerConnectionError;
import dev.oslo4j.messaging.MessagingOptions;
import dev.oslo4j.messaging.RpcClient;
import dev.oslo4j.messaging.RpcServer;
import dev.oslo4j.messaging.Target;
import dev.oslo4j.messaging.Transport;
import dev.oslo4j.testsupport.TestCertificates;

/**
 * Issue 7 §6, TLS: oslo's options ({@code ssl=true} or {@code amqps://}, {@code ssl_ca_file}, {@code ssl_cert_file}
 * + {@code ssl_key_file}, {@code ssl_enforce_hostname_verification}) against embedded brokers whose certificates
 * are made at test time by a throwaway CA. One broker requires client certificates and presents a certificate for
 * localhost/127.0.0.1; the other presents a certificate for another host name.
 */
class TransportTlsTest {

    @TempDir
    static Path dir;
    private static Path caFile;
    private static Path otherCaFile;
    private static Path clientCert;
    private static Path clientKey;
    private static Path strangerCert;
    private static Path strangerKey;
    private static EmbeddedBroker clientAuthBroker;
    private static EmbeddedBroker wrongNameBroker;

    public static class Echo {
        public String echo(String v) {
            return v;
        }
    }

    @BeforeAll
    static void startBrokers() throws Exception {
        TestCertificates pki = new TestCertificates("oslo4j test CA");
        TestCertificates other = new TestCertificates("some other CA");
        caFile = pki.caPem(dir.resolve("ca.pem"));
        otherCaFile = other.caPem(dir.resolve("other-ca.pem"));
        TestCertificates.Issued client = pki.issue("oslo4j-client", List.of(), List.of());
        clientCert = TestCertificates.pem(dir.resolve("client.pem"), client.certificate());
        clientKey = TestCertificates.pkcs8Key(dir.resolve("client-key.pem"), client.keys());
        TestCertificates.Issued stranger = other.issue("stranger", List.of(), List.of());
        strangerCert = TestCertificates.pem(dir.resolve("stranger.pem"), stranger.certificate());
        strangerKey = TestCertificates.pkcs8Key(dir.resolve("stranger-key.pem"), stranger.keys());
        clientAuthBroker = EmbeddedBroker.builder()
                .tls(TestCertificates.keyStore(dir.resolve("localhost.p12"), pki.issue("localhost", List.of("localhost"), List.of("127.0.0.1"))),
                        TestCertificates.STORE_PASSWORD)
                .tlsClientAuth(pki.trustStore(dir.resolve("clients.p12")), TestCertificates.STORE_PASSWORD).start();
        wrongNameBroker = EmbeddedBroker.builder()
                .tls(TestCertificates.keyStore(dir.resolve("elsewhere.p12"), pki.issue("elsewhere", List.of("elsewhere.example"), List.of())),
                        TestCertificates.STORE_PASSWORD).start();
    }

    @AfterAll
    static void stopBrokers() {
        if (clientAuthBroker != null) {
            clientAuthBroker.close();
        }
        if (wrongNameBroker != null) {
            wrongNameBroker.close();
        }
    }

    private static String url(String scheme, EmbeddedBroker broker, String host, String query) {
        return scheme + "://guest:guest@" + host + ":" + broker.tlsPort() + "/?" + query;
    }

    private static String clientAuth() {
        return "&ssl_cert_file=" + clientCert + "&ssl_key_file=" + clientKey;
    }

    private static void roundTrip(String url) {
        try (Transport t = Transport.open(url, MessagingOptions.defaults());
             RpcServer ignored = RpcServer.builder(t, Target.topic("tls").withServer("s1")).endpoint(new Echo())
                     .build().start()) {
            assertThat(RpcClient.builder(t, Target.topic("tls")).build().call(Map.of(), "echo", Map.of("v", "secure"))
                    .textValue()).isEqualTo("secure");
        }
    }

    @Test
    void sslTrueWithCaFileAndClientCertificate() {
        roundTrip(url("rabbit", clientAuthBroker, "localhost", "ssl=true&ssl_ca_file=" + caFile + clientAuth()));
        roundTrip(url("rabbit", clientAuthBroker, "127.0.0.1", "ssl=true&ssl_ca_file=" + caFile + clientAuth()));
    }

    @Test
    void amqpsSchemeMeansTls() {
        roundTrip(url("amqps", clientAuthBroker, "localhost", "ssl_ca_file=" + caFile + clientAuth()));
    }

    @Test
    void aBrokerRequiringClientCertificatesRefusesClientsWithoutOrWithAnUntrustedOne() {
        assertThatThrownBy(() -> Transport.open(url("rabbit", clientAuthBroker, "localhost",
                "ssl=true&ssl_ca_file=" + caFile)))
                .isInstanceOf(BrokerConnectionError.class).hasMessageContaining("localhost:" + clientAuthBroker.tlsPort());
        assertThatThrownBy(() -> Transport.open(url("rabbit", clientAuthBroker, "localhost",
                "ssl=true&ssl_ca_file=" + caFile + "&ssl_cert_file=" + strangerCert + "&ssl_key_file=" + strangerKey)))
                .isInstanceOf(BrokerConnectionError.class);
    }

    @Test
    void aBrokerCertificateFromAnotherCaIsRefused() {
        assertThatThrownBy(() -> Transport.open(url("rabbit", clientAuthBroker, "localhost",
                "ssl=true&ssl_ca_file=" + otherCaFile + clientAuth())))
                .isInstanceOf(BrokerConnectionError.class).hasMessageContaining("TLS handshake failed")
                .hasMessageContaining("ssl_ca_file");
        // no ssl_ca_file: the JVM's trust store, which knows nothing of the test CA
        assertThatThrownBy(() -> Transport.open(url("rabbit", clientAuthBroker, "localhost", "ssl=true" + clientAuth())))
                .isInstanceOf(BrokerConnectionError.class).hasMessageContaining("TLS handshake failed");
    }

    @Test
    void hostnameVerificationIsOnByDefaultAndOslosOptionTurnsItOff() {
        assertThatThrownBy(() -> Transport.open(url("rabbit", wrongNameBroker, "localhost", "ssl=true&ssl_ca_file=" + caFile)))
                .isInstanceOf(BrokerConnectionError.class).hasMessageContaining("TLS")
                .hasMessageContaining("names this host");
        assertThatThrownBy(() -> Transport.open(url("amqps", wrongNameBroker, "127.0.0.1", "ssl_ca_file=" + caFile)))
                .isInstanceOf(BrokerConnectionError.class).hasMessageContaining("TLS");
        roundTrip(url("rabbit", wrongNameBroker, "localhost",
                "ssl=true&ssl_ca_file=" + caFile + "&ssl_enforce_hostname_verification=false"));
    }

    @Test
    void thePlainPortStaysPlain() {
        assertThatThrownBy(() -> Transport.open("rabbit://guest:guest@localhost:" + clientAuthBroker.port()
                + "/?ssl=true&ssl_ca_file=" + caFile + clientAuth()))
                .isInstanceOf(BrokerConnectionError.class);
        roundTrip("rabbit://guest:guest@localhost:" + clientAuthBroker.port() + "/");
    }
}
