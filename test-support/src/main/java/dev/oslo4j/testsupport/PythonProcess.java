package dev.oslo4j.testsupport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A Python peer script run as a process by {@link Requirements#python()}, in a clean Python environment (no user
 * site, no inherited {@code PYTHON*} variables; a given {@code PYTHONPATH} first), talking line by line: commands
 * on its stdin, one event per stdout line (parsed by the caller's function and kept in order), its stderr drained
 * and its last lines kept for failure messages.
 *
 * <p>Closing closes stdin (a peer then stops cleanly, as a Python service would), waits a bounded time, then kills
 * the process and its descendants; processes still alive when the JVM exits are killed by a shutdown hook, so not
 * even an aborted run leaves one behind. The peer scripts lead a process group of their own ({@code os.setsid()}),
 * as a service started by systemd does (oslo.messaging 16.x reads {@code /proc/<process group>/stat}).
 *
 * @param <E> what one stdout line is parsed into
 */
public final class PythonProcess<E> implements AutoCloseable {

    /** How long {@link #close()} waits for a clean stop before killing. */
    public static final Duration STOP_GRACE = Duration.ofSeconds(10);
    private static final Duration KILL_WAIT = Duration.ofSeconds(10);
    private static final int STDERR_LINES = 60;
    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(PythonProcess::kill),
                "oslo4j-python-peer-reaper"));
    }

    private final String name;
    private final Process process;
    private final Function<String, E> parse;
    private final OutputStream stdin;
    private final List<E> events = new ArrayList<>();
    private final Deque<String> stderr = new ArrayDeque<>();
    private final Thread stdoutReader;
    private final Thread stderrReader;
    private boolean ended;
    private int taken;

    private PythonProcess(String name, Process process, Function<String, E> parse) {
        this.name = name;
        this.process = process;
        this.parse = parse;
        this.stdin = process.getOutputStream();
        this.stdoutReader = daemon(() -> readStdout(process.getInputStream()), name + "-" + process.pid() + "-stdout");
        this.stderrReader = daemon(() -> readStderr(process.getErrorStream()), name + "-" + process.pid() + "-stderr");
    }

    /**
     * Starts {@code python script args…} with {@code environment} added to a clean Python environment and
     * {@code pythonPath} (nullable) as {@code PYTHONPATH}. {@code name} appears in thread names and failures.
     */
    public static <E> PythonProcess<E> start(String name, Path script, List<String> args, Map<String, String> environment,
                                             Path pythonPath, Function<String, E> parse) throws IOException {
        List<String> command = new ArrayList<>(List.of(Requirements.python().toString(), script.toString()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command);
        cleanEnvironment(builder, pythonPath).putAll(environment);
        Process process = builder.start();
        LIVE.add(process);
        return new PythonProcess<>(name, process, parse);
    }

    /** A clean Python environment: no user site, path or pyenv leaks; {@code pythonPath} (nullable) first. */
    public static Map<String, String> cleanEnvironment(ProcessBuilder builder, Path pythonPath) {
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(key -> key.startsWith("PYTHON"));
        env.put("PYTHONDONTWRITEBYTECODE", "1");
        env.put("PYTHONNOUSERSITE", "1");
        env.put("PYTHONIOENCODING", "utf-8");
        if (pythonPath != null) {
            env.put("PYTHONPATH", pythonPath.toString());
        }
        return env;
    }

    /** Whether the process with this pid was started here and is not closed yet (for leak checks). */
    public static boolean isLive(long pid) {
        return LIVE.stream().anyMatch(p -> p.pid() == pid);
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Writes one line to the peer's stdin. */
    public synchronized void send(String line) {
        try {
            stdin.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            stdin.flush();
        } catch (IOException e) {
            throw new IllegalStateException(this + " does not accept input any more (" + e.getMessage()
                    + "); stderr tail:\n" + stderrTail(), e);
        }
    }

    /** Every event so far, in order. */
    public synchronized List<E> events() {
        return List.copyOf(events);
    }

    /**
     * Waits until {@code count} events (counted from the first one) match, or {@code timeout} passes, or the output
     * ends. Returns what matched; fewer than {@code count} means it did not happen.
     */
    public synchronized List<E> await(Predicate<E> matcher, int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<E> matched = events.stream().filter(matcher).limit(count).toList();
            long left = deadline - System.nanoTime();
            if (matched.size() >= count || ended || left <= 0) {
                return matched;
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    /** The event after the one the previous call returned, or null when none came within {@code timeout}. */
    public synchronized E next(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (taken >= events.size()) {
            long left = deadline - System.nanoTime();
            if (ended || left <= 0) {
                return null;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return events.get(taken++);
    }

    public synchronized Optional<E> first(Predicate<E> matcher) {
        return events.stream().filter(matcher).findFirst();
    }

    /** Whether the peer closed its stdout (it ended, or is about to). */
    public synchronized boolean ended() {
        return ended;
    }

    /**
     * The exit code once the process ended within {@code wait} (then its output has been read to the end, so
     * {@link #events()} and {@link #stderrTail()} are complete), else empty.
     */
    public Optional<Integer> exitCode(Duration wait) {
        try {
            if (!process.waitFor(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                return Optional.empty();
            }
            stdoutReader.join(1_000);
            stderrReader.join(1_000);
            return Optional.of(process.exitValue());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** The last lines the peer wrote to stderr (its Python log), newest last. */
    public String stderrTail() {
        synchronized (stderr) {
            return stderr.isEmpty() ? "(nothing on stderr)" : String.join("\n", stderr);
        }
    }

    /** Closes stdin, waits up to {@link #STOP_GRACE} for a clean stop, then kills. */
    @Override
    public void close() {
        close(STOP_GRACE);
    }

    /** As {@link #close()}, waiting at most {@code grace} for a clean stop before killing. Never leaves an orphan. */
    public void close(Duration grace) {
        try {
            synchronized (this) {
                stdin.close();
            }
        } catch (IOException e) {
            // already closed or the process is gone: killing below still applies
        }
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                kill(process);
                process.waitFor(KILL_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            }
            stdoutReader.join(1_000);
            stderrReader.join(1_000);
        } catch (InterruptedException e) {
            kill(process);
            Thread.currentThread().interrupt();
        } finally {
            LIVE.remove(process);
        }
    }

    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    private void readStdout(InputStream out) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(out, StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                E event = parse.apply(line);
                synchronized (this) {
                    events.add(event);
                    notifyAll();
                }
            }
        } catch (IOException e) {
            // the stream closed because the process ended: same as end of output
        } finally {
            synchronized (this) {
                ended = true;
                notifyAll();
            }
        }
    }

    private void readStderr(InputStream err) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(err, StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                synchronized (stderr) {
                    stderr.addLast(line);
                    if (stderr.size() > STDERR_LINES) {
                        stderr.removeFirst();
                    }
                }
            }
        } catch (IOException e) {
            // the process is gone; what was read so far is the tail
        }
    }

    private static Thread daemon(Runnable body, String name) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    @Override
    public String toString() {
        return "Python " + name + " (pid " + process.pid() + ")";
    }
}
