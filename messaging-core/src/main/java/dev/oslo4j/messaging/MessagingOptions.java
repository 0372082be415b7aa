package dev.oslo4j.messaging;

import dev.oslo4j.messaging.driver.OptionSpec;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Configuration of a {@link Transport}, by oslo's option names and with oslo 14.0.3's defaults. Immutable; build
 * with {@link #builder()}. Typed accessors cover the {@code [DEFAULT]} options the API reads; every driver owns
 * its own options (the rabbit driver's {@code [oslo_messaging_rabbit]} group, see the README) and reads them
 * from here by name, so any option of any installed driver is set the same way.
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
        OptionSpec o = OptionCatalog.installed().lookup(osloName, "messaging");
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

    /** The names of the options set explicitly rather than defaulted (drivers choose fallbacks by it). */
    java.util.Set<String> explicitlySet() {
        return java.util.Set.copyOf(explicit.keySet());
    }

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
        OptionCatalog.installed().all().forEach((name, o) -> {
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
            OptionCatalog.installed().all().forEach((name, o) -> values.put(name, o.defaultValue()));
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
            OptionSpec o = OptionCatalog.installed().lookup(osloName, where);
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

        /**
         * @throws InvalidConfiguration when options that cannot be combined are set together (each driver checks
         *     its own, e.g. {@code rabbit_quorum_queue} with {@code rabbit_ha_queues})
         */
        public MessagingOptions build() {
            OptionCatalog.installed().check(Collections.unmodifiableMap(values));
            MessagingOptions o = new MessagingOptions(new LinkedHashMap<>(values), new LinkedHashMap<>(remoteExceptions));
            o.explicit.putAll(explicit);
            return o;
        }
    }
}
