package dev.oslo4j.messaging.it;

/** {@link RecoveryIT} on the embedded broker. */
class EmbeddedRecoveryIT extends RecoveryIT {

    @Override
    RabbitBroker newBroker() {
        return new EmbeddedBrokerFixture();
    }
}
