package dev.oslo4j.messaging.it;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The notification contract on the embedded broker (one virtual host per test). */
class NotificationEmbeddedIT extends NotificationContract {

    @RegisterExtension
    final EmbeddedBrokerVhost vhost = new EmbeddedBrokerVhost();

    @Override
    BrokerAccess broker() {
        return vhost;
    }
}
