package dev.oslo4j.junit.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code rabbitmqctl} against the RabbitMQ node the tests use. Each run costs about a second (the CLI boots
 * an Erlang VM), so callers batch work into one {@code eval}. The command is {@code rabbitmqctl} on the PATH, or
 * {@code OSLO4J_TEST_RABBITMQCTL} (split on spaces), e.g. {@code docker exec my-rabbit rabbitmqctl} or
 * {@code rabbitmqctl -n rabbit@otherhost}.
 */
final class RabbitmqCtl {

    static final String COMMAND_ENV = "OSLO4J_TEST_RABBITMQCTL";
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final List<String> command;

    RabbitmqCtl(List<String> command) {
        this.command = List.copyOf(command);
    }

    static RabbitmqCtl fromEnvironment() {
        String configured = System.getenv(COMMAND_ENV);
        return new RabbitmqCtl(configured == null || configured.isBlank()
                ? List.of("rabbitmqctl") : Arrays.asList(configured.trim().split("\\s+")));
    }

    String describe() {
        return String.join(" ", command);
    }

    /** Runs {@code rabbitmqctl eval <expression>} and returns its output. */
    String eval(String expression) {
        return run("eval", expression);
    }

    /**
     * Runs one rabbitmqctl command.
     *
     * @throws IllegalStateException naming the command, its exit status and output, when it cannot be started,
     *     fails, or takes longer than a minute
     */
    String run(String... args) {
        List<String> cmd = new ArrayList<>(command);
        cmd.addAll(Arrays.asList(args));
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot run '" + describe() + "' (" + e.getMessage() + "); oslo4j needs"
                    + " rabbitmqctl to give each test its own virtual host on a real RabbitMQ — install it, or set "
                    + COMMAND_ENV + " to a command that runs it (e.g. 'docker exec <container> rabbitmqctl')", e);
        }
        try {
            p.getOutputStream().close();
            byte[] out = readAll(p.getInputStream());
            if (!p.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("'" + describe() + " " + args[0] + "' did not finish within "
                        + TIMEOUT.toSeconds() + " s");
            }
            String text = new String(out, StandardCharsets.UTF_8).strip();
            if (p.exitValue() != 0) {
                throw new IllegalStateException("'" + describe() + " " + args[0] + "' failed with exit status "
                        + p.exitValue() + ": " + text);
            }
            return text;
        } catch (IOException e) {
            throw new IllegalStateException("reading the output of '" + describe() + "' failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running '" + describe() + "'", e);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toByteArray();
    }

    /** An Erlang binary holding {@code s} (UTF-8), safe for any characters: {@code <<104,105>>}. */
    static String binary(String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder("<<");
        for (int i = 0; i < bytes.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(bytes[i] & 0xff);
        }
        return out.append(">>").toString();
    }
}
