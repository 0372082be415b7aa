package dev.oslo4j.messaging;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Configuration of a {@link Transport}, by oslo's option names and with oslo 14.0.3's defaults
 * ({@code [DEFAULT]} and {@code [oslo_messaging_rabbit]} groups). Immutable; build with {@link #builder()}.
 *
 * <p>Every option can be set by its oslo name ({@link Builder#set(String, Object)}, string values converted as
 * oslo.config converts them) and from a transport URL's query ({@code rabbit://h/?rabbit_qos_prefetch_count=10}),
 * which overrides values given here. An unknown name fails with {@link InvalidConfiguration} and a
 * "did you mean" suggestion. oslo4j differs from 14.0.3 in one default: {@code ssl_enforce_hostname_verification}
 * is {@code true}. Query keys may also name {@code [DEFAULT]} options, which Python rejects.
 *
 * <p>Remote failures are rebuilt as {@link RemoteError} unless mapped here, explicitly, per
 * {@code (module, class)}: {@link Builder#mapRemoteException}. Remote class names are never resolved by
 * reflection.
 */
public final class MessagingOptions {

    private static final MessagingOptions DEFAULTS = new Builder().build();

    private final Map<String, Object> values;
    /** Values set by the user rather than defaulted; decides fallbacks such as the login method. */
    private final Map<String, Object> explicit = new LinkedHashMap<>();
    private final Map<String, Function<RemoteError, ? extends RuntimeException>> remoteExceptions;

    private MessagingOptions(Map<String, Object> values,
                             Map<String, Function<RemoteError, ? extends RuntimeException>> remoteExceptions) {
        this.values = Collections.unmodifiableMap(values);
        this.remoteExceptions = Collections.unmodifiableMap(remoteExceptions);
    }

    /** All defaults. */
    public static MessagingOptions defaults() {
        return DEFAULTS;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these values and mappings. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.values.putAll(values);
        b.explicit.putAll(explicit);
        b.remoteExceptions.putAll(remoteExceptions);
        return b;
    }

    /** These options with the transport URL's query options applied on top ("the URL wins", as in oslo). */
    public MessagingOptions withOverrides(Map<String, String> byOsloName, String where) {
        if (byOsloName.isEmpty()) {
            return this;
        }
        Builder b = toBuilder();
        byOsloName.forEach((k, v) -> b.set(k, v, where));
        return b.build();
    }

    /** The value of an option by oslo name (typed: String, Integer, Double or Boolean; may be null). */
    public Object get(String osloName) {
        OptionCatalog.Option o = OptionCatalog.lookup(osloName, "messaging");
        return values.get(o.name());
    }

    /** Every option and its value, by oslo name, in catalog order. */
    public Map<String, Object> asMap() {
        return values;
    }

    private String str(String name) {
        return (String) values.get(name);
    }

    private int integer(String name) {
        return (Integer) values.get(name);
    }

    private boolean bool(String name) {
        return (Boolean) values.get(name);
    }

    // ---- [DEFAULT]
    public String controlExchange() { return str("control_exchange"); }
    public Duration rpcResponseTimeout() { return Duration.ofSeconds(integer("rpc_response_timeout")); }
    public int executorThreadPoolSize() { return integer("executor_thread_pool_size"); }
    public boolean rpcPingEnabled() { return bool("rpc_ping_enabled"); }
    // ---- [oslo_messaging_rabbit]: TLS
    public boolean ssl() { return bool("ssl"); }
    public String sslVersion() { return str("ssl_version"); }
    public String sslKeyFile() { return str("ssl_key_file"); }
    public String sslCertFile() { return str("ssl_cert_file"); }
    public String sslCaFile() { return str("ssl_ca_file"); }
    public boolean sslEnforceHostnameVerification() { return bool("ssl_enforce_hostname_verification"); }
    public boolean sslEnforceFipsMode() { return bool("ssl_enforce_fips_mode"); }
    // ---- connection, failover, heartbeats
    public double kombuReconnectDelay() { return (Double) values.get("kombu_reconnect_delay"); }
    public double kombuReconnectSplay() { return (Double) values.get("kombu_reconnect_splay"); }
    /** {@code gzip}, {@code bz2} or null (no compression on send). */
    public String kombuCompression() { return str("kombu_compression"); }
    public Duration kombuMissingConsumerRetryTimeout() {
        return Duration.ofSeconds(integer("kombu_missing_consumer_retry_timeout"));
    }
    public String kombuFailoverStrategy() { return str("kombu_failover_strategy"); }
    public String rabbitLoginMethod() { return str("rabbit_login_method"); }
    /** Whether the login method was chosen explicitly (otherwise PLAIN is used if the broker lacks AMQPLAIN). */
    public boolean rabbitLoginMethodExplicit() { return explicit.containsKey("rabbit_login_method"); }
    public int rabbitRetryInterval() { return integer("rabbit_retry_interval"); }
    public int rabbitRetryBackoff() { return integer("rabbit_retry_backoff"); }
    public int rabbitIntervalMax() { return integer("rabbit_interval_max"); }
    public int heartbeatTimeoutThreshold() { return integer("heartbeat_timeout_threshold"); }
    public int heartbeatRate() { return integer("heartbeat_rate"); }
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
    public int connPoolMinSize() { return integer("conn_pool_min_size"); }
    public int connPoolTtl() { return integer("conn_pool_ttl"); }

    /**
     * Turns a remote failure into the exception a client throws: the explicitly mapped Java type when its
     * {@code (module, class)} was registered, otherwise the {@link RemoteError} itself.
     */
    public RuntimeException rebuildRemoteException(RemoteError remote) {
        Function<RemoteError, ? extends RuntimeException> f =
                remoteExceptions.get(key(remote.module(), remote.exceptionClass()));
        if (f == null) {
            return remote;
        }
        RuntimeException mapped = f.apply(remote);
        return mapped == null ? remote : mapped;
    }

    private static String key(String module, String exceptionClass) {
        String m = "exceptions".equals(module) ? "builtins" : module;
        return m + ":" + exceptionClass;
    }


    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("MessagingOptions{");
        OptionCatalog.all().forEach((name, o) -> {
            Object v = values.get(name);
            if (!Objects.equals(v, o.defaultValue())) {
                sb.append(sb.length() > 17 ? ", " : "").append(name).append('=').append(v);
            }
        });
        if (!remoteExceptions.isEmpty()) {
            sb.append(sb.length() > 17 ? ", " : "").append("mapped_remote_exceptions=")
                    .append(remoteExceptions.keySet());
        }
        return sb.append('}').toString();
    }

    /** Builder of {@link MessagingOptions}. */
    public static final class Builder {
        private final Map<String, Object> values = new LinkedHashMap<>();
        private final Map<String, Object> explicit = new LinkedHashMap<>();
        private final Map<String, Function<RemoteError, ? extends RuntimeException>> remoteExceptions =
                new LinkedHashMap<>();

        private Builder() {
            OptionCatalog.all().forEach((name, o) -> values.put(name, o.defaultValue()));
        }

        /**
         * Sets an option by its oslo name; strings are converted with the option's type ({@code "1"},
         * {@code "yes"}, {@code "true"} for booleans, …). Unknown names and invalid values fail with
         * {@link InvalidConfiguration} naming the option.
         */
        public Builder set(String osloName, Object value) {
            return set(osloName, value, "messaging");
        }

        Builder set(String osloName, Object value, String where) {
            OptionCatalog.Option o = OptionCatalog.lookup(osloName, where);
            Object v = OptionCatalog.convert(o, value, where);
            values.put(o.name(), v);
            explicit.put(o.name(), v);
            return this;
        }

        public Builder controlExchange(String exchange) { return set("control_exchange", exchange); }
        /** Default call timeout; whole seconds as in oslo. */
        public Builder rpcResponseTimeout(Duration timeout) {
            return set("rpc_response_timeout", Math.toIntExact(timeout.toSeconds()));
        }
        public Builder executorThreadPoolSize(int threads) { return set("executor_thread_pool_size", threads); }
        public Builder amqpDurableQueues(boolean durable) { return set("amqp_durable_queues", durable); }
        public Builder amqpAutoDelete(boolean autoDelete) { return set("amqp_auto_delete", autoDelete); }
        public Builder rabbitQuorumQueue(boolean quorum) { return set("rabbit_quorum_queue", quorum); }
        public Builder rabbitHaQueues(boolean ha) { return set("rabbit_ha_queues", ha); }
        public Builder rabbitTransientQuorumQueue(boolean quorum) {
            return set("rabbit_transient_quorum_queue", quorum);
        }
        public Builder rabbitStreamFanout(boolean stream) { return set("rabbit_stream_fanout", stream); }
        public Builder useQueueManager(boolean use) { return set("use_queue_manager", use); }
        public Builder hostname(String hostname) { return set("hostname", hostname); }
        public Builder processname(String processname) { return set("processname", processname); }
        public Builder rabbitTransientQueuesTtl(int seconds) { return set("rabbit_transient_queues_ttl", seconds); }
        public Builder rabbitQosPrefetchCount(int count) { return set("rabbit_qos_prefetch_count", count); }
        public Builder heartbeatTimeoutThreshold(int seconds) {
            return set("heartbeat_timeout_threshold", seconds);
        }
        public Builder kombuFailoverStrategy(String strategy) { return set("kombu_failover_strategy", strategy); }
        public Builder rabbitRetryInterval(int seconds) { return set("rabbit_retry_interval", seconds); }
        public Builder rabbitRetryBackoff(int seconds) { return set("rabbit_retry_backoff", seconds); }
        public Builder rabbitIntervalMax(int seconds) { return set("rabbit_interval_max", seconds); }
        public Builder directMandatoryFlag(boolean mandatory) { return set("direct_mandatory_flag", mandatory); }
        public Builder kombuCompression(String compression) { return set("kombu_compression", compression); }

        /**
         * Allow-lists one remote exception type: failures whose module and class match exactly are rebuilt by
         * {@code factory} (which receives the {@link RemoteError} with message, args, kwargs, traceback) instead
         * of being thrown as {@link RemoteError}. Module {@code exceptions} is treated as {@code builtins}, as
         * oslo does.
         */
        public Builder mapRemoteException(String module, String exceptionClass,
                                          Function<RemoteError, ? extends RuntimeException> factory) {
            remoteExceptions.put(key(Objects.requireNonNull(module), Objects.requireNonNull(exceptionClass)),
                    Objects.requireNonNull(factory));
            return this;
        }

        public MessagingOptions build() {
            OptionRules.check(values);
            if (Boolean.TRUE.equals(values.get("ssl_enforce_fips_mode"))) {
                throw new InvalidConfiguration("option 'ssl_enforce_fips_mode' is not supported by oslo4j:"
                        + " configure a FIPS-validated JCE provider in the JVM instead");
            }
            if ("RABBIT-CR-DEMO".equals(values.get("rabbit_login_method"))) {
                throw new InvalidConfiguration("option 'rabbit_login_method' value 'RABBIT-CR-DEMO' is not"
                        + " supported by oslo4j; use AMQPLAIN, PLAIN or EXTERNAL");
            }
            MessagingOptions o = new MessagingOptions(new LinkedHashMap<>(values), new LinkedHashMap<>(remoteExceptions));
            o.explicit.putAll(explicit);
            return o;
        }
    }
}
