package dev.oslo4j.conformance.broker;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;

import javax.net.ssl.SSLContext;

import com.rabbitmq.client.ConnectionFactory;

/**
 * The parts of an oslo transport URL ({@code rabbit://user:pass@host:port/vhost?ssl=1}) a raw amqp-client
 * connection needs. Only the first host of a multi-host URL is used. Never prints the password.
 */
public record TransportUrl(String user, String password, String host, int port, String virtualHost, boolean tls) {

    public static TransportUrl parse(String url) {
        if (url == null) {
            throw new IllegalArgumentException("transport URL must not be null");
        }
        int schemeEnd = url.indexOf("://");
        if (schemeEnd < 0) {
            throw new IllegalArgumentException("transport URL '" + mask(url) + "' has no scheme (expected rabbit://)");
        }
        String scheme = url.substring(0, schemeEnd);
        if (!scheme.equals("rabbit") && !scheme.equals("amqp") && !scheme.equals("amqps")) {
            throw new IllegalArgumentException("transport URL scheme '" + scheme + "' is not rabbit, amqp or amqps");
        }
        String rest = url.substring(schemeEnd + 3);
        String query = "";
        int q = rest.indexOf('?');
        if (q >= 0) {
            query = rest.substring(q + 1);
            rest = rest.substring(0, q);
        }
        int slash = rest.indexOf('/');
        String authority = slash < 0 ? rest : rest.substring(0, slash);
        String path = slash < 0 ? "" : rest.substring(slash + 1);
        String first = authority.split(",")[0];
        String user = "guest";
        String password = "guest";
        int at = first.lastIndexOf('@');
        if (at >= 0) {
            String userInfo = first.substring(0, at);
            first = first.substring(at + 1);
            int colon = userInfo.indexOf(':');
            user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
            password = colon < 0 ? "" : decode(userInfo.substring(colon + 1));
        }
        boolean tls = scheme.equals("amqps") || query.matches("(^|.*&)ssl=(1|true|True)(&.*|$)");
        String host;
        int port = tls ? 5671 : 5672;
        if (first.startsWith("[")) {
            int close = first.indexOf(']');
            host = first.substring(1, close);
            if (close + 1 < first.length() && first.charAt(close + 1) == ':') {
                port = Integer.parseInt(first.substring(close + 2));
            }
        } else {
            int colon = first.lastIndexOf(':');
            host = colon < 0 ? first : first.substring(0, colon);
            if (colon >= 0) {
                port = Integer.parseInt(first.substring(colon + 1));
            }
        }
        if (host.isEmpty()) {
            host = "localhost";
        }
        String vhost = path.isEmpty() ? "/" : decode(path);
        return new TransportUrl(user, password, host, port, vhost, tls);
    }

    /** The same broker and credentials, another virtual host. */
    public String withVirtualHost(String vhost) {
        String path = vhost.equals("/") ? "" : java.net.URLEncoder.encode(vhost, StandardCharsets.UTF_8)
                .replace("+", "%20");
        String h = host.contains(":") ? "[" + host + "]" : host;
        return "rabbit://" + encodeUserInfo(user) + ":" + encodeUserInfo(password) + "@" + h + ":" + port + "/" + path
                + (tls ? "?ssl=1" : "");
    }

    /** An amqp-client factory: automatic recovery off (tests see faults as they happen), 5 s timeouts. */
    public ConnectionFactory connectionFactory() {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(host);
        factory.setPort(port);
        factory.setUsername(user);
        factory.setPassword(password);
        factory.setVirtualHost(virtualHost);
        factory.setAutomaticRecoveryEnabled(false);
        factory.setTopologyRecoveryEnabled(false);
        factory.setConnectionTimeout(5_000);
        factory.setHandshakeTimeout(5_000);
        factory.setShutdownTimeout(2_000);
        factory.setChannelRpcTimeout(10_000);
        if (tls) {
            try {
                factory.useSslProtocol(SSLContext.getDefault());
                factory.enableHostnameVerification();
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("no default TLS context", e);
            }
        }
        return factory;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static String encodeUserInfo(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String mask(String url) {
        return url.replaceAll("(://[^:/@]*:)[^@/]*@", "$1****@");
    }

    @Override
    public String toString() {
        return "TransportUrl[" + user + ":****@" + host + ":" + port + "/" + virtualHost + (tls ? ", tls" : "") + "]";
    }
}
