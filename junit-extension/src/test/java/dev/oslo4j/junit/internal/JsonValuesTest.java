package dev.oslo4j.junit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.oslo4j.messaging.wire.Json;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonValuesTest {

    private static JsonNode json(String text) throws Exception {
        return Json.parse(text);
    }

    @Test
    void numbersCompareByValueAsInPython() throws Exception {
        assertThat(JsonValues.equal(json("1"), json("1.0"))).isTrue();
        assertThat(JsonValues.equal(json("{\"a\": [1, 2.50]}"), JsonValues.toNode(Map.of("a", List.of(1L, 2.5))))).isTrue();
        assertThat(JsonValues.equal(json("1"), json("\"1\""))).isFalse();
        assertThat(JsonValues.equal(json("{\"a\": 1}"), json("{\"a\": 1, \"b\": 2}"))).isFalse();
        assertThat(JsonValues.equal(json("[1, 2]"), json("[2, 1]"))).isFalse();
        assertThat(JsonValues.equal(json("null"), JsonValues.toNode(null))).isTrue();
    }

    @Test
    void pathsAreDottedWithIndexesOrJsonPointers() throws Exception {
        JsonNode root = json("{\"a\": {\"b\": [{\"c\": 7}]}, \"x.y\": 1}");
        assertThat(JsonValues.at(root, "a.b[0].c").asInt()).isEqualTo(7);
        assertThat(JsonValues.at(root, "a.b.0.c").asInt()).isEqualTo(7);
        assertThat(JsonValues.at(root, "/a/b/0/c").asInt()).isEqualTo(7);
        assertThat(JsonValues.at(root, "/x.y").asInt()).as("pointers reach keys with dots").isEqualTo(1);
        assertThat(JsonValues.at(root, "a.missing.deeper").isMissingNode()).isTrue();
        assertThat(JsonValues.at(root, "a.b[3]").isMissingNode()).isTrue();
        assertThat(JsonValues.at(root, "")).isSameAs(root);
    }

    @Test
    void renderingIsReadableAndBounded() throws Exception {
        assertThat(JsonValues.render(json("{\"name\": \"Zoë\", \"n\": [1, 2.5, null, true]}")))
                .isEqualTo("{\"name\": \"Zoë\", \"n\": [1, 2.5, null, true]}");
        assertThat(JsonValues.render(JsonValues.at(json("{}"), "a"))).isEqualTo("(absent)");
        String big = JsonValues.render(JsonValues.toNode(Map.of("s", "x".repeat(5000))));
        assertThat(big).hasSizeLessThan(JsonValues.MAX_RENDERED + 40).endsWith("… (5009 chars)");
    }

    @Test
    void valuesThatAreNotJsonAreRefusedNamingThem() {
        assertThatThrownBy(() -> JsonValues.toNode(new Object() {
            public Object getSelf() {
                return this;
            }
        })).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot be turned into JSON");
    }
}
