package dev.oslo4j.messaging;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * A parsed oslo transport URL:
 * {@code driver://[user[:password]@]host[:port][,[user[:password]@]host[:port]...][/vhost][?option=value&...]}.
 *
 * <p>Parsing follows oslo's {@code TransportURL.parse}: hosts are split on {@code ,} (empty pieces skipped);
 * credentials are split from a host at the last {@code @} and user from password at the first {@code :}, both
 * percent-decoded; {@code [v6]:port} is understood; hosts never inherit credentials from each other; the path
 * after the first {@code /} is the percent-decoded virtual host; query keys are option names (see
 * {@link MessagingOptions}) and repeated keys are joined with {@code ,}. oslo4j is stricter than Python where
 * Python would fail later or silently: invalid percent-encoding, an empty host, a non-numeric or out-of-range
 * port are rejected here with {@link InvalidTransportURL} naming the field.
 *
 * <p>{@link #toString()} and every error message mask passwords.
 */
public final class TransportURL {

    private final String transport;
    private final List<TransportHost> hosts;
    private final String virtualHost;
    private final Map<String, String> query;

    public TransportURL(String transport, List<TransportHost> hosts, String virtualHost, Map<String, String> query) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.hosts = List.copyOf(hosts);
        this.virtualHost = virtualHost;
        this.query = Collections.unmodifiableMap(new LinkedHashMap<>(query));
    }

    /** Parses a transport URL; see the class comment for the grammar. */
    public static TransportURL parse(String url) {
        if (url == null || url.isBlank()) {
            throw new InvalidTransportURL("transport URL is empty; expected e.g. rabbit://user:pass@host:5672/");
        }
        String masked = mask(url);
        int colon = url.indexOf(':');
        if (colon <= 0 || !url.substring(0, colon).matches("[A-Za-z][A-Za-z0-9+.-]*")) {
            throw new InvalidTransportURL("transport URL '" + masked + "' has no scheme; expected e.g. rabbit://host/");
        }
        String scheme = url.substring(0, colon).toLowerCase(Locale.ROOT);
        String rest = url.substring(colon + 1);
        if (!rest.startsWith("//")) {
            throw new InvalidTransportURL("transport URL '" + masked + "' has no scheme followed by '//' ('"
                    + scheme + ":' is not one); expected e.g. rabbit://host/");
        }
        rest = rest.substring(2);
        int hash = rest.indexOf('#');
        if (hash >= 0) {
            rest = rest.substring(0, hash);
        }
        String queryText = null;
        int q = rest.indexOf('?');
        if (q >= 0) {
            queryText = rest.substring(q + 1);
            rest = rest.substring(0, q);
        }
        int slash = rest.indexOf('/');
        String netloc = slash >= 0 ? rest.substring(0, slash) : rest;
        String virtualHost = slash >= 0 ? decode(rest.substring(slash + 1), "virtual host", masked) : null;
        List<TransportHost> hosts = new ArrayList<>();
        int index = 0;
        for (String piece : netloc.split(",", -1)) {
            index++;
            if (!piece.isEmpty()) {
                hosts.add(parseHost(piece, index, masked));
            }
        }
        return new TransportURL(scheme, hosts, virtualHost, parseQuery(queryText, masked));
    }

    private static TransportHost parseHost(String piece, int index, String masked) {
        String where = "host #" + index + " of transport URL '" + masked + "'";
        String username = null;
        String password = null;
        String hostPort = piece;
        int at = piece.lastIndexOf('@');
        if (at >= 0) {
            String credentials = piece.substring(0, at);
            hostPort = piece.substring(at + 1);
            int c = credentials.indexOf(':');
            if (c >= 0) {
                password = decode(credentials.substring(c + 1), "password of " + where, null);
                credentials = credentials.substring(0, c);
            }
            username = decode(credentials, "user name of " + where, masked);
        }
        String hostname;
        String portText = null;
        if (hostPort.startsWith("[")) {
            int end = hostPort.indexOf(']');
            if (end < 0) {
                throw new InvalidTransportURL("IPv6 address of " + where + " lacks its closing ']'");
            }
            hostname = hostPort.substring(1, end);
            String after = hostPort.substring(end + 1);
            if (after.startsWith(":")) {
                portText = after.substring(1);
            } else if (!after.isEmpty()) {
                throw new InvalidTransportURL("unexpected '" + after + "' after the IPv6 address of " + where);
            }
        } else {
            int c = hostPort.indexOf(':');
            hostname = c >= 0 ? hostPort.substring(0, c) : hostPort;
            portText = c >= 0 ? hostPort.substring(c + 1) : null;
        }
        if (hostname.isEmpty()) {
            throw new InvalidTransportURL("host name of " + where + " is empty");
        }
        Integer port = null;
        if (portText != null && !portText.isEmpty()) {
            try {
                port = Integer.valueOf(portText);
            } catch (NumberFormatException e) {
                throw new InvalidTransportURL("port '" + portText + "' of " + where + " is not a number");
            }
            if (port < 1 || port > 65535) {
                throw new InvalidTransportURL("port " + port + " of " + where + " is out of range 1-65535");
            }
        }
        return new TransportHost(hostname, port, username, password);
    }

    /** Python's {@code parse_qs}: '&'-separated, '+' is a space, blank values dropped, repeats joined with ','. */
    private static Map<String, String> parseQuery(String text, String masked) {
        Map<String, String> out = new LinkedHashMap<>();
        if (text == null || text.isEmpty()) {
            return out;
        }
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = decode((eq >= 0 ? pair.substring(0, eq) : pair).replace('+', ' '), "query key", masked);
            String value = eq >= 0 ? decode(pair.substring(eq + 1).replace('+', ' '),
                    "value of query option '" + key + "'", masked) : "";
            if (value.isEmpty()) {
                continue;
            }
            out.merge(key, value, (a, b) -> a + "," + b);
        }
        return out;
    }

    /** Strict percent-decoding (UTF-8); {@code masked} null means "do not echo the text" (passwords). */
    static String decode(String s, String what, String masked) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '%') {
                int hi = i + 2 < s.length() ? Character.digit(s.charAt(i + 1), 16) : -1;
                int lo = i + 2 < s.length() ? Character.digit(s.charAt(i + 2), 16) : -1;
                if (hi < 0 || lo < 0) {
                    String shown = masked == null ? "" : " '" + s.substring(i, Math.min(s.length(), i + 3)) + "'";
                    throw new InvalidTransportURL(what + " has an invalid percent-encoding" + shown
                            + " (expected '%' followed by two hex digits)");
                }
                out.write(hi * 16 + lo);
                i += 2;
            } else {
                byte[] b = String.valueOf(ch).getBytes(StandardCharsets.UTF_8);
                out.write(b, 0, b.length);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The scheme, e.g. {@code rabbit}. */
    public String transport() {
        return transport;
    }

    /** The hosts in URL order (possibly empty: then {@code localhost:5672} with guest/guest is used). */
    public List<TransportHost> hosts() {
        return hosts;
    }

    /** The virtual host as oslo parses it (decoded once), or null when the URL has no path. */
    public String virtualHost() {
        return virtualHost;
    }

    /**
     * The AMQP virtual host actually used, as kombu derives it from oslo's value: none or empty → {@code /};
     * otherwise the value percent-decoded a second time (kombu's quirk, kept so that a URL shared with Python
     * services reaches the same virtual host).
     */
    public String effectiveVirtualHost() {
        if (virtualHost == null || virtualHost.isEmpty() || virtualHost.equals("/")) {
            return "/";
        }
        try {
            return decode(virtualHost, "virtual host", mask(toString()));
        } catch (InvalidTransportURL e) {
            return virtualHost; // lenient like Python's unquote: a lone '%' stays as written
        }
    }

    /** Query options by oslo name (raw strings; repeated keys joined with ','). */
    public Map<String, String> query() {
        return query;
    }

    /** The hosts to connect to: the URL's, or {@code localhost:5672} (guest/guest) when it names none. */
    public List<TransportHost> effectiveHosts() {
        return hosts.isEmpty() ? List.of(new TransportHost("localhost", null, null, null)) : hosts;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TransportURL u && transport.equals(u.transport) && hosts.equals(u.hosts)
                && Objects.equals(virtualHost, u.virtualHost) && query.equals(u.query);
    }

    @Override
    public int hashCode() {
        return Objects.hash(transport, hosts, virtualHost, query);
    }

    /** The URL with passwords masked as {@code ****}. */
    @Override
    public String toString() {
        StringJoiner hostList = new StringJoiner(",");
        hosts.forEach(h -> hostList.add(h.toString()));
        StringBuilder sb = new StringBuilder(transport).append("://").append(hostList);
        if (virtualHost != null) {
            sb.append('/').append(virtualHost);
        }
        if (!query.isEmpty()) {
            StringJoiner qs = new StringJoiner("&", "?", "");
            query.forEach((k, v) -> qs.add(k + "=" + v));
            sb.append(qs);
        }
        return sb.toString();
    }

    /** Masks the password part of every {@code user:password@} in a raw URL string. */
    static String mask(String url) {
        int start = url.indexOf("//");
        if (start < 0) {
            // no '//' (e.g. "user:secret@host/" without a scheme): whatever precedes an '@' may hold a password
            int at = url.lastIndexOf('@');
            int colon = url.indexOf(':');
            return at < 0 || colon < 0 || colon > at ? url : url.substring(0, colon) + ":****" + url.substring(at);
        }
        int end = url.indexOf('/', start + 2);
        int qm = url.indexOf('?', start + 2);
        if (end < 0 || (qm >= 0 && qm < end)) {
            end = qm;
        }
        if (end < 0) {
            end = url.length();
        }
        String netloc = url.substring(start + 2, end);
        StringJoiner out = new StringJoiner(",");
        for (String piece : netloc.split(",", -1)) {
            int at = piece.lastIndexOf('@');
            if (at >= 0) {
                String cred = piece.substring(0, at);
                int c = cred.indexOf(':');
                piece = (c >= 0 ? cred.substring(0, c) + ":****" : cred) + piece.substring(at);
            }
            out.add(piece);
        }
        return url.substring(0, start + 2) + out + url.substring(end);
    }
}
