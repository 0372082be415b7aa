package dev.oslo4j.messaging.it;

/** {@link NotificationDriverIT} on the embedded broker. */
class EmbeddedNotificationDriverIT extends NotificationDriverIT {

    @Override
    RabbitBroker newBroker() {
        return new EmbeddedBrokerFixture();
    }
}
