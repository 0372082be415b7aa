package dev.oslo4j.messaging.dispatch;

import com.fasterxml.jackson.databind.JsonNode;
import dev.oslo4j.messaging.Notification;
import dev.oslo4j.messaging.NotificationMetadata;
import dev.oslo4j.messaging.RequestContext;
import dev.oslo4j.messaging.Serializer;
import dev.oslo4j.messaging.wire.Json;

import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;

/**
 * One endpoint method handling one priority, prepared once. Accepted shapes: oslo's positional
 * {@code (ctxt, publisher_id, event_type, payload, metadata)} (payload converted to the declared type), a single
 * {@link Notification}, or — on batch listeners — a single {@code List<Notification>}.
 */
final class NotificationMethod {

    private enum Shape { POSITIONAL, SINGLE, BATCH }

    private final String name;
    private final MethodCall call;
    private final Shape shape;
    private final Class<?> contextType;
    private final JsonParameter payload;
    private final Class<?> metadataType;

    private NotificationMethod(Object endpoint, Method m, Shape shape, Serializer serializer) {
        this.name = m.getName();
        this.call = new MethodCall(endpoint, m);
        this.shape = shape;
        Class<?>[] types = m.getParameterTypes();
        if (shape == Shape.POSITIONAL) {
            contextType = types[0];
            payload = new JsonParameter("payload", m.getGenericParameterTypes()[3], serializer);
            metadataType = types[4];
        } else {
            contextType = null;
            payload = null;
            metadataType = null;
        }
    }

    /**
     * Prepares {@code m} of {@code endpoint} for a batch or a single-message listener.
     *
     * @throws IllegalArgumentException explaining the accepted signatures when {@code m} fits none
     */
    static NotificationMethod of(Object endpoint, Method m, boolean batch, Serializer serializer) {
        Type[] generic = m.getGenericParameterTypes();
        Class<?>[] types = m.getParameterTypes();
        if (generic.length == 1 && isNotificationList(generic[0])) {
            if (!batch) {
                throw new IllegalArgumentException(where(endpoint, m) + " takes a List<Notification>, which only a "
                        + "batch listener delivers (set batchSize/batchTimeout), or take a single Notification");
            }
            return new NotificationMethod(endpoint, m, Shape.BATCH, serializer);
        }
        if (batch) {
            throw new IllegalArgumentException(where(endpoint, m) + " must take one List<Notification> on a batch"
                    + " listener");
        }
        if (types.length == 1 && types[0] == Notification.class) {
            return new NotificationMethod(endpoint, m, Shape.SINGLE, serializer);
        }
        if (types.length == 5 && isContextType(types[0]) && isText(types[1]) && isText(types[2])
                && isMetadataType(types[4])) {
            return new NotificationMethod(endpoint, m, Shape.POSITIONAL, serializer);
        }
        throw new IllegalArgumentException(where(endpoint, m) + " has an unsupported signature; expected ("
                + "RequestContext|Map|JsonNode ctxt, String publisherId, String eventType, <any> payload, "
                + "NotificationMetadata|Map|JsonNode metadata) or (Notification)");
    }

    private static String where(Object endpoint, Method m) {
        return "notification endpoint method " + endpoint.getClass().getName() + "." + m.getName();
    }

    private static boolean isNotificationList(Type t) {
        return t instanceof ParameterizedType p && (p.getRawType() == List.class
                || p.getRawType() == java.util.Collection.class || p.getRawType() == Iterable.class)
                && p.getActualTypeArguments()[0] == Notification.class;
    }

    private static boolean isContextType(Class<?> c) {
        return c == RequestContext.class || c == Map.class || c == Object.class || JsonNode.class.isAssignableFrom(c);
    }

    private static boolean isMetadataType(Class<?> c) {
        return c == NotificationMetadata.class || c == Map.class || c == Object.class
                || JsonNode.class.isAssignableFrom(c);
    }

    private static boolean isText(Class<?> c) {
        return c == String.class || c == Object.class || c == CharSequence.class;
    }

    /**
     * Runs the method for one notification.
     *
     * @throws DispatchError when the payload does not convert to the declared type
     * @throws Exception     whatever the endpoint threw
     */
    Object invoke(Notification n) throws Exception {
        if (shape == Shape.SINGLE) {
            return call.invoke(new Object[] {n});
        }
        return call.invoke(new Object[] {context(n.context()), n.publisherId(), n.eventType(),
                payload.convert(n.context(), n.payload(), name), metadata(n.metadata())});
    }

    Object invokeBatch(List<Notification> batch) throws Exception {
        return call.invoke(new Object[] {batch});
    }

    private Object context(RequestContext c) {
        if (contextType == RequestContext.class || contextType == Object.class) {
            return c;
        }
        return contextType == Map.class ? c.toMap() : c.toJson();
    }

    private Object metadata(NotificationMetadata m) {
        if (metadataType == NotificationMetadata.class || metadataType == Object.class) {
            return m;
        }
        return metadataType == Map.class ? m.toMap() : Json.mapper().valueToTree(m.toMap());
    }
}
