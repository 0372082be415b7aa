package dev.oslo4j.messaging.driver.rabbit;

import dev.oslo4j.messaging.driver.Driver;
import dev.oslo4j.messaging.driver.DriverConfig;
import dev.oslo4j.messaging.driver.DriverFactory;
import dev.oslo4j.messaging.driver.OptionGroup;

import java.util.Map;
import java.util.Set;

/**
 * oslo's {@code rabbit} driver: schemes {@code rabbit}, {@code kombu} (oslo's alias) and {@code amqps}
 * ({@code rabbit} with {@code ssl=true} unless the URL's query says otherwise).
 */
public final class RabbitDriverFactory implements DriverFactory {

    @Override
    public Set<String> schemes() {
        return Set.of("rabbit", "kombu", "amqps");
    }

    @Override
    public OptionGroup options() {
        return RabbitOptions.OPTIONS;
    }

    @Override
    public Map<String, String> impliedOptions(String scheme) {
        return "amqps".equals(scheme) ? Map.of("ssl", "true") : Map.of();
    }

    @Override
    public Driver open(DriverConfig config) {
        return new RabbitDriver(config, RabbitOptions.from(config));
    }
}
