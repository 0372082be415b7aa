package dev.oslo4j.cli.demo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.oslo4j.messaging.NotificationEndpoint;
import dev.oslo4j.messaging.NotificationMetadata;
import dev.oslo4j.messaging.NotificationResult;
import dev.oslo4j.messaging.RequestContext;
import java.util.concurrent.CountDownLatch;

/** The demo listener's endpoints: one handles {@code warn}, the other {@code error}. */
final class DemoNotificationEndpoints {
    private DemoNotificationEndpoints() {
    }

    /** Handles warn notifications. */
    static final class Warn implements NotificationEndpoint {
        private final Narrator narrator;
        private final CountDownLatch received;

        Warn(Narrator narrator, CountDownLatch received) {
            this.narrator = narrator;
            this.received = received;
        }

        @Override
        public NotificationResult warn(RequestContext ctxt, String publisherId, String eventType, JsonNode payload,
                NotificationMetadata metadata) {
            narrator.say("listener", "warn endpoint: " + eventType + " from " + publisherId + " " + Narrator.json(payload));
            received.countDown();
            return NotificationResult.HANDLED;
        }
    }

    /** Handles error notifications. */
    static final class Error implements NotificationEndpoint {
        private final Narrator narrator;
        private final CountDownLatch received;

        Error(Narrator narrator, CountDownLatch received) {
            this.narrator = narrator;
            this.received = received;
        }

        @Override
        public NotificationResult error(RequestContext ctxt, String publisherId, String eventType, JsonNode payload,
                NotificationMetadata metadata) {
            narrator.say("listener", "error endpoint: " + eventType + " from " + publisherId + " " + Narrator.json(payload));
            received.countDown();
            return NotificationResult.HANDLED;
        }
    }
}
