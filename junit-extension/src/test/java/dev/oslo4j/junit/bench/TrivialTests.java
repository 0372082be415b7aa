package dev.oslo4j.junit.bench;

import dev.oslo4j.junit.OsloBroker;
import dev.oslo4j.junit.OsloBus;
import dev.oslo4j.junit.support.TestKitOnly;
import dev.oslo4j.messaging.RpcClient;
import dev.oslo4j.messaging.Target;
import dev.oslo4j.messaging.Transport;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Map;

/** The benchmark's subjects: 200 tests each, from nothing at all to a cast and its assertion. */
public final class TrivialTests {

    private TrivialTests() {
    }

    /** JUnit alone: what a test costs without the extension. */
    @TestKitOnly
    public static class Baseline {
        @RepeatedTest(200)
        void test() {
        }
    }

    /** A broker view and its recording, nothing else. */
    @TestKitOnly
    @ExtendWith(OsloBroker.class)
    public static class BusOnly {
        @RepeatedTest(200)
        void test(OsloBus bus) {
        }
    }

    /** The usual parameters: a Transport (connected) and the bus. */
    @TestKitOnly
    @ExtendWith(OsloBroker.class)
    public static class TransportAndBus {
        @RepeatedTest(200)
        void test(Transport transport, OsloBus bus) {
        }
    }

    /** One cast and the assertion that finds it. */
    @TestKitOnly
    @ExtendWith(OsloBroker.class)
    public static class CastAndAssert {
        @RepeatedTest(200)
        void test(Transport transport, OsloBus bus) {
            Target target = Target.topic("compute").withServer("host1");
            RpcClient.builder(transport, target).build().cast(Map.of(), "reboot_instance", Map.of("id", 1));
            bus.assertCastReceived(target, "reboot_instance").withArg("id", 1);
        }
    }
}
