package dev.oslo4j.messaging.it;

import dev.oslo4j.messaging.BrokerConnectionError;
import dev.oslo4j.messaging.InvalidConfiguration;
import dev.oslo4j.messaging.MessagingOptions;
import dev.oslo4j.messaging.RpcClient;
import dev.oslo4j.messaging.RpcServer;
import dev.oslo4j.messaging.Target;
import dev.oslo4j.messaging.Transport;
import dev.oslo4j.testsupport.TestCertificates;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** TLS with oslo's options against a TLS front of the real broker, certificates made at test time. */
class TlsIT extends OnBothBrokers {

    @TempDir
    static Path dir;
    static TestCertificates certs;
    static Path caFile;
    static Path clientCert;
    static Path clientKeyPkcs1;
    static Path clientKeyPkcs8;

    public static class Echo {
        public String echo(String v) {
            return v;
        }
    }

    @BeforeAll
    static void makeCertificates() throws Exception {
        certs = new TestCertificates();
        caFile = certs.caPem(dir.resolve("ca.pem"));
        TestCertificates.Issued client = certs.issue("oslo4j-client", List.of(), List.of());
        clientCert = TestCertificates.pem(dir.resolve("client.pem"), client.certificate());
        clientKeyPkcs1 = TestCertificates.pem(dir.resolve("client-key-rsa.pem"), client.keys()); // BEGIN RSA PRIVATE KEY
        clientKeyPkcs8 = TestCertificates.pkcs8Key(dir.resolve("client-key.pem"), client.keys());
        assertThat(Files.readString(clientKeyPkcs1)).contains("BEGIN RSA PRIVATE KEY");
    }

    private void roundTrip(String url) {
        String topic = broker.uniqueTopic("tls");
        String exchange = broker.uniqueTopic("x");
        broker.deleteQueueAfter(topic, topic + ".s1");
        broker.deleteExchangeAfter(exchange, topic + "_fanout");
        try (Transport t = Transport.open(url, MessagingOptions.builder().controlExchange(exchange).build());
             RpcServer s = RpcServer.builder(t, Target.topic(topic).withServer("s1")).endpoint(new Echo()).build().start()) {
            assertThat(RpcClient.builder(t, Target.topic(topic)).build().call(Map.of(), "echo", Map.of("v", "secure"))
                    .textValue()).isEqualTo("secure");
        }
    }

    @Test
    void callsOverTlsWithTheCaFileAndHostnameVerification() throws Exception {
        try (TlsProxy tls = new TlsProxy(broker.port(), certs.issue("localhost", List.of("localhost"), List.of("127.0.0.1")), certs.ca(), false)) {
            roundTrip("rabbit://guest:guest@localhost:" + tls.port() + "/?ssl=true&ssl_ca_file=" + caFile);
            roundTrip("amqps://guest:guest@localhost:" + tls.port() + "/?ssl_ca_file=" + caFile + "&ssl_version=TLSv1_2");
        }
    }

    @Test
    void aCertificateForAnotherHostIsRefusedUnlessVerificationIsOff() throws Exception {
        try (TlsProxy tls = new TlsProxy(broker.port(), certs.issue("elsewhere", List.of("elsewhere.example"), List.of()), certs.ca(), false)) {
            assertThatThrownBy(() -> Transport.open("rabbit://guest:guest@localhost:" + tls.port()
                    + "/?ssl=true&ssl_ca_file=" + caFile))
                    .isInstanceOf(BrokerConnectionError.class).hasMessageContaining("TLS");
            roundTrip("rabbit://guest:guest@localhost:" + tls.port() + "/?ssl=true&ssl_ca_file=" + caFile
                    + "&ssl_enforce_hostname_verification=false");
        }
    }

    @Test
    void anUntrustedBrokerIsRefused() throws Exception {
        try (TlsProxy tls = new TlsProxy(broker.port(), certs.issue("localhost", List.of("localhost"), List.of()), certs.ca(), false)) {
            assertThatThrownBy(() -> Transport.open("rabbit://guest:guest@localhost:" + tls.port() + "/?ssl=true"))
                    .isInstanceOf(BrokerConnectionError.class).hasMessageContaining("TLS handshake failed");
        }
    }

    @Test
    void clientCertificatesInBothPemKeyFormats() throws Exception {
        try (TlsProxy tls = new TlsProxy(broker.port(), certs.issue("localhost", List.of("localhost"), List.of()), certs.ca(), true)) {
            String base = "rabbit://guest:guest@localhost:" + tls.port() + "/?ssl=true&ssl_ca_file=" + caFile;
            assertThatThrownBy(() -> Transport.open(base)).isInstanceOf(BrokerConnectionError.class);
            roundTrip(base + "&ssl_cert_file=" + clientCert + "&ssl_key_file=" + clientKeyPkcs1);
            roundTrip(base + "&ssl_cert_file=" + clientCert + "&ssl_key_file=" + clientKeyPkcs8);
        }
    }

    @Test
    void badTlsFilesAreNamed() {
        assertThatThrownBy(() -> Transport.open("rabbit://localhost:1/?ssl=true&ssl_ca_file=/no/such/ca.pem"))
                .isInstanceOf(InvalidConfiguration.class).hasMessageContaining("ssl_ca_file")
                .hasMessageContaining("/no/such/ca.pem");
        assertThatThrownBy(() -> Transport.open("rabbit://localhost:1/?ssl=true&ssl_cert_file=" + clientCert))
                .isInstanceOf(InvalidConfiguration.class).hasMessageContaining("ssl_key_file");
        assertThatThrownBy(() -> Transport.open("rabbit://localhost:1/?ssl=true&ssl_version=SSLv3"))
                .isInstanceOf(InvalidConfiguration.class).hasMessageContaining("ssl_version");
    }
}
