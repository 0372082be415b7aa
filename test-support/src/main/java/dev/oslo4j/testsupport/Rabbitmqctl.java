package dev.oslo4j.testsupport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The few {@code rabbitmqctl} commands tests need, for virtual hosts they created themselves. Each call costs about a
 * second, so tests use them sparingly. Never restarts or stops the shared RabbitMQ, and never closes connections
 * outside a given virtual host; {@link #onNode} also reaches the nodes of a test cluster.
 */
public final class Rabbitmqctl {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** What a virtual host holds, as {@link #statistics} counts it. */
    public record Counts(int connections, int channels, int consumers, int queues) {
    }

    private Rabbitmqctl() {
    }

    public static void addVirtualHost(String vhost, String user) {
        run("add_vhost", vhost);
        run("set_permissions", "-p", vhost, user, ".*", ".*", ".*");
    }

    public static void deleteVirtualHost(String vhost) {
        run("delete_vhost", vhost);
    }

    /** Closes every connection of {@code vhost}; refuses the shared default virtual host. */
    public static void closeAllConnections(String vhost) {
        if (vhost == null || vhost.equals("/")) {
            throw new IllegalArgumentException("refusing to close connections of the shared vhost '/'");
        }
        run("close_all_connections", "--vhost", vhost, "--limit", "1000", "oslo4j test");
    }

    /** Connections, channels, consumers and queues of {@code vhost} (three rabbitmqctl calls). */
    public static Counts statistics(String vhost) {
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
        return new Counts(connections, channels, consumers, queues);
    }

    /** {@code rabbitmqctl -q args} on the default node, with a 30 s deadline: its output. */
    public static String run(String... args) {
        return onNode(null, TIMEOUT, args);
    }

    /**
     * {@code rabbitmqctl -q [-n node] args} ({@code node} null: the default node): its output; fails with that
     * output on a non-zero exit or after {@code timeout}.
     */
    public static String onNode(String node, Duration timeout, String... args) {
        List<String> command = new ArrayList<>(List.of("rabbitmqctl", "-q"));
        if (node != null) {
            command.addAll(List.of("-n", node));
        }
        command.addAll(List.of(args));
        return ExternalCommand.run(command, timeout);
    }
}
