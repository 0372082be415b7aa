package dev.oslo4j.messaging;

import dev.oslo4j.messaging.driver.Driver;

/** Lets tests in other packages of this module reach the driver under a transport (package-private API). */
public final class TransportInternals {

    private TransportInternals() {
    }

    public static Driver driver(Transport transport) {
        return transport.driver();
    }
}
