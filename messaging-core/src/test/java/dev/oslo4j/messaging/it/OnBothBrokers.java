package dev.oslo4j.messaging.it;

import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An integration test class whose tests run on the shared RabbitMQ ({@link RabbitBroker}); its {@code Embedded…IT}
 * subclass runs the same tests on the embedded broker by overriding {@link #newBroker()}.
 */
abstract class OnBothBrokers {

    @RegisterExtension
    final RabbitBroker broker = newBroker();

    /** The broker these tests run on; subclasses run them on another. */
    RabbitBroker newBroker() {
        return new RabbitBroker();
    }
}
