package dev.oslo4j.messaging;

import java.util.Objects;

/**
 * One broker host of a {@link TransportURL}: host name (IPv6 without brackets), optional port, user and
 * password, exactly as written (percent-decoded once). {@link #toString()} masks the password.
 */
public final class TransportHost {

    /** AMQP's default port; oslo uses it even with TLS unless the URL names a port. */
    public static final int DEFAULT_PORT = 5672;
    private static final String DEFAULT_CREDENTIAL = "guest";

    private final String hostname;
    private final Integer port;
    private final String username;
    private final String password;

    public TransportHost(String hostname, Integer port, String username, String password) {
        this.hostname = Objects.requireNonNull(hostname, "hostname");
        this.port = port;
        this.username = username;
        this.password = password;
    }

    public String hostname() {
        return hostname;
    }

    /** The port as written, or null. */
    public Integer port() {
        return port;
    }

    /** The user as written, or null. */
    public String username() {
        return username;
    }

    /** The password as written, or null. Never logged by oslo4j. */
    public String password() {
        return password;
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
        String h = hostname.indexOf(':') >= 0 ? "[" + hostname + "]" : hostname;
        return h + ":" + effectivePort();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TransportHost h && hostname.equals(h.hostname) && Objects.equals(port, h.port)
                && Objects.equals(username, h.username) && Objects.equals(password, h.password);
    }

    @Override
    public int hashCode() {
        return Objects.hash(hostname, port, username, password);
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
        sb.append(hostname.indexOf(':') >= 0 ? "[" + hostname + "]" : hostname);
        if (port != null) {
            sb.append(':').append(port);
        }
        return sb.toString();
    }
}
