package dev.oslo4j.junit.example;

import dev.oslo4j.messaging.Notifier;
import dev.oslo4j.messaging.RpcClient;
import dev.oslo4j.messaging.Target;
import dev.oslo4j.messaging.Transport;

import java.util.Map;

/** The service under test: asks a compute host to reboot an instance and announces it. */
public final class ComputeApi {

    private final RpcClient compute;
    private final Notifier notifier;

    public ComputeApi(Transport transport) {
        this.compute = RpcClient.builder(transport, Target.topic("compute")).build();
        this.notifier = Notifier.builder(transport).publisherId("api.controller1").build();
    }

    public void reboot(String host, String instanceId) {
        Map<String, Object> context = Map.of("request_id", "req-" + instanceId);
        compute.prepare(Target.topic("compute").withServer(host))
               .cast(context, "reboot_instance", Map.of("instance_id", instanceId));
        notifier.info(context, "compute.instance.reboot.start", Map.of("instance_id", instanceId)).join();
    }
}
