package dev.oslo4j.cli.bench;

import dev.oslo4j.cli.bench.raw.RawBroker;
import dev.oslo4j.messaging.Priority;
import java.util.ArrayList;
import java.util.List;

/**
 * The exchange and topic one contender's run uses, fresh for every run so that contenders never see each
 * other's messages, and what must be deleted afterwards: oslo's topic, server and notification queues are not
 * auto-delete (its fanout and reply queues expire by themselves), and the broker may be a shared RabbitMQ.
 *
 * @param server the RPC server name of the run's server, oslo4j's and Python's alike
 */
public record BenchTopology(String exchange, String topic, String server) {
    /** The RPC server name the benchmark servers use. */
    public static final String SERVER = "bench";

    public static BenchTopology fresh(String contender) {
        return new BenchTopology(RawBroker.uniqueName(contender), RawBroker.uniqueName(contender + "-topic"), SERVER);
    }

    /** {@code <topic>}, {@code <topic>.<server>} and {@code <topic>.<priority>} for every priority. */
    public List<String> queues() {
        List<String> queues = new ArrayList<>(List.of(topic, topic + "." + server));
        for (Priority priority : Priority.values()) {
            queues.add(topic + "." + priority.routingName());
        }
        return queues;
    }

    /** Deletes the run's queues and exchange. */
    public void delete(RawBroker broker) throws Exception {
        broker.delete(queues(), List.of(exchange));
    }
}
