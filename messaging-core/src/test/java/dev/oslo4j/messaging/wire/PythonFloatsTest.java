package dev.oslo4j.messaging.wire;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import dev.oslo4j.testsupport.Requirements;

import static org.assertj.core.api.Assertions.assertThat;

/** Floats are written as Python's {@code repr(float)}: checked against the real interpreter, edge cases included. */
class PythonFloatsTest {
    private static final Path PYTHON = Requirements.python();

    @Test
    void knownCases() {
        assertThat(PythonFloats.format(Double.MIN_VALUE)).isEqualTo("5e-324"); // JDK 17 says 4.9E-324
        assertThat(PythonFloats.format(1e23)).isEqualTo("1e+23");
        assertThat(PythonFloats.format(2e-3)).isEqualTo("0.002");
        assertThat(PythonFloats.format(Double.MAX_VALUE)).isEqualTo("1.7976931348623157e+308");
        assertThat(PythonFloats.format(-0.0)).isEqualTo("-0.0");
    }

    @Test
    void matchesPythonReprOnEdgeAndRandomDoubles() throws Exception {
        if (!Files.isExecutable(PYTHON)) {
            Requirements.skipOrFail(Requirements.REQUIRE_PYTHON_ENV, PYTHON + " is missing: float layout not compared");
        }
        List<Double> values = new ArrayList<>(List.of(Double.MIN_VALUE, Double.MIN_NORMAL, Double.MAX_VALUE, 1e23,
                9007199254740993.0, 0.1 + 0.2, 1e16, 1e-5, 123456789012345680.0, 5e-324 * 3, 1.0 / 3));
        for (int k = -1074; k <= 1023; k += 7) {
            values.add(Math.scalb(1.0, k)); // powers of two: unevenly spaced neighbours
        }
        SplittableRandom random = new SplittableRandom(11);
        while (values.size() < 3000) {
            double d = Double.longBitsToDouble(random.nextLong());
            if (Double.isFinite(d)) {
                values.add(d);
            }
            values.add(random.nextDouble() * Math.pow(10, random.nextInt(-8, 20)));
        }
        StringBuilder input = new StringBuilder();
        for (double d : values) {
            input.append(Long.toHexString(Double.doubleToRawLongBits(d))).append('\n');
        }
        Process python = new ProcessBuilder(PYTHON.toString(), "-c", "import struct,sys\n"
                + "for line in sys.stdin.read().split():\n"
                + "    print(repr(struct.unpack('>d', bytes.fromhex(line.rjust(16, '0')))[0]))\n").start();
        python.getOutputStream().write(input.toString().getBytes(StandardCharsets.US_ASCII));
        python.getOutputStream().close();
        List<String> expected = new String(python.getInputStream().readAllBytes(), StandardCharsets.US_ASCII)
                .lines().toList();
        assertThat(python.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(expected).hasSize(values.size());
        for (int i = 0; i < values.size(); i++) {
            assertThat(PythonFloats.format(values.get(i))).as("repr of %s", values.get(i)).isEqualTo(expected.get(i));
        }
    }
}
