/**
 * The oslo4j JUnit 5 extension: {@code @ExtendWith(OsloBroker.class)}, bus recordings, waiting assertions, stub
 * servers and faults. Only {@code dev.oslo4j.junit} is API; {@code dev.oslo4j.junit.internal} is not exported.
 */
module dev.oslo4j.junit {
    requires transitive dev.oslo4j.messaging;
    // Automatic module: Qpid Broker-J cannot be on the module path (docs/rpc.md, "Using oslo4j on the module path").
    requires transitive dev.oslo4j.broker;
    requires transitive org.junit.jupiter.api;
    requires transitive org.assertj.core;
    requires com.rabbitmq.client;
    requires org.slf4j;

    exports dev.oslo4j.junit;
}
