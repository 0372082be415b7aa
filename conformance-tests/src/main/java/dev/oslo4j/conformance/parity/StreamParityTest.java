package dev.oslo4j.conformance.parity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;

import dev.oslo4j.conformance.broker.AmqpErrors;
import dev.oslo4j.conformance.broker.BrokerUnderTest;
import dev.oslo4j.conformance.broker.OnEveryBroker;
import dev.oslo4j.testsupport.Await;

/**
 * Stream queues ({@code x-queue-type: stream}), as oslo.messaging 16's {@code rabbit_stream_fanout} uses
 * them: an append-only log every consumer reads from its own {@code x-stream-offset}, without removing
 * anything, with the offset in an {@code x-stream-offset} header (a long) on each delivery; RabbitMQ's
 * rules for declaring and consuming them. Prefetch is not asserted exactly: RabbitMQ hands out whole
 * chunks, so a consumer may get more than its prefetch (see docs/differences-from-rabbitmq.md).
 */
class StreamParityTest {

    private static final Map<String, Object> STREAM = Map.of("x-queue-type", "stream");

    @OnEveryBroker
    void aConsumerFromFirstReadsWhatWasPublishedBeforeItSubscribed(BrokerUnderTest broker) throws Exception {
        Connection connection = broker.connect();
        String stream = stream(broker, connection, STREAM);
        StreamReader.publishConfirmed(connection, stream, "m0", "m1", "m2");

        try (StreamReader first = StreamReader.from(connection, stream, "first", 10, StreamReader.Settle.ACK);
             StreamReader again = StreamReader.from(connection, stream, "first", 10, StreamReader.Settle.ACK)) {
            assertThat(first.await(3)).containsExactly("m0@0", "m1@1", "m2@2");
            assertThat(again.await(3)).as("reading does not remove").containsExactly("m0@0", "m1@1", "m2@2");
            assertThat(first.offsetTypes()).containsOnly("Long");
        }
    }

    @OnEveryBroker
    void offsetsLastNextAndNumberStartWhereRabbitMqStarts(BrokerUnderTest broker) throws Exception {
        Connection connection = broker.connect();
        String stream = stream(broker, connection, STREAM);
        StreamReader.publishConfirmed(connection, stream, "m0", "m1", "m2");
        // Confirmed on its own, so that RabbitMQ writes it as a chunk of its own: "last" is the last chunk.
        StreamReader.publishConfirmed(connection, stream, "m3");

        try (StreamReader numbered = StreamReader.from(connection, stream, 2L, 10, StreamReader.Settle.ACK);
             StreamReader negative = StreamReader.from(connection, stream, -1, 10, StreamReader.Settle.ACK);
             StreamReader last = StreamReader.from(connection, stream, "last", 10, StreamReader.Settle.ACK);
             StreamReader next = StreamReader.from(connection, stream, "next", 10, StreamReader.Settle.ACK);
             StreamReader byDefault = StreamReader.from(connection, stream, null, 10, StreamReader.Settle.ACK);
             StreamReader recent = StreamReader.from(connection, stream, "1h", 10, StreamReader.Settle.ACK)) {
            assertThat(numbered.await(2)).containsExactly("m2@2", "m3@3");
            assertThat(negative.await(4)).as("a negative offset is the first").startsWith("m0@0");
            assertThat(last.await(1)).containsExactly("m3@3");
            assertThat(recent.await(4)).as("an interval: what arrived within it").startsWith("m0@0");
            StreamReader.publishConfirmed(connection, stream, "m4");
            assertThat(next.await(1)).containsExactly("m4@4");
            assertThat(byDefault.await(1)).as("the default is next").containsExactly("m4@4");
            assertThat(last.await(2)).containsExactly("m3@3", "m4@4");
        }
    }

    @OnEveryBroker
    void aConsumerResumingAfterTheEndGetsTheNextMessageOnly(BrokerUnderTest broker) throws Exception {
        // oslo.messaging 16 resumes from the last offset it saw + 1 after a reconnection.
        Connection connection = broker.connect();
        String stream = stream(broker, connection, STREAM);
        StreamReader.publishConfirmed(connection, stream, "m0", "m1");
        try (StreamReader resumed = StreamReader.from(connection, stream, 2L, 10, StreamReader.Settle.ACK)) {
            StreamReader.publishConfirmed(connection, stream, "m2", "m3");
            assertThat(resumed.await(2)).containsExactly("m2@2", "m3@3");
        }
    }

    @OnEveryBroker
    void rejectAndNackOfAStreamDeliveryCloseTheConnection(BrokerUnderTest broker) throws Exception {
        Connection publisher = broker.connect();
        String stream = stream(broker, publisher, STREAM);
        StreamReader.publishConfirmed(publisher, stream, "m0");
        for (StreamReader.Settle settle : List.of(StreamReader.Settle.REJECT_REQUEUE, StreamReader.Settle.NACK_REQUEUE)) {
            Connection connection = broker.connect();
            try (StreamReader reader = StreamReader.from(connection, stream, "first", 10, settle)) {
                assertThat(reader.await(1)).containsExactly("m0@0");
                Await.until(java.time.Duration.ofSeconds(10), settle + " closed the connection",
                        () -> !connection.isOpen());
                assertThat(AmqpErrors.replyCode(connection.getCloseReason())).isEqualTo(540);
                assertThat(connection.getCloseReason().getMessage())
                        .contains("basic.nack and basic.reject not supported by stream queues");
            }
        }
        try (StreamReader after = StreamReader.from(publisher, stream, "first", 10, StreamReader.Settle.ACK)) {
            assertThat(after.await(1)).as("the log is unchanged").containsExactly("m0@0");
        }
    }

    @OnEveryBroker
    void aStreamMustBeDurableSharedAndNamed(BrokerUnderTest broker) throws Exception {
        Connection connection = broker.connect();
        String name = broker.uniqueName("stream");
        broker.deleteQueueAfterTest(name);
        assertRefused(connection, "invalid property 'non-durable'", ch -> ch.queueDeclare(name, false, false, false, STREAM));
        assertRefused(connection, "invalid property 'exclusive-owner'", ch -> ch.queueDeclare(name, true, true, false, STREAM));
        assertRefused(connection, "invalid property 'auto-delete'", ch -> ch.queueDeclare(name, true, false, true, STREAM));
        assertRefused(connection, "Cannot declare a server-named queue for type rabbit_stream_queue",
                ch -> ch.queueDeclare("", true, false, false, STREAM));
    }

    @OnEveryBroker
    void argumentsAStreamRefusesOrValidates(BrokerUnderTest broker) throws Exception {
        Connection connection = broker.connect();
        for (String refused : List.of("x-message-ttl", "x-max-length", "x-expires", "x-max-priority")) {
            String name = broker.uniqueName("stream");
            broker.deleteQueueAfterTest(name);
            assertRefused(connection, "invalid arg '" + refused + "' for queue '" + name + "'",
                    ch -> ch.queueDeclare(name, true, false, false, Map.of("x-queue-type", "stream", refused, 1000)));
        }
        String name = broker.uniqueName("stream");
        broker.deleteQueueAfterTest(name);
        assertRefused(connection, "invalid_max_age", ch -> ch.queueDeclare(name, true, false, false,
                Map.of("x-queue-type", "stream", "x-max-age", "10x")));
        assertRefused(connection, "{unacceptable_type,signedint}", ch -> ch.queueDeclare(name, true, false, false,
                Map.of("x-queue-type", "stream", "x-max-age", 10)));

        Channel channel = connection.createChannel();
        channel.queueDeclare(name, true, false, false,
                Map.of("x-queue-type", "stream", "x-max-age", "1800s", "x-max-length-bytes", 1_000_000));
        assertRefused(connection, "inequivalent arg 'x-max-age'", ch -> ch.queueDeclare(name, true, false, false,
                Map.of("x-queue-type", "stream", "x-max-age", "10s", "x-max-length-bytes", 1_000_000)));
    }

    @OnEveryBroker
    void consumingAStreamNeedsAPrefetchManualAcksAndAValidOffset(BrokerUnderTest broker) throws Exception {
        Connection connection = broker.connect();
        String stream = stream(broker, connection, STREAM);
        assertRefused(connection, "consumer prefetch count is not set",
                ch -> ch.basicConsume(stream, false, (tag, d) -> { }, tag -> { }));
        assertRefused(connection, "invalid arg 'x-stream-offset'", ch -> {
            ch.basicQos(10);
            ch.basicConsume(stream, false, Map.of("x-stream-offset", "2"), (tag, d) -> { }, tag -> { });
        });
        String noAck = AmqpErrors.assertConnectionError(540, () -> {
            Channel ch = broker.connect().createChannel();
            ch.basicQos(10);
            ch.basicConsume(stream, true, (tag, d) -> { }, tag -> { });
        });
        assertThat(noAck).contains("automatic acknowledgement not supported by stream queues");
    }

    @OnEveryBroker
    void getAndPurgeAreNotImplementedForStreams(BrokerUnderTest broker) throws Exception {
        Connection connection = broker.connect();
        String stream = stream(broker, connection, STREAM);
        String get = AmqpErrors.assertConnectionError(540, () -> broker.connect().createChannel().basicGet(stream, false));
        assertThat(get).contains("basic.get not supported by stream queues");
        String purge = AmqpErrors.assertConnectionError(540, () -> broker.connect().createChannel().queuePurge(stream));
        assertThat(purge).contains("queue.purge not supported by stream queues");
    }

    static String stream(BrokerUnderTest broker, Connection connection, Map<String, Object> arguments)
            throws Exception {
        String name = broker.uniqueName("stream");
        broker.deleteQueueAfterTest(name);
        Channel channel = connection.createChannel();
        channel.queueDeclare(name, true, false, false, arguments);
        channel.close();
        return name;
    }

    /** A step on a fresh channel that must close that channel with a 406 whose text contains {@code text}. */
    static void assertRefused(Connection connection, String text, ChannelStep step) throws Exception {
        Channel channel = connection.createChannel();
        String reply = AmqpErrors.assertChannelError(channel, 406, () -> step.run(channel));
        assertThat(reply).contains("PRECONDITION_FAILED").contains(text);
        Await.until(java.time.Duration.ofSeconds(5), "the refused channel is closed", () -> !channel.isOpen());
    }

    @FunctionalInterface
    interface ChannelStep {
        void run(Channel channel) throws Exception;
    }
}
