package dev.oslo4j.messaging.dispatch;

import dev.oslo4j.messaging.BatchNotificationEndpoint;
import dev.oslo4j.messaging.NotificationEndpoint;
import dev.oslo4j.messaging.NotificationFilter;
import dev.oslo4j.messaging.Priority;
import dev.oslo4j.messaging.Serializer;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The endpoints of a listener by priority (oslo's {@code _callbacks_by_priority}): for every priority, in
 * endpoint order, the endpoints having a method of that priority's name, with their filter. A default method of
 * {@link NotificationEndpoint} / {@link BatchNotificationEndpoint} that is not overridden does not count, so such
 * endpoints subscribe only to what they implement.
 */
final class NotificationEndpoints {

    /** One endpoint's method for one priority. */
    record Callback(NotificationFilter filter, NotificationMethod method, String endpoint) {
    }

    private final Map<Priority, List<Callback>> byPriority;
    private final Serializer serializer;

    NotificationEndpoints(List<NotificationDispatcher.Registration> registrations, boolean batch,
                          Serializer serializer) {
        this.serializer = Objects.requireNonNull(serializer, "serializer");
        Map<Priority, List<Callback>> table = new EnumMap<>(Priority.class);
        for (NotificationDispatcher.Registration r : registrations) {
            Object endpoint = Objects.requireNonNull(r.endpoint(), "endpoint");
            NotificationFilter filter = r.filter() != null ? r.filter() : filterRuleOf(endpoint);
            for (Priority p : Priority.values()) {
                Method m = methodFor(endpoint, p.routingName());
                if (m != null) {
                    table.computeIfAbsent(p, k -> new ArrayList<>()).add(new Callback(filter,
                            NotificationMethod.of(endpoint, m, batch, serializer), endpoint.getClass().getName()));
                }
            }
        }
        table.replaceAll((p, l) -> List.copyOf(l));
        this.byPriority = Collections.unmodifiableMap(table);
    }

    Serializer serializer() {
        return serializer;
    }

    Set<Priority> priorities() {
        return byPriority.keySet();
    }

    List<Callback> callbacks(Priority p) {
        return byPriority.getOrDefault(p, List.of());
    }

    private static Method methodFor(Object endpoint, String name) {
        Method found = null;
        for (Method m : endpoint.getClass().getMethods()) {
            if (!m.getName().equals(name) || Modifier.isStatic(m.getModifiers()) || m.isBridge() || m.isSynthetic()
                    || isInheritedDefault(m)) {
                continue;
            }
            if (found != null) {
                throw new IllegalArgumentException("notification endpoint " + endpoint.getClass().getName()
                        + " has several public methods named '" + name + "'; keep one per priority");
            }
            found = m;
        }
        return found;
    }

    private static boolean isInheritedDefault(Method m) {
        Class<?> c = m.getDeclaringClass();
        return c == NotificationEndpoint.class || c == BatchNotificationEndpoint.class;
    }

    private static NotificationFilter filterRuleOf(Object endpoint) {
        try {
            Method m = endpoint.getClass().getMethod("filterRule");
            if (m.getReturnType() == NotificationFilter.class && !Modifier.isStatic(m.getModifiers())) {
                m.setAccessible(true);
                return (NotificationFilter) m.invoke(endpoint);
            }
            return null;
        } catch (NoSuchMethodException e) {
            return null;
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("filterRule() of notification endpoint "
                    + endpoint.getClass().getName() + " failed: " + e.getCause(), e);
        }
    }
}
