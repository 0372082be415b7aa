package dev.oslo4j.messaging;

import dev.oslo4j.messaging.driver.BrokerHost;

/**
 * One broker host of a {@link TransportURL}: host name (IPv6 without brackets), optional port, user and
 * password, exactly as written (percent-decoded once). {@link #toString()} masks the password.
 */
public final class TransportHost {

    /** AMQP's default port; oslo uses it even with TLS unless the URL names a port. */
    public static final int DEFAULT_PORT = BrokerHost.DEFAULT_PORT;

    /** The same facts as drivers receive them; this class is their public face in the API. */
    private final BrokerHost host;

    public TransportHost(String hostname, Integer port, String username, String password) {
        this.host = new BrokerHost(hostname, port, username, password);
    }

    public String hostname() {
        return host.hostname();
    }

    /** The port as written, or null. */
    public Integer port() {
        return host.port();
    }

    /** The user as written, or null. */
    public String username() {
        return host.username();
    }

    /** The password as written, or null. Never logged by oslo4j. */
    public String password() {
        return host.password();
    }

    /** The port to connect to: as written, else 5672 (also with TLS, as oslo does). */
    public int effectivePort() {
        return host.effectivePort();
    }

    /** The user to log in with: as written, else {@code guest} (kombu's default; not inherited from other hosts). */
    public String effectiveUsername() {
        return host.effectiveUsername();
    }

    /** The password to log in with: as written, else {@code guest}. */
    public String effectivePassword() {
        return host.effectivePassword();
    }

    /** {@code host:port} with IPv6 re-bracketed; for messages. */
    public String address() {
        return host.address();
    }

    BrokerHost toBrokerHost() {
        return host;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TransportHost h && host.equals(h.host);
    }

    @Override
    public int hashCode() {
        return host.hashCode();
    }

    /** {@code user:****@host:port}; the password is always masked. */
    @Override
    public String toString() {
        return host.toString();
    }
}
