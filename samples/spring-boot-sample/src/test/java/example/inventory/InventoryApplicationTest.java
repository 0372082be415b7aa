package example.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import dev.oslo4j.junit.OsloBus;
import dev.oslo4j.messaging.Priority;
import dev.oslo4j.messaging.RpcClient;
import dev.oslo4j.messaging.Target;
import dev.oslo4j.messaging.Transport;
import dev.oslo4j.spring.boot.test.AutoConfigureOsloBus;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The service on oslo4j's embedded broker: {@code @AutoConfigureOsloBus} points the starter's transport at it. */
@SpringBootTest(properties = "oslo4j.rpc-server.server=node1")
@AutoConfigureOsloBus
class InventoryApplicationTest {

    static final Target INVENTORY = Target.topic("inventory").withServer("node1");

    @Autowired OsloBus bus;
    @Autowired Transport transport;
    @Autowired Stock stock;
    @Autowired MeterRegistry meters;
    @Autowired ApplicationContext context;

    @Test
    void reservesOverRpcAndAnnouncesIt() {
        stock.add("cable", 5);
        RpcClient client = RpcClient.builder(transport, INVENTORY).build();

        JsonNode result = client.call(Map.of("request_id", "req-1"), "reserve", Map.of("item", "cable", "count", 2));

        assertThat(result.get("reserved").asBoolean()).isTrue();
        assertThat(result.get("left").asInt()).isEqualTo(3);
        bus.assertCalled(INVENTORY, "reserve").withArg("item", "cable");
        bus.assertNotified(Priority.INFO).withEventType("inventory.item.reserved").withPayload("item", "cable");
    }

    @Test
    void reportsHealthAndOsloMetrics() throws Exception {
        stock.add("fan", 1);
        RpcClient.builder(transport, INVENTORY).build().call(Map.of(), "reserve", Map.of("item", "fan", "count", 1));

        assertThat(Actuator.healthStatus(context)).isEqualTo("UP");
        assertThat(meters.find("oslo.rpc.client").tag("oslo.method", "reserve").timer()).isNotNull();
        Actuator.await(() -> meters.find("oslo.rpc.server").tag("oslo.method", "reserve").timer() != null,
                "oslo.rpc.server timer for reserve");
        assertThat(meters.find("oslo.notify.send").timer()).as("the reservation's notification").isNotNull();
    }
}
