package dev.oslo4j.broker;

/**
 * Receives every message published to a virtual host of the embedded broker, unroutable ones included.
 *
 * <p>Called on the publishing connection's broker I/O thread, after the message was routed: keep it short
 * and never block (hand the message to a queue of your own if you need to do more). An exception thrown
 * here is logged and does not affect the publish.
 */
@FunctionalInterface
public interface PublishListener {

    void onPublish(PublishedMessage message);
}
