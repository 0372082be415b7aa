package dev.oslo4j.conformance.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;

/** Which of {@code size} numbered messages arrived, and how many arrived more than once. Thread-safe. */
final class Tally {

    private final AtomicIntegerArray counts;
    private final AtomicInteger distinct = new AtomicInteger();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong outOfRange = new AtomicLong();

    Tally(int size) {
        this.counts = new AtomicIntegerArray(size);
    }

    void hit(int n) {
        if (n < 0 || n >= counts.length()) {
            outOfRange.incrementAndGet();
            return;
        }
        if (counts.incrementAndGet(n) == 1) {
            distinct.incrementAndGet();
        } else {
            duplicates.incrementAndGet();
        }
    }

    /** How often message {@code n} arrived. */
    int count(int n) {
        return counts.get(n);
    }

    int size() {
        return counts.length();
    }

    int distinct() {
        return distinct.get();
    }

    long duplicates() {
        return duplicates.get();
    }

    long outOfRange() {
        return outOfRange.get();
    }

    boolean complete() {
        return distinct() == size();
    }

    /** Up to {@code max} numbers that never arrived, for failure messages. */
    List<Integer> missing(int max) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < counts.length() && out.size() < max; i++) {
            if (counts.get(i) == 0) {
                out.add(i);
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return distinct() + "/" + size() + " distinct, " + duplicates() + " duplicates"
                + (outOfRange() > 0 ? ", " + outOfRange() + " out of range" : "")
                + (complete() ? "" : ", first missing " + missing(10));
    }
}
