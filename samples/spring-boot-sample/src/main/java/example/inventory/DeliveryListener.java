package example.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import dev.oslo4j.messaging.NotificationEndpoint;
import dev.oslo4j.messaging.NotificationMetadata;
import dev.oslo4j.messaging.NotificationResult;
import dev.oslo4j.messaging.RequestContext;
import org.springframework.stereotype.Component;

/** Adds delivered items to the stock: {@code stock.delivered} notifications on the listener topics. */
@Component
public class DeliveryListener implements NotificationEndpoint {

    private final Stock stock;

    public DeliveryListener(Stock stock) {
        this.stock = stock;
    }

    @Override
    public NotificationResult info(RequestContext ctxt, String publisherId, String eventType, JsonNode payload,
                                   NotificationMetadata metadata) {
        if ("stock.delivered".equals(eventType) && payload.path("item").isTextual()) {
            stock.add(payload.get("item").asText(), payload.path("count").asInt(0));
        }
        return NotificationResult.HANDLED;
    }
}
