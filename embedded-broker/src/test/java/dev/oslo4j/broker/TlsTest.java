package dev.oslo4j.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;

import dev.oslo4j.broker.support.Amqp;
import dev.oslo4j.testsupport.TestCertificates;

/** The AMQPS port, with a certificate made at test time, with and without client certificates. */
class TlsTest {

    @TempDir
    static Path dir;
    private static TestCertificates certificates;
    private static Path brokerKeyStore;
    private static Path brokerTrustStore;
    private static TestCertificates.Issued client;

    @BeforeAll
    static void makeCertificates() throws Exception {
        certificates = new TestCertificates();
        brokerKeyStore = TestCertificates.keyStore(dir.resolve("broker.p12"),
                certificates.issue("localhost", List.of("localhost"), List.of("127.0.0.1")));
        brokerTrustStore = certificates.trustStore(dir.resolve("broker-trusts-clients.p12"));
        client = certificates.issue("oslo4j-test-client", List.of(), List.of());
    }

    @Test
    void clientsConnectOverTlsWithHostnameVerificationAndThePlainPortStillWorks() throws Exception {
        try (EmbeddedBroker broker = EmbeddedBroker.builder()
                .tls(brokerKeyStore, TestCertificates.STORE_PASSWORD).start()) {
            assertThat(broker.tlsPort()).isPositive().isNotEqualTo(broker.port());
            ConnectionFactory factory = Amqp.factory(broker);
            factory.setPort(broker.tlsPort());
            factory.useSslProtocol(certificates.clientContext(null));
            factory.enableHostnameVerification();
            try (Connection tls = factory.newConnection(); Connection plain = Amqp.factory(broker).newConnection()) {
                assertThat(tls.isOpen()).isTrue();
                assertThat(plain.isOpen()).isTrue();
                tls.createChannel().queueDeclare("over-tls", false, false, true, null);
            }
        }
    }

    @Test
    void requiredClientCertificatesAreEnforced() throws Exception {
        try (EmbeddedBroker broker = EmbeddedBroker.builder()
                .tls(brokerKeyStore, TestCertificates.STORE_PASSWORD)
                .tlsClientAuth(brokerTrustStore, TestCertificates.STORE_PASSWORD).start()) {
            ConnectionFactory without = Amqp.factory(broker);
            without.setPort(broker.tlsPort());
            without.useSslProtocol(certificates.clientContext(null));
            assertThatThrownBy(() -> without.newConnection().close()).isInstanceOf(Exception.class);

            ConnectionFactory with = Amqp.factory(broker);
            with.setPort(broker.tlsPort());
            with.useSslProtocol(certificates.clientContext(client));
            with.enableHostnameVerification();
            try (Connection connection = with.newConnection()) {
                assertThat(connection.isOpen()).isTrue();
            }
        }
    }

    @Test
    void aWrongKeyStorePasswordIsAStartFailure() {
        assertThatThrownBy(() -> EmbeddedBroker.builder().tls(brokerKeyStore, "nope".toCharArray()).start())
                .isInstanceOf(EmbeddedBrokerException.class)
                .hasMessageNotContaining("nope");
    }
}
