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
final class RabbitmqCtl implements RabbitAdmin {

    /** The user named as acting user in RabbitMQ's audit events. */
    private static final String ACTING_USER = "oslo4j";

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

    @Override
    public String describe() {
        return String.join(" ", command);
    }

    /** Whether the command can be found: an explicit {@value #COMMAND_ENV}, or {@code rabbitmqctl} on the PATH. */
    boolean available() {
        String program = command.get(0);
        if (program.contains("/")) {
            return java.nio.file.Files.isExecutable(java.nio.file.Path.of(program));
        }
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && java.nio.file.Files.isExecutable(java.nio.file.Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    /** One {@code eval} creates the whole batch: about 1.4 s plus 25 ms per virtual host on RabbitMQ 3.10. */
    @Override
    public void createVirtualHosts(List<String> vhosts, String user) {
        synchronized (TRACING_CHANGES) {
            String all = binary(".*");
            eval("A = " + binary(ACTING_USER) + ", U = " + binary(user) + ", "
                    + "lists:foreach(fun(V) -> ok = rabbit_vhost:add(V, A), "
                    + "ok = rabbit_auth_backend_internal:set_permissions(U, V, " + all + ", " + all + ", " + all
                    + ", A), ok = rabbit_trace:start(V) end, " + list(vhosts) + ").");
            ensureTracing(vhosts);
        }
    }

    /**
     * Turns tracing back on where it was lost, in an eval of its own (by then tracing changes that ran alongside
     * the creation have finished). RabbitMQ keeps the traced virtual hosts in one list that rabbit_trace:start/stop
     * read, modify and write back unlocked: a concurrent change elsewhere (another suite, the management API) can
     * drop ours. Bounded: a few passes, then an error naming what stayed off.
     */
    private void ensureTracing(List<String> vhosts) {
        String output = eval("Vs = " + list(vhosts) + ", "
                + "Ensure = fun Ensure(0) -> [V || V <- Vs, not rabbit_trace:enabled(V)]; "
                + "Ensure(N) -> case [V || V <- Vs, not rabbit_trace:enabled(V)] of [] -> []; "
                + "Off -> [rabbit_trace:start(V) || V <- Off], Ensure(N - 1) end end, "
                + "case Ensure(" + TRACING_PASSES + ") of [] -> ok; Lost -> {tracing_lost, Lost} end.");
        if (!output.strip().endsWith("ok")) {
            throw new IllegalStateException("rabbitmqctl could not keep the firehose tracer on for new virtual hosts"
                    + " (another client turning tracing on or off at the same moment?): " + output.strip());
        }
    }

    @Override
    public void deleteVirtualHosts(List<String> vhosts) {
        synchronized (TRACING_CHANGES) {
            eval("A = " + binary(ACTING_USER) + ", [catch rabbit_vhost:delete(V, A) || V <- " + list(vhosts) + "], ok.");
        }
    }

    @Override
    public void closeConnections(String vhost, String reason) {
        run("close_all_connections", "-p", vhost, reason);
    }

    private static String list(List<String> vhosts) {
        return vhosts.stream().map(RabbitmqCtl::binary).collect(java.util.stream.Collectors.joining(", ", "[", "]"));
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
