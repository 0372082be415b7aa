package example.compute;

import dev.oslo4j.junit.OsloBroker;
import dev.oslo4j.junit.OsloBrokerConfig;
import dev.oslo4j.junit.OsloBus;
import dev.oslo4j.junit.OsloUrl;
import dev.oslo4j.junit.example.ComputeApi;
import dev.oslo4j.messaging.Priority;
import dev.oslo4j.messaging.RpcClient;
import dev.oslo4j.messaging.Target;
import dev.oslo4j.messaging.Transport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(OsloBroker.class)
@OsloBrokerConfig(controlExchange = "nova")
class ComputeApiTest {

    /** The injected transports; each must be closed by the extension once its test is over, on every JUnit. */
    private static final List<Transport> INJECTED = new CopyOnWriteArrayList<>();

    @Test
    void runsUnderTheProjectsOwnJUnit() {
        String running = Test.class.getPackage().getImplementationVersion();
        System.out.println("JUnit Jupiter API on the test class path: " + running);
        assertEquals(System.getProperty("expected.junit.version"), running);
    }

    @Test
    void rebootCastsToTheHostAndNotifies(Transport transport, OsloBus bus) {
        INJECTED.add(transport);
        new ComputeApi(transport).reboot("host1", "uuid-1");
        bus.assertCastReceived(Target.topic("compute").withServer("host1"), "reboot_instance")
           .withArg("instance_id", "uuid-1");
        bus.assertNotified(Priority.INFO).withEventType("compute.instance.reboot.start")
           .withPayload("instance_id", "uuid-1");
    }

    @Test
    void asksTheSchedulerThroughAStub(Transport transport, OsloBus bus) {
        INJECTED.add(transport);
        bus.stubServer(Target.topic("scheduler")).on("select_destinations").reply(List.of("host7"));
        assertEquals("host7", new SchedulerClient(transport).pickHost("m1.small"));
        bus.assertCalled(Target.topic("scheduler"), "select_destinations").withArg("flavor", "m1.small");
    }

    @AfterAll
    static void injectedTransportsWereClosedAfterTheirTests() {
        assertEquals(2, INJECTED.size());
        for (Transport closed : INJECTED) {
            assertThrows(RuntimeException.class, () -> RpcClient.builder(closed, Target.topic("compute")).build()
                    .cast(Map.of(), "ping", Map.of()));
        }
    }

    @Nested
    class InANestedClass {
        @Test
        void inheritsTheEnclosingClassConfiguration(@OsloUrl String url) {
            assertTrue(url.contains("control_exchange=nova"), url);
        }
    }
}
