package example.compute;

import com.fasterxml.jackson.databind.JsonNode;
import dev.oslo4j.messaging.RpcClient;
import dev.oslo4j.messaging.Target;
import dev.oslo4j.messaging.Transport;

import java.util.Map;

/** Asks the scheduler where an instance should go (docs/junit.md's ComputeApi, copied in by the test, casts). */
public final class SchedulerClient {

    private final RpcClient scheduler;

    public SchedulerClient(Transport transport) {
        this.scheduler = RpcClient.builder(transport, Target.topic("scheduler")).build();
    }

    public String pickHost(String flavor) {
        JsonNode hosts = scheduler.call(Map.of(), "select_destinations", Map.of("flavor", flavor));
        return hosts.get(0).asText();
    }
}
