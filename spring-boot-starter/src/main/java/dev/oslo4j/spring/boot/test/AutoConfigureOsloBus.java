package dev.oslo4j.spring.boot.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a {@code @SpringBootTest} class: the application's oslo4j {@code Transport} connects to an isolated view of
 * the embedded broker (or of {@code OSLO4J_TEST_TRANSPORT_URL}'s RabbitMQ) that records every message, and an
 * {@link dev.oslo4j.junit.OsloBus} bean (autowire it) asserts on what the application sent or received, stubs
 * Python servers and injects faults. Needs {@code dev.oslo4j:junit-extension} on the test class path.
 *
 * <pre>{@code
 * @SpringBootTest
 * @AutoConfigureOsloBus
 * class ComputeApiTest {
 *     @Autowired OsloBus bus;
 *     @Autowired RpcClientService service;
 *     @Test void reboots() {
 *         service.reboot("host1", "uuid-1");
 *         bus.assertCastReceived(Target.topic("compute").withServer("host1"), "reboot_instance");
 *     }
 * }
 * }</pre>
 *
 * One view per Spring test context, closed with the context; it sets {@code oslo4j.transport-url}, overriding the
 * application's.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface AutoConfigureOsloBus {
}
