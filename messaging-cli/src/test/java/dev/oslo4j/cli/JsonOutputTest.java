package dev.oslo4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

import dev.oslo4j.testsupport.Requirements;

/** The CLI's JSON lines are laid out exactly as Python's {@code json.dumps} (default arguments) writes them. */
class JsonOutputTest {

    @Test
    void numbersAsPythonWritesThem() {
        assertThat(JsonOutput.line(List.of(1e16, 1.5, -0.0, 0.0, 1.0, 1e-05, 0.0001, 123456789.0, 1.0E22, 2.5e-300)))
                .isEqualTo("[1e+16, 1.5, -0.0, 0.0, 1.0, 1e-05, 0.0001, 123456789.0, 1e+22, 2.5e-300]");
        assertThat(JsonOutput.line(List.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY)))
                .isEqualTo("[NaN, Infinity, -Infinity]");
        assertThat(JsonOutput.line(List.of(0.1f, 3, -7L, new BigInteger("123456789012345678901234567890"))))
                .isEqualTo("[0.1, 3, -7, 123456789012345678901234567890]");
    }

    @Test
    void stringsEscapedAsEnsureAsciiDoes() {
        assertThat(JsonOutput.line(Map.of("s", "caf\u00e9 \u2713 \uD834\uDD1E \u007f \"q\" \\ \n\t\u0001")))
                .isEqualTo("{\"s\": \"caf\\u00e9 \\u2713 \\ud834\\udd1e \\u007f \\\"q\\\" \\\\ \\n\\t\\u0001\"}");
    }

    @Test
    void separatorsAndNestingAsJsonDumps() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("result", Map.of("a", List.of()));
        doc.put("empty", Map.of());
        doc.put("none", null);
        doc.put("flags", List.of(true, false));
        assertThat(JsonOutput.line(doc))
                .isEqualTo("{\"result\": {\"a\": []}, \"empty\": {}, \"none\": null, \"flags\": [true, false]}");
    }

    /** Python re-dumping what it parsed from our line gives our line back, byte for byte. */
    @Test
    void pythonRoundTripIsTheIdentity() throws Exception {
        if (!Files.isExecutable(Requirements.python())) {
            Requirements.requirePython(); // skips (or fails in CI) with the reason
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("floats", Arrays.asList(1e16, 1.5, -0.0, 1e-7, 0.1 + 0.2, 1e300 * 10, Double.NaN, 5e-324));
        doc.put("text", "\u00e9\u00e8 \u65e5\u672c \uD83D\uDE00 \u007f");
        doc.put("ints", List.of(0, -1, Long.MAX_VALUE));
        doc.put("nested", new ArrayList<>(List.of(Map.of("k", List.of(Map.of())))));
        String line = JsonOutput.line(doc);

        Process python = new ProcessBuilder(Requirements.python().toString(), "-c",
                "import json,sys; print(json.dumps(json.loads(sys.stdin.read())))").start();
        python.getOutputStream().write(line.getBytes(StandardCharsets.US_ASCII));
        python.getOutputStream().close();
        String redumped = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(python.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(redumped).isEqualTo(line);
    }
}
