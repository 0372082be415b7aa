package dev.oslo4j.messaging.it;

import dev.oslo4j.broker.EmbeddedBroker;
import org.junit.jupiter.api.extension.ExtensionContext;

/** {@link RabbitBroker}'s contract on oslo4j's embedded broker: one per JVM, started on first use. */
public final class EmbeddedBrokerFixture extends RabbitBroker {

    private static EmbeddedBroker shared;

    private static synchronized EmbeddedBroker broker() {
        if (shared == null) {
            shared = EmbeddedBroker.start();
            EmbeddedBroker b = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(b::close, "embedded-broker-stop"));
        }
        return shared;
    }

    @Override
    public String url() {
        return broker().transportUrl();
    }

    @Override
    public int port() {
        return broker().port();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        broker(); // always available: no skip
    }
}
