package dev.oslo4j.conformance.interop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oslo4j.conformance.interop.InteropObjects.Flavor;
import dev.oslo4j.conformance.interop.InteropObjects.Widget;
import dev.oslo4j.messaging.versionedobjects.IncompatibleObjectVersion;
import dev.oslo4j.messaging.versionedobjects.UnsupportedObjectError;
import dev.oslo4j.messaging.versionedobjects.VersionedObjectSerializer;
import dev.oslo4j.messaging.versionedobjects.VersionedObjectsException;
import dev.oslo4j.messaging.wire.Json;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static dev.oslo4j.conformance.interop.InteropObjects.captured;
import static dev.oslo4j.conformance.interop.InteropObjects.changesSorted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The versioned-object codec against primitives the real oslo.versionedobjects 3.0.1 wrote
 * ({@code python-object-primitives.json}; see {@code python/peer_objects.py} for the Python classes).
 */
class VersionedObjectCodecTest {

    private final VersionedObjectSerializer objects = InteropObjects.serializer();

    private static final Flavor SMALL = new Flavor("m1.small", 1, Map.of("hw:cpu_policy", "dedicated"));
    private static final Set<String> ALL_FIELDS = Set.of("id", "uuid", "name", "description", "enabled", "weight",
            "created_at", "tags", "flavor", "parts");

    @Test
    void readsWhatPythonWritesFieldByField() {
        Widget w = objects.fromPrimitive(captured("full"), Widget.class);

        assertThat(w).isEqualTo(new Widget(7, UUID.fromString("6f1c5f47-9a57-4d1b-8c1b-5b0e7a3c2d10"), "gear", null,
                true, 2.5, Instant.parse("2026-01-02T03:04:05Z"), List.of("a", "b"), SMALL,
                List.of(SMALL, new Flavor("m1.large", 4, Map.of())), ALL_FIELDS));
    }

    @Test
    void writesWhatPythonWritesIncludingNestedObjectsListsNoneAndChanges() {
        ObjectNode python = captured("full");
        ObjectNode java = objects.toPrimitive(objects.fromPrimitive(python, Widget.class));
        assertThat(changesSorted(java)).isEqualTo(changesSorted(python));
        assertThat(java.get("oslo4j_object.data").path("description").isNull()).as("nullable None is sent").isTrue();
    }

    @Test
    void unsetFieldsAreLeftOutAndOnlyTheKeptChangesAreSent() {
        ObjectNode python = captured("partial");
        Widget w = objects.fromPrimitive(python, Widget.class);
        assertThat(w.changes()).containsExactly("name");
        assertThat(w.enabled()).isNull();
        assertThat(objects.toPrimitive(w)).isEqualTo(python);
    }

    @Test
    void dateTimesAreWholeSecondsInUtcWithZ() {
        Widget w = new Widget(9, null, null, null, null, null, Instant.parse("2026-05-06T07:08:09.999Z"), null, null,
                null, null);
        // null changes: every field sent is reported changed, as for a Python object built with those fields;
        // description is nullable, so its null is sent as None (Python had left it unset)
        ObjectNode python = captured("naive_datetime");
        ((ObjectNode) python.get("oslo4j_object.data")).putNull("description");
        ((com.fasterxml.jackson.databind.node.ArrayNode) python.get("oslo4j_object.changes")).add("description");
        assertThat(changesSorted(objects.toPrimitive(w))).isEqualTo(changesSorted(python));
    }

    @Test
    void readsDateTimesWithOffsetsAndFractionsAsPythonDoes() {
        ObjectNode p = captured("offset_datetime_hydrated");
        assertThat(objects.fromPrimitive(p, Widget.class).createdAt()).isEqualTo(Instant.parse("2026-01-02T03:04:05Z"));
        ((ObjectNode) p.get("oslo4j_object.data")).put("created_at", "2026-01-02T04:04:05.5+01:00");
        assertThat(objects.fromPrimitive(p, Widget.class).createdAt())
                .isEqualTo(Instant.parse("2026-01-02T03:04:05.5Z"));
        ((ObjectNode) p.get("oslo4j_object.data")).put("created_at", "2026-01-02 03:04:05");
        assertThat(objects.fromPrimitive(p, Widget.class).createdAt()).isEqualTo(Instant.parse("2026-01-02T03:04:05Z"));
    }

    @Test
    void aNewerMinorVersionIsRefusedAsPythonRefusesIt() {
        ObjectNode p = captured("full").put("oslo4j_object.version", "1.3");
        IncompatibleObjectVersion e = catchThrowableOfType(() -> objects.fromPrimitive(p, Widget.class),
                IncompatibleObjectVersion.class);
        assertPythonError(e, captured("newer_minor_error"));
        assertThat(e).hasMessageContaining(Widget.class.getName());
        assertThat(e.objectName()).isEqualTo("Widget");
        assertThat(e.version()).isEqualTo("1.3");
        assertThat(e.supported()).isEqualTo("1.2");
    }

    @Test
    void olderMinorAndPatchVersionsAreAccepted() {
        assertThat(objects.fromPrimitive(captured("full").put("oslo4j_object.version", "1.0"), Widget.class).id())
                .isEqualTo(7);
        assertThat(objects.fromPrimitive(captured("full").put("oslo4j_object.version", "1.2.7"), Widget.class).id())
                .isEqualTo(7);
        assertThat(catchThrowableOfType(() -> objects.fromPrimitive(captured("full")
                .put("oslo4j_object.version", "2.0"), Widget.class), IncompatibleObjectVersion.class)).isNotNull();
    }

    @Test
    void anUnknownObjectNameIsRefusedAsPythonRefusesIt() {
        ObjectNode p = captured("full").put("oslo4j_object.name", "Gadget");
        UnsupportedObjectError e = catchThrowableOfType(() -> objects.fromPrimitive(p, Widget.class),
                UnsupportedObjectError.class);
        assertPythonError(e, captured("unknown_name_error"));
        assertThat(e).hasMessageContaining("registered: [oslo4j.Widget 1.2, oslo4j.Flavor 1.1]");
        UnsupportedObjectError ns = catchThrowableOfType(() -> objects.fromPrimitive(captured("full")
                .put("oslo4j_object.namespace", "nova"), Widget.class), UnsupportedObjectError.class);
        assertThat(ns.objectType()).isEqualTo("nova.Widget");
    }

    @Test
    void anObjectParameterGetsTheRegisteredTypeTheDataNamesButNeverAnyOther() {
        Object any = objects.deserializeEntity(null, captured("full"), Object.class);
        assertThat(any).isInstanceOf(Widget.class);
        JsonNode flavorAsWidget = captured("full").get("oslo4j_object.data").get("flavor");
        assertThat(catchThrowableOfType(() -> objects.fromPrimitive(flavorAsWidget, Widget.class),
                IllegalArgumentException.class)).hasMessageContaining("expected object");
    }

    private static void assertPythonError(VersionedObjectsException e, JsonNode python) {
        assertThat(e.failureModule()).isEqualTo("oslo_versionedobjects.exception");
        assertThat(e.failureClass()).isEqualTo(python.get("class").asText());
        assertThat(e).hasMessageStartingWith(python.get("message").asText());
        ObjectNode kwargs = python.get("kwargs").deepCopy();
        kwargs.remove("code");
        assertThat((JsonNode) Json.mapper().valueToTree(e.failureKwargs())).isEqualTo(kwargs);
    }
}
