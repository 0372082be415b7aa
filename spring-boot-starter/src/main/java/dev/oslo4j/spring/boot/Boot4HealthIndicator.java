package dev.oslo4j.spring.boot;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/** {@link Oslo4jHealth} as a Spring Boot 4.0 health indicator. */
final class Boot4HealthIndicator extends AbstractHealthIndicator {

    private final Oslo4jHealth health;

    Boot4HealthIndicator(Oslo4jHealth health) {
        super("oslo4j health check failed");
        this.health = health;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Oslo4jHealth.Result r = health.check();
        (r.up() ? builder.up() : builder.down()).withDetails(r.details());
    }
}
