package dev.oslo4j.spring.boot;

import dev.oslo4j.messaging.Transport;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Optional;

/**
 * The actuator health indicator {@code oslo4j} (bean {@code oslo4jHealthIndicator}), for Spring Boot 3.5
 * ({@code org.springframework.boot.actuate.health}) and 4.0 ({@code org.springframework.boot.health.contributor}):
 * one of the two nested configurations applies, by which health API is on the class path.
 */
@AutoConfiguration(after = Oslo4jAutoConfiguration.class)
@ConditionalOnBean(Transport.class)
public class Oslo4jHealthAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Oslo4jHealth oslo4jHealth(Transport transport, ObjectProvider<Oslo4jServers> servers) {
        return new Oslo4jHealth(transport, Optional.ofNullable(servers.getIfAvailable()));
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.actuate.health.AbstractHealthIndicator")
    static class Boot3 {
        @Bean
        @ConditionalOnMissingBean(name = "oslo4jHealthIndicator")
        Boot3HealthIndicator oslo4jHealthIndicator(Oslo4jHealth health) {
            return new Boot3HealthIndicator(health);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.health.contributor.AbstractHealthIndicator")
    static class Boot4 {
        @Bean
        @ConditionalOnMissingBean(name = "oslo4jHealthIndicator")
        Boot4HealthIndicator oslo4jHealthIndicator(Oslo4jHealth health) {
            return new Boot4HealthIndicator(health);
        }
    }
}
