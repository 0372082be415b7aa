package dev.oslo4j.conformance.interop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oslo4j.messaging.versionedobjects.ObjectChanges;
import dev.oslo4j.messaging.versionedobjects.ObjectField;
import dev.oslo4j.messaging.versionedobjects.VersionedObject;
import dev.oslo4j.messaging.versionedobjects.VersionedObjectSerializer;
import dev.oslo4j.messaging.wire.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The Java twins of the Python peers' versioned objects ({@code python/peer_objects.py}), and primitives the real
 * oslo.versionedobjects 3.0.1 produced from them ({@code python-object-primitives.json}, captured once).
 */
final class InteropObjects {

    static final String SERIAL_NAMESPACE = "oslo4j_object";

    @VersionedObject(name = "Flavor", version = "1.1", namespace = "oslo4j")
    record Flavor(String flavorid, int vcpus, @ObjectField("extra_specs") Map<String, String> extraSpecs) {
    }

    @VersionedObject(name = "Widget", version = "1.2", namespace = "oslo4j")
    record Widget(Integer id, UUID uuid, String name, @ObjectField(nullable = true) String description,
                  Boolean enabled, Double weight, @ObjectField("created_at") Instant createdAt, List<String> tags,
                  Flavor flavor, List<Flavor> parts, @ObjectChanges Set<String> changes) {

        /** What the Java endpoints do to a received widget, as {@code peer_objects.touch} in Python. */
        Widget touched(String by) {
            List<String> moreTags = new ArrayList<>(tags);
            moreTags.add(by);
            List<Flavor> moreParts = new ArrayList<>(parts);
            moreParts.add(new Flavor(by, parts.size(), Map.of()));
            return new Widget(id, uuid, name + " (seen by " + by + ")", description, enabled, weight, createdAt,
                    moreTags, flavor, moreParts, Set.of("name", "tags", "parts"));
        }
    }

    /** A Java side a version ahead of the Python peers. */
    @VersionedObject(name = "Widget", version = "1.3", namespace = "oslo4j")
    record NewerWidget(Integer id, String name) {
    }

    private InteropObjects() {
    }

    static VersionedObjectSerializer serializer() {
        return VersionedObjectSerializer.builder().serialNamespace(SERIAL_NAMESPACE).register(Widget.class).build();
    }

    /** One of the captured primitives: full, partial, naive_datetime, offset_datetime_hydrated, *_error. */
    static ObjectNode captured(String name) {
        try (InputStream in = InteropObjects.class.getResourceAsStream("python-object-primitives.json")) {
            if (in == null) {
                throw new IllegalStateException("python-object-primitives.json is not on the classpath");
            }
            JsonNode all = Json.mapper().readTree(in);
            return (ObjectNode) all.get(name).deepCopy();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code primitive} with every {@code <ns>.changes} list sorted: Python builds it from a set, so its order
     * is arbitrary.
     */
    static JsonNode changesSorted(JsonNode primitive) {
        JsonNode copy = primitive.deepCopy();
        sortChanges(copy);
        return copy;
    }

    private static void sortChanges(JsonNode node) {
        if (node instanceof ObjectNode o) {
            JsonNode changes = o.get(SERIAL_NAMESPACE + ".changes");
            if (changes instanceof ArrayNode a) {
                TreeSet<String> sorted = new TreeSet<>();
                a.forEach(c -> sorted.add(c.asText()));
                a.removeAll();
                sorted.forEach(a::add);
            }
            for (Iterator<JsonNode> it = o.elements(); it.hasNext(); ) {
                sortChanges(it.next());
            }
        } else if (node instanceof ArrayNode a) {
            a.forEach(InteropObjects::sortChanges);
        }
    }
}
