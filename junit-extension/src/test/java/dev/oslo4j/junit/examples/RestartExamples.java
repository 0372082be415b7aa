package dev.oslo4j.junit.examples;

import dev.oslo4j.junit.OsloBroker;
import dev.oslo4j.junit.OsloBrokerConfig;
import dev.oslo4j.junit.OsloBus;
import dev.oslo4j.junit.support.TestKitOnly;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** restartBroker() on the shared and on a dedicated broker, run by {@code RestartTest}. */
@TestKitOnly
@ExtendWith(OsloBroker.class)
public class RestartExamples {

    @Test
    void restartOnTheSharedBroker(OsloBus bus) {
        bus.restartBroker();
    }

    @Test
    @OsloBrokerConfig(dedicatedBroker = true)
    void restartOnADedicatedBroker(OsloBus bus) {
        bus.restartBroker();
    }
}
