package dev.oslo4j.conformance.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.LongString;
import com.rabbitmq.client.impl.LongStringHelper;
import com.rabbitmq.client.SaslConfig;
import com.rabbitmq.client.SaslMechanism;

import dev.oslo4j.broker.EmbeddedBroker;

/**
 * Issue 7 §6: the embedded broker is not an open door. It listens on loopback only (unreachable through any other
 * address of this machine) and refuses logins without the right credentials unless {@code anonymousAccess(true)}.
 */
class EmbeddedBrokerExposureTest {

    @Test
    void itListensOnLoopbackOnly() throws Exception {
        List<InetAddress> others = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .flatMap(NetworkInterface::inetAddresses)
                .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress()).toList();
        Assumptions.assumeFalse(others.isEmpty(), "this machine has no non-loopback IPv4 address to try");
        try (EmbeddedBroker broker = EmbeddedBroker.start()) {
            assertThat(InetAddress.getByName(broker.host()).isLoopbackAddress()).as("advertised host").isTrue();
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), broker.port()), 5000);
            }
            for (InetAddress other : others) {
                assertThatThrownBy(() -> {
                    try (Socket s = new Socket()) {
                        s.connect(new InetSocketAddress(other, broker.port()), 5000);
                    }
                }).as("port %d through %s", broker.port(), other).isInstanceOf(ConnectException.class);
            }
            System.out.printf("embedded broker port %d refused on %s%n", broker.port(), others);
        }
    }

    @Test
    void loginsNeedTheRightCredentialsUnlessAnonymousAccessIsOn() throws Exception {
        try (EmbeddedBroker broker = EmbeddedBroker.builder().user("oslo4j").password(Secrets.PASSWORD).start()) {
            assertThatThrownBy(() -> connect(broker, "oslo4j", "wrong")).as("wrong password")
                    .isInstanceOf(IOException.class);
            assertThatThrownBy(() -> connect(broker, "guest", "guest")).as("the usual default account")
                    .isInstanceOf(IOException.class);
            assertThatThrownBy(() -> connect(broker, "oslo4j", "")).as("empty password")
                    .isInstanceOf(IOException.class);
            assertThatThrownBy(() -> anonymous(broker)).as("no credentials at all (SASL ANONYMOUS)")
                    .isInstanceOf(IOException.class);
            connect(broker, "oslo4j", Secrets.PASSWORD).close();
        }
        try (EmbeddedBroker open = EmbeddedBroker.builder().anonymousAccess(true).start()) {
            anonymous(open).close();
            assertThatThrownBy(() -> connect(open, "guest", "wrong")).as("a wrong password is still wrong")
                    .isInstanceOf(IOException.class);
        }
    }

    private static ConnectionFactory factory(EmbeddedBroker broker) {
        ConnectionFactory f = new ConnectionFactory();
        f.setHost(broker.host());
        f.setPort(broker.port());
        f.setAutomaticRecoveryEnabled(false);
        f.setConnectionTimeout(5000);
        return f;
    }

    private static Connection connect(EmbeddedBroker broker, String user, String password) throws Exception {
        ConnectionFactory f = factory(broker);
        f.setUsername(user);
        f.setPassword(password);
        return f.newConnection();
    }

    /** Logs in with SASL ANONYMOUS: no user name, no password. */
    private static Connection anonymous(EmbeddedBroker broker) throws Exception {
        ConnectionFactory f = factory(broker);
        f.setSaslConfig(new SaslConfig() {
            @Override
            public SaslMechanism getSaslMechanism(String[] offered) {
                return new SaslMechanism() {
                    @Override
                    public String getName() {
                        return "ANONYMOUS";
                    }

                    @Override
                    public LongString handleChallenge(LongString challenge, String username, String password) {
                        return LongStringHelper.asLongString("");
                    }
                };
            }
        });
        return f.newConnection();
    }
}
