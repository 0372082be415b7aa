package dev.oslo4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonInputTest {

    @Test
    void parsesAnObjectKeepingOrderAndNesting() {
        Map<String, Object> args = JsonInput.parseObject("{\"b\": 1, \"a\": [true, null, \"x\"], \"c\": {\"d\": 2.5}}",
                "ARGS_JSON");
        assertThat(args).containsExactly(Map.entry("b", 1), Map.entry("a", java.util.Arrays.asList(true, null, "x")),
                Map.entry("c", Map.of("d", 2.5)));
    }

    @Test
    void malformedJsonNamesTheArgumentAndColumn() {
        assertThatThrownBy(() -> JsonInput.parseObject("{\"a\": }", "ARGS_JSON"))
                .isInstanceOfSatisfying(CliFailure.class, f -> assertThat(f.exitCode()).isEqualTo(ExitCodes.USAGE))
                .hasMessageContaining("ARGS_JSON is not valid JSON")
                .hasMessageContaining("column");
    }

    @Test
    void nonObjectIsRefusedWhereKeywordArgumentsAreExpected() {
        assertThatThrownBy(() -> JsonInput.parseObject("[1, 2]", "--context"))
                .isInstanceOf(CliFailure.class)
                .hasMessageContaining("--context must be a JSON object")
                .hasMessageContaining("not an array");
    }

    @Test
    void trailingGarbageIsRefused() {
        assertThatThrownBy(() -> JsonInput.parseValue("{} {}", "PAYLOAD_JSON"))
                .isInstanceOf(CliFailure.class)
                .hasMessageContaining("PAYLOAD_JSON has extra text");
    }

    @Test
    void emptyTextIsRefused() {
        assertThatThrownBy(() -> JsonInput.parseValue("  ", "PAYLOAD_JSON"))
                .isInstanceOf(CliFailure.class)
                .hasMessageContaining("PAYLOAD_JSON is empty");
    }

    @Test
    void anyValueIsAPayload() {
        assertThat(JsonInput.parseValue("\"text\"", "PAYLOAD_JSON").asText()).isEqualTo("text");
        assertThat(JsonInput.parseValue("NaN", "PAYLOAD_JSON").isNumber()).isTrue();
    }

    @Test
    void outputIsLaidOutAsPythonJsonDumpsWithNonAsciiEscaped() {
        assertThat(JsonOutput.line(Map.of("result", List.of(1, "é"))))
                .isEqualTo("{\"result\": [1, \"\\u00e9\"]}"); // json.dumps: lower-case hex
    }
}
