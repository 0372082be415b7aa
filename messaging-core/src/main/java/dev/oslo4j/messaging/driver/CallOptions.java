package dev.oslo4j.messaging.driver;

import java.time.Duration;
import java.util.Objects;

/**
 * How a call waits and retries.
 *
 * @param timeout            overall reply timeout; also the request's AMQP {@code expiration}
 * @param callMonitorTimeout null, or the longest silence tolerated between server heartbeats (sent to the
 *                           server as {@code _timeout}, whole seconds when integral)
 * @param retry              -1 retry forever (bounded by the timeout), 0 a single attempt, N up to N retries
 */
public record CallOptions(Duration timeout, Duration callMonitorTimeout, int retry) {

    public CallOptions {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("call timeout must be positive, got " + timeout);
        }
        if (callMonitorTimeout != null && (callMonitorTimeout.isNegative() || callMonitorTimeout.isZero())) {
            throw new IllegalArgumentException("call monitor timeout must be positive, got " + callMonitorTimeout);
        }
    }
}
