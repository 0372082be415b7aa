package dev.oslo4j.cli.bench;

import dev.oslo4j.cli.CliFailure;

import java.lang.reflect.Method;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * How the oslo4j contender's RPC server or notification listener runs its endpoints ({@code bench
 * --receiver-executor}), so that what each threading choice of docs/rpc.md costs per message can be measured.
 */
public enum ReceiverExecutor {
    /** oslo4j's own pool ({@code executorThreads}): a burst of messages wakes one worker. */
    POOL("pool"),
    /** {@code executorThreads(1)}: one thread, messages one after the other. */
    ONE("one"),
    /** A JDK {@code ThreadPoolExecutor} of the same size given with {@code executor(..)}, as an application may. */
    JDK_POOL("jdk-pool"),
    /** A virtual thread per message given with {@code executor(..)} (Java 21 and later). */
    VIRTUAL("virtual"),
    /**
     * {@code executor(Runnable::run)}: endpoints run on the AMQP connection's own thread, no hand-off. Only for
     * endpoints that never block: while one runs, nothing else on that connection is delivered.
     */
    DIRECT("direct");

    private final String flag;

    ReceiverExecutor(String flag) {
        this.flag = flag;
    }

    public String flag() {
        return flag;
    }

    /** The value of {@code --receiver-executor}; anything else is a usage error naming the choices. */
    public static ReceiverExecutor parse(String text) {
        for (ReceiverExecutor e : values()) {
            if (e.flag.equals(text.trim().toLowerCase(Locale.ROOT))) {
                if (e == VIRTUAL && virtualThreadFactory() == null) {
                    throw CliFailure.usage("--receiver-executor virtual needs Java 21 or later (this is Java "
                            + Runtime.version().feature() + ")");
                }
                return e;
            }
        }
        throw CliFailure.usage("--receiver-executor: unknown choice '" + text
                + "'; use pool, one, jdk-pool, virtual or direct");
    }

    /**
     * The executor an application would pass for this choice with {@code threads} as the pool size, or null for the
     * choices made with {@code executorThreads}. The caller shuts it down (when it is an {@link ExecutorService}):
     * servers never shut down an executor they were given.
     */
    public Executor newExecutor(int threads) {
        return switch (this) {
            case POOL, ONE -> null;
            case DIRECT -> Runnable::run;
            case JDK_POOL -> Executors.newFixedThreadPool(threads);
            case VIRTUAL -> {
                try {
                    yield (ExecutorService) virtualThreadFactory().invoke(null);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("could not create a virtual-thread executor", e);
                }
            }
        };
    }

    /** Shuts down what {@link #newExecutor} made, when it is a pool (null and {@code Runnable::run} need nothing). */
    public static void shutDown(Executor executor) {
        if (executor instanceof ExecutorService service) {
            service.shutdownNow();
        }
    }

    /** The {@code executorThreads} for this choice, given the pool's usual size. */
    public int threads(int poolSize) {
        return this == ONE ? 1 : poolSize;
    }

    private static Method virtualThreadFactory() {
        try {
            return Executors.class.getMethod("newVirtualThreadPerTaskExecutor");
        } catch (NoSuchMethodException e) {
            return null;
        }
    }
}
