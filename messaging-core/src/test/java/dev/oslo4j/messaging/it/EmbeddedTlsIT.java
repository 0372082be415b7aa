package dev.oslo4j.messaging.it;

/** {@link TlsIT} on the embedded broker. */
class EmbeddedTlsIT extends TlsIT {

    @Override
    RabbitBroker newBroker() {
        return new EmbeddedBrokerFixture();
    }
}
