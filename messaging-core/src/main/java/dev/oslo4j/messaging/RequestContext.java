package dev.oslo4j.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oslo4j.messaging.wire.Json;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The request context that travels with every RPC message and notification (oslo flattens it into
 * {@code _context_<key>} fields). Immutable. Unknown keys are kept untouched, so a context received from a
 * Python service can be passed on unchanged; the typed getters read the usual oslo.context / nova keys.
 *
 * <p>On an RPC server the context also holds {@code client_timeout} (the caller's call-monitor timeout or
 * null), exactly as Python endpoints see it. {@link #toString()} masks secrets ({@code auth_token} and
 * other keys containing "token", "password" or "secret").
 */
public final class RequestContext {

    private static final RequestContext EMPTY = new RequestContext(Map.of());
    private static final Set<String> SECRET_HINTS = Set.of("token", "password", "secret");

    private volatile Map<String, Object> values;
    private volatile ObjectNode json;

    private RequestContext(Map<String, Object> values) {
        this.values = values;
    }

    /** Keeps {@code json} (which nobody else may modify); the map view is built on first use. */
    private RequestContext(ObjectNode json) {
        this.json = json;
    }

    /** An empty context. */
    public static RequestContext empty() {
        return EMPTY;
    }

    /** A context holding a copy of these keys (values must be JSON-serializable). */
    public static RequestContext of(Map<String, ?> values) {
        return values == null || values.isEmpty() ? EMPTY
                : new RequestContext(Collections.unmodifiableMap(new LinkedHashMap<>(values)));
    }

    /** A context decoded from its JSON object form (as received on the wire, prefix already stripped). */
    public static RequestContext fromJson(ObjectNode json) {
        return json == null || json.isEmpty() ? EMPTY : new RequestContext(json.deepCopy());
    }

    /** Like {@link #fromJson} but takes ownership of {@code json} without copying (the caller drops it). */
    static RequestContext adopt(ObjectNode json) {
        return json == null || json.isEmpty() ? EMPTY : new RequestContext(json);
    }

    public static Builder builder() {
        return new Builder(new LinkedHashMap<>());
    }

    /** A builder starting with this context's keys. */
    public Builder toBuilder() {
        return new Builder(new LinkedHashMap<>(toMap()));
    }

    /** A copy with one key set. */
    public RequestContext with(String key, Object value) {
        return toBuilder().put(key, value).build();
    }

    /** All keys, as plain Java values (strings, numbers, booleans, lists, maps, nulls); unmodifiable. */
    public Map<String, Object> toMap() {
        Map<String, Object> v = values;
        if (v == null) {
            @SuppressWarnings("unchecked")
            Map<String, Object> converted = Json.mapper().convertValue(json, LinkedHashMap.class);
            v = Collections.unmodifiableMap(converted);
            values = v;
        }
        return v;
    }

    /** The context as a JSON object. */
    public ObjectNode toJson() {
        ObjectNode j = json;
        if (j == null) {
            j = Json.mapper().valueToTree(toMap());
            json = j;
        }
        return j.deepCopy();
    }

    public Object get(String key) {
        return toMap().get(key);
    }

    public boolean containsKey(String key) {
        return toMap().containsKey(key);
    }

    /** The value of {@code key} as a string, or null when absent or null. */
    public String getString(String key) {
        Object v = toMap().get(key);
        return v == null ? null : v.toString();
    }

    public String requestId() {
        return getString("request_id");
    }

    public String globalRequestId() {
        return getString("global_request_id");
    }

    /** {@code user_id}, or oslo.context's {@code user} when absent. */
    public String userId() {
        String v = getString("user_id");
        return v != null ? v : getString("user");
    }

    /** {@code project_id}, or oslo.context's {@code project} / legacy {@code tenant} when absent. */
    public String projectId() {
        String v = getString("project_id");
        if (v == null) {
            v = getString("project");
        }
        return v != null ? v : getString("tenant");
    }

    public String userName() {
        return getString("user_name");
    }

    public String projectName() {
        return getString("project_name");
    }

    public String domainId() {
        return getString("domain_id");
    }

    public String authToken() {
        return getString("auth_token");
    }

    /** The roles list (empty when absent). */
    public List<String> roles() {
        Object v = toMap().get("roles");
        if (v instanceof List<?> l) {
            List<String> out = new ArrayList<>(l.size());
            l.forEach(r -> out.add(String.valueOf(r)));
            return Collections.unmodifiableList(out);
        }
        return List.of();
    }

    public boolean isAdmin() {
        return Boolean.TRUE.equals(toMap().get("is_admin"));
    }

    public boolean readOnly() {
        return Boolean.TRUE.equals(toMap().get("read_only"));
    }

    public boolean showDeleted() {
        return Boolean.TRUE.equals(toMap().get("show_deleted"));
    }

    /** On an RPC server: the caller's call-monitor timeout in seconds ({@code client_timeout}), or null. */
    public Number clientTimeout() {
        return toMap().get("client_timeout") instanceof Number n ? n : null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RequestContext c && toMap().equals(c.toMap());
    }

    @Override
    public int hashCode() {
        return toMap().hashCode();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("RequestContext{");
        boolean first = true;
        for (Map.Entry<String, Object> e : toMap().entrySet()) {
            sb.append(first ? "" : ", ").append(e.getKey()).append('=')
                    .append(isSecret(e.getKey()) && e.getValue() != null ? "****" : e.getValue());
            first = false;
        }
        return sb.append('}').toString();
    }

    private static boolean isSecret(String key) {
        String k = key.toLowerCase(java.util.Locale.ROOT);
        for (String hint : SECRET_HINTS) {
            if (k.contains(hint)) {
                return true;
            }
        }
        return false;
    }

    /** Builder of {@link RequestContext}; keeps insertion order. */
    public static final class Builder {
        private final Map<String, Object> values;

        private Builder(Map<String, Object> values) {
            this.values = values;
        }

        /** Sets any key; the value must be JSON-serializable (a {@link JsonNode} is fine). */
        public Builder put(String key, Object value) {
            values.put(key, value);
            return this;
        }

        public Builder requestId(String v) { return put("request_id", v); }
        public Builder globalRequestId(String v) { return put("global_request_id", v); }
        public Builder userId(String v) { return put("user_id", v); }
        public Builder projectId(String v) { return put("project_id", v); }
        public Builder userName(String v) { return put("user_name", v); }
        public Builder projectName(String v) { return put("project_name", v); }
        public Builder authToken(String v) { return put("auth_token", v); }
        public Builder roles(List<String> v) { return put("roles", List.copyOf(v)); }
        public Builder isAdmin(boolean v) { return put("is_admin", v); }

        public RequestContext build() {
            return values.isEmpty() ? EMPTY
                    : new RequestContext(Collections.unmodifiableMap(new LinkedHashMap<>(values)));
        }
    }
}
