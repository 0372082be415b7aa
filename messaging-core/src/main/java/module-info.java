/**
 * oslo4j messaging: RPC and notifications, wire-compatible with Python oslo.messaging.
 *
 * <p>API: {@code dev.oslo4j.messaging}, {@code observe} (observation names and hooks) and {@code versionedobjects}
 * (the oslo.versionedobjects codec). The envelope codec ({@code wire}) is exported to the sibling
 * modules that decode recorded traffic; the driver SPI, the drivers, dispatch, the notifier drivers and
 * the oslo.config file rules ({@code config}) stay inside. Drivers are found by transport URL scheme through {@link java.util.ServiceLoader}.
 *
 * <p>Endpoints are invoked reflectively and their arguments mapped by Jackson: on the module path, open the
 * packages holding your endpoints and payload types to {@code dev.oslo4j.messaging} and
 * {@code com.fasterxml.jackson.databind} (see docs/rpc.md, "Using oslo4j on the module path").
 */
module dev.oslo4j.messaging {
    requires transitive com.fasterxml.jackson.databind;
    requires com.rabbitmq.client;
    requires org.slf4j;
    requires java.management;
    // Optional features: absent on the class path or module path, they are reported when asked for.
    requires static com.fasterxml.jackson.dataformat.yaml;
    requires static org.apache.commons.compress;
    // Micrometer appears in Transport.Builder.observationRegistry: users who pass a registry require it themselves.
    requires static micrometer.observation;

    exports dev.oslo4j.messaging;
    exports dev.oslo4j.messaging.observe;
    exports dev.oslo4j.messaging.versionedobjects;
    exports dev.oslo4j.messaging.wire to dev.oslo4j.junit;

    // Jackson binds the wire records (payloads, envelopes) reflectively.
    opens dev.oslo4j.messaging.wire to com.fasterxml.jackson.databind;

    uses dev.oslo4j.messaging.driver.DriverFactory;
    provides dev.oslo4j.messaging.driver.DriverFactory with
            dev.oslo4j.messaging.driver.rabbit.RabbitDriverFactory,
            dev.oslo4j.messaging.driver.fake.FakeDriverFactory;
}
