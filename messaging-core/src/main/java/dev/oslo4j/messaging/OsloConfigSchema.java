package dev.oslo4j.messaging;

import dev.oslo4j.messaging.config.OptionName;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How oslo.messaging 14.0.3's options are spelt in configuration files: the notification options (which are not
 * transport options), whether an option is multi-valued or secret, and the deprecated spellings oslo.config still
 * accepts. Groups, types, defaults and bounds stay in {@link OptionCatalog}; this adds only what files need.
 */
final class OsloConfigSchema {

    static final String DEFAULT = "DEFAULT";
    static final String RABBIT = "oslo_messaging_rabbit";
    static final String NOTIFICATIONS = "oslo_messaging_notifications";
    /** Groups whose every key oslo4j knows, so an unknown key there is worth a warning. */
    static final Set<String> OWNED_GROUPS = Set.of(RABBIT, NOTIFICATIONS);

    enum Kind { SINGLE, MULTI, LIST }

    /** One option as files spell it; {@code catalog} when its value goes to {@link MessagingOptions}. */
    record Spec(OptionName name, Kind kind, boolean secret, boolean catalog, boolean deprecatedForRemoval) {
    }

    static final Spec TRANSPORT_URL = new Spec(OptionName.of(DEFAULT, "transport_url"), Kind.SINGLE, true, false, false);
    static final Spec NOTIFICATION_DRIVER = new Spec(OptionName.of(NOTIFICATIONS, "driver")
            .withAlias(DEFAULT, "notification_driver"), Kind.MULTI, false, false, false);
    static final Spec NOTIFICATION_TRANSPORT_URL = new Spec(OptionName.of(NOTIFICATIONS, "transport_url")
            .withAlias(DEFAULT, "notification_transport_url"), Kind.SINGLE, true, false, false);
    static final Spec NOTIFICATION_TOPICS = new Spec(OptionName.of(NOTIFICATIONS, "topics")
            .withAlias("rpc_notifier2", "topics").withAlias(DEFAULT, "notification_topics"),
            Kind.LIST, false, false, false);
    static final Spec NOTIFICATION_RETRY = new Spec(OptionName.of(NOTIFICATIONS, "retry"),
            Kind.SINGLE, false, false, false);
    static final Spec ROUTING_CONFIG = new Spec(OptionName.of(NOTIFICATIONS, "routing_config")
            .withAlias(DEFAULT, "routing_notifier_config"), Kind.SINGLE, false, false, false);

    /** deprecated_name (same group) per option. */
    private static final Map<String, String> RENAMED = Map.of(
            "executor_thread_pool_size", "rpc_thread_pool_size",
            "ssl", "rabbit_use_ssl",
            "ssl_version", "kombu_ssl_version",
            "ssl_key_file", "kombu_ssl_keyfile",
            "ssl_cert_file", "kombu_ssl_certfile",
            "ssl_ca_file", "kombu_ssl_ca_certs",
            "kombu_missing_consumer_retry_timeout", "kombu_reconnect_timeout",
            // later oslo.messaging releases fixed 14.0.3's spelling; accept theirs too
            "rabbit_quroum_max_memory_length", "rabbit_quorum_max_memory_length",
            "rabbit_quroum_max_memory_bytes", "rabbit_quorum_max_memory_bytes");
    /** Options with deprecated_group='DEFAULT'. */
    private static final Set<String> ONCE_IN_DEFAULT = Set.of("rpc_conn_pool_size", "amqp_auto_delete",
            "kombu_reconnect_delay", "rabbit_login_method", "rabbit_retry_backoff", "rabbit_ha_queues");
    private static final Set<String> DEPRECATED_FOR_REMOVAL = Set.of("direct_mandatory_flag");

    private static final Map<String, Spec> ALL = build();

    private OsloConfigSchema() {
    }

    private static Map<String, Spec> build() {
        Map<String, Spec> all = new LinkedHashMap<>();
        add(all, TRANSPORT_URL);
        for (var o : OptionCatalog.installed().all().values()) {
            String option = o.name();
            OptionName n = OptionName.of(o.group(), option);
            if (RENAMED.containsKey(option)) {
                n = n.withAlias(n.group(), RENAMED.get(option));
            }
            if (ONCE_IN_DEFAULT.contains(option)) {
                n = n.withAlias(DEFAULT, option);
            }
            add(all, new Spec(n, Kind.SINGLE, false, true, DEPRECATED_FOR_REMOVAL.contains(option)));
        }
        for (Spec s : List.of(NOTIFICATION_DRIVER, NOTIFICATION_TRANSPORT_URL, NOTIFICATION_TOPICS,
                NOTIFICATION_RETRY, ROUTING_CONFIG)) {
            add(all, s);
        }
        return all;
    }

    private static void add(Map<String, Spec> all, Spec s) {
        all.put(key(s.name().group(), s.name().name()), s);
    }

    private static String key(String group, String name) {
        return group + "\u0000" + name;
    }

    /** Every option, in catalog order. */
    static Iterable<Spec> all() {
        return ALL.values();
    }

    /** The option {@code [group] name} (current spelling), or null. */
    static Spec find(String group, String name) {
        return ALL.get(key(group, name));
    }

    /** Every spelling (current and deprecated) that files may use in {@code group}. */
    static Set<String> spellingsIn(String group) {
        Set<String> names = new java.util.TreeSet<>();
        for (Spec s : ALL.values()) {
            if (s.name().group().equals(group)) {
                names.add(s.name().name());
            }
            s.name().deprecated().stream().filter(a -> a.group().equals(group)).forEach(a -> names.add(a.name()));
        }
        return names;
    }
}
