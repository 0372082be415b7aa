package dev.oslo4j.conformance.broker;

import dev.oslo4j.broker.VirtualHostStatistics;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The few {@code rabbitmqctl} commands conformance tests need, for virtual hosts they created themselves.
 * Each call costs about a second, so tests use them sparingly. Never restarts or stops RabbitMQ, and never
 * closes connections outside a given virtual host.
 */
final class RabbitCtl {

    private static final long TIMEOUT_SECONDS = 30;

    private RabbitCtl() {
    }

    static void addVirtualHost(String vhost, String user) {
        run("add_vhost", vhost);
        run("set_permissions", "-p", vhost, user, ".*", ".*", ".*");
    }

    static void deleteVirtualHost(String vhost) {
        run("delete_vhost", vhost);
    }

    static void closeAllConnections(String vhost) {
        if (vhost == null || vhost.equals("/")) {
            throw new IllegalArgumentException("refusing to close connections of the shared vhost '/'");
        }
        run("close_all_connections", "--vhost", vhost, "--limit", "1000", "oslo4j conformance test");
    }

    /** Connections, channels, consumers and queues of {@code vhost} (three rabbitmqctl calls). */
    static VirtualHostStatistics statistics(String vhost) {
        int connections = 0;
        for (String line : run("list_connections", "--no-table-headers", "vhost").split("\n")) {
            if (line.equals(vhost)) {
                connections++;
            }
        }
        int channels = 0;
        int consumers = 0;
        for (String line : run("list_channels", "--no-table-headers", "vhost", "consumer_count").split("\n")) {
            int tab = line.lastIndexOf('\t');
            if (tab > 0 && line.substring(0, tab).equals(vhost)) {
                channels++;
                consumers += Integer.parseInt(line.substring(tab + 1).trim());
            }
        }
        int queues = (int) run("list_queues", "-p", vhost, "--no-table-headers", "name").lines()
                .filter(l -> !l.isBlank()).count();
        return new VirtualHostStatistics(connections, channels, consumers, queues);
    }

    private static String run(String... args) {
        List<String> command = new ArrayList<>();
        command.add("rabbitmqctl");
        command.add("-q");
        command.addAll(List.of(args));
        Path out = null;
        try {
            // Output goes to a file: a listing of a busy shared broker can exceed the pipe buffer and stall.
            out = Files.createTempFile("oslo4j-rabbitmqctl", ".out");
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(out.toFile()).start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish in " + TIMEOUT_SECONDS + " s");
            }
            String output = Files.readString(out, StandardCharsets.UTF_8).strip();
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed (exit " + process.exitValue()
                        + "): " + output);
            }
            return output;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run rabbitmqctl (is RabbitMQ installed here?): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + String.join(" ", command), e);
        } finally {
            if (out != null) {
                try {
                    Files.deleteIfExists(out);
                } catch (IOException ignored) {
                    // a temporary file; the OS cleans up
                }
            }
        }
    }
}
