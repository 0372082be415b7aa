package dev.oslo4j.cli.tap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oslo4j.messaging.TransportHost;
import dev.oslo4j.messaging.wire.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * RabbitMQ's firehose for one virtual host, switched through the management HTTP API
 * ({@code PUT /api/vhosts/<v>} with {@code "tracing": true}). With it on, the broker copies every publish in the
 * virtual host to {@code amq.rabbitmq.trace} — including replies sent through the default exchange to
 * {@code reply_*} queues, which no binding can see. Turned off again by {@link #close()} only if this object
 * turned it on.
 */
final class Firehose implements AutoCloseable {
    static final String EXCHANGE = "amq.rabbitmq.trace";
    static final int DEFAULT_PORT = 15672;

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(3)).build();
    private final URI vhostUri;
    private final String authorization;
    private boolean enabledHere;

    private Firehose(URI vhostUri, String user, String password) {
        this.vhostUri = vhostUri;
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The firehose of {@code vhost} behind the management API at {@code managementUrl}
     * ({@code http[s]://host:port/}; null: the broker host on port {@value #DEFAULT_PORT}).
     */
    static Firehose of(String managementUrl, TransportHost host, String vhost) {
        String base = managementUrl != null ? managementUrl : "http://" + host.hostname() + ":" + DEFAULT_PORT + "/";
        URI uri;
        try {
            uri = URI.create(base.endsWith("/") ? base : base + "/");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--management-url '" + base + "' is not a URL: " + e.getMessage());
        }
        if (uri.getScheme() == null || !uri.getScheme().matches("https?") || uri.getHost() == null) {
            throw new IllegalArgumentException("--management-url '" + base + "' is not an http[s]://host:port/ URL");
        }
        String path = URLEncoder.encode(vhost, StandardCharsets.UTF_8).replace("+", "%20");
        return new Firehose(uri.resolve("api/vhosts/" + path), host.effectiveUsername(), host.effectivePassword());
    }

    /**
     * Turns tracing on for the virtual host unless it already is, once sure that the management API belongs to
     * the broker of cluster {@code clusterName} (as the AMQP connection reports it).
     *
     * @throws IOException naming why not (management API unreachable, refused, vhost unknown)
     */
    void enable(String clusterName) throws IOException, InterruptedException {
        // The management API must be the AMQP broker's own: a default port on the same host may well belong to
        // another broker (an embedded one on another port), whose virtual host of the same name is not ours.
        HttpResponse<String> overview = send(HttpRequest.newBuilder(vhostUri.resolve("../overview")).GET());
        expectOk(overview, "describe the broker");
        String managed = Json.parse(overview.body()).path("cluster_name").asText(null);
        if (clusterName == null || !clusterName.equals(managed)) {
            throw new IOException("management API at " + vhostUri.resolve("/") + " serves cluster '" + managed
                    + "', not the AMQP broker's '" + clusterName + "'");
        }
        HttpResponse<String> got = send(HttpRequest.newBuilder(vhostUri).GET());
        expectOk(got, "read virtual host");
        JsonNode vhost = Json.parse(got.body());
        if (vhost.path("tracing").asBoolean(false)) {
            return;
        }
        expectOk(send(HttpRequest.newBuilder(vhostUri).PUT(HttpRequest.BodyPublishers.ofString(
                settings(vhost, true)))), "turn tracing on for virtual host");
        enabledHere = true;
    }

    /** A PUT body keeping the virtual host's description and tags (a PUT replaces them). */
    private static String settings(JsonNode vhost, boolean tracing) {
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("tracing", tracing);
        if (vhost.hasNonNull("description")) {
            body.put("description", vhost.get("description").asText());
        }
        if (vhost.path("tags").isArray()) {
            StringBuilder tags = new StringBuilder();
            vhost.get("tags").forEach(t -> tags.append(tags.isEmpty() ? "" : ",").append(t.asText()));
            body.put("tags", tags.toString());
        }
        return body.toString();
    }

    @Override
    public void close() throws IOException, InterruptedException {
        if (!enabledHere) {
            return;
        }
        enabledHere = false;
        HttpResponse<String> got = send(HttpRequest.newBuilder(vhostUri).GET());
        expectOk(got, "read virtual host");
        expectOk(send(HttpRequest.newBuilder(vhostUri).PUT(HttpRequest.BodyPublishers.ofString(
                settings(Json.parse(got.body()), false)))), "turn tracing off for virtual host");
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        try {
            return http.send(request.header("Authorization", authorization)
                    .header("Content-Type", "application/json").timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IOException("management API at " + vhostUri.resolve("/") + " is unreachable ("
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")", e);
        }
    }

    private void expectOk(HttpResponse<String> response, String what) throws IOException {
        if (response.statusCode() / 100 != 2) {
            throw new IOException("management API refused to " + what + " (" + vhostUri + "): HTTP "
                    + response.statusCode());
        }
    }
}
