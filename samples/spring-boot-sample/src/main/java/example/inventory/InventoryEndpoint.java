package example.inventory;

import dev.oslo4j.messaging.Notifier;
import dev.oslo4j.messaging.RequestContext;
import dev.oslo4j.messaging.RpcEndpoint;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * The service's RPC API, served by the starter on {@code Target(spring.application.name, oslo4j.rpc-server.server)}.
 * Python callers: {@code client.call(ctxt, 'reserve', item='disk', count=2)}.
 */
@Component
@RpcEndpoint
public class InventoryEndpoint {

    private final Stock stock;
    private final Notifier notifier;

    public InventoryEndpoint(Stock stock, Notifier notifier) {
        this.stock = stock;
        this.notifier = notifier;
    }

    public int count(RequestContext ctxt, String item) {
        return stock.count(item);
    }

    /** Reserves items and announces it with an {@code inventory.item.reserved} notification. */
    public Map<String, Object> reserve(RequestContext ctxt, String item, int count) {
        boolean reserved = stock.take(item, count);
        if (reserved) {
            notifier.info(ctxt.toMap(), "inventory.item.reserved", Map.of("item", item, "count", count)).join();
        }
        return Map.of("item", item, "reserved", reserved, "left", stock.count(item));
    }
}
