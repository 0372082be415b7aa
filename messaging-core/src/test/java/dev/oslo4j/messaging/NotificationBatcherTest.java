package dev.oslo4j.messaging;

import dev.oslo4j.messaging.driver.IncomingNotification;
import dev.oslo4j.messaging.driver.NotificationAddress;
import dev.oslo4j.messaging.it.Eventually;
import dev.oslo4j.messaging.wire.ReceivedNotification;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class NotificationBatcherTest {

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final List<List<IncomingNotification>> batches = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        timer.shutdownNow();
    }

    private static IncomingNotification item() {
        return new IncomingNotification() {
            @Override
            public ReceivedNotification message() {
                return null;
            }

            @Override
            public NotificationAddress address() {
                return null;
            }

            @Override
            public void ack() {
            }

            @Override
            public void requeue() {
            }

            @Override
            public void reject() {
            }
        };
    }

    @Test
    void aFullBatchIsHandedOnAtOnce() {
        NotificationBatcher b = new NotificationBatcher(3, TimeUnit.HOURS.toNanos(1), timer, batches::add);
        for (int i = 0; i < 7; i++) {
            b.add(item());
        }
        assertThat(batches).extracting(List::size).containsExactly(3, 3);
        b.flush();
        assertThat(batches).extracting(List::size).containsExactly(3, 3, 1);
        b.flush();
        assertThat(batches).hasSize(3);
    }

    @Test
    void aPartialBatchIsHandedOnWhenItsTimeoutExpires() {
        NotificationBatcher b = new NotificationBatcher(100, TimeUnit.MILLISECONDS.toNanos(50), timer, batches::add);
        b.add(item());
        b.add(item());
        Eventually.await(Duration.ofSeconds(5), () -> batches.size() == 1, batches::toString);
        assertThat(batches.get(0)).hasSize(2);
        b.add(item());
        Eventually.await(Duration.ofSeconds(5), () -> batches.size() == 2, batches::toString);
        assertThat(batches.get(1)).hasSize(1);
    }

    @Test
    void withoutTimeoutOnlyFullBatchesGo() throws Exception {
        NotificationBatcher b = new NotificationBatcher(2, 0, timer, batches::add);
        b.add(item());
        assertThat(timer.schedule(() -> batches.size(), 100, TimeUnit.MILLISECONDS).get()).isZero();
        b.add(item());
        assertThat(batches).hasSize(1);
    }
}
