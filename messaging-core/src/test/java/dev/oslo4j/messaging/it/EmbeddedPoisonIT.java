package dev.oslo4j.messaging.it;

/** {@link PoisonIT} on the embedded broker. */
class EmbeddedPoisonIT extends PoisonIT {

    @Override
    RabbitBroker newBroker() {
        return new EmbeddedBrokerFixture();
    }
}
