package dev.oslo4j.conformance.python;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The peer processes not yet closed. A JVM shutdown hook kills them, so that even an aborted test
 * run leaves no Python process behind (the peers also stop by themselves when their stdin closes).
 */
final class LivePeers {
    private static final Set<Process> PROCESSES = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> PROCESSES.forEach(PythonPeer::kill),
                "oslo4j-python-peer-reaper"));
    }

    private LivePeers() {
    }

    static void register(Process process) {
        PROCESSES.add(process);
    }

    static void deregister(Process process) {
        PROCESSES.remove(process);
    }

    /** Whether the process with this pid is still registered (for leak checks in tests). */
    static boolean isRegistered(long pid) {
        return PROCESSES.stream().anyMatch(p -> p.pid() == pid);
    }
}
