package dev.oslo4j.conformance.broker;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the test method once per broker, with a {@link BrokerUnderTest} parameter: {@code [embedded]} (one
 * embedded broker per JVM) and {@code [rabbitmq]} (the RabbitMQ at {@code OSLO4J_RABBITMQ_URL}, default
 * {@code rabbit://guest:guest@127.0.0.1:5672/}). When RabbitMQ cannot be reached its invocation is skipped
 * (one line says why, once per JVM) unless {@code OSLO4J_REQUIRE_RABBITMQ=1}, which makes it fail.
 * With the system property {@code oslo4j.conformance.url} set, the test runs once, {@code [url]}, against
 * that broker only.
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@TestTemplate
@ExtendWith(OnEveryBrokerExtension.class)
public @interface OnEveryBroker {

    /**
     * Give the test a broker of its own where it can: a private embedded broker (so {@code restart()} and
     * {@code dropConnections()} disturb no other test) and, on RabbitMQ, a virtual host of its own.
     */
    boolean dedicated() default false;
}
