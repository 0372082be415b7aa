package dev.oslo4j.messaging.driver;

/**
 * Receives notifications from {@link Driver#listenForNotifications}; called on a driver thread — return
 * quickly and settle each notification (from any thread) when done.
 */
@FunctionalInterface
public interface NotificationHandler {

    void onNotification(IncomingNotification notification);
}
