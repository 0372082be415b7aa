package dev.oslo4j.cli.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Whether the JIT compiler is still busy, so that a warm-up can go on until it has settled. Contenders run one
 * after the other in one JVM: the first pays for compiling the AMQP client, Jackson and the JDK's concurrency
 * code on a contended CPU, the next inherits it all compiled. Measured on a 2-core machine: with a 2000-message
 * warm-up the C2 compiler still took more than half of the bench JVM's CPU 6 to 9 s into the first contender's
 * measured phase, and the same contender rated about a tenth higher when it ran second.
 *
 * <p>Settled means the compiler worked less than {@value #QUIET_SHARE_PERCENT}% of a {@link #WINDOW} of wall
 * time; after {@code limit} it counts as settled whatever it does. Without compilation-time monitoring it is
 * settled at once.
 */
final class JitSettling implements BooleanSupplier {
    static final Duration WINDOW = Duration.ofMillis(500);
    static final int QUIET_SHARE_PERCENT = 5;

    private final CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
    private final long limitNanos;
    private long startNanos;
    private long windowStartNanos;
    private long compiledAtWindowStart;
    private volatile boolean settled;

    JitSettling(Duration limit) {
        this.limitNanos = limit.toNanos();
        this.settled = jit == null || !jit.isCompilationTimeMonitoringSupported();
    }

    /** True while the compiler is still busy (and the limit not reached): keep warming up. */
    @Override
    public boolean getAsBoolean() {
        if (settled) {
            return false;
        }
        synchronized (this) {
            long now = System.nanoTime();
            if (startNanos == 0) {
                startNanos = now;
                startWindow(now);
                return true;
            }
            if (now - startNanos >= limitNanos) {
                settled = true;
            } else if (now - windowStartNanos >= WINDOW.toNanos()) {
                long compiledMillis = jit.getTotalCompilationTime() - compiledAtWindowStart;
                settled = quiet(compiledMillis, (now - windowStartNanos) / 1_000_000);
                startWindow(now);
            }
            return !settled;
        }
    }

    private void startWindow(long now) {
        windowStartNanos = now;
        compiledAtWindowStart = jit.getTotalCompilationTime();
    }

    /** Whether {@code compiledMillis} of compilation in {@code windowMillis} of wall time is quiet enough. */
    static boolean quiet(long compiledMillis, long windowMillis) {
        return compiledMillis * 100 < windowMillis * QUIET_SHARE_PERCENT;
    }
}
