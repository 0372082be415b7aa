package dev.oslo4j.cli.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a measured phase cost this JVM per message: CPU time and context switches (voluntary and involuntary) of
 * its threads, read from Linux's {@code /proc/self/task/N/stat} and {@code status}, leaving out the JIT
 * compiler's threads (a contender pays for compiling once and the next inherits it). These separate a client's
 * own cost from the broker's, which shares the machine: on two cores a rate ratio alone cannot tell them apart.
 *
 * @param cpuMicrosPerMessage CPU time of the JVM's threads per processed message, in microseconds
 * @param contextSwitchesPerMessage context switches of the JVM's threads per processed message
 */
public record ResourceUse(double cpuMicrosPerMessage, double contextSwitchesPerMessage) {

    private static final Path TASKS = Path.of("/proc/self/task");
    /** Linux reports thread CPU time in clock ticks of 10 ms (USER_HZ 100 on every mainstream distribution). */
    private static final double NANOS_PER_TICK = 10_000_000;

    /** Per thread (by task id): CPU ticks and context switches so far; empty where /proc is not there. */
    public record Reading(Map<String, long[]> threads) {

        /**
         * The use from this reading to {@code later}, over {@code messages}: threads in both readings count their
         * difference, threads started in between all they used; threads that ended in between are not seen.
         */
        public Optional<ResourceUse> until(Reading later, long messages) {
            if (threads.isEmpty() || later.threads.isEmpty() || messages <= 0) {
                return Optional.empty();
            }
            long ticks = 0;
            long switches = 0;
            for (Map.Entry<String, long[]> now : later.threads.entrySet()) {
                long[] then = threads.getOrDefault(now.getKey(), new long[2]);
                ticks += now.getValue()[0] - then[0];
                switches += now.getValue()[1] - then[1];
            }
            return Optional.of(new ResourceUse(ticks * NANOS_PER_TICK / 1e3 / messages, (double) switches / messages));
        }
    }

    /** Reads the counters of every thread but the JIT compiler's, now. */
    public static Reading read() {
        Map<String, long[]> threads = new HashMap<>();
        if (!Files.isDirectory(TASKS)) {
            return new Reading(threads);
        }
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
            for (Path task : tasks) {
                long[] counters = countersOf(task);
                if (counters != null) {
                    threads.put(task.getFileName().toString(), counters);
                }
            }
        } catch (IOException e) {
            threads.clear();
        }
        return new Reading(threads);
    }

    /** {CPU ticks, context switches} of one thread; null for a compiler thread or one that ended meanwhile. */
    private static long[] countersOf(Path task) {
        try {
            String stat = Files.readString(task.resolve("stat"));
            int open = stat.indexOf('(');
            int close = stat.lastIndexOf(')');
            if (stat.substring(open + 1, close).contains("CompilerThre")) {
                return null;
            }
            // after the name: state is field 3, utime field 14 and stime field 15
            String[] fields = stat.substring(close + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            long switches = 0;
            for (String line : Files.readAllLines(task.resolve("status"))) {
                if (line.startsWith("voluntary_ctxt_switches:") || line.startsWith("nonvoluntary_ctxt_switches:")) {
                    switches += Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
                }
            }
            return new long[] {ticks, switches};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
