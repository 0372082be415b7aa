package dev.oslo4j.conformance.python;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.stream.StreamSupport;

/**
 * One batch a Python batch listener's endpoint received (one priority per batch, as oslo groups).
 *
 * @param priority      the priority of every notification in it
 * @param result        what the endpoint answered for the whole batch
 * @param notifications the notifications, in delivery order
 */
public record ReceivedBatch(String priority, String result, List<ReceivedNotification> notifications) {

    static ReceivedBatch of(JsonNode event) {
        return new ReceivedBatch(event.path("priority").asText(), event.path("result").asText(),
                StreamSupport.stream(event.path("notifications").spliterator(), false)
                        .map(ReceivedNotification::of).toList());
    }

    /** The number of notifications in the batch. */
    public int size() {
        return notifications.size();
    }
}
