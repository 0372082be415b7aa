package dev.oslo4j.messaging.driver.rabbit;

import dev.oslo4j.messaging.InvalidConfiguration;
import dev.oslo4j.messaging.driver.DriverConfig;
import dev.oslo4j.messaging.driver.OptionGroup;
import dev.oslo4j.messaging.driver.OptionSpec;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rabbit driver's options (oslo's {@code [oslo_messaging_rabbit]} group, where 14.0.3 also registers its pool
 * options), with oslo 14.0.3's names, defaults and bounds, plus 16.x's options (off by default, so that defaults
 * declare 14.0.3's topology): the one place these facts live. Parsed
 * from the transport's options by oslo name; immutable. oslo4j differs from 14.0.3 in one default:
 * {@code ssl_enforce_hostname_verification} is {@code true}.
 */
public final class RabbitOptions {

    private static final String RABBIT = "oslo_messaging_rabbit";

    /** Every option this driver owns. */
    public static final OptionGroup OPTIONS = OptionGroup.of("rabbit driver", List.of(
            OptionSpec.bool(RABBIT, "ssl", false, "connect with TLS"),
            OptionSpec.string(RABBIT, "ssl_version", "", "TLS protocol, e.g. TLSv1_2 (empty = JVM default)"),
            OptionSpec.string(RABBIT, "ssl_key_file", "", "client private key (PEM) for TLS client authentication"),
            OptionSpec.string(RABBIT, "ssl_cert_file", "", "client certificate (PEM) for TLS client authentication"),
            OptionSpec.string(RABBIT, "ssl_ca_file", "", "CA certificates (PEM) to trust (empty = JVM trust store)"),
            OptionSpec.bool(RABBIT, "ssl_enforce_hostname_verification", true,
                    "verify the broker's host name against its certificate (oslo4j default: true)"),
            OptionSpec.bool(RABBIT, "ssl_enforce_fips_mode", false,
                    "not supported on the JVM; configure a FIPS JCE provider instead"),
            OptionSpec.bool(RABBIT, "heartbeat_in_pthread", false,
                    "Python threading detail; accepted for compatibility, no effect"),
            OptionSpec.number(RABBIT, "kombu_reconnect_delay", 1.0, 0.0, 4.5,
                    "extra seconds to wait before reconnecting"),
            OptionSpec.number(RABBIT, "kombu_reconnect_splay", 0.0, 0.0, null,
                    "16.x: random extra seconds (0 to this) added to kombu_reconnect_delay"),
            OptionSpec.choice(RABBIT, "kombu_compression", null, List.of("gzip", "bz2"),
                    "compress message bodies on send"),
            OptionSpec.integer(RABBIT, "kombu_missing_consumer_retry_timeout", 60, 0, null,
                    "seconds a reply is retried while its reply queue is missing"),
            OptionSpec.choice(RABBIT, "kombu_failover_strategy", "round-robin", List.of("round-robin", "shuffle"),
                    "order in which the URL's hosts are tried"),
            OptionSpec.choice(RABBIT, "rabbit_login_method", "AMQPLAIN",
                    List.of("PLAIN", "AMQPLAIN", "EXTERNAL", "RABBIT-CR-DEMO"), "SASL mechanism"),
            OptionSpec.integer(RABBIT, "rabbit_retry_interval", 1, 0, null,
                    "seconds before the first reconnection pass repeats"),
            OptionSpec.integer(RABBIT, "rabbit_retry_backoff", 2, 0, null,
                    "seconds added to the reconnect interval after each pass"),
            OptionSpec.integer(RABBIT, "rabbit_interval_max", 30, 0, null,
                    "maximum seconds between reconnection passes"),
            OptionSpec.bool(RABBIT, "rabbit_ha_queues", false, "declare queues with x-ha-policy=all"),
            OptionSpec.bool(RABBIT, "rabbit_quorum_queue", false,
                    "declare topic/server/notification queues as quorum queues"),
            OptionSpec.integer(RABBIT, "rabbit_quorum_delivery_limit", 0, 0, null,
                    "x-delivery-limit of quorum queues (0 = unset)"),
            OptionSpec.integer(RABBIT, "rabbit_quorum_max_memory_length", 0, 0, null,
                    "x-max-in-memory-length of quorum queues (0 = unset); 14.0.3 spells it rabbit_quroum_…"),
            OptionSpec.integer(RABBIT, "rabbit_quorum_max_memory_bytes", 0, 0, null,
                    "x-max-in-memory-bytes of quorum queues (0 = unset); 14.0.3 spells it rabbit_quroum_…"),
            OptionSpec.bool(RABBIT, "rabbit_transient_quorum_queue", false,
                    "16.x: declare reply and fanout queues as (durable) quorum queues, the fanout exchange durable"),
            OptionSpec.integer(RABBIT, "rabbit_transient_queues_ttl", 1800, 0, null,
                    "x-expires (seconds) of reply and fanout queues; x-max-age of the stream fanout queue (0 = none)"),
            OptionSpec.bool(RABBIT, "rabbit_stream_fanout", false, "16.x: fanout through one stream queue"
                    + " <topic>_fanout read by offset (needs rabbit_transient_quorum_queue and"
                    + " rabbit_qos_prefetch_count > 0)"),
            OptionSpec.bool(RABBIT, "use_queue_manager", false,
                    "16.x: name reply and fanout queues <hostname>:<processname>:<n> instead of random names"),
            OptionSpec.string(RABBIT, "hostname", LocalIdentity.hostname(),
                    "host name used by the queue manager (default: this host's)"),
            OptionSpec.string(RABBIT, "processname", LocalIdentity.processName(),
                    "process name used by the queue manager (default: the jar file or main class name)"),
            OptionSpec.integer(RABBIT, "rabbit_qos_prefetch_count", 0, 0, null,
                    "basic.qos prefetch of consumers (0 = unlimited)"),
            OptionSpec.integer(RABBIT, "heartbeat_timeout_threshold", 60, 0, null,
                    "AMQP heartbeat timeout in seconds (0 = off)"),
            OptionSpec.integer(RABBIT, "heartbeat_rate", 2, 1, null,
                    "Python heartbeat check rate; accepted, the AMQP client handles it"),
            OptionSpec.bool(RABBIT, "direct_mandatory_flag", true,
                    "publish replies with mandatory=true and retry while unroutable"),
            OptionSpec.bool(RABBIT, "enable_cancel_on_failover", false, "consume with x-cancel-on-ha-failover=true"),
            OptionSpec.bool(RABBIT, "amqp_durable_queues", false,
                    "durable topic exchanges and topic/server/notification queues"),
            OptionSpec.bool(RABBIT, "amqp_auto_delete", false,
                    "auto-delete topic exchanges and topic/server/notification queues"),
            // oslo registers its pool options in [oslo_messaging_rabbit] (rpc_conn_pool_size also read from
            // [DEFAULT], its deprecated group)
            OptionSpec.integer(RABBIT, "rpc_conn_pool_size", 30, 1, null, "maximum publishing channels"),
            OptionSpec.integer(RABBIT, "conn_pool_min_size", 2, 0, null,
                    "accepted for compatibility; oslo4j opens publishing channels on demand and keeps them"),
            OptionSpec.integer(RABBIT, "conn_pool_ttl", 1200, 0, null,
                    "accepted for compatibility; oslo4j does not expire idle publishing channels")),
            // 14.0.3's misspelt names (16.x's deprecated_name)
            Map.of("rabbit_quroum_max_memory_length", "rabbit_quorum_max_memory_length",
                    "rabbit_quroum_max_memory_bytes", "rabbit_quorum_max_memory_bytes"),
            RabbitOptions::check);

    private final Map<String, Object> values;
    private final Set<String> explicit;

    private RabbitOptions(Map<String, Object> values, Set<String> explicit) {
        this.values = values;
        this.explicit = explicit;
    }

    /** Reads and checks this driver's options from a transport's configuration. */
    public static RabbitOptions from(DriverConfig config) {
        check(config.options());
        return new RabbitOptions(config.options(), config.explicit());
    }

    /** The combinations oslo4j refuses, named by option (16.x's checks among them). */
    private static void check(Map<String, Object> v) {
        RabbitOptionRules.check(v);
        if (Boolean.TRUE.equals(v.get("ssl_enforce_fips_mode"))) {
            throw new InvalidConfiguration("option 'ssl_enforce_fips_mode' is not supported by oslo4j:"
                    + " configure a FIPS-validated JCE provider in the JVM instead");
        }
        if ("RABBIT-CR-DEMO".equals(v.get("rabbit_login_method"))) {
            throw new InvalidConfiguration("option 'rabbit_login_method' value 'RABBIT-CR-DEMO' is not"
                    + " supported by oslo4j; use AMQPLAIN, PLAIN or EXTERNAL");
        }
    }

    private Object value(String name) {
        if (!values.containsKey(name)) {
            throw new IllegalStateException("option '" + name + "' missing from the transport's options");
        }
        return values.get(name);
    }

    private String str(String name) {
        return (String) value(name);
    }

    private int integer(String name) {
        return (Integer) value(name);
    }

    private boolean bool(String name) {
        return (Boolean) value(name);
    }

    // ---- [DEFAULT], read by the driver too
    public String controlExchange() { return str("control_exchange"); }
    // ---- TLS
    public boolean ssl() { return bool("ssl"); }
    public String sslVersion() { return str("ssl_version"); }
    public String sslKeyFile() { return str("ssl_key_file"); }
    public String sslCertFile() { return str("ssl_cert_file"); }
    public String sslCaFile() { return str("ssl_ca_file"); }
    public boolean sslEnforceHostnameVerification() { return bool("ssl_enforce_hostname_verification"); }
    // ---- connection, failover, heartbeats
    public double kombuReconnectDelay() { return (Double) value("kombu_reconnect_delay"); }
    public double kombuReconnectSplay() { return (Double) value("kombu_reconnect_splay"); }
    /** {@code gzip}, {@code bz2} or null (no compression on send). */
    public String kombuCompression() { return str("kombu_compression"); }
    public Duration kombuMissingConsumerRetryTimeout() {
        return Duration.ofSeconds(integer("kombu_missing_consumer_retry_timeout"));
    }
    public String kombuFailoverStrategy() { return str("kombu_failover_strategy"); }
    public String rabbitLoginMethod() { return str("rabbit_login_method"); }
    /** Whether the login method was chosen explicitly (otherwise PLAIN is used if the broker lacks AMQPLAIN). */
    public boolean rabbitLoginMethodExplicit() { return explicit.contains("rabbit_login_method"); }
    public int rabbitRetryInterval() { return integer("rabbit_retry_interval"); }
    public int rabbitRetryBackoff() { return integer("rabbit_retry_backoff"); }
    public int rabbitIntervalMax() { return integer("rabbit_interval_max"); }
    public int heartbeatTimeoutThreshold() { return integer("heartbeat_timeout_threshold"); }
    // ---- topology
    public boolean rabbitHaQueues() { return bool("rabbit_ha_queues"); }
    public boolean rabbitQuorumQueue() { return bool("rabbit_quorum_queue"); }
    public int rabbitQuorumDeliveryLimit() { return integer("rabbit_quorum_delivery_limit"); }
    public int rabbitQuorumMaxMemoryLength() { return integer("rabbit_quorum_max_memory_length"); }
    public int rabbitQuorumMaxMemoryBytes() { return integer("rabbit_quorum_max_memory_bytes"); }
    /** 16.x: reply and fanout queues are quorum queues too. */
    public boolean rabbitTransientQuorumQueue() { return bool("rabbit_transient_quorum_queue"); }
    /** 16.x: fanout through one stream queue per topic. */
    public boolean rabbitStreamFanout() { return bool("rabbit_stream_fanout"); }
    /** 16.x: reply and fanout queue names {@code <hostname>:<processname>:<n>}. */
    public boolean useQueueManager() { return bool("use_queue_manager"); }
    public String hostname() { return str("hostname"); }
    public String processname() { return str("processname"); }
    public int rabbitTransientQueuesTtl() { return integer("rabbit_transient_queues_ttl"); }
    public int rabbitQosPrefetchCount() { return integer("rabbit_qos_prefetch_count"); }
    public boolean directMandatoryFlag() { return bool("direct_mandatory_flag"); }
    public boolean enableCancelOnFailover() { return bool("enable_cancel_on_failover"); }
    public boolean amqpDurableQueues() { return bool("amqp_durable_queues"); }
    public boolean amqpAutoDelete() { return bool("amqp_auto_delete"); }
    // ---- pools
    public int rpcConnPoolSize() { return integer("rpc_conn_pool_size"); }
}
