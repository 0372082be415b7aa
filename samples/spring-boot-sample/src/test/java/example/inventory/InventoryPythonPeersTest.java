package example.inventory;

import dev.oslo4j.junit.OsloBus;
import dev.oslo4j.spring.boot.test.AutoConfigureOsloBus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service with Python oslo.messaging 14 peers on the test's bus (the embedded broker): a Python notifier's
 * {@code stock.delivered} reaches the service's listener, a Python RPC client reserves, and the service's
 * {@code inventory.item.reserved} notification reaches a Python listener.
 */
@SpringBootTest(properties = "oslo4j.rpc-server.server=node1")
@AutoConfigureOsloBus
class InventoryPythonPeersTest {

    @Autowired OsloBus bus;
    @Autowired Stock stock;

    @Test
    void pythonPeersDeliverReserveAndHearAboutIt() throws Exception {
        String url = bus.transportUrl();
        try (PythonPeer listener = PythonPeer.start("listen", url, "python-audit")) {
            listener.awaitLine("ready");

            PythonPeer.run("notify", url, "warehouse.py", "stock.delivered", "{\"item\": \"disk\", \"count\": 4}");
            Actuator.await(() -> stock.count("disk") == 4, "the Python notification to add 4 disks");

            String reply = PythonPeer.run("call", url, "inventory", "reserve", "{\"item\": \"disk\", \"count\": 3}");
            assertThat(reply).contains("\"reserved\": true").contains("\"left\": 1");

            String heard = listener.awaitLine("inventory.item.reserved");
            assertThat(heard).contains("\"publisher_id\": \"inventory.").contains("\"item\": \"disk\"");
        }
    }
}
