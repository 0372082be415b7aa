package dev.oslo4j.messaging;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every option oslo4j understands, with oslo 14.0.3's names, types, defaults and bounds: the one place these
 * facts live. Groups: {@code [DEFAULT]} (transport, RPC) and {@code [oslo_messaging_rabbit]}.
 */
final class OptionCatalog {

    enum Type { STRING, INT, FLOAT, BOOL }

    record Option(String name, Type type, Object defaultValue, Double min, Double max, List<String> choices,
                  String help) {
    }

    private static final Map<String, Option> OPTIONS = new LinkedHashMap<>();
    /** Alternative spellings accepted as input (HEAD's corrected names for 14.0.3's misspelt ones). */
    private static final Map<String, String> ALIASES = Map.of(
            "rabbit_quorum_max_memory_length", "rabbit_quroum_max_memory_length",
            "rabbit_quorum_max_memory_bytes", "rabbit_quroum_max_memory_bytes");

    static {
        // [DEFAULT]
        str("control_exchange", "openstack", "exchange used when a Target has none");
        intOpt("rpc_response_timeout", 60, 0, null, "default call timeout in seconds");
        intOpt("executor_thread_pool_size", 64, 1, null, "RPC server / listener worker threads");
        bool("rpc_ping_enabled", false, "add the oslo_rpc_server_ping endpoint to RPC servers");
        // [oslo_messaging_rabbit]
        bool("ssl", false, "connect with TLS");
        str("ssl_version", "", "TLS protocol, e.g. TLSv1_2 (empty = JVM default)");
        str("ssl_key_file", "", "client private key (PEM) for TLS client authentication");
        str("ssl_cert_file", "", "client certificate (PEM) for TLS client authentication");
        str("ssl_ca_file", "", "CA certificates (PEM) to trust (empty = JVM trust store)");
        bool("ssl_enforce_hostname_verification", true,
                "verify the broker's host name against its certificate (oslo4j default: true)");
        bool("ssl_enforce_fips_mode", false, "not supported on the JVM; configure a FIPS JCE provider instead");
        bool("heartbeat_in_pthread", false, "Python threading detail; accepted for compatibility, no effect");
        floatOpt("kombu_reconnect_delay", 1.0, 0.0, 4.5, "extra seconds to wait before reconnecting");
        choice("kombu_compression", null, List.of("gzip", "bz2"), "compress message bodies on send");
        intOpt("kombu_missing_consumer_retry_timeout", 60, 0, null,
                "seconds a reply is retried while its reply queue is missing");
        choice("kombu_failover_strategy", "round-robin", List.of("round-robin", "shuffle"),
                "order in which the URL's hosts are tried");
        choice("rabbit_login_method", "AMQPLAIN", List.of("PLAIN", "AMQPLAIN", "EXTERNAL", "RABBIT-CR-DEMO"),
                "SASL mechanism");
        intOpt("rabbit_retry_interval", 1, 0, null, "seconds before the first reconnection pass repeats");
        intOpt("rabbit_retry_backoff", 2, 0, null, "seconds added to the reconnect interval after each pass");
        intOpt("rabbit_interval_max", 30, 0, null, "maximum seconds between reconnection passes");
        bool("rabbit_ha_queues", false, "declare queues with x-ha-policy=all");
        bool("rabbit_quorum_queue", false, "declare topic/server/notification queues as quorum queues");
        intOpt("rabbit_quorum_delivery_limit", 0, 0, null, "x-delivery-limit of quorum queues (0 = unset)");
        intOpt("rabbit_quroum_max_memory_length", 0, 0, null,
                "x-max-in-memory-length of quorum queues (0 = unset); 14.0.3's spelling");
        intOpt("rabbit_quroum_max_memory_bytes", 0, 0, null,
                "x-max-in-memory-bytes of quorum queues (0 = unset); 14.0.3's spelling");
        intOpt("rabbit_transient_queues_ttl", 1800, 1, null, "x-expires (seconds) of reply and fanout queues");
        intOpt("rabbit_qos_prefetch_count", 0, 0, null, "basic.qos prefetch of consumers (0 = unlimited)");
        intOpt("heartbeat_timeout_threshold", 60, 0, null, "AMQP heartbeat timeout in seconds (0 = off)");
        intOpt("heartbeat_rate", 2, 1, null, "Python heartbeat check rate; accepted, the AMQP client handles it");
        bool("direct_mandatory_flag", true, "publish replies with mandatory=true and retry while unroutable");
        bool("enable_cancel_on_failover", false, "consume with x-cancel-on-ha-failover=true");
        bool("amqp_durable_queues", false, "durable topic exchanges and topic/server/notification queues");
        bool("amqp_auto_delete", false, "auto-delete topic exchanges and topic/server/notification queues");
        intOpt("rpc_conn_pool_size", 30, 1, null, "maximum publishing channels");
        intOpt("conn_pool_min_size", 2, 0, null,
                "accepted for compatibility; oslo4j opens publishing channels on demand and keeps them");
        intOpt("conn_pool_ttl", 1200, 0, null,
                "accepted for compatibility; oslo4j does not expire idle publishing channels");
    }

    private OptionCatalog() {
    }

    private static void add(Option o) {
        OPTIONS.put(o.name(), o);
    }

    private static void str(String name, String def, String help) {
        add(new Option(name, Type.STRING, def, null, null, List.of(), help));
    }

    private static void choice(String name, String def, List<String> choices, String help) {
        add(new Option(name, Type.STRING, def, null, null, choices, help));
    }

    private static void bool(String name, boolean def, String help) {
        add(new Option(name, Type.BOOL, def, null, null, List.of(), help));
    }

    private static void intOpt(String name, int def, Integer min, Integer max, String help) {
        add(new Option(name, Type.INT, def, min == null ? null : min.doubleValue(),
                max == null ? null : max.doubleValue(), List.of(), help));
    }

    private static void floatOpt(String name, double def, Double min, Double max, String help) {
        add(new Option(name, Type.FLOAT, def, min, max, List.of(), help));
    }

    static Map<String, Option> all() {
        return Collections.unmodifiableMap(OPTIONS);
    }

    /** The option of that name (or alias); an unknown name fails with a "did you mean" suggestion. */
    static Option lookup(String name, String where) {
        Option o = OPTIONS.get(ALIASES.getOrDefault(name, name));
        if (o == null) {
            String suggestion = closest(name);
            throw new InvalidConfiguration(where + " option '" + name + "' is unknown"
                    + (suggestion == null ? "" : "; did you mean '" + suggestion + "'?"));
        }
        return o;
    }

    /** Converts and checks a value for an option as oslo.config would; errors name the option. */
    static Object convert(Option o, Object value, String where) {
        if (value == null) {
            return null;
        }
        Object v;
        try {
            v = switch (o.type()) {
                case STRING -> value.toString();
                case BOOL -> value instanceof Boolean b ? b : parseBool(value.toString());
                case INT -> value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
                        ? Integer.valueOf(n.intValue()) : Integer.valueOf(value.toString().trim());
                case FLOAT -> value instanceof Number n ? Double.valueOf(n.doubleValue())
                        : Double.valueOf(value.toString().trim());
            };
        } catch (IllegalArgumentException e) {
            throw new InvalidConfiguration(where + " option '" + o.name() + "' must be "
                    + article(o.type()) + ", got '" + value + "'");
        }
        if (v instanceof Number n) {
            if (o.min() != null && n.doubleValue() < o.min()) {
                throw new InvalidConfiguration(where + " option '" + o.name() + "' must be >= "
                        + fmt(o.min()) + ", got " + value);
            }
            if (o.max() != null && n.doubleValue() > o.max()) {
                throw new InvalidConfiguration(where + " option '" + o.name() + "' must be <= "
                        + fmt(o.max()) + ", got " + value);
            }
        }
        if (!o.choices().isEmpty() && !o.choices().contains(v.toString())) {
            throw new InvalidConfiguration(where + " option '" + o.name() + "' must be one of " + o.choices()
                    + ", got '" + value + "'");
        }
        return v;
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    private static String article(Type t) {
        return switch (t) {
            case STRING -> "a string";
            case INT -> "an integer";
            case FLOAT -> "a number";
            case BOOL -> "a boolean (true/false, yes/no, on/off, 1/0)";
        };
    }

    /** oslo.config's boolean words. */
    private static boolean parseBool(String s) {
        return switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "1", "t", "true", "on", "y", "yes" -> true;
            case "0", "f", "false", "off", "n", "no" -> false;
            default -> throw new IllegalArgumentException(s);
        };
    }

    private static String closest(String name) {
        List<String> names = new ArrayList<>(OPTIONS.keySet());
        names.addAll(ALIASES.keySet());
        return dev.oslo4j.messaging.config.Suggestions.closest(name, names);
    }
}
