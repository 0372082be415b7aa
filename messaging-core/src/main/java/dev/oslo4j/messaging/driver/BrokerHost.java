package dev.oslo4j.messaging.driver;

import java.util.Objects;

/**
 * One host of a transport URL as a driver receives it: host name (IPv6 without brackets), and port, user and
 * password exactly as written (each may be null). {@link #toString()} masks the password.
 */
public record BrokerHost(String hostname, Integer port, String username, String password) {

    /** AMQP's default port; oslo uses it even with TLS unless the URL names a port. */
    public static final int DEFAULT_PORT = 5672;
    private static final String DEFAULT_CREDENTIAL = "guest";

    public BrokerHost {
        Objects.requireNonNull(hostname, "hostname");
    }

    /** The port to connect to: as written, else 5672 (also with TLS, as oslo does). */
    public int effectivePort() {
        return port == null ? DEFAULT_PORT : port;
    }

    /** The user to log in with: as written, else {@code guest} (kombu's default; not inherited from other hosts). */
    public String effectiveUsername() {
        return username == null || username.isEmpty() ? DEFAULT_CREDENTIAL : username;
    }

    /** The password to log in with: as written, else {@code guest}. */
    public String effectivePassword() {
        return password == null || password.isEmpty() ? DEFAULT_CREDENTIAL : password;
    }

    /** {@code host:port} with IPv6 re-bracketed; for messages. */
    public String address() {
        return bracketed() + ":" + effectivePort();
    }

    private String bracketed() {
        return hostname.indexOf(':') >= 0 ? "[" + hostname + "]" : hostname;
    }

    /** {@code user:****@host:port}; the password is always masked. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        if (username != null) {
            sb.append(username);
            if (password != null) {
                sb.append(":****");
            }
            sb.append('@');
        }
        sb.append(bracketed());
        if (port != null) {
            sb.append(':').append(port);
        }
        return sb.toString();
    }
}
