package dev.oslo4j.messaging.driver.fake;

/**
 * A message on the fake bus: the body exactly as the rabbit driver would publish it (envelope 2.0, or a bare
 * {@code messaging} v1 notification), so receivers decode what they would decode from a broker.
 *
 * @param expiresAt {@link System#nanoTime()} after which a call request is dropped unconsumed (its
 *                  {@code expiration}), or 0 for never
 */
record FakeMessage(byte[] body, long expiresAt) {

    boolean expired() {
        return expiresAt != 0 && System.nanoTime() - expiresAt > 0;
    }
}
