package dev.oslo4j.messaging;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Which notifications an endpoint receives (oslo's {@code NotificationFilter}, docs/wire-protocol.md §9.6). Every rule is a
 * Python regular expression applied with {@code re.match} semantics: anchored at the start, not at the end
 * ({@code "compute"} matches {@code "compute.host1"}; write {@code "^compute$"} for equality). A notification
 * passes when every rule matches: {@code publisher_id}, {@code event_type}, and for each named key of the
 * context, the metadata ({@code message_id}, {@code timestamp}) and the payload (top-level keys), the key must
 * be present and its value a <em>string</em> matching the rule. Notifications that do not pass skip that endpoint
 * and still count as handled.
 *
 * <pre>{@code
 * NotificationFilter f = NotificationFilter.builder()
 *         .publisherId("^compute.*")
 *         .eventType("^compute\\.instance\\..*")
 *         .context("project_id", "^5f643cfc")
 *         .payload("state", "^active$")
 *         .build();
 * listenerBuilder.endpoint(new BillingEndpoint(), f);
 * }</pre>
 */
public final class NotificationFilter {

    private final Pattern publisherId;
    private final Pattern eventType;
    private final Map<String, Pattern> context;
    private final Map<String, Pattern> metadata;
    private final Map<String, Pattern> payload;
    private final String description;

    private NotificationFilter(Builder b) {
        this.publisherId = b.publisherId == null ? null : PythonRegex.compile("publisher_id", b.publisherId);
        this.eventType = b.eventType == null ? null : PythonRegex.compile("event_type", b.eventType);
        this.context = compileAll("context", b.context);
        this.metadata = compileAll("metadata", b.metadata);
        this.payload = compileAll("payload", b.payload);
        this.description = describe(b);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Whether {@code n} passes every rule. */
    public boolean matches(Notification n) {
        return matchesText(publisherId, n.publisherId())
                && matchesText(eventType, n.eventType())
                && matchesKeys(context, key -> n.context().containsKey(key), key -> asText(n.context().get(key)))
                && matchesKeys(metadata, key -> "message_id".equals(key) || "timestamp".equals(key),
                        key -> "message_id".equals(key) ? n.metadata().messageId() : n.metadata().timestamp())
                && matchesKeys(payload, key -> n.payload().isObject() && n.payload().has(key),
                        key -> asText(n.payload().get(key)));
    }

    private static boolean matchesText(Pattern p, String value) {
        return p == null || value != null && PythonRegex.matchesStart(p, value);
    }

    private static boolean matchesKeys(Map<String, Pattern> rules, java.util.function.Predicate<String> present,
                                       java.util.function.Function<String, String> text) {
        for (Map.Entry<String, Pattern> e : rules.entrySet()) {
            if (!present.test(e.getKey()) || !matchesText(e.getValue(), text.apply(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    /** Python's filter matches strings only: anything else (numbers, lists, null) fails the rule. */
    private static String asText(Object v) {
        if (v instanceof String s) {
            return s;
        }
        return v instanceof JsonNode j && j.isTextual() ? j.textValue() : null;
    }

    private static Map<String, Pattern> compileAll(String what, Map<String, String> rules) {
        Map<String, Pattern> out = new LinkedHashMap<>();
        rules.forEach((k, v) -> out.put(k, PythonRegex.compile(what + "." + k, v)));
        return Map.copyOf(out);
    }

    private static String describe(Builder b) {
        StringBuilder sb = new StringBuilder("NotificationFilter{");
        if (b.publisherId != null) {
            sb.append("publisher_id=").append(b.publisherId).append(' ');
        }
        if (b.eventType != null) {
            sb.append("event_type=").append(b.eventType).append(' ');
        }
        if (!b.context.isEmpty()) {
            sb.append("context=").append(b.context).append(' ');
        }
        if (!b.metadata.isEmpty()) {
            sb.append("metadata=").append(b.metadata).append(' ');
        }
        if (!b.payload.isEmpty()) {
            sb.append("payload=").append(b.payload).append(' ');
        }
        return sb.toString().trim() + "}";
    }

    @Override
    public String toString() {
        return description;
    }

    /** Builder of {@link NotificationFilter}; every rule is optional. */
    public static final class Builder {
        private String publisherId;
        private String eventType;
        private final Map<String, String> context = new LinkedHashMap<>();
        private final Map<String, String> metadata = new LinkedHashMap<>();
        private final Map<String, String> payload = new LinkedHashMap<>();

        private Builder() {
        }

        /** A Python regex for {@code publisher_id}. */
        public Builder publisherId(String regex) {
            this.publisherId = Objects.requireNonNull(regex, "publisherId regex");
            return this;
        }

        /** A Python regex for {@code event_type}. */
        public Builder eventType(String regex) {
            this.eventType = Objects.requireNonNull(regex, "eventType regex");
            return this;
        }

        /** The context must have {@code key} with a string value matching {@code regex}. */
        public Builder context(String key, String regex) {
            context.put(Objects.requireNonNull(key, "context key"), Objects.requireNonNull(regex, "regex"));
            return this;
        }

        /** {@code message_id} or {@code timestamp} must match {@code regex}. */
        public Builder metadata(String key, String regex) {
            metadata.put(Objects.requireNonNull(key, "metadata key"), Objects.requireNonNull(regex, "regex"));
            return this;
        }

        /** The payload must be an object with top-level {@code key} holding a string matching {@code regex}. */
        public Builder payload(String key, String regex) {
            payload.put(Objects.requireNonNull(key, "payload key"), Objects.requireNonNull(regex, "regex"));
            return this;
        }

        /**
         * @throws IllegalArgumentException naming the rule whose regular expression does not compile
         */
        public NotificationFilter build() {
            return new NotificationFilter(this);
        }
    }
}
