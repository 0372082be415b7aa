package dev.oslo4j.messaging;

import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;

/**
 * Where {@link RpcClient}'s asynchronous results complete: off the AMQP I/O threads, on a small shared pool.
 * Not CompletableFuture's default executor: on a machine with two cores or fewer its common pool has
 * parallelism 1, and then every {@code *Async} stage starts a new thread — one thread per cast or call.
 */
final class AsyncCompletions {
    private static final Executor POOL = new ForkJoinPool(Math.max(2, Runtime.getRuntime().availableProcessors()),
            pool -> {
                ForkJoinWorkerThread thread = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
                thread.setName("oslo4j-rpc-completion-" + thread.getPoolIndex());
                thread.setDaemon(true);
                return thread;
            }, null, true);

    private AsyncCompletions() {
    }

    static Executor executor() {
        return POOL;
    }
}
