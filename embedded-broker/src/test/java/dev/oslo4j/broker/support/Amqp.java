package dev.oslo4j.broker.support;

import java.time.Duration;

import com.rabbitmq.client.ConnectionFactory;

import dev.oslo4j.broker.EmbeddedBroker;

/** amqp-client factories for an embedded broker, and condition waits with deadlines. */
public final class Amqp {

    private Amqp() {
    }

    public static ConnectionFactory factory(EmbeddedBroker broker, String vhost) {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(broker.host());
        factory.setPort(broker.port());
        factory.setUsername(broker.user());
        factory.setPassword(broker.password());
        factory.setVirtualHost(vhost);
        factory.setAutomaticRecoveryEnabled(false);
        factory.setConnectionTimeout(5_000);
        factory.setShutdownTimeout(1_000);
        return factory;
    }

    public static ConnectionFactory factory(EmbeddedBroker broker) {
        return factory(broker, "/");
    }

    /** A condition that may throw. */
    @FunctionalInterface
    public interface Condition {
        boolean holds() throws Exception;
    }

    public static void await(Duration timeout, String what, Condition condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Exception last = null;
        while (true) {
            try {
                if (condition.holds()) {
                    return;
                }
            } catch (Exception e) {
                last = e;
            }
            if (System.nanoTime() > deadline) {
                AssertionError error = new AssertionError("timed out after " + timeout.toMillis() + " ms waiting until " + what);
                if (last != null) {
                    error.initCause(last);
                }
                throw error;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
