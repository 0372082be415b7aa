package dev.oslo4j.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;

import dev.oslo4j.broker.support.Amqp;
import dev.oslo4j.broker.support.TestCertificates;

/** The AMQPS port, with a certificate made at test time, with and without client certificates. */
class TlsTest {

    @TempDir
    static Path dir;
    private static TestCertificates certificates;

    @BeforeAll
    static void makeCertificates() throws Exception {
        certificates = TestCertificates.create(dir);
    }

    @Test
    void clientsConnectOverTlsWithHostnameVerificationAndThePlainPortStillWorks() throws Exception {
        try (EmbeddedBroker broker = EmbeddedBroker.builder()
                .tls(certificates.brokerKeyStore, TestCertificates.PASSWORD).start()) {
            assertThat(broker.tlsPort()).isPositive().isNotEqualTo(broker.port());
            ConnectionFactory factory = Amqp.factory(broker);
            factory.setPort(broker.tlsPort());
            factory.useSslProtocol(certificates.clientContext(false));
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
                .tls(certificates.brokerKeyStore, TestCertificates.PASSWORD)
                .tlsClientAuth(certificates.brokerTrustStore, TestCertificates.PASSWORD).start()) {
            ConnectionFactory without = Amqp.factory(broker);
            without.setPort(broker.tlsPort());
            without.useSslProtocol(certificates.clientContext(false));
            assertThatThrownBy(() -> without.newConnection().close()).isInstanceOf(Exception.class);

            ConnectionFactory with = Amqp.factory(broker);
            with.setPort(broker.tlsPort());
            with.useSslProtocol(certificates.clientContext(true));
            with.enableHostnameVerification();
            try (Connection connection = with.newConnection()) {
                assertThat(connection.isOpen()).isTrue();
            }
        }
    }

    @Test
    void aWrongKeyStorePasswordIsAStartFailure() {
        assertThatThrownBy(() -> EmbeddedBroker.builder().tls(certificates.brokerKeyStore, "nope".toCharArray()).start())
                .isInstanceOf(EmbeddedBrokerException.class)
                .hasMessageNotContaining("nope");
    }
}
