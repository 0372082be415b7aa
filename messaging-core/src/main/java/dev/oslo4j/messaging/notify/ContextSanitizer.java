package dev.oslo4j.messaging.notify;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The context a notification carries, as oslo.messaging 14.0.3 reduces it (docs/wire-protocol.md §9.3, notifier
 * {@code _sanitize_context}): only the whitelisted keys, in the caller's order. Everything else — tokens above
 * all — never leaves the process in a notification.
 */
public final class ContextSanitizer {

    /** oslo.messaging 14.0.3's {@code safe_keys}. */
    public static final Set<String> SAFE_KEYS = Set.of(
            "user_id", "project_id", "domain_id", "user_domain_id", "project_domain_id", "is_admin",
            "request_id", "roles", "user_name", "project_name", "domain_name", "user_domain_name",
            "project_domain_name", "service_user_id", "service_user_domain_id", "service_user_domain_name",
            "service_project_id", "service_project_name", "service_project_domain_id",
            "service_project_domain_name", "service_roles", "global_request_id", "system_scope", "user", "domain",
            "user_domain", "project_domain");

    private ContextSanitizer() {
    }

    /** The whitelisted entries of {@code context} (null → empty). */
    public static Map<String, Object> sanitize(Map<String, ?> context) {
        if (context == null || context.isEmpty()) {
            return Map.of();
        }
        Map<String, Object> safe = new LinkedHashMap<>(Math.max(4, context.size() * 2));
        for (Map.Entry<String, ?> e : context.entrySet()) {
            if (SAFE_KEYS.contains(e.getKey())) {
                safe.put(e.getKey(), e.getValue());
            }
        }
        return safe;
    }
}
