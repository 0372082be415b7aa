package dev.oslo4j.conformance.reliability;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import dev.oslo4j.messaging.Notification;

/**
 * When each marker first reached an endpoint ({@link System#nanoTime()}) and how often, per receiver: the RPC
 * endpoint ({@link Server}, method {@code mark}) and the notification endpoint ({@link Listener}, priority info)
 * record into it. Thread-safe.
 */
final class Arrivals {

    private final Map<String, Long> first = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

    void arrived(String receiver, String marker) {
        String key = receiver + ":" + marker;
        first.putIfAbsent(key, System.nanoTime());
        counts.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
    }

    boolean has(String receiver, String marker) {
        return first.containsKey(receiver + ":" + marker);
    }

    int count(String receiver, String marker) {
        AtomicInteger n = counts.get(receiver + ":" + marker);
        return n == null ? 0 : n.get();
    }

    /** When {@code marker} first reached {@code receiver}; fails if it never did. */
    long first(String receiver, String marker) {
        Long t = first.get(receiver + ":" + marker);
        if (t == null) {
            throw new AssertionError(marker + " never reached " + receiver + "; arrivals: " + this);
        }
        return t;
    }

    @Override
    public String toString() {
        Map<String, Integer> out = new TreeMap<>();
        counts.forEach((k, v) -> out.put(k, v.get()));
        return out.toString();
    }

    /** An RPC endpoint: {@code mark(marker)} records under {@code name}; returns the name (for calls). */
    public static final class Server {
        private final Arrivals arrivals;
        private final String name;

        Server(Arrivals arrivals, String name) {
            this.arrivals = arrivals;
            this.name = name;
        }

        public String mark(String marker) {
            arrivals.arrived(name, marker);
            return name;
        }
    }

    /** A notification endpoint: an info notification with payload {@code {"marker": …}} records under {@code name}. */
    public static final class Listener {
        private final Arrivals arrivals;
        private final String name;

        Listener(Arrivals arrivals, String name) {
            this.arrivals = arrivals;
            this.name = name;
        }

        public void info(Notification n) {
            arrivals.arrived(name, n.payload().get("marker").textValue());
        }
    }
}
