package dev.oslo4j.junit.examples;

import com.rabbitmq.client.Connection;
import dev.oslo4j.junit.OsloBroker;
import dev.oslo4j.junit.OsloBus;
import dev.oslo4j.junit.OsloUrl;
import dev.oslo4j.junit.support.RawAmqp;
import dev.oslo4j.junit.support.TestKitOnly;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Two tests at once: one injects faults, the other must not notice. Run concurrently by {@code FaultsTest}. */
@TestKitOnly
@ExtendWith(OsloBroker.class)
public class FaultExamples {

    public static volatile CountDownLatch bystanderReady;
    public static volatile CountDownLatch faultsDone;

    public static void reset() {
        bystanderReady = new CountDownLatch(1);
        faultsDone = new CountDownLatch(1);
    }

    @Test
    void dropper(OsloBus bus, @OsloUrl String url) throws Exception {
        assertThat(bystanderReady.await(30, TimeUnit.SECONDS)).as("the bystander started").isTrue();
        try {
            for (int i = 0; i < 3; i++) {
                Connection mine = RawAmqp.connect(url);
                try {
                    bus.dropConnections();
                    awaitClosed(mine);
                } finally {
                    mine.abort();
                }
            }
        } finally {
            faultsDone.countDown();
        }
    }

    @Test
    void bystander(@OsloUrl String url) throws Exception {
        try (Connection mine = RawAmqp.connect(url)) {
            bystanderReady.countDown();
            assertThat(faultsDone.await(60, TimeUnit.SECONDS)).as("the dropper finished").isTrue();
            assertThat(mine.isOpen()).as("the bystander's connection survived").isTrue();
            mine.createChannel().close();
        }
    }

    static void awaitClosed(Connection c) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (c.isOpen() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(c.isOpen()).as("my connection was dropped").isFalse();
        assertThat(c.getCloseReason().getMessage()).contains("320");
    }
}
