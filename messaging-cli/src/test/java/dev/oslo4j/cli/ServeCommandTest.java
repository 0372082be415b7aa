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

/** {@code oslo4j serve} run in-process, called by {@code oslo4j call} and by a Python oslo.messaging client. */
@ParameterizedClass(name = "on {0}")
@ValueSource(strings = {TestEnvironment.EMBEDDED, TestEnvironment.RABBITMQ})
class ServeCommandTest {
    @Parameter
    String broker;

    private static final ObjectMapper JSON = new ObjectMapper();

    private String url;
    private BenchTopology topology;
    private BackgroundCommand serve;

    @BeforeEach
    void serve() throws Exception {
        url = TestEnvironment.broker(broker);
        topology = BenchTopology.fresh("servetest");
        serve = BackgroundCommand.start("serve", "--url", url, "--topic", topology.topic(), "--server",
                topology.server(), "--exchange", topology.exchange());
        assertThat(serve.awaitLines(1).get(0)).isEqualTo("READY");
    }

    @AfterEach
    void stop() throws Exception {
        try {
            if (serve != null) {
                assertThat(serve.stop()).as(serve.err()).isZero();
            }
        } finally {
            topology.delete(RawBroker.forUrl(TransportURL.parse(url)));
        }
    }

    private List<String> lines() {
        return serve.lines();
    }

    private void awaitLines(int count) throws InterruptedException {
        serve.awaitLines(count);
    }

    private CliRun call(String... rest) {
        String[] head = {"call", "--url", url, "--topic", topology.topic(), "--exchange", topology.exchange()};
        String[] args = new String[head.length + rest.length];
        System.arraycopy(head, 0, args, 0, head.length);
        System.arraycopy(rest, 0, args, head.length, rest.length);
        return CliRun.of(args);
    }

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    @Test
    void referenceEndpointsAnswerAndEveryRequestIsPrinted() throws Exception {
        assertThat(json(call("echo", "{\"arg\": {\"k\": [1, \"\u00fc\"]}}").out()))
                .isEqualTo(json("{\"result\": {\"k\": [1, \"\u00fc\"]}}"));
        assertThat(json(call("add", "{\"a\": 2, \"b\": 40}").out())).isEqualTo(json("{\"result\": 42}"));
        assertThat(json(call("add", "{\"a\": \"ab\", \"b\": \"cd\"}").out())).isEqualTo(json("{\"result\": \"abcd\"}"));
        assertThat(json(call("sleep", "{\"seconds\": 0.05}").out())).isEqualTo(json("{\"result\": 0.05}"));
        assertThat(json(call("record", "{\"any\": 1, \"thing\": [2]}").out())).isEqualTo(json("{\"result\": null}"));
        assertThat(json(call("--server", topology.server(), "--namespace", "ns2", "--version", "2.3", "whoami").out()))
                .isEqualTo(json("{\"result\": {\"server\": \"bench\", \"namespace\": \"ns2\"}}"));
        CliRun failed = call("--context", "{\"request_id\": \"req-7\"}", "fail", "{\"message\": \"nope\"}");
        assertThat(failed.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(json(failed.out())).isEqualTo(json(
                "{\"error\": {\"class\": \"ValueError\", \"module\": \"builtins\", \"message\": \"nope\"}}"));
        assertThat(CliRun.of("cast", "--url", url, "--topic", topology.topic(), "--exchange", topology.exchange(),
                "record", "{\"x\": 1}").exitCode()).isZero();

        awaitLines(9);
        List<String> lines = lines();
        assertThat(json(lines.get(1))).isEqualTo(json("{\"kind\": \"call\", \"method\": \"echo\", \"namespace\": null,"
                + " \"version\": \"1.0\", \"args\": {\"arg\": {\"k\": [1, \"\u00fc\"]}}, \"context\": {\"client_timeout\": null}}"));
        assertThat(json(lines.get(6))).isEqualTo(json("{\"kind\": \"call\", \"method\": \"whoami\", \"namespace\": \"ns2\","
                + " \"version\": \"2.3\", \"args\": {}, \"context\": {\"client_timeout\": null}}"));
        assertThat(json(lines.get(7)).path("context").path("request_id").asText()).isEqualTo("req-7");
        assertThat(json(lines.get(8))).isEqualTo(json("{\"kind\": \"cast\", \"method\": \"record\", \"namespace\": null,"
                + " \"version\": \"1.0\", \"args\": {\"x\": 1}, \"context\": {\"client_timeout\": null}}"));
    }

    @Test
    void pythonClientSeesTheReferenceBehaviour() throws Exception {
        List<Map<String, Object>> requests = List.of(
                Map.of("method", "echo", "args", Map.of("arg", "hi")),
                Map.of("method", "add", "args", Map.of("a", 1, "b", 2)),
                Map.of("method", "fail", "args", Map.of("message", "bad value 42")),
                Map.of("method", "whoami", "namespace", "ns2", "version", "2.0"),
                Map.of("method", "echo", "version", "2.0", "args", Map.of("arg", 1)),
                Map.of("method", "record", "cast", true, "args", Map.of("from", "python")));
        try (PythonPeer client = PythonPeer.start("rpc_client.py", Map.of("url", url,
                "exchange", topology.exchange(), "topic", topology.topic(), "requests", requests))) {
            assertThat(client.nextJson()).isEqualTo(json("{\"result\": \"hi\"}"));
            assertThat(client.nextJson()).isEqualTo(json("{\"result\": 3}"));
            assertThat(client.nextJson()).isEqualTo(json(
                    "{\"error\": {\"class\": \"ValueError\", \"module\": \"builtins\", \"message\": \"bad value 42\"}}"));
            assertThat(client.nextJson()).isEqualTo(json("{\"result\": {\"server\": \"bench\", \"namespace\": \"ns2\"}}"));
            JsonNode unsupported = client.nextJson().path("error");
            assertThat(unsupported.path("class").asText()).isEqualTo("UnsupportedVersion");
            assertThat(unsupported.path("message").asText()).contains("does not support RPC version 2.0");
            assertThat(client.nextJson()).isEqualTo(json("{\"result\": null}"));
            awaitLines(7);
            assertThat(json(lines().get(6))).isEqualTo(json("{\"kind\": \"cast\", \"method\": \"record\","
                    + " \"namespace\": null, \"version\": \"1.0\", \"args\": {\"from\": \"python\"}, \"context\": {\"client_timeout\": null}}"));
        }
    }
}
