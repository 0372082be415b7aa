package example.inventory;

import org.springframework.context.ApplicationContext;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Test helpers that read the same under Spring Boot 3.5 and 4.0. */
final class Actuator {

    private Actuator() {
    }

    /**
     * The {@code oslo4j} health indicator's status code. Boot 4.0 moved the health API from
     * {@code org.springframework.boot.actuate.health} to {@code org.springframework.boot.health.contributor}; the
     * method names are the same, so this one test source runs under both.
     */
    static String healthStatus(ApplicationContext context) throws ReflectiveOperationException {
        Object indicator = context.getBean("oslo4jHealthIndicator");
        Object health = indicator.getClass().getMethod("health").invoke(indicator);
        Object status = health.getClass().getMethod("getStatus").invoke(health);
        return (String) status.getClass().getMethod("getCode").invoke(status);
    }

    /** Waits up to 20 s for {@code condition}. */
    static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after 20 s waiting for " + what);
            }
            Thread.sleep(50);
        }
    }
}
