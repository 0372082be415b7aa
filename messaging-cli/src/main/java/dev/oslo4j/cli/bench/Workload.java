package dev.oslo4j.cli.bench;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * One messaging pattern under test (oslo4j RPC calls, bare amqp-client casts, …) with its receiving side
 * already running. The {@link LoadRunner} drives it from several threads; the workload only knows how to do
 * one operation and, for end-to-end patterns, when everything sent has been processed.
 */
public interface Workload extends AutoCloseable {

    /** What the report calls this contender, e.g. {@code "oslo4j"} or {@code "raw amqp-client"}. */
    String name();

    /**
     * Prepares what one client thread needs (a channel, a prepared client). Called on that thread, which is
     * the only one that will use the returned operation.
     */
    Operation newOperation(int thread) throws Exception;

    /**
     * Like {@link #newOperation}, for a thread that keeps several operations outstanding ({@code --in-flight}
     * above 1): the same AMQP steps, without waiting for confirms or replies before the next.
     */
    PipelinedOperation newPipelinedOperation(int thread) throws Exception;

    /**
     * Waits until the receiving side has processed {@code total} messages since the workload started, or
     * {@code timeout} passed, and says how many it has processed. Request/reply patterns are complete when
     * the reply arrives, so they return {@code total} at once (the default).
     */
    default long awaitProcessed(long total, Duration timeout) throws InterruptedException {
        return total;
    }

    @Override
    void close() throws Exception;

    /** One timed operation: a call answered, a cast confirmed, a notification sent. */
    @FunctionalInterface
    interface Operation {
        void execute(long sequence) throws Exception;
    }

    /** One operation started without waiting; its future completes when {@link Operation#execute} would return. */
    @FunctionalInterface
    interface PipelinedOperation {
        CompletableFuture<?> start(long sequence) throws Exception;
    }
}
