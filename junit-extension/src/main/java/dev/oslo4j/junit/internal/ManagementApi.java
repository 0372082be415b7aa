package dev.oslo4j.junit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeoutException;

/**
 * RabbitMQ's management HTTP API (plugin {@code rabbitmq_management}): for brokers where {@code rabbitmqctl} is not
 * at hand — a CI service container, a managed broker. {@code PUT /api/vhosts/<v>} with {@code {"tracing": true}}
 * creates a virtual host with the firehose on (RabbitMQ 3.10 accepts it per virtual host), {@code PUT
 * /api/permissions/<v>/<user>} grants the test user, {@code DELETE /api/vhosts/<v>} removes it;
 * connections are closed one by one with {@code DELETE /api/connections/<name>}.
 *
 * <p>The API lists connections from statistics refreshed every few seconds ({@code collect_statistics_interval},
 * 5 s by default), so a connection opened a moment ago may not be listed yet. Closing a virtual host's connections
 * therefore first opens a marker connection and waits until the listing shows it: the statistics are collected
 * in one pass, so every connection opened before the marker is listed by then.
 */
final class ManagementApi implements RabbitAdmin {

    static final String URL_ENV = "OSLO4J_TEST_MANAGEMENT_URL";
    static final String URL_PROPERTY = "oslo4j.test.managementUrl";
    static final int DEFAULT_PORT = 15672;
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration LISTING_DEADLINE = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final String authorization;
    private final HttpClient http;
    private final ConnectionFactory amqp;

    /**
     * @param base e.g. {@code http://127.0.0.1:15672/}, without credentials
     * @param amqp the test user's AMQP settings, for the marker connection of {@link #closeConnections}
     */
    ManagementApi(URI base, String user, String password, ConnectionFactory amqp) {
        this.amqp = amqp;
        this.base = base.getPath().endsWith("/") ? base : URI.create(base + "/");
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    }

    /**
     * The API at {@code url} ({@code http[s]://[user:password@]host:port/}); credentials absent from it are the
     * test user's.
     */
    static ManagementApi at(String url, String user, String password, ConnectionFactory amqp) {
        URI u = URI.create(url);
        if (u.getScheme() == null || u.getHost() == null || !Set.of("http", "https").contains(u.getScheme())) {
            throw new IllegalArgumentException("management API URL '" + mask(url) + "' (from " + URL_ENV + " or -D"
                    + URL_PROPERTY + ") is not an http://[user:password@]host:port/ URL");
        }
        String info = u.getRawUserInfo();
        if (info != null) {
            int colon = info.indexOf(':');
            user = decode(colon < 0 ? info : info.substring(0, colon));
            password = colon < 0 ? "" : decode(info.substring(colon + 1));
        }
        URI base = URI.create(u.getScheme() + "://" + (u.getHost().contains(":") ? "[" + u.getHost() + "]" : u.getHost())
                + ":" + (u.getPort() < 0 ? DEFAULT_PORT : u.getPort()) + (u.getRawPath() == null ? "/" : u.getRawPath()));
        return new ManagementApi(base, user, password, amqp);
    }

    /** The configured management URL ({@value #URL_ENV}, else {@code -D}{@value #URL_PROPERTY}), or null. */
    static String configuredUrl() {
        String env = System.getenv(URL_ENV);
        if (env != null && !env.isBlank()) {
            return env.trim();
        }
        String property = System.getProperty(URL_PROPERTY);
        return property == null || property.isBlank() ? null : property.trim();
    }

    @Override
    public String describe() {
        return "management API " + base;
    }

    /**
     * Checks that the API answers and accepts the credentials.
     *
     * @throws IllegalStateException saying what went wrong (unreachable, refused credentials, not an administrator)
     */
    void probe() {
        HttpResponse<String> r = send("GET", "api/whoami", null);
        if (r.statusCode() != 200) {
            throw new IllegalStateException(describe() + " answered " + r.statusCode() + " to GET /api/whoami");
        }
        JsonNode me = parse(r.body());
        String tags = me.path("tags").toString();
        if (!tags.contains("administrator")) {
            throw new IllegalStateException(describe() + ": user '" + me.path("name").asText() + "' is not an"
                    + " administrator (tags " + tags + "), so it cannot create virtual hosts");
        }
    }

    @Override
    public void createVirtualHosts(List<String> vhosts, String user) {
        synchronized (TRACING_CHANGES) {
            for (String vhost : vhosts) {
                expect(send("PUT", "api/vhosts/" + path(vhost), "{\"tracing\": true}"), "create virtual host " + vhost);
                expect(send("PUT", "api/permissions/" + path(vhost) + "/" + path(user),
                        "{\"configure\": \".*\", \"write\": \".*\", \"read\": \".*\"}"),
                        "grant user " + user + " access to " + vhost);
            }
            ensureTracing(vhosts);
        }
    }

    /**
     * Turns tracing back on where it was lost. RabbitMQ keeps the traced virtual hosts in one list that every
     * tracing change reads, modifies and writes back unlocked, so two virtual hosts created at the same moment (by
     * this JVM's tests, another suite, rabbitmqctl) can leave one without tracing: 9 of 20 concurrent creations
     * here. Bounded: a few passes, then an error naming what stayed off.
     */
    private void ensureTracing(List<String> vhosts) {
        List<String> off = vhosts;
        for (int pass = 0; pass <= TRACING_PASSES && !off.isEmpty(); pass++) {
            if (pass > 0) {
                for (String vhost : off) {
                    expect(send("PUT", "api/vhosts/" + path(vhost), "{\"tracing\": true}"),
                            "turn tracing on again for virtual host " + vhost);
                }
            }
            off = off.stream().filter(v -> !isTraced(v)).toList();
        }
        if (!off.isEmpty()) {
            throw new IllegalStateException(describe() + ": tracing stayed off for virtual hosts " + off
                    + " after " + TRACING_PASSES + " attempts (another client turning tracing on or off at the same"
                    + " moment?)");
        }
    }

    boolean isTraced(String vhost) {
        HttpResponse<String> r = send("GET", "api/vhosts/" + path(vhost), null);
        expect(r, "read virtual host " + vhost);
        return parse(r.body()).path("tracing").asBoolean(false);
    }

    @Override
    public void deleteVirtualHosts(List<String> vhosts) {
        synchronized (TRACING_CHANGES) {
            for (String vhost : vhosts) {
                HttpResponse<String> r = send("DELETE", "api/vhosts/" + path(vhost), null);
                if (r.statusCode() != 404) {
                    expect(r, "delete virtual host " + vhost);
                }
            }
        }
    }

    /** Closes every connection of {@code vhost}, once a marker connection shows that the listing has caught up. */
    @Override
    public void closeConnections(String vhost, String reason) {
        String marker = "oslo4j-drop-marker-" + UUID.randomUUID();
        ConnectionFactory f = amqp.clone();
        f.setVirtualHost(vhost);
        f.setAutomaticRecoveryEnabled(false);
        try (Connection ignored = f.newConnection(marker)) {
            List<String> names = awaitListingWith(vhost, marker);
            for (String name : names) {
                HttpResponse<String> r = send("DELETE", "api/connections/" + path(name), null, "X-Reason", reason);
                if (r.statusCode() != 404) { // gone meanwhile
                    expect(r, "close connection " + name);
                }
            }
        } catch (IOException | TimeoutException e) {
            throw new IllegalStateException("cannot open a marker connection to virtual host " + vhost + ": " + e, e);
        } catch (com.rabbitmq.client.AlreadyClosedException closedByUs) {
            // the marker was among the connections closed
        }
    }

    private List<String> awaitListingWith(String vhost, String marker) {
        long deadline = System.nanoTime() + LISTING_DEADLINE.toNanos();
        while (true) {
            HttpResponse<String> r = send("GET", "api/vhosts/" + path(vhost) + "/connections", null);
            expect(r, "list the connections of " + vhost);
            List<String> names = new ArrayList<>();
            boolean markerListed = false;
            for (JsonNode c : parse(r.body())) {
                names.add(c.path("name").asText());
                markerListed |= marker.equals(c.path("client_properties").path("connection_name").asText());
            }
            if (markerListed) {
                return names;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(describe() + " did not list the connections of " + vhost + " within "
                        + LISTING_DEADLINE.toSeconds() + " s");
            }
            try {
                Thread.sleep(100); // polling the statistics: they refresh on the broker's own schedule
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the connection listing", e);
            }
        }
    }

    private HttpResponse<String> send(String method, String path, String body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(REQUEST_TIMEOUT)
                .header("Authorization", authorization)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(describe() + " is not reachable (" + method + " /" + path + "): " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while calling " + describe(), e);
        }
    }

    private void expect(HttpResponse<String> r, String what) {
        int s = r.statusCode();
        if (s < 200 || s > 299) {
            throw new IllegalStateException(describe() + " could not " + what + ": HTTP " + s
                    + (s == 401 ? " (credentials refused)" : "") + " " + abbreviate(r.body()));
        }
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException("the management API answered with something other than JSON: "
                    + abbreviate(body), e);
        }
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }

    private static String path(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    private static String mask(String url) {
        return url.replaceAll("(://[^:/@]*:)[^@/]*@", "$1****@");
    }
}
