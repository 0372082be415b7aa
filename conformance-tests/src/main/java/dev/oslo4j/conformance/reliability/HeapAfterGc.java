package dev.oslo4j.conformance.reliability;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * Used heap after garbage collection: {@link System#gc()} repeated (100 ms apart, for reference processing) until
 * two readings agree within 1 %, at most 10 times. For "steady memory" checks, taken at quiet moments.
 */
final class HeapAfterGc {

    private HeapAfterGc() {
    }

    static long bytes() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long previous = Long.MAX_VALUE;
        long used = 0;
        for (int i = 0; i < 10; i++) {
            System.gc();
            Thread.sleep(100);
            used = memory.getHeapMemoryUsage().getUsed();
            if (Math.abs(previous - used) <= used / 100) {
                break;
            }
            previous = used;
        }
        return used;
    }

    static String mb(long bytes) {
        return String.format("%.1f MB", bytes / 1048576.0);
    }
}
