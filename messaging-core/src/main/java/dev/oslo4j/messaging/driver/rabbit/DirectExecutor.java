package dev.oslo4j.messaging.driver.rabbit;

import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs consumer callbacks on the connection's reader thread instead of handing them to a pool: every oslo4j
 * consumer only decodes, acknowledges and hands the message on without blocking, so the extra thread hop of the
 * AMQP client's default dispatch would be pure latency. Consumers must therefore never block nor issue
 * synchronous channel operations in their callbacks (they schedule such work elsewhere).
 */
final class DirectExecutor extends AbstractExecutorService {

    private volatile boolean shutdown;

    @Override
    public void execute(Runnable command) {
        command.run();
    }

    @Override
    public void shutdown() {
        shutdown = true;
    }

    @Override
    public List<Runnable> shutdownNow() {
        shutdown = true;
        return List.of();
    }

    @Override
    public boolean isShutdown() {
        return shutdown;
    }

    @Override
    public boolean isTerminated() {
        return shutdown;
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
        return true;
    }
}
