package dev.oslo4j.conformance.interop;

import java.time.Duration;
import java.util.List;
import java.util.function.IntConsumer;
import java.util.function.IntSupplier;

import dev.oslo4j.testsupport.Await;

/**
 * Proves that consumers of one queue share its messages without depending on when each consumer really
 * starts consuming (a peer is "ready" once its queue exists, its basic.consume may follow a moment later).
 */
final class CompetingConsumers {
    private CompetingConsumers() {
    }

    /**
     * Sends messages numbered 0, 1, … one at a time, waiting for each to arrive at some member, until every
     * member has received at least one (or {@code max} were sent, which fails).
     *
     * @param send     sends message {@code n}
     * @param received each member's count of received messages
     * @return how many messages were sent
     */
    static int sendUntilEachGotOne(IntConsumer send, List<IntSupplier> received, int max, Duration timeout) {
        for (int n = 0; n < max; n++) {
            send.accept(n);
            int expected = n + 1;
            Await.until(timeout, "message " + n + " is at one of the competing consumers",
                    () -> total(received) >= expected, () -> counts(received));
            if (received.stream().allMatch(r -> r.getAsInt() > 0)) {
                return expected;
            }
        }
        throw new AssertionError("after " + max + " messages some consumer still got none: " + counts(received));
    }

    private static int total(List<IntSupplier> received) {
        return received.stream().mapToInt(IntSupplier::getAsInt).sum();
    }

    private static String counts(List<IntSupplier> received) {
        return "per consumer " + received.stream().map(IntSupplier::getAsInt).toList();
    }
}
