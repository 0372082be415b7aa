package dev.oslo4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.oslo4j.cli.bench.BenchTopology;
import dev.oslo4j.cli.bench.raw.RawBroker;
import dev.oslo4j.messaging.TransportURL;
import dev.oslo4j.testsupport.Requirements;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code oslo4j tap} watching a Python oslo.messaging client and notifier talk to {@code oslo4j serve} and
 * {@code oslo4j listen}: on RabbitMQ through the firehose (in a virtual host of its own, so the firehose of
 * no shared virtual host is touched), on the embedded broker through the topic exchange.
 */
class TapCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MANAGEMENT = "http://127.0.0.1:15672/api/";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final List<AutoCloseable> started = new ArrayList<>();
    private String vhost;
    private String url;
    private BenchTopology topology;

    @AfterEach
    void cleanUp() throws Exception {
        for (int i = started.size() - 1; i >= 0; i--) {
            started.get(i).close();
        }
        if (topology != null) {
            topology.delete(RawBroker.forUrl(TransportURL.parse(url)));
        }
        if (vhost != null) {
            management("DELETE", "vhosts/" + vhost, null);
        }
    }

    @Test
    void onRabbitMqShowsCallsWithTheirReplyCastsFanoutCastsAndNotificationsWhileServicesGetEverything()
            throws Exception {
        Requirements.requireRabbitMq();
        vhost = "oslo4j-tap-" + UUID.randomUUID().toString().substring(0, 8);
        management("PUT", "vhosts/" + vhost, "{}");
        management("PUT", "permissions/" + vhost + "/guest", "{\"configure\": \".*\", \"write\": \".*\", \"read\": \".*\"}");
        url = "rabbit://guest:guest@127.0.0.1:5672/" + vhost;
        topology = BenchTopology.fresh("taptest");

        Services services = startServices();
        BackgroundCommand tap = background("tap", "--url", url, "--exchange", topology.exchange(), "--json",
                "--count", "5", "--timeout", "60");
        tap.awaitErr("through the firehose");
        assertThat(tracing()).as("the tap turned the firehose on").isTrue();

        pythonTraffic();

        assertThat(tap.awaitExit()).as(tap.err()).isZero();
        Map<String, JsonNode> byKind = byKind(tap.lines());
        assertThat(byKind).containsOnlyKeys("call", "reply", "cast", "fanout", "notification");
        JsonNode call = byKind.get("call");
        assertThat(call.path("exchange").asText()).isEqualTo(topology.exchange());
        assertThat(call.path("topic").asText()).isEqualTo(topology.topic());
        assertThat(call.path("method").asText()).isEqualTo("echo");
        assertThat(call.path("args")).isEqualTo(JSON.readTree("{\"arg\": \"hi\"}"));
        JsonNode reply = byKind.get("reply");
        assertThat(reply.path("msg_id").asText()).isEqualTo(call.path("msg_id").asText()).isNotEmpty();
        assertThat(reply.path("reply_q").asText()).isEqualTo(call.path("reply_q").asText());
        assertThat(reply.path("method").asText()).isEqualTo("echo");
        assertThat(reply.path("result").asText()).isEqualTo("hi");
        assertThat(reply.path("round_trip_ms").isNumber()).as(reply.toString()).isTrue();
        assertThat(reply.path("round_trip_ms").asDouble()).isPositive();
        assertThat(byKind.get("cast").path("method").asText()).isEqualTo("record");
        assertThat(byKind.get("cast").path("args")).isEqualTo(JSON.readTree("{\"n\": 1}"));
        assertThat(byKind.get("fanout").path("exchange").asText()).isEqualTo(topology.topic() + "_fanout");
        assertThat(byKind.get("fanout").path("topic").asText()).isEqualTo(topology.topic());
        assertThat(byKind.get("fanout").path("args")).isEqualTo(JSON.readTree("{\"n\": 2}"));
        assertNotification(byKind.get("notification"));
        services.assertReceivedEverything();
        assertThat(tracing()).as("the tap turned the firehose off again").isFalse();
    }

    @Test
    void onTheEmbeddedBrokerShowsCallsCastsAndNotificationsThroughTheTopicExchange() throws Exception {
        url = TestEnvironment.broker(TestEnvironment.EMBEDDED);
        topology = BenchTopology.fresh("taptest");
        Services services = startServices();
        BackgroundCommand tap = background("tap", "--url", url, "--exchange", topology.exchange(),
                "--count", "3", "--timeout", "60");
        tap.awaitErr("no replies, no fanout casts");

        pythonTraffic();

        assertThat(tap.awaitExit()).as(tap.err()).isZero();
        List<String> lines = tap.lines();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("call ").contains(topology.exchange() + "/" + topology.topic()
                + " echo(\"arg\": \"hi\") msg_id=");
        assertThat(lines.get(1)).startsWith("cast ").contains(" record(\"n\": 1)");
        assertThat(lines.get(2)).startsWith("notification ").contains("INFO tap.test.event from python.host1");
        services.assertReceivedEverything();
    }

    /** {@code serve} on the topic and {@code listen} on the notification topic, both consuming. */
    private Services startServices() throws Exception {
        BackgroundCommand serve = background("serve", "--url", url, "--topic", topology.topic(), "--server",
                topology.server(), "--exchange", topology.exchange());
        assertThat(serve.awaitLines(1).get(0)).isEqualTo("READY");
        BackgroundCommand listen = background("listen", "--url", url, "--topic", topology.topic() + "-n",
                "--exchange", topology.exchange(), "--count", "1", "--timeout", "60");
        listen.awaitErr("listening on topic");
        return new Services(serve, listen);
    }

    /** A Python call, cast and fanout cast to the server, and a Python notification. */
    private void pythonTraffic() throws Exception {
        List<Map<String, Object>> requests = List.of(
                Map.of("method", "echo", "args", Map.of("arg", "hi")),
                Map.of("method", "record", "cast", true, "args", Map.of("n", 1)),
                Map.of("method", "record", "cast", true, "fanout", true, "args", Map.of("n", 2)));
        PythonPeer client = PythonPeer.start("rpc_client.py", Map.of("url", url,
                "exchange", topology.exchange(), "topic", topology.topic(), "requests", requests));
        started.add(client);
        assertThat(client.nextJson()).isEqualTo(JSON.readTree("{\"result\": \"hi\"}"));
        assertThat(client.nextJson()).isEqualTo(JSON.readTree("{\"result\": null}"));
        assertThat(client.nextJson()).isEqualTo(JSON.readTree("{\"result\": null}"));
        PythonPeer notifier = PythonPeer.start("notifier.py", Map.of("url", url, "exchange",
                topology.exchange(), "topic", topology.topic() + "-n", "driver", "messagingv2", "notifications",
                List.of(Map.of("priority", "info", "event_type", "tap.test.event", "payload", Map.of("k", "v")))));
        started.add(notifier);
        assertThat(notifier.nextLine(Duration.ofSeconds(30))).isEqualTo("SENT");
    }

    private static void assertNotification(JsonNode n) throws Exception {
        assertThat(n.path("priority").asText()).isEqualTo("INFO");
        assertThat(n.path("event_type").asText()).isEqualTo("tap.test.event");
        assertThat(n.path("publisher_id").asText()).isEqualTo("python.host1");
        assertThat(n.path("payload")).isEqualTo(JSON.readTree("{\"k\": \"v\"}"));
    }

    /** What the services printed: the tap took nothing from them. */
    private record Services(BackgroundCommand serve, BackgroundCommand listen) {
        void assertReceivedEverything() throws Exception {
            List<String> requests = serve.awaitLines(4);
            assertThat(requests.subList(1, 4)).extracting(l -> JSON.readTree(l).path("kind").asText() + " "
                    + JSON.readTree(l).path("args")).containsExactly("call {\"arg\":\"hi\"}", "cast {\"n\":1}",
                    "cast {\"n\":2}");
            assertThat(listen.awaitExit()).as(listen.err()).isZero();
            assertNotification(JSON.readTree(listen.lines().get(0)));
        }
    }

    /** Each line's event by its kind; fails on a kind seen twice. */
    private static Map<String, JsonNode> byKind(List<String> lines) throws Exception {
        Map<String, JsonNode> events = new java.util.LinkedHashMap<>();
        for (String line : lines) {
            JsonNode event = JSON.readTree(line);
            assertThat(events.put(event.path("kind").asText(), event)).as("one " + event.path("kind") + " in " + lines)
                    .isNull();
        }
        return events;
    }

    private BackgroundCommand background(String... args) {
        BackgroundCommand command = BackgroundCommand.start(args);
        started.add(command);
        return command;
    }

    private boolean tracing() throws Exception {
        return JSON.readTree(management("GET", "vhosts/" + vhost, null)).path("tracing").asBoolean();
    }

    private static String management(String method, String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(MANAGEMENT + path))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString("guest:guest".getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .timeout(Duration.ofSeconds(30)).build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode() / 100).as(method + " " + path + ": " + response.body()).isEqualTo(2);
        return response.body();
    }
}
