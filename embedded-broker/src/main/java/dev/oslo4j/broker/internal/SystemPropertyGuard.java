package dev.oslo4j.broker.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Undoes the system properties Broker-J sets while it starts ({@code qpid.version}, and
 * {@code java.protocol.handler.pkgs} for its {@code classpath:}/{@code data:} URL handlers, which oslo4j's
 * configuration does not use). Only keys Broker-J is known to touch are restored, so a property another
 * thread sets meanwhile is left alone.
 */
final class SystemPropertyGuard {

    private static final String HANDLER_PACKAGES = "java.protocol.handler.pkgs";

    private final Map<String, String> before = new HashMap<>();

    private SystemPropertyGuard() {
    }

    static SystemPropertyGuard snapshot() {
        SystemPropertyGuard guard = new SystemPropertyGuard();
        Properties props = System.getProperties();
        synchronized (props) {
            for (String key : props.stringPropertyNames()) {
                if (isBrokerKey(key)) {
                    guard.before.put(key, props.getProperty(key));
                }
            }
        }
        return guard;
    }

    void restore() {
        Properties props = System.getProperties();
        synchronized (props) {
            for (String key : props.stringPropertyNames()) {
                if (isBrokerKey(key) && !before.containsKey(key)) {
                    props.remove(key);
                }
            }
            before.forEach(props::setProperty);
        }
    }

    private static boolean isBrokerKey(String key) {
        return key.startsWith("qpid.") || key.equals(HANDLER_PACKAGES);
    }
}
