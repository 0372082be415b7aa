package dev.oslo4j.conformance.broker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.ConnectionFactory;

import dev.oslo4j.messaging.wire.Ids;
import dev.oslo4j.testsupport.ExternalCommand;
import dev.oslo4j.testsupport.Rabbitmqctl;

/**
 * The 3-node RabbitMQ cluster on loopback that {@code scripts/rabbitmq-cluster} starts next to the shared node:
 * its nodes, URLs, virtual hosts of a test's own, and the faults a test injects ({@code rabbitmqctl -n … stop_app}
 * / {@code start_app}), with what the cluster reports about queue replicas and connections. Started and stopped by
 * {@link RabbitMqClusterExtension}; each {@code rabbitmqctl} call costs one to a few seconds.
 */
public final class RabbitMqCluster implements AutoCloseable {

    private static final Duration SCRIPT_TIMEOUT = Duration.ofMinutes(8);
    private static final Duration CTL_TIMEOUT = Duration.ofMinutes(2);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String USER = "guest";

    /** One node: its Erlang name ({@code oslo4j-c1@localhost}) and AMQP port on 127.0.0.1. */
    public record Node(String name, int port) {
        /** {@code c1} for {@code oslo4j-c1@localhost}: for printing. */
        public String shortName() {
            String local = name.substring(0, name.indexOf('@'));
            return local.substring(local.lastIndexOf('-') + 1);
        }

        @Override
        public String toString() {
            return shortName();
        }
    }

    /** What the cluster says about one queue (quorum queues have a leader and members; classic ones do not). */
    public record QueueReplicas(String name, String type, String leader, List<String> members, List<String> online) {
        @Override
        public String toString() {
            return name + " (" + type + (members.isEmpty() ? "" : ", leader " + leader + ", members " + members
                    + ", online " + online) + ")";
        }
    }

    private final Path script;
    private final List<Node> nodes;
    private final Set<Node> stopped = ConcurrentHashMap.newKeySet();

    private RabbitMqCluster(Path script, List<Node> nodes) {
        this.script = script;
        this.nodes = List.copyOf(nodes);
    }

    /** Runs {@code script start} (which first removes leftovers of an earlier run) and returns the cluster. */
    static RabbitMqCluster start(Path script) {
        runScript(script, "start");
        List<Node> nodes = new ArrayList<>();
        for (String line : runScript(script, "nodes").split("\n")) {
            String[] parts = line.trim().split(" ");
            nodes.add(new Node(parts[0], Integer.parseInt(parts[1])));
        }
        return new RabbitMqCluster(script, nodes);
    }

    static String runScript(Path script, String command) {
        return ExternalCommand.run(List.of(script.toString(), command), SCRIPT_TIMEOUT);
    }

    /** Stops and removes the nodes ({@code script stop}). */
    @Override
    public void close() {
        runScript(script, "stop");
    }

    public List<Node> nodes() {
        return nodes;
    }

    /** The node with this Erlang name. */
    public Node node(String name) {
        return nodes.stream().filter(n -> n.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no cluster node named " + name + " in " + nodes));
    }

    /** The transport URL listing every node, as operators configure a cluster, for {@code vhost}. */
    public String url(String vhost) {
        return url(nodes, vhost);
    }

    /** A transport URL naming only {@code node}. */
    public String url(Node node, String vhost) {
        return url(List.of(node), vhost);
    }

    private static String url(List<Node> hosts, String vhost) {
        return "rabbit://" + hosts.stream().map(n -> USER + ":" + USER + "@127.0.0.1:" + n.port())
                .collect(Collectors.joining(",")) + "/" + vhost;
    }

    /** A raw amqp-client factory for {@code node} and {@code vhost} (no automatic recovery, 5 s timeouts). */
    public ConnectionFactory connectionFactory(Node node, String vhost) {
        ConnectionFactory f = new ConnectionFactory();
        f.setHost("127.0.0.1");
        f.setPort(node.port());
        f.setUsername(USER);
        f.setPassword(USER);
        f.setVirtualHost(vhost);
        f.setAutomaticRecoveryEnabled(false);
        f.setConnectionTimeout(5_000);
        f.setHandshakeTimeout(5_000);
        return f;
    }

    /** Creates a virtual host of the caller's own (a name starting with {@code oslo4j-cluster-<hint>-}). */
    public String addVirtualHost(String hint) {
        String vhost = "oslo4j-cluster-" + hint + "-" + Ids.hex32().substring(0, 8);
        ctl(running(), "add_vhost", vhost);
        ctl(running(), "set_permissions", "-p", vhost, USER, ".*", ".*", ".*");
        return vhost;
    }

    public void deleteVirtualHost(String vhost) {
        ctl(running(), "delete_vhost", vhost);
    }

    /** {@code rabbitmqctl -n node stop_app}: the node's broker stops (its clients are disconnected), its VM stays. */
    public void stopApp(Node node) {
        stopped.add(node);
        ctl(node, "stop_app");
    }

    /** {@code rabbitmqctl -n node start_app}, then waits until its broker is fully up again. */
    public void startApp(Node node) {
        ctl(node, "start_app");
        ctl(node, "await_startup");
        stopped.remove(node);
    }

    /** Starts the broker again on every node a test stopped (and did not start again, e.g. because it failed). */
    public void startStoppedNodes() {
        for (Node n : List.copyOf(stopped)) {
            startApp(n);
        }
    }

    /** The queues of {@code vhost} by name, with their type and, for quorum queues, leader and members. */
    public Map<String, QueueReplicas> queues(String vhost) {
        Map<String, QueueReplicas> out = new TreeMap<>();
        for (JsonNode q : json(ctl(running(), "list_queues", "-p", vhost, "name", "type", "leader", "members",
                "online", "--formatter", "json"))) {
            out.put(q.path("name").asText(), new QueueReplicas(q.path("name").asText(), q.path("type").asText(),
                    q.path("leader").asText(null), strings(q.path("members")), strings(q.path("online"))));
        }
        return out;
    }

    /** The client connections of {@code vhost}: their name ({@code connection_name}) and the node they are on. */
    public Map<String, Node> connections(String vhost) {
        Map<String, Node> out = new TreeMap<>();
        for (JsonNode c : json(ctl(running(), "list_connections", "vhost", "client_properties", "port",
                "--formatter", "json"))) {
            if (!vhost.equals(c.path("vhost").asText())) {
                continue;
            }
            String name = "?";
            for (JsonNode property : c.path("client_properties")) {
                if ("connection_name".equals(property.path(0).asText())) {
                    name = property.path(2).asText();
                }
            }
            int port = c.path("port").asInt();
            out.put(name, nodes.stream().filter(n -> n.port() == port).findFirst()
                    .orElseThrow(() -> new IllegalStateException("a connection on port " + port
                            + ", which is no node of " + nodes)));
        }
        return out;
    }

    /** A node whose broker runs, to ask the cluster things. */
    private Node running() {
        return nodes.stream().filter(n -> !stopped.contains(n)).findFirst()
                .orElseThrow(() -> new IllegalStateException("every node of the cluster is stopped"));
    }

    private static String ctl(Node node, String... args) {
        return Rabbitmqctl.onNode(node.name(), CTL_TIMEOUT, args);
    }

    private static JsonNode json(String output) {
        try {
            return JSON.readTree(output.isBlank() ? "[]" : output);
        } catch (IOException e) {
            throw new UncheckedIOException("rabbitmqctl printed something that is not JSON: " + output, e);
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    @Override
    public String toString() {
        return "RabbitMQ cluster " + nodes.stream().map(n -> n.name() + ":" + n.port()).toList();
    }
}
