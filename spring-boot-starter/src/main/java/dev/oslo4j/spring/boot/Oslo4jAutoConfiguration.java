package dev.oslo4j.spring.boot;

import dev.oslo4j.messaging.InvalidConfiguration;
import dev.oslo4j.messaging.MessagingOptions;
import dev.oslo4j.messaging.Notifier;
import dev.oslo4j.messaging.Transport;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

import java.util.List;

/**
 * oslo4j in a Spring Boot application: a {@link Transport} (closed on shutdown), a {@link Notifier}, and
 * {@link Oslo4jServers} serving every {@code @RpcEndpoint} bean and every {@code NotificationEndpoint} bean. Each
 * bean backs off when the application defines its own. The application's {@link ObservationRegistry}, when there
 * is one, is given to the transport (metrics {@code oslo.*}, trace propagation).
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.actuate.autoconfigure.observation.ObservationAutoConfiguration",
        "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration"})
@ConditionalOnClass(Transport.class)
@EnableConfigurationProperties(Oslo4jProperties.class)
public class Oslo4jAutoConfiguration {

    /** The config files' contents, read once for the transport and the notifier. */
    @Bean
    @ConditionalOnMissingBean
    OsloConfigFiles oslo4jConfigFiles(Oslo4jProperties properties) {
        return OsloConfigFiles.read(properties.getConfigFiles());
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public Transport oslo4jTransport(Oslo4jProperties properties, OsloConfigFiles files,
                                     ObjectProvider<ObservationRegistry> observationRegistry) {
        String url = properties.getTransportUrl() != null ? properties.getTransportUrl()
                : files.transportUrl().orElseThrow(() -> new InvalidConfiguration("oslo4j.transport-url is not set"
                        + (properties.getConfigFiles().isEmpty() ? "" : " and oslo4j.config-files "
                        + properties.getConfigFiles() + " have no [DEFAULT] transport_url")));
        MessagingOptions options = files.options().withOverrides(properties.getOptions(), "oslo4j.options");
        return Transport.builder(url).options(options)
                .observationRegistry(observationRegistry.getIfAvailable(() -> null)).open();
    }

    @Bean
    @ConditionalOnMissingBean
    public Notifier oslo4jNotifier(Transport transport, Oslo4jProperties properties, OsloConfigFiles files,
                                   Environment environment) {
        Oslo4jProperties.Notifier n = properties.getNotifier();
        List<String> drivers = first(n.getDriver(), files.notificationDrivers(), List.of("messagingv2"));
        return Notifier.builder(transport)
                .publisherId(n.getPublisherId() != null ? n.getPublisherId()
                        : Defaults.applicationName(environment).map(a -> a + "." + Defaults.hostName())
                        .orElse(Defaults.hostName()))
                .drivers(drivers)
                .topics(notificationTopics(properties, files))
                .build();
    }

    @Bean
    @ConditionalOnMissingBean
    public Oslo4jServers oslo4jServers(Transport transport, Oslo4jProperties properties, OsloConfigFiles files,
                                       Environment environment, ApplicationContext context) {
        Oslo4jProperties.Listener l = properties.getListener();
        return new Oslo4jServers(transport, context, properties.getRpcServer(), environment,
                l.getTopics().isEmpty() ? notificationTopics(properties, files) : l.getTopics(), l.getPool(),
                properties.getShutdownTimeout());
    }

    private static List<String> notificationTopics(Oslo4jProperties properties, OsloConfigFiles files) {
        return first(properties.getNotifier().getTopics(), files.notificationTopics(), List.of("notifications"));
    }

    private static List<String> first(List<String> a, List<String> b, List<String> fallback) {
        return !a.isEmpty() ? a : !b.isEmpty() ? b : fallback;
    }
}
