package dev.oslo4j.messaging;

import dev.oslo4j.messaging.driver.Listener;

import java.util.Optional;

/** What RPC servers and notification listeners report about their consumers. */
final class ConsumerHealth {

    private ConsumerHealth() {
    }

    /** Why a server's or listener's consumers are not active; empty when they are. */
    static Optional<String> problem(Listener listener, boolean stopped) {
        if (listener == null) {
            return Optional.of(stopped ? "stopped" : "not started");
        }
        return Optional.ofNullable(listener.inactiveReason());
    }
}
