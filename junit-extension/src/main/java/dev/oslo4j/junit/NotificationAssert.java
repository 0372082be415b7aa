package dev.oslo4j.junit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oslo4j.junit.internal.Criterion;
import dev.oslo4j.junit.internal.Expectation;
import dev.oslo4j.junit.internal.JsonValues;
import dev.oslo4j.junit.internal.Recording;

import org.assertj.core.description.Description;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

import static dev.oslo4j.junit.internal.MessageText.quote;

/**
 * Assertion on the notifications a test emitted, returned by {@link OsloBus#assertNotified}; each narrowing waits
 * (see {@link MessageAssert}).
 *
 * <pre>{@code
 * bus.assertNotified(Priority.INFO)
 *    .withEventType("compute.instance.reboot.start")
 *    .withPublisherId("compute.host1")
 *    .withPayload("instance_id", "uuid-1")
 *    .withPayload("flavor.vcpus", 2);
 * }</pre>
 *
 * <p>Payload paths are dotted names with optional indexes ({@code flavor.vcpus}, {@code disks[0].size}) or JSON
 * Pointers ({@code /flavor/vcpus}).
 */
public final class NotificationAssert extends MessageAssert<NotificationAssert, RecordedNotification> {

    NotificationAssert(Recording recording, Expectation<RecordedNotification> expectation,
                       Duration timeout, Description description) {
        super(recording, expectation, timeout, description);
    }

    @Override
    ObjectNode contextOf(RecordedNotification message) {
        return message.context();
    }

    /** Narrows to notifications of this {@code event_type}. */
    public NotificationAssert withEventType(String eventType) {
        Objects.requireNonNull(eventType, "eventType");
        return narrow(new Criterion<>("with event_type " + quote(eventType),
                n -> eventType.equals(n.eventType()) ? null : "event_type was " + quote(n.eventType())));
    }

    /** Narrows to notifications from this {@code publisher_id}. */
    public NotificationAssert withPublisherId(String publisherId) {
        return narrow(new Criterion<>("with publisher_id " + quote(publisherId),
                n -> Objects.equals(publisherId, n.publisherId()) ? null
                        : "publisher_id was " + quote(n.publisherId())));
    }

    /** Narrows to notifications whose payload has {@code value} at {@code path} (compared as JSON). */
    public NotificationAssert withPayload(String path, Object value) {
        Objects.requireNonNull(path, "path");
        JsonNode expected = JsonValues.toNode(value);
        return narrow(new Criterion<>("with payload " + quote(path) + " = " + JsonValues.render(expected), n -> {
            JsonNode actual = JsonValues.at(n.payload(), path);
            if (actual.isMissingNode()) {
                return "payload has nothing at " + quote(path);
            }
            return JsonValues.equal(expected, actual) ? null
                    : "payload " + quote(path) + " was " + JsonValues.render(actual);
        }));
    }

    /** Narrows to notifications whose whole payload passes {@code requirement} (AssertJ assertions, say). */
    public NotificationAssert withPayloadSatisfying(Consumer<JsonNode> requirement) {
        Objects.requireNonNull(requirement, "requirement");
        return narrow(Criterion.satisfying("with payload satisfying the given requirement", "payload",
                RecordedNotification::payload, requirement));
    }

    /** Narrows to notifications whose payload value at {@code path} passes {@code requirement}. */
    public NotificationAssert withPayloadSatisfying(String path, Consumer<JsonNode> requirement) {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(requirement, "requirement");
        return narrow(Criterion.satisfying("with payload " + quote(path) + " satisfying the given requirement",
                "payload " + quote(path), n -> JsonValues.at(n.payload(), path), requirement));
    }
}
