package dev.oslo4j.messaging.driver.rabbit;

import dev.oslo4j.messaging.driver.Driver;

/**
 * What tests and diagnostics may ask of a rabbit driver beyond the {@link Driver} SPI, without depending on the
 * driver's class.
 */
public final class RabbitDiagnostics {

    private RabbitDiagnostics() {
    }

    /**
     * The name of the driver's reply queue ({@code reply_<hex32>}); null before its first call.
     *
     * @throws IllegalArgumentException when {@code driver} is not a rabbit driver
     */
    public static String replyQueueName(Driver driver) {
        if (driver instanceof RabbitDriver r) {
            return r.replyQueueName();
        }
        throw new IllegalArgumentException("not a rabbit driver: " + driver.getClass().getName());
    }
}
