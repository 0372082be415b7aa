package dev.oslo4j.messaging.it;

/** {@link RpcIT} on the embedded broker. */
class EmbeddedRpcIT extends RpcIT {

    @Override
    RabbitBroker newBroker() {
        return new EmbeddedBrokerFixture();
    }
}
