package example.compute;

import com.fasterxml.jackson.databind.JsonNode;
import dev.oslo4j.messaging.Notifier;
import dev.oslo4j.messaging.RpcClient;
import dev.oslo4j.messaging.Target;
import dev.oslo4j.messaging.Transport;

import java.util.Map;

/** A service that casts to compute hosts, calls the scheduler and announces what it does. */
public final class ComputeApi {

    private final RpcClient compute;
    private final RpcClient scheduler;
    private final Notifier notifier;

    public ComputeApi(Transport transport) {
        this.compute = RpcClient.builder(transport, Target.topic("compute")).build();
        this.scheduler = RpcClient.builder(transport, Target.topic("scheduler")).build();
        this.notifier = Notifier.builder(transport).publisherId("api.controller1").build();
    }

    public void reboot(String host, String instanceId) {
        Map<String, Object> context = Map.of("request_id", "req-" + instanceId);
        compute.prepare(Target.topic("compute").withServer(host))
               .cast(context, "reboot_instance", Map.of("instance_id", instanceId));
        notifier.info(context, "compute.instance.reboot.start", Map.of("instance_id", instanceId)).join();
    }

    public String pickHost(String flavor) {
        JsonNode hosts = scheduler.call(Map.of(), "select_destinations", Map.of("flavor", flavor));
        return hosts.get(0).asText();
    }
}
