package dev.oslo4j.conformance.broker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
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

    private static void run(String... args) {
        List<String> command = new ArrayList<>();
        command.add("rabbitmqctl");
        command.add("-q");
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish in " + TIMEOUT_SECONDS + " s");
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed (exit " + process.exitValue()
                        + "): " + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run rabbitmqctl (is RabbitMQ installed here?): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + String.join(" ", command), e);
        }
    }
}
