package dev.oslo4j.messaging.driver;

import com.fasterxml.jackson.databind.JsonNode;
import dev.oslo4j.messaging.wire.Failure;

/**
 * The final reply of a call: a result, or the failure the server reported.
 *
 * @param result  the {@code result} (a null node for null); meaningless when {@code failure} is set
 * @param failure null on success
 */
public record CallResult(JsonNode result, Failure failure) {
}
