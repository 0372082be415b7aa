package dev.oslo4j.junit.internal;

/** A broker shared by the tests of a JVM, handing each test an {@link Isolation}. Thread-safe. */
public interface BrokerBackend extends AutoCloseable {

    /** e.g. {@code embedded broker 127.0.0.1:41234}; never shows a password. */
    String describe();

    Isolation isolate();

    @Override
    void close();
}
