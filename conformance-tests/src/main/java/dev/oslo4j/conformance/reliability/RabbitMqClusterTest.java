package dev.oslo4j.conformance.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;

import dev.oslo4j.conformance.broker.RabbitMqCluster;
import dev.oslo4j.conformance.broker.RabbitMqCluster.Node;
import dev.oslo4j.conformance.broker.RabbitMqCluster.QueueReplicas;
import dev.oslo4j.conformance.broker.RabbitMqClusterExtension;
import dev.oslo4j.testsupport.Await;

/**
 * Issue 14 §3 — an oslo service on a real 3-node RabbitMQ cluster (three extra nodes on loopback, started by
 * {@code scripts/rabbitmq-cluster} for this class and removed after it), configured as operators run OpenStack:
 * {@code rabbit_quorum_queue=true} and the URL listing every node ({@link ClusterDeployment}).
 *
 * <p>The quorum queues have a replica on each node. Then, under steady load ({@link ClusterLoad}: confirmed casts
 * and notifications, 4 threads calling), one node's broker is stopped ({@code rabbitmqctl -n … stop_app}) and
 * started again — a node that holds neither the queues' leaders nor the server's connection, the node holding
 * the leaders, the node the server and listener are connected to. Asserted: no confirmed cast or notification is
 * lost (every one is processed at least once), every call ends within its timeout + 1 s with a result or a
 * {@code MessagingException}, no sender or caller thread dies. Printed: duplicates processed, calls failed, how
 * long until the server and the listener consumed again after the node went down.
 */
@ExtendWith(RabbitMqClusterExtension.class)
class RabbitMqClusterTest {

    private static final Duration WAIT = Duration.ofSeconds(90);
    /** Messages of each kind processed before the fault, while the node is down, and after it is back. */
    private static final int STEP = 400;

    @Test
    void quorumQueuesHaveAReplicaOnEveryNodeAndServeThroughTheMultiHostUrl(RabbitMqCluster cluster) throws Exception {
        try (ClusterDeployment d = ClusterDeployment.start(cluster, "replicas")) {
            assertThat(d.client.call(Map.of(), "echo", Map.of("v", "hello")).textValue()).isEqualTo("hello");
            d.client.cast(Map.of(), "record", Map.of("n", 0));
            d.notifier.info(Map.of(), ClusterDeployment.TICK, Map.of("n", 0)).get(WAIT.toSeconds(), TimeUnit.SECONDS);
            Await.until(WAIT, "the cast and the notification arrived",
                    () -> d.casts.count(0) > 0 && d.notifications.count(0) > 0);

            Map<String, QueueReplicas> queues = cluster.queues(d.vhost);
            List<String> every = cluster.nodes().stream().map(Node::name).toList();
            System.out.printf("[cluster] %s; queues: %s; connections: %s%n", d, queues.values(),
                    cluster.connections(d.vhost));
            for (String name : d.quorumQueues()) {
                QueueReplicas q = queues.get(name);
                assertThat(q).as("queue %s in %s", name, queues.keySet()).isNotNull();
                assertThat(q.type()).as("type of %s", name).isEqualTo("quorum");
                assertThat(q.members()).as("replicas of %s", name).containsExactlyInAnyOrderElementsOf(every);
                assertThat(q.online()).as("replicas of %s online", name).containsExactlyInAnyOrderElementsOf(every);
                assertThat(q.leader()).as("leader of %s", name).isEqualTo(d.leaderNode.name());
            }
            // As with oslo: a process's own reply and fanout queues stay classic (and are re-declared after a failover).
            assertThat(queues.values()).filteredOn(q -> q.name().startsWith("reply_")
                            || q.name().startsWith(d.topic + "_fanout_"))
                    .hasSize(2).allSatisfy(q -> assertThat(q.type()).isEqualTo("classic"));
        }
    }

    @Test
    void aNodeHoldingNeitherLeadersNorTheServerStopsAndStartsAgainUnderLoad(RabbitMqCluster cluster)
            throws Exception {
        nodeStopsAndStartsAgainUnderLoad(cluster, "bystander", d -> d.otherNode);
    }

    @Test
    void theNodeHoldingTheQuorumLeadersStopsAndStartsAgainUnderLoad(RabbitMqCluster cluster) throws Exception {
        nodeStopsAndStartsAgainUnderLoad(cluster, "leader", d -> d.leaderNode);
    }

    @Test
    void theNodeTheServerIsConnectedToStopsAndStartsAgainUnderLoad(RabbitMqCluster cluster) throws Exception {
        nodeStopsAndStartsAgainUnderLoad(cluster, "server", d -> d.serverNode);
    }

    private static void nodeStopsAndStartsAgainUnderLoad(RabbitMqCluster cluster, String hint,
                                                         Function<ClusterDeployment, Node> pick) throws Exception {
        long started = System.nanoTime();
        try (ClusterDeployment d = ClusterDeployment.start(cluster, hint);
             ClusterLoad load = ClusterLoad.start(d)) {
            load.awaitProgress(STEP, WAIT, "before the fault");
            Node victim = pick.apply(d);
            Node survivor = cluster.nodes().stream().filter(n -> !n.equals(victim)).findFirst().orElseThrow();
            long stopping = System.nanoTime();
            Recovery recovery = stopAndProbe(cluster, d, victim, survivor);
            Duration stopTook = since(stopping);
            load.awaitProgress(STEP, WAIT, "while " + victim + " is stopped");

            long starting = System.nanoTime();
            cluster.startApp(victim);
            Duration startTook = since(starting);
            Map<String, QueueReplicas> replicas = awaitEveryReplicaOnline(cluster, d);
            Duration replicasBack = since(starting);
            load.awaitProgress(STEP, WAIT, "after " + victim + " started again");
            load.stop(WAIT);
            Await.until(WAIT, "every confirmed cast and notification was processed",
                    () -> d.casts.distinct() == load.castWindow.started()
                            && d.notifications.distinct() == load.notificationWindow.started(), load::toString);
            awaitDrained(cluster, survivor, d);

            System.out.printf("[cluster] %s stopped (%s): stop_app %d ms, start_app %d ms, all replicas online %d ms "
                            + "after start; server consumed again %d ms and listener %d ms after the node went down; "
                            + "casts: %d sent, %d failed, %d lost, %d duplicates processed; notifications: %d sent, "
                            + "%d failed, %d lost, %d duplicates processed; calls: %s, %d over %d ms (hung); "
                            + "leaders after: %s; %s; %.0f s in all%n",
                    victim, d.role(victim), stopTook.toMillis(), startTook.toMillis(), replicasBack.toMillis(),
                    recovery.server().toMillis(), recovery.listener().toMillis(),
                    load.castWindow.started(), load.castWindow.failed(),
                    load.castWindow.started() - d.casts.distinct(), d.casts.duplicates(),
                    load.notificationWindow.started(), load.notificationWindow.failed(),
                    load.notificationWindow.started() - d.notifications.distinct(), d.notifications.duplicates(),
                    load.calls, load.calls.overBound().size(), ClusterDeployment.callBound().toMillis(),
                    leaders(cluster, replicas), d, since(started).toMillis() / 1000.0);

            assertThat(load.crashes()).as("sender and caller threads that died").isEmpty();
            assertThat(load.castWindow.failed()).as("casts not confirmed: %s", load.castWindow.firstFailures()).isZero();
            assertThat(load.notificationWindow.failed()).as("notifications not confirmed: %s",
                    load.notificationWindow.firstFailures()).isZero();
            assertThat(d.casts.outOfRange() + d.notifications.outOfRange()).isZero();
            assertThat(load.calls.overBound()).as("calls that took longer than timeout + 1 s").isEmpty();
            assertThat(load.calls.unclear()).as("errors that are not a MessagingException with a message").isEmpty();
        }
    }

    /** How long after the node went down the server and the listener consumed again. */
    private record Recovery(Duration server, Duration listener) {
    }

    /**
     * Stops {@code victim}'s broker and, from the moment it closed the connections on it (a connection of our own
     * tells; {@code stop_app} goes on for seconds), probes the server's and the listener's queues through
     * {@code survivor} until both consumed a probe.
     */
    private static Recovery stopAndProbe(RabbitMqCluster cluster, ClusterDeployment d, Node victim, Node survivor)
            throws Exception {
        AtomicLong closedAt = new AtomicLong();
        Connection sentinel = cluster.connectionFactory(victim, d.vhost).newConnection("oslo4j-cluster-sentinel");
        java.util.List<Connection> probeConnections = new java.util.ArrayList<>();
        try (AutoCloseable closeProbes = () -> probeConnections.forEach(Connection::abort)) {
            RawProbe probe = new RawProbe(() -> {
                Connection raw = cluster.connectionFactory(survivor, d.vhost).newConnection("oslo4j-cluster-probe");
                probeConnections.add(raw);
                return raw.createChannel();
            });
            sentinel.addShutdownListener(cause -> closedAt.compareAndSet(0, System.nanoTime()));
            // A thread of its own: stop_app takes seconds, and the library uses CompletableFuture's default executor.
            CompletableFuture<Void> stop = new CompletableFuture<>();
            Thread stopper = new Thread(() -> {
                try {
                    cluster.stopApp(victim);
                    stop.complete(null);
                } catch (Throwable t) {
                    stop.completeExceptionally(t);
                }
            }, "test-cluster-stop-app");
            stopper.setDaemon(true);
            stopper.start();
            Await.until(WAIT, victim + " closed its connections", () -> closedAt.get() != 0 || stop.isDone());
            if (closedAt.get() == 0) {
                stop.join(); // rethrows why stop_app failed
                throw new AssertionError(victim + " stopped without closing the connection on it");
            }
            probe.until(d.arrivals, d.topic, d.topic + ".info", "after-stop", WAIT);
            stop.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            return new Recovery(Duration.ofNanos(d.arrivals.first("server", "after-stop") - closedAt.get()),
                    Duration.ofNanos(d.arrivals.first("listener", "after-stop") - closedAt.get()));
        } finally {
            sentinel.abort(); // closed by the broker by now, unless something failed
        }
    }

    private static Map<String, QueueReplicas> awaitEveryReplicaOnline(RabbitMqCluster cluster, ClusterDeployment d) {
        Object[] last = new Object[1];
        Await.until(WAIT, "every quorum queue has its 3 replicas online", () -> {
            Map<String, QueueReplicas> queues = cluster.queues(d.vhost);
            last[0] = queues;
            return d.quorumQueues().stream().allMatch(q -> queues.containsKey(q)
                    && queues.get(q).online().size() == cluster.nodes().size());
        }, () -> String.valueOf(last[0]));
        @SuppressWarnings("unchecked")
        Map<String, QueueReplicas> queues = (Map<String, QueueReplicas>) last[0];
        return queues;
    }

    /** Waits until the broker holds nothing more for the consumers (so that late duplicates are counted too). */
    private static void awaitDrained(RabbitMqCluster cluster, Node node, ClusterDeployment d) throws Exception {
        try (Connection raw = cluster.connectionFactory(node, d.vhost).newConnection("oslo4j-cluster-drain")) {
            Channel channel = raw.createChannel();
            Await.until(WAIT, "the topic and notification queues are drained",
                    () -> channel.queueDeclarePassive(d.topic).getMessageCount() == 0
                            && channel.queueDeclarePassive(d.topic + ".info").getMessageCount() == 0);
        }
    }

    private static String leaders(RabbitMqCluster cluster, Map<String, QueueReplicas> queues) {
        StringBuilder out = new StringBuilder();
        queues.values().stream().filter(q -> q.leader() != null && !q.leader().isEmpty()).forEach(q ->
                out.append(out.length() == 0 ? "" : ", ").append(q.name()).append(" on ")
                        .append(cluster.node(q.leader())));
        return out.toString();
    }

    private static Duration since(long nanos) {
        return Duration.ofNanos(System.nanoTime() - nanos);
    }
}
