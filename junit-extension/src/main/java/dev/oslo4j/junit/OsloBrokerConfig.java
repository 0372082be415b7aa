package dev.oslo4j.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Configures {@link OsloBroker} for a test class (including its {@code @Nested} classes) or a single test method.
 * Each attribute left at its default inherits: a method's annotation overrides its class's, an inner class's
 * overrides the enclosing class's, and those override what {@link OsloBroker#builder()} set.
 *
 * <pre>{@code
 * @ExtendWith(OsloBroker.class)
 * @OsloBrokerConfig(awaitTimeoutMillis = 2000, controlExchange = "nova")
 * class SchedulerClientTest {
 *     @Test
 *     @OsloBrokerConfig(options = "rpc_response_timeout=2")
 *     void timesOut(Transport transport, OsloBus bus) { ... }
 * }
 * }</pre>
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface OsloBrokerConfig {

    /** How long a bus assertion waits for its messages; default 5000 ms. */
    long awaitTimeoutMillis() default -1;

    /** How long negative assertions ({@code assertNoCast}, {@code assertNothingNotified}) watch; default 200 ms. */
    long quietPeriodMillis() default -1;

    /**
     * oslo's {@code control_exchange} for the injected Transport, {@link OsloUrl} and the bus's idea of where a
     * Target without exchange is sent; default {@code openstack}.
     */
    String controlExchange() default "";

    /**
     * Further oslo options as {@code name=value} (oslo's option names, e.g. {@code rpc_response_timeout=2},
     * {@code amqp_durable_queues=true}); they go into the query of the test's transport URL, so the injected
     * Transport and code opening {@link OsloUrl} both get them. Later entries win.
     */
    String[] options() default {};

    /**
     * Which broker: {@code "embedded"} for the in-process broker, or a {@code rabbit://user:pass@host:port/} URL
     * of a real RabbitMQ (its virtual host is ignored: each test gets a fresh one). Empty (the default): the
     * environment variable {@code OSLO4J_TEST_TRANSPORT_URL} when set, else the embedded broker.
     */
    String transportUrl() default "";

    /**
     * Gives the test an embedded broker of its own (started for it, about half a second, closed after it)
     * instead of a view of the broker shared by the JVM's tests. Rarely needed: {@link OsloBus#restartBroker()}
     * works on the shared broker too (it restarts only the test's virtual host); a dedicated broker is for a test
     * that wants the whole broker process restarted or a broker no other test has touched. Ignored on a real
     * RabbitMQ, where {@code restartBroker()} is not available.
     */
    boolean dedicatedBroker() default false;
}
