package dev.oslo4j.messaging.driver.rabbit;

import com.rabbitmq.client.Channel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import static org.assertj.core.api.Assertions.assertThat;

class AckCoalescerTest {

    private final List<String> frames = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

    /** A channel that records basicAck / basicReject frames. */
    private final Channel channel = (Channel) Proxy.newProxyInstance(Channel.class.getClassLoader(),
            new Class<?>[] {Channel.class}, (proxy, method, args) -> {
                switch (method.getName()) {
                    case "basicAck" -> frames.add("ack " + args[0] + (Boolean.TRUE.equals(args[1]) ? " multiple" : ""));
                    case "basicReject" -> frames.add("reject " + args[0] + (Boolean.TRUE.equals(args[1]) ? " requeue" : ""));
                    default -> throw new UnsupportedOperationException(method.getName());
                }
                return null;
            });

    @AfterEach
    void stop() {
        timer.shutdownNow();
    }

    private AckCoalescer coalescer(int prefetch) {
        return new AckCoalescer(channel, prefetch, 60_000, timer);
    }

    private static void deliver(AckCoalescer c, long from, long to) {
        for (long t = from; t <= to; t++) {
            c.delivered(t);
        }
    }

    @Test
    void acksAreSentOnceNothingDeliveredIsOutstanding() {
        AckCoalescer c = coalescer(256);
        deliver(c, 1, 3);
        c.ack(2);
        c.ack(3);
        assertThat(frames).isEmpty();
        c.ack(1);
        assertThat(frames).containsExactly("ack 3 multiple");
    }

    @Test
    void aThresholdOfPendingAcksIsSentWhileOthersAreStillRunning() {
        AckCoalescer c = coalescer(16); // threshold 4
        deliver(c, 1, 10);
        for (long t = 1; t <= 4; t++) {
            c.ack(t);
        }
        assertThat(frames).containsExactly("ack 4 multiple");
    }

    @Test
    void aMultipleAckNeverCoversAMessageStillBeingProcessed() {
        AckCoalescer c = coalescer(4); // threshold 1
        deliver(c, 1, 5);
        c.ack(2);
        c.ack(3);
        assertThat(frames).isEmpty();           // 1 still runs: nothing may be acked "up to" 2 or 3
        c.ack(1);
        assertThat(frames).containsExactly("ack 3 multiple");
    }

    @Test
    void rejectionsGoOutAtOnceAndAreNeverCoveredByALaterMultipleAck() throws Exception {
        AckCoalescer c = coalescer(256);
        deliver(c, 1, 3);
        c.reject(2, true);
        assertThat(frames).containsExactly("reject 2 requeue");
        c.ack(1);
        c.ack(3);
        assertThat(frames).containsExactly("reject 2 requeue", "ack 3 multiple");
    }

    @Test
    void flushAllSendsWhatASlowMessageHoldsBackIndividually() {
        AckCoalescer c = coalescer(256);
        deliver(c, 1, 5);
        c.ack(1);
        c.ack(2);
        c.ack(4);
        c.flushAll();
        assertThat(frames).containsExactly("ack 2 multiple", "ack 4");
        c.ack(3);
        c.ack(5);
        assertThat(frames).containsExactly("ack 2 multiple", "ack 4", "ack 5 multiple");
    }

    @Test
    void aMultipleAckNamesThePendingTagNotAnAlreadySettledOne() throws Exception {
        AckCoalescer c = coalescer(256);
        deliver(c, 1, 4);
        c.ack(3);
        c.reject(4, false);
        c.flushAll();                     // 3 goes individually: 1 and 2 still run
        c.ack(2);
        c.ack(1);                         // the run 1..4 is settled; only 1 and 2 are still to acknowledge
        assertThat(frames).containsExactly("reject 4", "ack 3", "ack 2 multiple");
    }

    @Test
    void theTimerFlushesPendingAcks() {
        AckCoalescer c = new AckCoalescer(channel, 256, 10, timer);
        deliver(c, 1, 2);
        c.ack(2);
        dev.oslo4j.messaging.it.Eventually.await(java.time.Duration.ofSeconds(5), () -> !frames.isEmpty(),
                frames::toString);
        assertThat(frames).containsExactly("ack 2");
    }

    @Test
    void manyTagsBeyondTheInitialWindowKeepTheirState() {
        AckCoalescer c = coalescer(0); // unlimited prefetch: threshold 64
        deliver(c, 1, 1000);
        for (long t = 1000; t >= 2; t--) {
            c.ack(t);
        }
        assertThat(frames).isEmpty();
        c.ack(1);
        assertThat(frames).containsExactly("ack 1000 multiple");
    }

    @Test
    void doubleAcksAndUnknownTagsAreIgnored() {
        AckCoalescer c = coalescer(4);
        deliver(c, 1, 1);
        c.ack(1);
        c.ack(1);
        assertThat(frames).containsExactly("ack 1 multiple");
    }
}
