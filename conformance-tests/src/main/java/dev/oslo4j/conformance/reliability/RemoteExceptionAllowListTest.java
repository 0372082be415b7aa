package dev.oslo4j.conformance.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import dev.oslo4j.conformance.broker.BrokerUnderTest;
import dev.oslo4j.conformance.broker.OnEveryBroker;
import dev.oslo4j.messaging.MessagingOptions;
import dev.oslo4j.messaging.RemoteError;
import dev.oslo4j.messaging.RpcClient;
import dev.oslo4j.messaging.RpcServer;
import dev.oslo4j.messaging.Target;
import dev.oslo4j.messaging.Transport;

/**
 * Issue 7 §6: a remote failure becomes a Java type only through the allow-list
 * ({@code MessagingOptions.Builder#mapRemoteException}). Failures naming Java classes that are on the client's
 * class path — a JDK exception, or a class whose static initializer has a side effect — come back as
 * {@link RemoteError}, and the named class is never even loaded.
 */
class RemoteExceptionAllowListTest {

    private static final String TRIPWIRE = "dev.oslo4j.conformance.reliability.Tripwire";

    /** Fails as asked: a real Java exception, or a failure naming any module and class. */
    public static class Failing {
        public String javaException() {
            throw new IllegalStateException("state is bad");
        }

        public String named(String module, String cls) {
            throw RemoteError.builder(module, cls).message("named by the server").build();
        }
    }

    @OnEveryBroker
    void onlyAllowListedFailuresBecomeJavaTypes(BrokerUnderTest broker) {
        String topic = broker.uniqueName("allow");
        String exchange = broker.uniqueName("x");
        broker.deleteExchangeAfterTest(exchange);
        broker.deleteExchangeAfterTest(topic + "_fanout");
        broker.deleteQueueAfterTest(topic);
        broker.deleteQueueAfterTest(topic + ".s1");
        MessagingOptions options = MessagingOptions.builder().controlExchange(exchange)
                .mapRemoteException("builtins", "ValueError", r -> new IllegalArgumentException(r.value()))
                .build();
        System.clearProperty(Tripwire.FIRED_PROPERTY);
        try (Transport transport = Transport.open(broker.transportUrl(), options);
             RpcServer ignored = RpcServer.builder(transport, Target.topic(topic).withServer("s1"))
                     .endpoint(new Failing()).build().start()) {
            RpcClient client = RpcClient.builder(transport, Target.topic(topic)).build();

            assertThatThrownBy(() -> client.call(Map.of(), "javaException", Map.of()))
                    .as("a JDK exception on the class path, not allow-listed")
                    .isExactlyInstanceOf(RemoteError.class)
                    .satisfies(e -> assertThat(((RemoteError) e).exceptionClass()).isEqualTo("IllegalStateException"))
                    .hasMessageContaining("state is bad");
            assertThatThrownBy(() -> client.call(Map.of(), "named", Map.of("module", "java.lang",
                    "cls", "IllegalStateException"))).isExactlyInstanceOf(RemoteError.class);
            int dot = TRIPWIRE.lastIndexOf('.');
            for (String[] name : new String[][] {
                    {TRIPWIRE.substring(0, dot), TRIPWIRE.substring(dot + 1)},  // package + simple name
                    {TRIPWIRE, "Tripwire"},                                     // module = class name
                    {"builtins", TRIPWIRE}}) {                                  // class = fully qualified
                assertThatThrownBy(() -> client.call(Map.of(), "named", Map.of("module", name[0], "cls", name[1])))
                        .as("%s.%s", name[0], name[1]).isExactlyInstanceOf(RemoteError.class);
            }
            assertThat(System.getProperty(Tripwire.FIRED_PROPERTY))
                    .as("the class named by the remote failure was never initialized").isNull();

            assertThatThrownBy(() -> client.call(Map.of(), "named", Map.of("module", "builtins", "cls", "ValueError")))
                    .as("allow-listed").isExactlyInstanceOf(IllegalArgumentException.class)
                    .hasMessage("named by the server");
            assertThatThrownBy(() -> client.call(Map.of(), "named", Map.of("module", "exceptions", "cls", "ValueError")))
                    .as("Python 2's module name for builtins").isExactlyInstanceOf(IllegalArgumentException.class);
        }
    }
}
