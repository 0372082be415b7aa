package dev.oslo4j.cli.bench.oslo;

import dev.oslo4j.cli.bench.BenchPattern;
import dev.oslo4j.cli.bench.ReceiverExecutor;
import dev.oslo4j.cli.bench.BenchTopology;
import dev.oslo4j.cli.bench.Contender;
import dev.oslo4j.cli.bench.Workload;
import dev.oslo4j.cli.bench.raw.RawBroker;
import java.time.Duration;
import java.util.concurrent.Executor;

/** oslo4j as a benchmark contender: a workload per pattern, and the clean-up of what it declared. */
public final class OsloWorkloads {
    private OsloWorkloads() {
    }

    /**
     * The oslo4j contender for {@code pattern} on the broker at {@code url}. Each run uses a fresh exchange
     * and topic, deleted afterwards through {@code cleanup} (topic queues are not auto-delete, and the broker
     * may be a shared RabbitMQ).
     */
    /**
     * How the oslo4j contender runs endpoints and asynchronous results ({@code --receiver-executor},
     * {@code --completion-executor}).
     *
     * @param completions null for the transport's own completion pool
     */
    public record Threading(ReceiverExecutor receivers, Executor completions) {
    }

    public static Contender contender(BenchPattern pattern, String url, Duration timeout, RawBroker cleanup,
                                      Threading threading) {
        return contender("oslo4j", TransportOpener.PLAIN, pattern, url, timeout, cleanup, threading);
    }

    /** oslo4j with an ObservationRegistry (metrics handler) on its transports: {@code bench --observe}. */
    public static Contender observedContender(BenchPattern pattern, String url, Duration timeout, RawBroker cleanup,
                                              Threading threading) {
        return contender("oslo4j observed", TransportOpener.observed(), pattern, url, timeout, cleanup, threading);
    }

    private static Contender contender(String name, TransportOpener plainOpener, BenchPattern pattern, String url,
                                       Duration timeout, RawBroker cleanup, Threading threading) {
        TransportOpener opener = plainOpener.completingOn(threading.completions());
        ReceiverExecutor receivers = threading.receivers();
        return Contender.of(name, spec -> {
            BenchTopology topology = BenchTopology.fresh("oslo4j");
            Workload workload = pattern == BenchPattern.NOTIFY
                    ? new OsloNotifyWorkload(opener, url, topology, spec, timeout, receivers)
                    : new OsloRpcWorkload(opener, pattern, url, topology, spec, timeout, receivers);
            return new CleaningWorkload(name, workload, () -> topology.delete(cleanup));
        });
    }

    /** Closes the workload, then deletes its topology; reported under the contender's name. */
    private record CleaningWorkload(String name, Workload delegate, CleanUp cleanUp) implements Workload {

        @Override
        public Operation newOperation(int thread) throws Exception {
            return delegate.newOperation(thread);
        }

        @Override
        public PipelinedOperation newPipelinedOperation(int thread) throws Exception {
            return delegate.newPipelinedOperation(thread);
        }

        @Override
        public long awaitProcessed(long total, Duration timeout) throws InterruptedException {
            return delegate.awaitProcessed(total, timeout);
        }

        @Override
        public void close() throws Exception {
            try {
                delegate.close();
            } finally {
                cleanUp.run();
            }
        }
    }

    @FunctionalInterface
    private interface CleanUp {
        void run() throws Exception;
    }
}
