package dev.oslo4j.messaging.driver;

import java.util.Map;
import java.util.Set;

/**
 * Creates the {@link Driver} for the transport URL schemes it serves (oslo finds its drivers through the
 * {@code oslo.messaging.drivers} entry points; oslo4j through {@link java.util.ServiceLoader}): list the
 * implementation in {@code META-INF/services/dev.oslo4j.messaging.driver.DriverFactory}. Implementations need a
 * public no-argument constructor and must be cheap to construct: every factory on the class path is loaded to
 * learn the schemes and options it owns.
 */
public interface DriverFactory {

    /** The URL schemes this driver serves, lower case (e.g. {@code rabbit}, {@code kombu}, {@code amqps}). */
    Set<String> schemes();

    /**
     * The options this driver owns, by oslo name: accepted by {@code MessagingOptions} and in transport URL
     * queries whichever driver is used (as oslo.config accepts every registered option), checked by type.
     */
    OptionGroup options();

    /**
     * Options a scheme implies unless the URL's query sets them (e.g. {@code amqps} → {@code ssl=true}).
     * They override the options given in code, as the URL's query does.
     */
    default Map<String, String> impliedOptions(String scheme) {
        return Map.of();
    }

    /**
     * Opens a driver. May connect (and fail with {@code BrokerConnectionError}) or defer connecting.
     *
     * @throws RuntimeException {@code InvalidConfiguration} when the options do not suit this driver
     */
    Driver open(DriverConfig config);
}
