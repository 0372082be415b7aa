/**
 * The driver SPI: the boundary between oslo's messaging model and a broker, shaped after oslo's own
 * {@code BaseDriver}. Above it, {@code dev.oslo4j.messaging} builds RPC clients and servers, notifiers and
 * listeners; below it, each driver serves some transport URL schemes and is found through its
 * {@link dev.oslo4j.messaging.driver.DriverFactory} ({@link java.util.ServiceLoader}): {@code driver.rabbit}
 * ({@code rabbit://}, {@code kombu://}, {@code amqps://}; the only code that knows AMQP) and {@code driver.fake}
 * ({@code fake://}, in memory). This package knows nothing of the API above it: targets arrive as
 * {@link dev.oslo4j.messaging.driver.RpcAddress}es, options as a map by oslo name
 * ({@link dev.oslo4j.messaging.driver.DriverConfig}). Drivers may throw the API's exception types
 * ({@code MessagingException} and its subclasses, oslo's {@code oslo_messaging.exceptions}) and nothing else
 * of the API; {@code LayeringTest} enforces this.
 *
 * <h2>What crosses the boundary</h2>
 * Decoded oslo messages ({@code dev.oslo4j.messaging.wire} records), never bytes: a driver owns the envelope,
 * compression, AMQP properties, topology (exchange/queue names and declare arguments), correlation
 * ({@code _msg_id}, {@code _reply_q}, {@code _unique_id}), publisher confirms, acknowledgements, duplicate
 * suppression, heartbeats and reconnection.
 *
 * <h2>Sending</h2>
 * {@link dev.oslo4j.messaging.driver.Driver#cast}, {@link dev.oslo4j.messaging.driver.Driver#call} and
 * {@link dev.oslo4j.messaging.driver.Driver#notify} return futures that complete once the broker confirmed the
 * publish (casts, notifications) or the final reply arrived (calls); they never block the caller on I/O beyond
 * writing to the socket. Failures are {@link dev.oslo4j.messaging.MessageDeliveryFailure} (not confirmed after
 * the allowed retries), {@link dev.oslo4j.messaging.MessagingTimeout} (calls) and
 * {@link dev.oslo4j.messaging.InvalidTarget}. The futures are completed on the driver's I/O threads: never block
 * in a callback attached to them (no synchronous send, no {@code get()}); use the {@code *Async} variants with an
 * executor, or hand the future to application code that waits on it from its own thread.
 *
 * <h2>Receiving</h2>
 * {@link dev.oslo4j.messaging.driver.Driver#listenForRpc} and
 * {@link dev.oslo4j.messaging.driver.Driver#listenForNotifications} call a handler on a driver thread for each
 * message. Handlers must return quickly (hand work to an executor): a blocked handler delays the other messages
 * of that consumer. RPC requests arrive already acknowledged (at-most-once, as oslo); notifications must be
 * settled by the consumer with exactly one of {@code ack()}, {@code requeue()}, {@code reject()}
 * (at-least-once). Malformed messages never reach handlers: the driver logs each once with its reason and
 * rejects it without requeue.
 */
package dev.oslo4j.messaging.driver;
