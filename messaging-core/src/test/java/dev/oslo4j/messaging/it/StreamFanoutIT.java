package dev.oslo4j.messaging.it;

import dev.oslo4j.messaging.MessageDeliveryFailure;
import dev.oslo4j.messaging.MessagingOptions;
import dev.oslo4j.messaging.RequestContext;
import dev.oslo4j.messaging.RpcClient;
import dev.oslo4j.messaging.RpcServer;
import dev.oslo4j.messaging.Target;
import dev.oslo4j.messaging.Transport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * oslo 16.x's stream fanout on RabbitMQ: a server that lost its connection resumes the stream after the last offset
 * it saw (nothing sent meanwhile is missed, nothing is processed twice), and after the broker cancelled its consumer
 * (the stream was deleted) it consumes again from "last".
 */
class StreamFanoutIT {

    @RegisterExtension
    final RabbitBroker broker = new RabbitBroker();

    static final List<Integer> SEEN = new CopyOnWriteArrayList<>();

    public static class Recorder {
        public void record(RequestContext ctxt, int n) {
            SEEN.add(n);
        }
    }

    private CuttableProxy proxy;
    private String topic;
    private MessagingOptions options;

    @BeforeEach
    void setUp() throws Exception {
        SEEN.clear();
        proxy = new CuttableProxy(broker.port());
        topic = broker.uniqueTopic("stream");
        String exchange = broker.uniqueTopic("x");
        broker.deleteQueueAfter(topic, topic + ".s1", topic + "_fanout");
        broker.deleteExchangeAfter(exchange, topic + "_fanout");
        options = MessagingOptions.builder().controlExchange(exchange).set("rabbit_quorum_queue", true)
                .set("rabbit_transient_quorum_queue", true).set("rabbit_stream_fanout", true)
                .set("rabbit_qos_prefetch_count", 10).set("rabbit_transient_queues_ttl", 60)
                .set("rabbit_retry_interval", 1).set("rabbit_retry_backoff", 0).build();
    }

    @AfterEach
    void tearDown() throws Exception {
        proxy.close();
    }

    @Test
    void resumesAfterTheLastOffsetOnReconnectionAndFromLastAfterACancel() throws Exception {
        try (Transport serverSide = Transport.open("rabbit://guest:guest@127.0.0.1:" + proxy.port() + "/", options);
             Transport clientSide = Transport.open(broker.url(), options);
             RpcServer server = RpcServer.builder(serverSide, Target.topic(topic).withServer("s1"))
                     .endpoint(new Recorder()).build().start()) {
            RpcClient fanout = RpcClient.builder(clientSide, Target.topic(topic).withFanout(true)).build();
            fanout.cast(Map.of(), "record", Map.of("n", 0));
            Eventually.await(Duration.ofSeconds(30), () -> SEEN.size() == 1, SEEN::toString);

            proxy.refuse(true);
            proxy.cut(); // the server is away while 40 more fanout casts go into the stream
            for (int n = 1; n <= 40; n++) {
                fanout.castAsync(Map.of(), "record", Map.of("n", n)).get();
            }
            proxy.refuse(false);
            Eventually.await(Duration.ofSeconds(60), () -> SEEN.size() >= 41, SEEN::toString);
            assertThat(SEEN).as("every cast exactly once (dispatch threads may reorder)").containsExactlyInAnyOrderElementsOf(
                    java.util.stream.IntStream.rangeClosed(0, 40).boxed().toList());

            RabbitBroker.withChannel(ch -> ch.queueDelete(topic + "_fanout")); // the broker cancels the consumer
            // the server declares a new stream and consumes it from "last": casts sent from then on arrive
            int[] polls = {0};
            Eventually.await(Duration.ofSeconds(30), () -> {
                if (polls[0]++ % 50 == 0) { // one cast every ~0.5 s until the new consumer is there
                    try {
                        fanout.cast(Map.of(), "record", Map.of("n", 100));
                    } catch (MessageDeliveryFailure e) {
                        // the auto-delete fanout exchange went with the stream; the next channel declares it again
                    }
                }
                return SEEN.contains(100);
            }, SEEN::toString);
        }
    }
}
