package dev.oslo4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.oslo4j.cli.bench.BenchTopology;
import dev.oslo4j.cli.bench.raw.RawBroker;
import dev.oslo4j.messaging.TransportURL;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code oslo4j call} and {@code cast} against a Python oslo.messaging server, on each broker. */
@ParameterizedClass(name = "on {0}")
@ValueSource(strings = {TestEnvironment.EMBEDDED, TestEnvironment.RABBITMQ})
class CallCastCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    // One Python server per broker, shared by that broker's tests (a Python start costs about a second).
    private static String url;
    private static BenchTopology topology;
    private static PythonPeer server;

    @Parameter
    String broker;

    @BeforeEach
    void startPythonServerOnce() throws Exception {
        if (server == null) {
            url = TestEnvironment.broker(broker);
            topology = BenchTopology.fresh("clitest");
            server = PythonPeer.start("rpc_server.py", Map.of("url", url, "exchange", topology.exchange(),
                    "topic", topology.topic(), "server", topology.server()));
        }
    }

    @AfterParameterizedClassInvocation
    static void stopPythonServer() throws Exception {
        try {
            if (server != null) {
                server.close();
            }
            if (topology != null && url != null) {
                topology.delete(RawBroker.forUrl(TransportURL.parse(url)));
            }
        } finally {
            server = null;
            topology = null;
            url = null;
        }
    }

    private CliRun oslo4j(String command, String... rest) {
        String[] args = new String[rest.length + 7];
        args[0] = command;
        args[1] = "--url";
        args[2] = url;
        args[3] = "--topic";
        args[4] = topology.topic();
        args[5] = "--exchange";
        args[6] = topology.exchange();
        System.arraycopy(rest, 0, args, 7, rest.length);
        return CliRun.of(args);
    }

    private static JsonNode json(CliRun run) throws Exception {
        return JSON.readTree(run.out());
    }

    @Test
    void callPrintsTheResultAndExitsZero() throws Exception {
        CliRun run = oslo4j("call", "--context", "{\"request_id\": \"req-42\"}", "echo",
                "{\"arg\": {\"nested\": [1, \"\u00e9t\u00e9\", null]}}");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).startsWith("{\"result\": ").endsWith("}" + System.lineSeparator());
        assertThat(json(run)).isEqualTo(JSON.readTree("{\"result\": {\"nested\": [1, \"\u00e9t\u00e9\", null]}}"));
        assertThat(run.err()).isEmpty();
        JsonNode received = server.nextJson();
        assertThat(received.path("context").path("request_id").asText()).isEqualTo("req-42");
    }

    @Test
    void callReachesANamespacedVersionedEndpoint() throws Exception {
        CliRun run = oslo4j("call", "--server", topology.server(), "--namespace", "ns2", "--version", "2.1",
                "whoami");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(json(run)).isEqualTo(JSON.readTree("{\"result\": {\"server\": \"python\", \"namespace\": \"ns2\"}}"));
        server.nextJson();
    }

    @Test
    void remoteFailurePrintsClassModuleMessageAndExitsOne() throws Exception {
        CliRun run = oslo4j("call", "fail", "{\"message\": \"bad value 42\"}");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.FAILED);
        assertThat(json(run)).isEqualTo(JSON.readTree(
                "{\"error\": {\"class\": \"ValueError\", \"module\": \"builtins\", \"message\": \"bad value 42\"}}"));
        server.nextJson();
    }

    @Test
    void unknownMethodIsTheServersNoSuchMethod() throws Exception {
        CliRun run = oslo4j("call", "nosuch");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.FAILED);
        JsonNode error = json(run).path("error");
        assertThat(error.path("class").asText()).isEqualTo("NoSuchMethod");
        assertThat(error.path("module").asText()).isEqualTo("oslo_messaging.rpc.dispatcher");
        assertThat(error.path("message").asText()).contains("nosuch");
    }

    @Test
    void noReplyInTimeIsMessagingTimeoutWithExitTwo() throws Exception {
        CliRun run = CliRun.of("call", "--url", url, "--exchange", topology.exchange(), "--topic",
                topology.topic() + "-nobody", "--timeout", "0.5", "echo", "{\"arg\": 1}");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.TIMEOUT);
        JsonNode error = json(run).path("error");
        assertThat(error.path("class").asText()).isEqualTo("MessagingTimeout");
        assertThat(error.path("module").asText()).isEqualTo("oslo_messaging.exceptions");
    }

    @Test
    void castIsConfirmedAndReachesTheServer() throws Exception {
        CliRun run = oslo4j("cast", "record", "{\"x\": 1, \"y\": \"two\"}");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).isEmpty();
        JsonNode received = server.nextJson();
        assertThat(received.path("method").asText()).isEqualTo("record");
        assertThat(received.path("args")).isEqualTo(JSON.readTree("{\"x\": 1, \"y\": \"two\"}"));
    }

    @Test
    void fanoutCastReachesTheServer() throws Exception {
        CliRun run = oslo4j("cast", "--fanout", "record", "{\"to\": \"everyone\"}");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(server.nextJson().path("args").path("to").asText()).isEqualTo("everyone");
    }

    @Test
    void malformedArgumentsAreBadUsage() {
        CliRun run = oslo4j("call", "echo", "{\"arg\": ");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("ARGS_JSON is not valid JSON");
    }

    @Test
    void argumentsMustBeAnObject() {
        CliRun run = oslo4j("cast", "echo", "[1]");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("ARGS_JSON must be a JSON object");
    }

    @Test
    void contextMustBeAnObject() {
        CliRun run = oslo4j("call", "--context", "\"x\"", "echo");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--context must be a JSON object");
    }

    @Test
    void nonPositiveTimeoutIsBadUsage() {
        CliRun run = oslo4j("call", "--timeout", "0", "echo");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--timeout must be a positive number of seconds");
    }

    @Test
    void missingTopicIsBadUsage() {
        CliRun run = CliRun.of("call", "--url", url, "echo");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--topic");
    }

    @Test
    void badUrlIsBadUsage() {
        CliRun run = CliRun.of("cast", "--url", "nats://127.0.0.1", "--topic", "t", "echo");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("'nats'");
    }

    @Test
    void unreachableBrokerIsBadConfigurationAndHidesThePassword() {
        CliRun run = CliRun.of("call", "--url", "rabbit://guest:s3cret@127.0.0.1:1/", "--topic", "t", "echo");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("cannot connect").doesNotContain("s3cret");
    }

    @Test
    void wrongPasswordIsBadConfigurationAndHidesThePassword() {
        CliRun run = CliRun.of("cast", "--url", "rabbit://guest:wrong-pw@127.0.0.1:5672/", "--topic", "t", "echo");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("authentication").doesNotContain("wrong-pw");
    }
}
