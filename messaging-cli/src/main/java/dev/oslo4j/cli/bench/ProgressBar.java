package dev.oslo4j.cli.bench;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A one-line progress bar redrawn in place with {@code \r} a few times a second. Meant for a terminal only:
 * the bench command uses it when stderr is one, so that redirected output stays free of control characters.
 */
public final class ProgressBar implements Progress, AutoCloseable {
    private static final int WIDTH = 30;

    private final PrintWriter terminal;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "oslo4j-bench-progress");
        thread.setDaemon(true);
        return thread;
    });
    private ScheduledFuture<?> drawing;
    private String label;
    private long total;
    private LongSupplier done;
    private long startNanos;

    public ProgressBar(PrintWriter terminal) {
        this.terminal = terminal;
    }

    @Override
    public synchronized void begin(String label, long total, LongSupplier done) {
        end();
        this.label = label;
        this.total = Math.max(1, total);
        this.done = done;
        this.startNanos = System.nanoTime();
        drawing = ticker.scheduleAtFixedRate(this::draw, 0, 200, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void end() {
        if (drawing != null) {
            drawing.cancel(false);
            drawing = null;
            draw();
            terminal.print("\r\033[K");
            terminal.flush();
        }
    }

    /** The line for {@code current} of {@code total}, e.g. {@code oslo4j [#####     ] 50% 500/1000 812/s}. */
    static String render(String label, long current, long total, double seconds) {
        long clamped = Math.min(current, total);
        int filled = (int) (WIDTH * clamped / total);
        double rate = seconds > 0 ? current / seconds : 0;
        return String.format(Locale.ROOT, "%s [%s%s] %3d%% %d/%d %.0f/s", label, "#".repeat(filled),
                " ".repeat(WIDTH - filled), 100 * clamped / total, current, total, rate);
    }

    private synchronized void draw() {
        if (done != null) {
            double seconds = (System.nanoTime() - startNanos) / 1e9;
            terminal.print("\r" + render(label, done.getAsLong(), total, seconds));
            terminal.flush();
        }
    }

    @Override
    public void close() {
        end();
        ticker.shutdownNow();
    }
}
