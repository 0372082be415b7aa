package dev.oslo4j.messaging;

import dev.oslo4j.messaging.config.ConfigFileException;
import dev.oslo4j.messaging.config.ConfigLayers;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * oslo.messaging's settings read from oslo.config files — the {@code nova.conf} or {@code neutron.conf} a Python
 * service runs with — by oslo.config's rules:
 *
 * <ul>
 *   <li>{@code configFiles} are read in order (as repeated {@code --config-file}), then every {@code *.conf} file
 *       of each of {@code configDirs} sorted by name (as {@code --config-dir}); for a single-valued option the last
 *       file setting it wins, a multi-valued option ({@code [oslo_messaging_notifications] driver}) collects every
 *       value of every file;</li>
 *   <li>an {@code OS_<GROUP>__<OPTION>} environment variable (e.g. {@code OS_DEFAULT__TRANSPORT_URL}) beats the
 *       files, as oslo.config's environment source does;</li>
 *   <li>{@code $option}, {@code ${option}} and {@code ${group.option}} are substituted, {@code $$} is a literal
 *       {@code $};</li>
 *   <li>deprecated spellings (e.g. {@code [DEFAULT] notification_driver}, {@code rabbit_use_ssl}) are read, with a
 *       warning;</li>
 *   <li>other services' groups ({@code [database]}, …) are ignored; an unknown key in
 *       {@code [oslo_messaging_rabbit]} or {@code [oslo_messaging_notifications]} (or a near-miss of a messaging
 *       option in {@code [DEFAULT]}) is ignored too, as oslo.config does, but logged once at WARN with a
 *       "did you mean".</li>
 * </ul>
 *
 * A missing file or directory, a file breaking the INI rules, or a bad value fails with
 * {@link InvalidConfiguration} naming the file, section, option and value (passwords in URLs masked).
 *
 * <pre>{@code
 * OsloConfig conf = OsloConfig.load(List.of(Path.of("/etc/nova/nova.conf")), List.of(Path.of("/etc/nova/nova.conf.d")));
 * try (Transport transport = conf.openTransport()) {
 *     RpcClient client = RpcClient.builder(transport, Target.topic("compute")).build();   // on control_exchange
 * }
 * }</pre>
 */
public final class OsloConfig {

    private final List<Path> files;
    private final Optional<String> transportUrl;
    private final MessagingOptions messagingOptions;
    private final Optional<String> notificationTransportUrl;
    private final List<String> notificationDrivers;
    private final Optional<List<String>> notificationTopics;
    private final OptionalInt notificationRetry;
    private final Optional<Path> routingConfig;

    private OsloConfig(ConfigLayers layers) {
        OsloConfigReader reader = new OsloConfigReader(layers);
        reader.warnAboutUnknownOptions();
        this.files = layers.paths();
        this.transportUrl = reader.transportUrl(OsloConfigSchema.TRANSPORT_URL);
        this.messagingOptions = reader.messagingOptions();
        this.notificationTransportUrl = reader.transportUrl(OsloConfigSchema.NOTIFICATION_TRANSPORT_URL);
        this.notificationDrivers = List.copyOf(reader.values(OsloConfigSchema.NOTIFICATION_DRIVER));
        this.notificationTopics = reader.list(OsloConfigSchema.NOTIFICATION_TOPICS);
        this.notificationRetry = reader.integer(OsloConfigSchema.NOTIFICATION_RETRY, -1)
                .map(OptionalInt::of).orElse(OptionalInt.empty());
        this.routingConfig = reader.value(OsloConfigSchema.ROUTING_CONFIG)
                .filter(f -> !f.value().isBlank()).map(f -> Path.of(f.value().strip()));
    }

    /**
     * Reads the files, then the directories' {@code *.conf} files, and the process environment.
     *
     * @throws InvalidConfiguration naming the file, directory, line or option at fault
     */
    public static OsloConfig load(List<Path> configFiles, List<Path> configDirs) {
        return load(configFiles, configDirs, System.getenv());
    }

    /** As {@link #load(List, List)}, with {@code environment} instead of the process's (for tests and embedders). */
    public static OsloConfig load(List<Path> configFiles, List<Path> configDirs, Map<String, String> environment) {
        Objects.requireNonNull(configFiles, "configFiles");
        Objects.requireNonNull(configDirs, "configDirs");
        Objects.requireNonNull(environment, "environment");
        try {
            return new OsloConfig(ConfigLayers.read(configFiles, configDirs, environment));
        } catch (ConfigFileException e) {
            throw new InvalidConfiguration(e.getMessage(), e);
        }
    }

    /** The files read, in the order they were applied. */
    public List<Path> files() {
        return files;
    }

    /** {@code [DEFAULT] transport_url}, when set (and not empty). */
    public Optional<String> transportUrl() {
        return transportUrl;
    }

    /** {@code [DEFAULT]} and {@code [oslo_messaging_rabbit]} options; everything not set keeps oslo's default. */
    public MessagingOptions messagingOptions() {
        return messagingOptions;
    }

    /** {@code [oslo_messaging_notifications] transport_url}, when set. */
    public Optional<String> notificationTransportUrl() {
        return notificationTransportUrl;
    }

    /** {@code [oslo_messaging_notifications] driver}: every value (oslo's default: none, notifications off). */
    public List<String> notificationDrivers() {
        return notificationDrivers;
    }

    /** {@code [oslo_messaging_notifications] topics} (oslo's default: {@code ["notifications"]}). */
    public List<String> notificationTopics() {
        return notificationTopics.orElse(List.of("notifications"));
    }

    /** {@code [oslo_messaging_notifications] retry}, when set (oslo's default -1: retry forever). */
    public OptionalInt notificationRetry() {
        return notificationRetry;
    }

    /** {@code [oslo_messaging_notifications] routing_config}: the routing driver's file, when set. */
    public Optional<Path> notificationRoutingConfig() {
        return routingConfig;
    }

    /**
     * Opens the RPC transport: {@code transport_url} with {@link #messagingOptions()}.
     *
     * @throws InvalidConfiguration when no {@code transport_url} is configured
     */
    public Transport openTransport() {
        return Transport.open(transportUrl.orElseThrow(() -> new InvalidConfiguration(
                "no [DEFAULT] transport_url in " + describeFiles())), messagingOptions);
    }

    /**
     * Opens the notification transport as oslo's {@code get_notification_transport} does:
     * {@code [oslo_messaging_notifications] transport_url}, else {@code [DEFAULT] transport_url}.
     */
    public Transport openNotificationTransport() {
        return Transport.open(notificationTransportUrl.or(() -> transportUrl).orElseThrow(() -> new InvalidConfiguration(
                "neither [oslo_messaging_notifications] transport_url nor [DEFAULT] transport_url is set in "
                        + describeFiles())), messagingOptions);
    }

    /**
     * A notifier builder configured as oslo's {@code Notifier(transport)} would be from these files: drivers
     * (none configured: a disabled notifier, as in oslo), topics, retry and, for the {@code routing} driver, its {@code routing_config} file.
     */
    public Notifier.Builder notifierBuilder(Transport transport) {
        Notifier.Builder b = Notifier.builder(transport).drivers(notificationDrivers).topics(notificationTopics());
        notificationRetry.ifPresent(b::retry);
        if (notificationDrivers.contains("routing")) {
            routingConfig.ifPresent(b::routingConfig);
        }
        return b;
    }

    private String describeFiles() {
        return files.isEmpty() ? "the environment (no config file given)" : files.toString();
    }

    /** Files, URLs (masked) and non-default options. */
    @Override
    public String toString() {
        return "OsloConfig{files=" + files
                + transportUrl.map(u -> ", transport_url=" + ConfigFileException.maskPasswords(u)).orElse("")
                + ", " + messagingOptions
                + notificationTransportUrl.map(u -> ", notifications.transport_url="
                + ConfigFileException.maskPasswords(u)).orElse("")
                + ", notifications.driver=" + notificationDrivers + ", notifications.topics=" + notificationTopics()
                + "}";
    }
}
