package dev.oslo4j.broker.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps Broker-J from halting the JVM. Its housekeeping executor calls {@code Runtime.halt(1)} when a task
 * throws and neither the thread nor the JVM has an uncaught-exception handler, and a task interrupted while
 * a virtual host shuts down does throw. In a test JVM that would kill the run. So while at least one
 * embedded broker runs, a JVM without a default handler gets one that logs the error; it is removed again
 * when the last broker closes (unless somebody replaced it meanwhile). A handler set by the application is
 * never touched.
 */
final class UncaughtExceptionGuard {

    private static final Logger LOG = LoggerFactory.getLogger(UncaughtExceptionGuard.class);
    private static final Thread.UncaughtExceptionHandler HANDLER = (thread, error) ->
            LOG.error("uncaught exception in broker thread {}", thread.getName(), error);
    private static int brokers;
    private static boolean installed;

    private UncaughtExceptionGuard() {
    }

    static synchronized void brokerStarting() {
        if (brokers++ == 0 && Thread.getDefaultUncaughtExceptionHandler() == null) {
            Thread.setDefaultUncaughtExceptionHandler(HANDLER);
            installed = true;
        }
    }

    static synchronized void brokerStopped() {
        if (brokers > 0 && --brokers == 0 && installed) {
            if (Thread.getDefaultUncaughtExceptionHandler() == HANDLER) {
                Thread.setDefaultUncaughtExceptionHandler(null);
            }
            installed = false;
        }
    }
}
