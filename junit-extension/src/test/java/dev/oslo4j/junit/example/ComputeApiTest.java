package dev.oslo4j.junit.example;

import dev.oslo4j.junit.OsloBroker;
import dev.oslo4j.junit.OsloBus;
import dev.oslo4j.messaging.Priority;
import dev.oslo4j.messaging.Target;
import dev.oslo4j.messaging.Transport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(OsloBroker.class)
class ComputeApiTest {
  @Test void reboot(Transport transport, OsloBus bus) {
    new ComputeApi(transport).reboot("host1", "uuid-1");
    bus.assertCastReceived(Target.topic("compute").withServer("host1"), "reboot_instance")
       .withArg("instance_id", "uuid-1");
    bus.assertNotified(Priority.INFO).withEventType("compute.instance.reboot.start")
       .withPayload("instance_id", "uuid-1");
  }
}
