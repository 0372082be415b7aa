package dev.oslo4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.oslo4j.cli.bench.BenchTopology;
import dev.oslo4j.cli.bench.raw.RawBroker;
import dev.oslo4j.messaging.TransportURL;
import dev.oslo4j.testsupport.Requirements;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The {@code ./oslo4j} launcher at the repository root, run as a real process on the jar {@code package} made:
 * exit codes, stdout/stderr separation, and clean stops on signals.
 */
class LauncherIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path LAUNCHER = Path.of(System.getProperty("user.dir")).getParent().resolve("oslo4j");

    /** A finished process's exit code and output. */
    record Finished(int exitCode, String out, String err) {
    }

    private static Process start(String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(LAUNCHER.toString());
        command.addAll(List.of(args));
        return new ProcessBuilder(command).start();
    }

    private static Finished run(String... args) throws Exception {
        assertThat(LAUNCHER).isExecutable();
        Process process = start(args);
        process.getOutputStream().close();
        var out = process.getInputStream().readAllBytes();
        var err = process.getErrorStream().readAllBytes();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Finished(process.exitValue(), new String(out, StandardCharsets.UTF_8),
                new String(err, StandardCharsets.UTF_8));
    }

    @Test
    void versionAndHelpExitZero() throws Exception {
        Finished version = run("--version");
        assertThat(version.exitCode()).as(version.toString()).isZero();
        assertThat(version.out()).startsWith("oslo4j 0.");
        Finished help = run("call", "--help");
        assertThat(help.exitCode()).as(help.toString()).isZero();
        assertThat(help.out()).contains("--topic").contains("ARGS_JSON");
    }

    @Test
    void badUsageExitsThreeWithTheReasonOnStderrOnly() throws Exception {
        Finished run = run("call", "--url", Requirements.rabbitMqUrl(), "--topic", "t", "echo", "{oops");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("ARGS_JSON is not valid JSON");
    }

    @Test
    void callTimeoutExitsTwoWithJsonOnStdout() throws Exception {
        String url = Requirements.requireRabbitMq();
        Finished run = run("call", "--url", url, "--topic", RawBroker.uniqueName("nobody"), "--timeout", "0.5",
                "echo", "{\"arg\": 1}");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.TIMEOUT);
        assertThat(JSON.readTree(run.out()).path("error").path("class").asText()).isEqualTo("MessagingTimeout");
    }

    @Test
    void serveAnswersThenStopsCleanlyOnSigtermAndSigint() throws Exception {
        String url = Requirements.requireRabbitMq();
        for (String signal : List.of("TERM", "INT")) {
            BenchTopology topology = BenchTopology.fresh("launcherit");
            Process serve = start("serve", "--url", url, "--topic", topology.topic(), "--server", topology.server(),
                    "--exchange", topology.exchange());
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8))) {
                assertThat(lines.readLine()).isEqualTo("READY");
                Finished call = run("call", "--url", url, "--topic", topology.topic(), "--exchange",
                        topology.exchange(), "add", "{\"a\": 1, \"b\": 2}");
                assertThat(call.exitCode()).as(call.toString()).isZero();
                assertThat(call.out().strip()).isEqualTo("{\"result\": 3}");
                assertThat(JSON.readTree(lines.readLine()).path("method").asText()).isEqualTo("add");

                new ProcessBuilder("kill", "-" + signal, Long.toString(serve.pid())).start().waitFor();
                assertThat(serve.waitFor(30, TimeUnit.SECONDS)).as("stopped on SIG" + signal).isTrue();
                assertThat(serve.exitValue()).as("exit code after SIG" + signal).isZero();
            } finally {
                serve.destroyForcibly();
                topology.delete(RawBroker.forUrl(TransportURL.parse(url)));
            }
        }
    }

    @Test
    void demoRunsEndToEndAndExitsZero() throws Exception {
        Finished demo = run("demo");
        assertThat(demo.exitCode()).as(demo.toString()).isZero();
        assertThat(demo.out()).contains("[client]").contains("[listener]").contains("demo complete");
    }

    @Test
    void brokerPrintsReadyAndStopsWithExitZeroOnSigintAndSigterm() throws Exception {
        for (String signal : List.of("INT", "TERM")) {
            Process broker = start("broker", "--port", "0");
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(broker.getInputStream(), StandardCharsets.UTF_8))) {
                String ready = lines.readLine();
                assertThat(ready).matches("READY rabbit://guest:guest@127\\.0\\.0\\.1:\\d+/");
                Finished call = run("call", "--url", ready.substring(6), "--topic", "nobody", "--timeout", "0.5",
                        "echo");
                assertThat(call.exitCode()).as("a client reaches it: " + call).isEqualTo(ExitCodes.TIMEOUT);

                new ProcessBuilder("kill", "-" + signal, Long.toString(broker.pid())).start().waitFor();
                assertThat(broker.waitFor(30, TimeUnit.SECONDS)).as("stopped on SIG" + signal).isTrue();
                assertThat(broker.exitValue()).as("exit code after SIG" + signal).isZero();
            } finally {
                broker.destroyForcibly();
            }
        }
    }

    @Test
    void launcherIsUpToDateAfterPackage() throws Exception {
        // The jar `package` made is fresh: the launcher must run it without a rebuild (no build log written).
        Path root = LAUNCHER.getParent();
        Path log = root.resolve(".oslo4j-build.log");
        long before = Files.exists(log) ? Files.getLastModifiedTime(log).toMillis() : -1;
        assertThat(run("--version").exitCode()).isZero();
        long after = Files.exists(log) ? Files.getLastModifiedTime(log).toMillis() : -1;
        assertThat(after).isEqualTo(before);
    }
}
