package dev.oslo4j.messaging;

import dev.oslo4j.messaging.driver.RpcAddress;

import java.util.List;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * Where a message goes or what a server listens to (oslo's {@code Target}); immutable.
 *
 * <p>Which fields matter depends on the role: a client needs {@code topic} (plus optional {@code exchange},
 * {@code namespace}, {@code version}, {@code server}, {@code fanout}); a server needs {@code topic} and
 * {@code server}; an endpoint uses {@code namespace}, {@code version} and {@code legacyNamespaces}; a
 * notification listener uses {@code topic} and {@code exchange}. Unset fields are {@code null}
 * ({@code fanout} is {@code false}); an unset exchange means the transport's {@code control_exchange}.
 *
 * <pre>{@code
 * Target t = Target.topic("compute").withServer("host1").withVersion("5.1");
 * Target n = Target.builder().exchange("nova").topic("compute").namespace("baseapi").version("1.1").build();
 * }</pre>
 */
public final class Target {

    private static final Pattern VERSION = Pattern.compile("\\d+\\.\\d+(\\.\\d+)?");

    private final String exchange;
    private final String topic;
    private final String namespace;
    private final String version;
    private final String server;
    private final boolean fanout;
    private final List<String> legacyNamespaces;

    private Target(Builder b) {
        if (b.version != null && !VERSION.matcher(b.version).matches()) {
            throw new InvalidTarget("Version must contain a major and minor integer (\"X.Y\" or \"X.Y.Z\"). Got '"
                    + b.version + "'", null);
        }
        this.exchange = b.exchange;
        this.topic = b.topic;
        this.namespace = b.namespace;
        this.version = b.version;
        this.server = b.server;
        this.fanout = b.fanout;
        this.legacyNamespaces = List.copyOf(b.legacyNamespaces);
    }

    /** A target with only a topic, e.g. {@code Target.topic("compute")}. */
    public static Target topic(String topic) {
        return builder().topic(topic).build();
    }

    /** An empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder pre-filled with this target's fields. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.exchange = exchange;
        b.topic = topic;
        b.namespace = namespace;
        b.version = version;
        b.server = server;
        b.fanout = fanout;
        b.legacyNamespaces = legacyNamespaces;
        return b;
    }

    public String exchange() {
        return exchange;
    }

    public String topic() {
        return topic;
    }

    public String namespace() {
        return namespace;
    }

    public String version() {
        return version;
    }

    public String server() {
        return server;
    }

    public boolean fanout() {
        return fanout;
    }

    /** Further namespaces an endpoint accepts besides {@link #namespace()}. */
    public List<String> legacyNamespaces() {
        return legacyNamespaces;
    }

    /** {@code [namespace] + legacyNamespaces}, as oslo's {@code accepted_namespaces}. */
    public List<String> acceptedNamespaces() {
        java.util.ArrayList<String> all = new java.util.ArrayList<>(legacyNamespaces.size() + 1);
        all.add(namespace);
        all.addAll(legacyNamespaces);
        return java.util.Collections.unmodifiableList(all);
    }

    public Target withExchange(String exchange) {
        return toBuilder().exchange(exchange).build();
    }

    public Target withTopic(String topic) {
        return toBuilder().topic(topic).build();
    }

    public Target withNamespace(String namespace) {
        return toBuilder().namespace(namespace).build();
    }

    public Target withVersion(String version) {
        return toBuilder().version(version).build();
    }

    public Target withServer(String server) {
        return toBuilder().server(server).build();
    }

    public Target withFanout(boolean fanout) {
        return toBuilder().fanout(fanout).build();
    }

    public Target withLegacyNamespaces(List<String> legacyNamespaces) {
        return toBuilder().legacyNamespaces(legacyNamespaces).build();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Target t && fanout == t.fanout && Objects.equals(exchange, t.exchange)
                && Objects.equals(topic, t.topic) && Objects.equals(namespace, t.namespace)
                && Objects.equals(version, t.version) && Objects.equals(server, t.server)
                && legacyNamespaces.equals(t.legacyNamespaces);
    }

    @Override
    public int hashCode() {
        return Objects.hash(exchange, topic, namespace, version, server, fanout, legacyNamespaces);
    }

    /** The routing part, as drivers receive it. */
    RpcAddress address() {
        return new RpcAddress(exchange, topic, server, fanout);
    }

    @Override
    public String toString() {
        StringJoiner j = new StringJoiner(", ", "Target(", ")");
        if (exchange != null) j.add("exchange=" + exchange);
        if (topic != null) j.add("topic=" + topic);
        if (namespace != null) j.add("namespace=" + namespace);
        if (version != null) j.add("version=" + version);
        if (server != null) j.add("server=" + server);
        if (fanout) j.add("fanout=true");
        if (!legacyNamespaces.isEmpty()) j.add("legacy_namespaces=" + legacyNamespaces);
        return j.toString();
    }

    /** Builder of {@link Target}. */
    public static final class Builder {
        private String exchange;
        private String topic;
        private String namespace;
        private String version;
        private String server;
        private boolean fanout;
        private List<String> legacyNamespaces = List.of();

        private Builder() {
        }

        public Builder exchange(String exchange) {
            this.exchange = exchange;
            return this;
        }

        public Builder topic(String topic) {
            this.topic = topic;
            return this;
        }

        public Builder namespace(String namespace) {
            this.namespace = namespace;
            return this;
        }

        /** {@code "X.Y"} or {@code "X.Y.Z"} with integer components. */
        public Builder version(String version) {
            this.version = version;
            return this;
        }

        public Builder server(String server) {
            this.server = server;
            return this;
        }

        public Builder fanout(boolean fanout) {
            this.fanout = fanout;
            return this;
        }

        public Builder legacyNamespaces(List<String> legacyNamespaces) {
            this.legacyNamespaces = List.copyOf(legacyNamespaces);
            return this;
        }

        public Target build() {
            return new Target(this);
        }
    }
}
