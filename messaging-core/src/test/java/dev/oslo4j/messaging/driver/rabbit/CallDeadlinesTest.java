package dev.oslo4j.messaging.driver.rabbit;

import dev.oslo4j.messaging.MessagingOptions;
import dev.oslo4j.messaging.MessagingTimeout;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A call ends by its deadline even while the driver's timer is stuck in a broker operation (docs/reliability.md,
 * "what we found"): the timer's task here waits on a latch the way a re-sent publish's exchange declaration or a
 * reply-queue re-declaration waits for the broker's answer.
 */
class CallDeadlinesTest {

    @Test
    void aCallTimesOutWhileTheTimerIsBlockedByABrokerOperation() throws Exception {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        CountDownLatch brokerAnswers = new CountDownLatch(1);
        CountDownLatch blocked = new CountDownLatch(1);
        try (CallDeadlines deadlines = new CallDeadlines(Thread::new)) {
            timer.execute(() -> {
                blocked.countDown();
                try {
                    brokerAnswers.await(); // a declaration waiting for a broker that does not answer
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            assertThat(blocked.await(10, TimeUnit.SECONDS)).as("the timer is busy").isTrue();
            Topology topology = new Topology(TopologyTest.rabbit(MessagingOptions.defaults()));
            // the wiring before the fix: deadlines on the timer itself
            PendingCall onTimer = new ReplyQueue(topology, 0, timer, timer)
                    .register("on-timer", TimeUnit.MILLISECONDS.toNanos(1), 0);
            PendingCall call = new ReplyQueue(topology, 0, timer, deadlines.scheduler())
                    .register("m1", TimeUnit.MILLISECONDS.toNanos(100), 0);

            assertThatThrownBy(() -> call.future().get(30, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).cause().isInstanceOf(MessagingTimeout.class)
                    .hasMessageContaining("m1");
            assertThat(onTimer.future()).as("a deadline (due earlier) queued behind the blocked timer").isNotDone();
            brokerAnswers.countDown();
            assertThatThrownBy(() -> onTimer.future().get(30, TimeUnit.SECONDS))
                    .cause().isInstanceOf(MessagingTimeout.class);
        } finally {
            brokerAnswers.countDown();
            timer.shutdownNow();
        }
    }
}
