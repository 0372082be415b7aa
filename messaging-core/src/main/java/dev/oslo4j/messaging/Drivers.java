package dev.oslo4j.messaging;

import dev.oslo4j.messaging.driver.DriverFactory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeSet;

/**
 * The installed drivers, found once through {@link ServiceLoader} (oslo's {@code oslo.messaging.drivers} entry
 * points): oslo4j's own class loader first, then the thread's context class loader (application servers,
 * plugins). Two factories claiming one scheme is a packaging error, reported when first used.
 */
final class Drivers {

    private static volatile Drivers installed;

    private final List<DriverFactory> factories;
    private final Map<String, DriverFactory> bySchema;

    private Drivers(List<DriverFactory> factories) {
        this.factories = List.copyOf(factories);
        Map<String, DriverFactory> m = new LinkedHashMap<>();
        for (DriverFactory f : factories) {
            for (String scheme : f.schemes()) {
                DriverFactory previous = m.putIfAbsent(scheme, f);
                if (previous != null) {
                    throw new InvalidConfiguration("transport URL scheme '" + scheme + "' is claimed by two drivers: "
                            + previous.getClass().getName() + " and " + f.getClass().getName()
                            + "; remove one from the class path");
                }
            }
        }
        this.bySchema = Collections.unmodifiableMap(m);
    }

    static Drivers installed() {
        Drivers d = installed;
        if (d == null) {
            synchronized (Drivers.class) {
                d = installed;
                if (d == null) {
                    d = new Drivers(load());
                    installed = d;
                }
            }
        }
        return d;
    }

    private static List<DriverFactory> load() {
        Map<String, DriverFactory> byClass = new LinkedHashMap<>();
        List<ClassLoader> loaders = new ArrayList<>();
        loaders.add(DriverFactory.class.getClassLoader());
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        if (context != null && context != loaders.get(0)) {
            loaders.add(context);
        }
        for (ClassLoader loader : loaders) {
            try {
                for (DriverFactory f : ServiceLoader.load(DriverFactory.class, loader)) {
                    byClass.putIfAbsent(f.getClass().getName(), f);
                }
            } catch (ServiceConfigurationError e) {
                throw new InvalidConfiguration("a messaging driver on the class path cannot be loaded: "
                        + e.getMessage(), e);
            }
        }
        return new ArrayList<>(byClass.values());
    }

    List<DriverFactory> factories() {
        return factories;
    }

    /** The factory serving {@code scheme}, or null. */
    DriverFactory forScheme(String scheme) {
        return bySchema.get(scheme);
    }

    /** Every scheme served, sorted, for messages. */
    String schemes() {
        return String.join(", ", new TreeSet<>(bySchema.keySet()).stream().map(s -> s + "://").toList());
    }
}
