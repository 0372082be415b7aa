package dev.oslo4j.junit;

import java.time.Instant;

/**
 * One message published to the broker during a test, recorded at the broker side and decoded from the oslo
 * envelope: an RPC request ({@link RecordedRequest}: cast, fanout cast or call), a reply or call-monitor heartbeat
 * ({@link RecordedReply}), a notification ({@link RecordedNotification}), or anything else
 * ({@link UnrecognizedMessage}). Immutable; for custom AssertJ checks, e.g.
 * {@code assertThat(bus.messages()).extracting(RecordedMessage::routingKey).contains("compute.host1")}.
 */
public sealed interface RecordedMessage permits RecordedRequest, RecordedReply, RecordedNotification,
        UnrecognizedMessage {

    /** Position in this test's recording, 1 for the first message published. */
    int sequence();

    /** The exchange named by the publisher ({@code ""} for the default exchange). */
    String exchange();

    /** The routing key the publisher used. */
    String routingKey();

    /**
     * Whether no queue received the message (say, a cast to a topic no server listens to). False when the broker
     * does not tell (a RabbitMQ without the firehose's {@code routed_queues} header).
     */
    boolean unroutable();

    /** When the recorder saw the message. */
    Instant publishedAt();

    /** The body as published, decompressed, as UTF-8 text (the oslo envelope included). */
    String body();
}
