package dev.oslo4j.conformance.python;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Reads a peer's stdout (one JSON event per line) on its own thread and lets tests wait for
 * events with a deadline. Every event is kept, in arrival order.
 */
final class PeerEvents {
    private final List<JsonNode> events = new ArrayList<>();
    private final Thread reader;
    private boolean ended;

    PeerEvents(InputStream stdout, String threadName) {
        reader = new Thread(() -> read(stdout), threadName);
        reader.setDaemon(true);
        reader.start();
    }

    private void read(InputStream stdout) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(stdout, StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                JsonNode event = PeerJson.parseLine(line);
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

    /** A snapshot of every event so far. */
    synchronized List<JsonNode> all() {
        return List.copyOf(events);
    }

    /**
     * Waits until {@code count} events (counted from the first one) match, or the deadline passes,
     * or the output ends. Returns what matched; fewer than {@code count} means it did not happen.
     */
    synchronized List<JsonNode> await(Predicate<JsonNode> matcher, int count, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<JsonNode> matched = events.stream().filter(matcher).limit(count).toList();
            long left = deadline - System.nanoTime();
            if (matched.size() >= count || ended || left <= 0) {
                return matched;
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    synchronized Optional<JsonNode> first(Predicate<JsonNode> matcher) {
        return events.stream().filter(matcher).findFirst();
    }

    synchronized boolean ended() {
        return ended;
    }

    void join(long millis) throws InterruptedException {
        reader.join(millis);
    }
}
