package dev.oslo4j.messaging.driver.fake;

import dev.oslo4j.messaging.driver.Driver;
import dev.oslo4j.messaging.driver.DriverConfig;
import dev.oslo4j.messaging.driver.DriverFactory;
import dev.oslo4j.messaging.driver.OptionGroup;

import java.util.Set;

/**
 * oslo's in-memory {@code fake} driver, scheme {@code fake}: {@code fake://} for the default virtual host,
 * {@code fake:///name} for a bus of its own (transports naming the same virtual host talk to each other).
 * It has no options of its own; it reads {@code control_exchange}.
 */
public final class FakeDriverFactory implements DriverFactory {

    @Override
    public Set<String> schemes() {
        return Set.of("fake");
    }

    @Override
    public OptionGroup options() {
        return OptionGroup.empty("fake driver");
    }

    @Override
    public Driver open(DriverConfig config) {
        return new FakeDriver(config);
    }
}
