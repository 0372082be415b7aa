package dev.oslo4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.oslo4j.cli.bench.BenchTopology;
import dev.oslo4j.cli.bench.raw.RawBroker;
import dev.oslo4j.messaging.TransportURL;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code oslo4j notify} and {@code listen} on each broker, with each other and with Python oslo.messaging. */
@ParameterizedClass(name = "on {0}")
@ValueSource(strings = {TestEnvironment.EMBEDDED, TestEnvironment.RABBITMQ})
class NotifyListenCommandTest {
    @Parameter
    String broker;

    private static final ObjectMapper JSON = new ObjectMapper();

    private String url;
    private BenchTopology topology;

    @BeforeEach
    void topology() {
        url = TestEnvironment.broker(broker);
        topology = BenchTopology.fresh("notifytest");
    }

    @AfterEach
    void cleanUp() throws Exception {
        topology.delete(RawBroker.forUrl(TransportURL.parse(url)));
    }

    private String[] with(String command, String... rest) {
        String[] head = {command, "--url", url, "--topic", topology.topic(), "--exchange", topology.exchange()};
        String[] args = new String[head.length + rest.length];
        System.arraycopy(head, 0, args, 0, head.length);
        System.arraycopy(rest, 0, args, head.length, rest.length);
        return args;
    }

    private BackgroundCommand listen(String... rest) throws InterruptedException {
        BackgroundCommand listen = BackgroundCommand.start(with("listen", rest));
        listen.awaitErr("listening on topic");
        return listen;
    }

    @Test
    void notifyThenListenPrintsOneLinePerNotificationAndStopsAtTheCount() throws Exception {
        try (BackgroundCommand listen = listen("--count", "2", "--timeout", "60")) {
            CliRun info = CliRun.of(with("notify", "--publisher-id", "compute.host1", "--context",
                    "{\"request_id\": \"req-1\", \"user_id\": \"u1\"}", "info", "compute.instance.create.end",
                    "{\"instance_id\": \"i-1\", \"size\": [1, 2]}"));
            assertThat(info.exitCode()).as(info.toString()).isZero();
            assertThat(info.out()).isEmpty();
            CliRun warn = CliRun.of(with("notify", "--driver", "messaging", "WARNING", "disk.low", "\"nearly full\""));
            assertThat(warn.exitCode()).as(warn.toString()).isZero();

            assertThat(listen.awaitExit()).as(listen.err()).isZero();
            List<String> lines = listen.lines();
            assertThat(lines).hasSize(2);
            JsonNode first = JSON.readTree(lines.get(0));
            assertThat(first.fieldNames()).toIterable()
                    .containsExactly("priority", "publisher_id", "event_type", "payload", "metadata", "context");
            assertThat(first.path("priority").asText()).isEqualTo("INFO");
            assertThat(first.path("publisher_id").asText()).isEqualTo("compute.host1");
            assertThat(first.path("event_type").asText()).isEqualTo("compute.instance.create.end");
            assertThat(first.path("payload")).isEqualTo(JSON.readTree("{\"instance_id\": \"i-1\", \"size\": [1, 2]}"));
            assertThat(first.path("metadata").path("message_id").asText()).matches("[0-9a-f-]{36}");
            assertThat(first.path("metadata").path("timestamp").asText())
                    .matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d(\\.\\d{6})?");
            assertThat(first.path("context").path("request_id").asText()).isEqualTo("req-1");
            JsonNode second = JSON.readTree(lines.get(1));
            assertThat(second.path("priority").asText()).isEqualTo("WARN");
            assertThat(second.path("payload").asText()).isEqualTo("nearly full");
        }
    }

    @Test
    void timeoutBeforeTheCountExitsTwo() throws Exception {
        CliRun run = CliRun.of(with("listen", "--count", "1", "--timeout", "0.5"));

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.TIMEOUT);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("timed out").contains("0 of 1");
    }

    @Test
    void timeoutWithoutACountExitsZero() {
        CliRun run = CliRun.of(with("listen", "--timeout", "0.3"));

        assertThat(run.exitCode()).as(run.toString()).isZero();
    }

    @Test
    void aStopSignalEndsListeningWithExitZero() throws Exception {
        BackgroundCommand listen = listen();
        assertThat(listen.stop()).isZero();
    }

    @Test
    void pythonNotificationsAreListedByListen() throws Exception {
        try (BackgroundCommand listen = listen("--count", "2", "--timeout", "60");
                PythonPeer notifier = PythonPeer.start("notifier.py", Map.of("url", url,
                        "exchange", topology.exchange(), "topic", topology.topic(), "driver", "messagingv2",
                        "notifications", List.of(
                                Map.of("priority", "error", "event_type", "volume.attach.error",
                                        "payload", Map.of("volume", "v-1"), "context", Map.of("request_id", "req-py")),
                                Map.of("priority", "sample", "event_type", "cpu.util", "payload", 42.5))))) {
            assertThat(notifier.nextLine(java.time.Duration.ofSeconds(30))).isEqualTo("SENT");
            assertThat(listen.awaitExit()).as(listen.err()).isZero();
            List<JsonNode> lines = listen.lines().stream().map(NotifyListenCommandTest::json).toList();
            assertThat(lines).extracting(l -> l.path("priority").asText()).containsExactlyInAnyOrder("ERROR", "SAMPLE");
            JsonNode error = lines.stream().filter(l -> l.path("priority").asText().equals("ERROR")).findFirst().orElseThrow();
            assertThat(error.path("publisher_id").asText()).isEqualTo("python.host1");
            assertThat(error.path("payload")).isEqualTo(json("{\"volume\": \"v-1\"}"));
            assertThat(error.path("context").path("request_id").asText()).isEqualTo("req-py");
        }
    }

    @Test
    void notifyReachesAPythonListener() throws Exception {
        try (PythonPeer listener = PythonPeer.start("listener.py", Map.of("url", url,
                "exchange", topology.exchange(), "topic", topology.topic()))) {
            CliRun run = CliRun.of(with("notify", "--publisher-id", "java.host", "critical", "host.down",
                    "{\"host\": \"h\u00f6st\"}"));
            assertThat(run.exitCode()).as(run.toString()).isZero();
            JsonNode received = listener.nextJson();
            assertThat(received.path("priority").asText()).isEqualTo("critical");
            assertThat(received.path("publisher_id").asText()).isEqualTo("java.host");
            assertThat(received.path("event_type").asText()).isEqualTo("host.down");
            assertThat(received.path("payload")).isEqualTo(json("{\"host\": \"h\u00f6st\"}"));
        }
    }

    @Test
    void badNotifyInputIsBadUsage() {
        CliRun priority = CliRun.of(with("notify", "loud", "x"));
        assertThat(priority.exitCode()).as(priority.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(priority.err()).contains("PRIORITY 'loud' is unknown");

        CliRun payload = CliRun.of(with("notify", "info", "x", "{nope"));
        assertThat(payload.exitCode()).as(payload.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(payload.err()).contains("PAYLOAD_JSON is not valid JSON");

        CliRun driver = CliRun.of(with("notify", "--driver", "log", "info", "x"));
        assertThat(driver.exitCode()).as(driver.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(driver.err()).contains("--driver must be messagingv2 or messaging");

        CliRun count = CliRun.of(with("listen", "--count", "0"));
        assertThat(count.exitCode()).as(count.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(count.err()).contains("--count must be at least 1");
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }
}
