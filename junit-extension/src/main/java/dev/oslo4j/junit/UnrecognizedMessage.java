package dev.oslo4j.junit;

import java.time.Instant;

/**
 * A published message that is not an oslo request, reply or notification (not JSON, a broken envelope, an
 * object without the keys oslo sends, …) — recorded all the same, with the reason.
 *
 * @param sequence    position in the test's recording (1-based)
 * @param exchange    the exchange it was published to
 * @param routingKey  its routing key
 * @param reason      why it was not recognised
 * @param unroutable  whether no queue received it
 * @param publishedAt when it was recorded
 * @param body        the raw body
 */
public record UnrecognizedMessage(int sequence, String exchange, String routingKey, String reason,
                                  boolean unroutable, Instant publishedAt, String body) implements RecordedMessage {
}
