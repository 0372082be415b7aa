package dev.oslo4j.conformance.reliability;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The live threads oslo4j started (by their name prefixes: AMQP I/O, timers, reconnection, RPC server and
 * listener executors), for "no thread leak" checks: counted before a test opens anything and after it closed it.
 */
final class LibraryThreads {

    private static final List<String> PREFIXES = List.of("oslo4j-amqp", "oslo4j-timer", "oslo4j-reconnect",
            "oslo4j-rpc", "oslo4j-notify");

    private LibraryThreads() {
    }

    static int count() {
        return (int) Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && isLibrary(t.getName())).count();
    }

    /** Live library threads per name (without the trailing number), for failure messages. */
    static Map<String, Integer> byName() {
        Map<String, Integer> out = new TreeMap<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.isAlive() && isLibrary(t.getName())) {
                out.merge(t.getName().replaceAll("-\\d+$", ""), 1, Integer::sum);
            }
        }
        return out;
    }

    private static boolean isLibrary(String name) {
        return PREFIXES.stream().anyMatch(name::startsWith);
    }
}
