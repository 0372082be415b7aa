package dev.oslo4j.messaging.driver.rabbit;

import dev.oslo4j.messaging.MessagingException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * oslo 16.x's queue manager ({@code use_queue_manager}): reply and fanout queues are named
 * {@code <hostname>:<processname>:<n>}, so that a restarted service finds its queues again instead of leaving
 * random ones behind.
 *
 * <p>Python keeps {@code n} in {@code /dev/shm/<host>_<process>_qmanager} under an oslo_concurrency file lock and
 * restarts it at 1 when the process group changes. The JVM has neither, so the counter lives in
 * {@code oslo4j_<host>_<process>_qmanager} (in {@code /dev/shm} when writable, else {@code java.io.tmpdir}),
 * guarded by an OS file lock ({@link FileChannel#lock()}), with one line per live process: its pid, start time
 * and highest number. A new number is one above the highest of the processes still alive, or 1 when none is:
 * names restart at 1 after a restart, yet two live JVMs sharing host and process names never get the same one.
 */
final class QueueManager {

    private final String prefix;
    private final Path file;

    QueueManager(String hostname, String processname) {
        this(hostname, processname, defaultDirectory());
    }

    QueueManager(String hostname, String processname, Path directory) {
        this.prefix = hostname + ":" + processname + ":";
        this.file = directory.resolve("oslo4j_" + safe(hostname) + "_" + safe(processname) + "_qmanager");
    }

    /** The next name part, {@code <hostname>:<processname>:<n>}. */
    String next() {
        synchronized (QueueManager.class) { // FileLock is per JVM: threads of this JVM queue here first
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
                 FileLock ignored = ch.lock()) {
                Map<String, Integer> live = readLive(ch);
                int n = live.values().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
                live.put(self(), n);
                write(ch, live);
                return prefix + n;
            } catch (IOException e) {
                throw new MessagingException("queue manager: cannot keep the queue counter in " + file + ": "
                        + e.getMessage(), e);
            }
        }
    }

    Path file() {
        return file;
    }

    private static Map<String, Integer> readLive(FileChannel ch) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(ch.size(), 1 << 20));
        ch.read(buffer, 0);
        Map<String, Integer> live = new LinkedHashMap<>();
        for (String line : new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).split("\n")) {
            String[] f = line.trim().split(" ");
            if (f.length != 3) {
                continue; // empty or damaged line: ignored, as Python ignores an unreadable counter
            }
            try {
                if (alive(Long.parseLong(f[0]), f[1])) {
                    live.put(f[0] + " " + f[1], Integer.parseInt(f[2]));
                }
            } catch (NumberFormatException ignored) {
                // damaged line
            }
        }
        return live;
    }

    private static void write(FileChannel ch, Map<String, Integer> live) throws IOException {
        StringBuilder sb = new StringBuilder();
        live.forEach((owner, n) -> sb.append(owner).append(' ').append(n).append('\n'));
        ch.truncate(0);
        ch.write(ByteBuffer.wrap(sb.toString().getBytes(StandardCharsets.UTF_8)), 0);
    }

    private static boolean alive(long pid, String started) {
        Optional<ProcessHandle> p = ProcessHandle.of(pid);
        return p.isPresent() && p.get().isAlive() && startOf(p.get()).equals(started);
    }

    private static String self() {
        ProcessHandle me = ProcessHandle.current();
        return me.pid() + " " + startOf(me);
    }

    private static String startOf(ProcessHandle p) {
        return p.info().startInstant().map(Instant::toEpochMilli).map(String::valueOf).orElse("0");
    }

    private static String safe(String s) {
        return s.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    private static Path defaultDirectory() {
        Path shm = Path.of("/dev/shm");
        return Files.isDirectory(shm) && Files.isWritable(shm) ? shm : Path.of(System.getProperty("java.io.tmpdir"));
    }
}
