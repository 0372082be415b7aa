package dev.oslo4j.conformance.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Assumptions;

import ch.qos.logback.classic.Level;
import dev.oslo4j.conformance.broker.BrokerUnderTest;
import dev.oslo4j.conformance.broker.OnEveryBroker;
import dev.oslo4j.messaging.MessageDeliveryFailure;
import dev.oslo4j.messaging.MessagingOptions;
import dev.oslo4j.messaging.Notifier;
import dev.oslo4j.messaging.Transport;
import dev.oslo4j.testsupport.Await;

/**
 * Closing a transport while a Notifier's publishes still await their publisher confirms: each such notification
 * fails with {@link MessageDeliveryFailure} saying so (not "connection lost"), and one ERROR line names how many.
 */
class UnconfirmedAtCloseTest {

    private static final int SENT = 3000;

    @OnEveryBroker
    void closingWithConfirmsInFlightIsOneErrorNamingTheCount(BrokerUnderTest broker) {
        String topic = broker.uniqueName("unconfirmed");
        String exchange = broker.uniqueName("x");
        broker.deleteExchangeAfterTest(exchange);
        broker.deleteQueueAfterTest(topic + ".info");
        List<CompletableFuture<Void>> sent = new ArrayList<>();
        try (LogCapture log = LogCapture.of(Level.WARN, "dev.oslo4j")) {
            Transport transport = Transport.open(broker.transportUrl(),
                    // durable: persistent notifications are confirmed only once on disk, so some are surely in flight
                    MessagingOptions.builder().controlExchange(exchange).set("amqp_durable_queues", true).build());
            Notifier notifier = Notifier.builder(transport).publisherId("closer").topics(topic).build();
            notifier.info(Map.of(), "close.test", Map.of("n", -1)).join(); // queue declared, channel warm
            for (int n = 0; n < SENT; n++) {
                sent.add(notifier.info(Map.of(), "close.test", Map.of("n", n, "pad", "p".repeat(2048))));
            }
            transport.close();
            Await.until(Duration.ofSeconds(20), "every notification is settled",
                    () -> sent.stream().allMatch(CompletableFuture::isDone));
            List<Throwable> failures = sent.stream().filter(CompletableFuture::isCompletedExceptionally)
                    .map(f -> f.handle((v, e) -> e.getCause() != null ? e.getCause() : e).join()).toList();
            long unconfirmed = failures.size();
            System.out.printf("[%s] closed with %d of %d notifications unconfirmed%n", broker.name(), unconfirmed, SENT);
            Assumptions.assumeTrue(unconfirmed > 0, "every confirm arrived before the close: nothing to prove");
            assertThat(failures).allSatisfy(e -> assertThat(e).isInstanceOf(MessageDeliveryFailure.class)
                    .hasMessageContaining("closed before the broker confirmed"));
            List<LogCapture.Event> summary = log.containing("awaiting the broker's publisher confirm");
            assertThat(summary).as("one summary line").hasSize(1);
            assertThat(summary.get(0).level()).isEqualTo(Level.ERROR);
            assertThat(summary.get(0).text()).contains("with " + unconfirmed + " message(s)");
        }
    }
}
