package dev.oslo4j.broker.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Shortens the first start in a JVM, which is mostly class loading (about 1,800 Broker-J, Jackson and
 * Caffeine classes): a background thread loads, without initialising, the classes a cold start and its first
 * connection need (the list in {@code warmup-classes.txt}), while the starting thread does the rest of the
 * work. Runs once per JVM; a daemon; ends when the list is done. {@code -Doslo4j.broker.warmup=false} turns
 * it off.
 */
final class ClassWarmup {

    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private ClassWarmup() {
    }

    static void startOnce(ClassLoader loader) {
        if (!Boolean.parseBoolean(System.getProperty("oslo4j.broker.warmup", "true")) || !STARTED.compareAndSet(false, true)) {
            return;
        }
        Thread thread = new Thread(() -> load(loader), "oslo4j-broker-warmup");
        thread.setDaemon(true);
        thread.start();
    }

    private static void load(ClassLoader loader) {
        try (InputStream in = ClassWarmup.class.getResourceAsStream("warmup-classes.txt")) {
            if (in == null) {
                return;
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    try {
                        Class.forName(line.trim(), false, loader);
                    } catch (ClassNotFoundException | LinkageError ignored) {
                        // a class of another Broker-J version, or one that cannot load here: skip it
                    }
                }
            }
        } catch (IOException ignored) {
            // warm-up is an optimisation only
        }
    }
}
