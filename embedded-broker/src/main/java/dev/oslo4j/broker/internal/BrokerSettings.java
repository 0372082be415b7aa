package dev.oslo4j.broker.internal;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What the embedded broker was asked to be, fixed at build time and kept across restarts.
 *
 * @param host          the address to bind (loopback by default)
 * @param port          the AMQP port, 0 for an ephemeral one (a restart reuses the bound port)
 * @param user          the one user the broker knows
 * @param password      that user's password
 * @param anonymous     whether the ANONYMOUS mechanism is offered too (logs in as {@code user})
 * @param tls           the TLS port settings, or null for none
 */
public record BrokerSettings(String host, int port, String user, String password, boolean anonymous, Tls tls) {

    public BrokerSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
    }

    public BrokerSettings withPort(int boundPort) {
        return new BrokerSettings(host, boundPort, user, password, anonymous, tls == null ? null : tls);
    }

    public BrokerSettings withTlsPort(int boundTlsPort) {
        return tls == null ? this : new BrokerSettings(host, port, user, password, anonymous, tls.withPort(boundTlsPort));
    }

    /**
     * @param port            the AMQPS port, 0 for an ephemeral one
     * @param keyStore        PKCS12 key store holding the server's key and certificate chain
     * @param keyStorePassword its password
     * @param trustStore      PKCS12 trust store for client certificates, or null for no client auth
     * @param trustStorePassword its password
     * @param needClientAuth  true: a client certificate is required; false: requested only
     */
    public record Tls(int port, Path keyStore, String keyStorePassword, Path trustStore, String trustStorePassword,
                      boolean needClientAuth) {

        public Tls withPort(int boundPort) {
            return new Tls(boundPort, keyStore, keyStorePassword, trustStore, trustStorePassword, needClientAuth);
        }

        @Override
        public String toString() {
            return "Tls[port=" + port + ", keyStore=" + keyStore + ", trustStore=" + trustStore
                    + ", needClientAuth=" + needClientAuth + "]";
        }
    }

    @Override
    public String toString() {
        return "BrokerSettings[host=" + host + ", port=" + port + ", user=" + user + ", password=****, anonymous="
                + anonymous + ", tls=" + tls + "]";
    }
}
