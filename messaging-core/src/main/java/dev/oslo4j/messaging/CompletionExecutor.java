package dev.oslo4j.messaging;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * A transport's completion executor: the application's, or a {@link BatchingExecutor} of
 * {@code max(2, min(4, cores))} threads named {@code oslo4j-completion-N} that end a minute after the last
 * completion. Bounded whatever the machine: {@code CompletableFuture}'s default executor starts a thread per
 * task where the common pool's parallelism is 1 (two cores or fewer). After the transport closed, what is
 * still completed runs on the completing thread (there is no I/O left to stall).
 */
final class CompletionExecutor implements Executor {

    private final Executor supplied;
    private final BatchingExecutor own;

    CompletionExecutor(Executor supplied) {
        this.supplied = supplied;
        this.own = supplied != null ? null
                : new BatchingExecutor(defaultThreads(), "oslo4j-completion", 60, TimeUnit.SECONDS);
    }

    static int defaultThreads() {
        return Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors()));
    }

    @Override
    public void execute(Runnable task) {
        Executor target = supplied != null ? supplied : own;
        try {
            target.execute(task);
        } catch (RejectedExecutionException e) {
            if (own == null || !own.isShutdown()) {
                throw e;
            }
            task.run();
        }
    }

    int maxThreads() {
        return own == null ? 0 : defaultThreads();
    }

    /**
     * A future completing like {@code source}, with the same value or the very same exception (not wrapped), its
     * dependent stages run on this executor.
     */
    <T> CompletableFuture<T> relay(CompletableFuture<T> source) {
        CompletableFuture<T> out = new CompletableFuture<>();
        source.whenComplete((v, e) -> execute(() -> {
            if (e != null) {
                out.completeExceptionally(e);
            } else {
                out.complete(v);
            }
        }));
        return out;
    }

    void close() {
        if (own != null) {
            own.shutdown();
        }
    }
}
