package dev.oslo4j.conformance.reliability;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.oslo4j.conformance.broker.RabbitMqCluster;
import dev.oslo4j.conformance.broker.RabbitMqCluster.Node;
import dev.oslo4j.messaging.MessagingOptions;
import dev.oslo4j.messaging.NotificationFilter;
import dev.oslo4j.messaging.NotificationListener;
import dev.oslo4j.messaging.Notifier;
import dev.oslo4j.messaging.RpcClient;
import dev.oslo4j.messaging.RpcServer;
import dev.oslo4j.messaging.Target;
import dev.oslo4j.messaging.Transport;
import dev.oslo4j.testsupport.Await;

/**
 * An oslo service deployed on the RabbitMQ cluster as operators run one: {@code rabbit_quorum_queue=true},
 * every transport on the URL that lists the three nodes, in a virtual host of the test's own. One RPC server
 * ({@code <topic>.s1}) and one notification listener ({@code <topic>.info}) share the server-side transport; an
 * RPC client and a notifier share the client-side one.
 *
 * <p>The three roles a node can play in a fault are kept apart: the quorum queues are declared first through
 * {@link #leaderNode} alone (RabbitMQ places a new quorum queue's leader on the node of the declaring connection),
 * and the server-side transport is reopened until oslo's shuffle connected it to another node,
 * {@link #serverNode}. {@link #otherNode} is the third.
 *
 * <p>Endpoints: calls {@code echo}, casts {@code record(n)} counted in {@link #casts}, notifications
 * {@code cluster.tick} with payload {@code n} counted in {@link #notifications}, and {@link RawProbe} markers
 * recorded in {@link #arrivals} under {@code server} and {@code listener}.
 */
final class ClusterDeployment implements AutoCloseable {

    /** Numbered messages a test may send of each kind. */
    static final int CAPACITY = 200_000;
    static final String TICK = "cluster.tick";
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(2);
    private static final int SERVER_PLACEMENT_ATTEMPTS = 10;
    private static final Duration WAIT = Duration.ofSeconds(60);

    final RabbitMqCluster cluster;
    final String vhost;
    final String topic = "cluster";
    final Node leaderNode;
    Node serverNode;
    Node otherNode;
    final Arrivals arrivals = new Arrivals();
    final Tally casts = new Tally(CAPACITY);
    final Tally notifications = new Tally(CAPACITY);
    RpcClient client;
    Notifier notifier;
    private final MessagingOptions options = MessagingOptions.builder().set("rabbit_quorum_queue", true).build();
    private Transport serverSide;
    private RpcServer server;
    private NotificationListener listener;
    private Transport clientSide;

    private ClusterDeployment(RabbitMqCluster cluster, String vhost, Node leaderNode) {
        this.cluster = cluster;
        this.vhost = vhost;
        this.leaderNode = leaderNode;
    }

    /** Deploys in a new virtual host ({@code hint} names it), with the quorum queues' leaders on the first node. */
    static ClusterDeployment start(RabbitMqCluster cluster, String hint) {
        ClusterDeployment d = new ClusterDeployment(cluster, cluster.addVirtualHost(hint), cluster.nodes().get(0));
        try {
            d.deploy();
            return d;
        } catch (RuntimeException | Error e) {
            d.close();
            throw e;
        }
    }

    private void deploy() {
        declareQueuesThrough(leaderNode);
        serverNode = startServerAwayFrom(leaderNode);
        otherNode = cluster.nodes().stream().filter(n -> !n.equals(leaderNode) && !n.equals(serverNode))
                .findFirst().orElseThrow();
        clientSide = Transport.open(cluster.url(vhost), options);
        client = RpcClient.builder(clientSide, Target.topic(topic)).timeout(CALL_TIMEOUT).build();
        notifier = Notifier.builder(clientSide).publisherId("cluster").topics(topic).build();
    }

    /** Call timeout + 1 s: the longest any call may take. */
    static Duration callBound() {
        return CALL_TIMEOUT.plusSeconds(1);
    }

    /** The durable queues: {@code <topic>} (casts), {@code <topic>.s1} (calls by server name), {@code <topic>.info}. */
    List<String> quorumQueues() {
        return List.of(topic, topic + ".s1", topic + ".info");
    }

    private void declareQueuesThrough(Node node) {
        try (Transport only = Transport.open(cluster.url(node, vhost), options);
             RpcServer ignored = serverOn(only);
             NotificationListener alsoIgnored = listenerOn(only)) {
            // started and stopped: the durable quorum queues stay, their leaders on `node`
        }
    }

    /** Starts the server and the listener on the 3-node URL; reopens until they are not connected to {@code avoid}. */
    private Node startServerAwayFrom(Node avoid) {
        Set<String> seen = new HashSet<>();
        for (int attempt = 1; attempt <= SERVER_PLACEMENT_ATTEMPTS; attempt++) {
            serverSide = Transport.open(cluster.url(vhost), options);
            server = serverOn(serverSide);
            listener = listenerOn(serverSide);
            Node on = Await.value(WAIT, "the server's listen connection shows in rabbitmqctl",
                    () -> newListenConnection(seen, avoid));
            if (!on.equals(avoid)) {
                return on;
            }
            closeServerSide();
        }
        throw new AssertionError("oslo's host shuffle connected the server to " + avoid + " "
                + SERVER_PLACEMENT_ATTEMPTS + " times in a row");
    }

    /**
     * The node of the server-side transport's listen connection, the one not seen before: one away from
     * {@code avoid} if there is one, since a connection closed a moment ago (ours, all on {@code avoid}) may
     * still be listed; null while it is not sure yet.
     */
    private Node newListenConnection(Set<String> seen, Node avoid) {
        List<Map.Entry<String, Node>> fresh = cluster.connections(vhost).entrySet().stream()
                .filter(c -> c.getKey().endsWith(":listen") && !seen.contains(c.getKey())).toList();
        for (Map.Entry<String, Node> c : fresh) {
            if (!c.getValue().equals(avoid)) {
                seen.add(c.getKey());
                return c.getValue();
            }
        }
        if (fresh.size() == 1) {
            seen.add(fresh.get(0).getKey());
            return avoid;
        }
        return null;
    }

    private RpcServer serverOn(Transport transport) {
        return RpcServer.builder(transport, Target.topic(topic).withServer("s1"))
                .endpoints(List.of(new NoHungCallsTest.Echo(), new NoLostMessagesTest.CastRecorder(casts),
                        new Arrivals.Server(arrivals, "server")))
                .build().start();
    }

    private NotificationListener listenerOn(Transport transport) {
        return NotificationListener.builder(transport).target(Target.topic(topic))
                .endpoint(new NoLostMessagesTest.NotificationRecorder(notifications),
                        NotificationFilter.builder().eventType("^" + TICK.replace(".", "\\.") + "$").build())
                .endpoint(new Arrivals.Listener(arrivals, "listener"),
                        NotificationFilter.builder().eventType("^" + RawProbe.EVENT_TYPE.replace(".", "\\.") + "$")
                                .build())
                .build().start();
    }

    /** The role {@code node} plays here, for printing. */
    String role(Node node) {
        if (node.equals(leaderNode)) {
            return "leader of the quorum queues";
        }
        return node.equals(serverNode) ? "the server's and listener's node" : "neither leader nor server's node";
    }

    private void closeServerSide() {
        if (listener != null) {
            listener.close();
        }
        if (server != null) {
            server.close();
        }
        if (serverSide != null) {
            serverSide.close();
        }
    }

    @Override
    public void close() {
        try {
            if (clientSide != null) {
                clientSide.close();
            }
            closeServerSide();
        } finally {
            cluster.startStoppedNodes();
            cluster.deleteVirtualHost(vhost);
        }
    }

    @Override
    public String toString() {
        return "vhost " + vhost + ": quorum leaders on " + leaderNode + ", server and listener on " + serverNode
                + ", third node " + otherNode;
    }
}
