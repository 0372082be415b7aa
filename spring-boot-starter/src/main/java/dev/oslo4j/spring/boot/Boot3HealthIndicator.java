package dev.oslo4j.spring.boot;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/** {@link Oslo4jHealth} as a Spring Boot 3.5 health indicator. */
final class Boot3HealthIndicator extends AbstractHealthIndicator {

    private final Oslo4jHealth health;

    Boot3HealthIndicator(Oslo4jHealth health) {
        super("oslo4j health check failed");
        this.health = health;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Oslo4jHealth.Result r = health.check();
        (r.up() ? builder.up() : builder.down()).withDetails(r.details());
    }
}
