package dev.oslo4j.messaging.wire;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.JsonGeneratorDelegate;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Writes every double and float as Python's {@code repr(float)} does — {@code 2.5}, {@code 1.0}, {@code 1e-05},
 * {@code 1e+16}, {@code NaN}, {@code Infinity} — whichever serializer (boxed, array, tree node) produced it.
 */
final class PythonFloats extends JsonGeneratorDelegate {

    PythonFloats(JsonGenerator delegate) {
        super(delegate, false);
    }

    @Override
    public void writeNumber(double v) throws IOException {
        delegate.writeNumber(format(v));
    }

    @Override
    public void writeNumber(float v) throws IOException {
        delegate.writeNumber(format(Double.parseDouble(Float.toString(v))));
    }

    @Override
    public void writeArray(double[] array, int offset, int length) throws IOException {
        writeStartArray(array, length);
        for (int i = offset; i < offset + length; i++) {
            writeNumber(array[i]);
        }
        writeEndArray();
    }

    static String format(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Infinity" : "-Infinity";
        }
        if (d == 0) {
            return (1 / d < 0) ? "-0.0" : "0.0";
        }
        BigDecimal b = shortest(d);
        String digits = b.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - b.scale(); // decimal exponent of the first digit
        String sign = d < 0 ? "-" : "";
        if (exponent < -4 || exponent >= 16) {
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            String exp = String.format("%02d", Math.abs(exponent));
            return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + exp;
        }
        if (exponent < 0) {
            return sign + "0." + "0".repeat(-exponent - 1) + digits;
        }
        if (digits.length() <= exponent + 1) {
            return sign + digits + "0".repeat(exponent + 1 - digits.length()) + ".0";
        }
        return sign + digits.substring(0, exponent + 1) + "." + digits.substring(exponent + 1);
    }

    /**
     * Python's {@code repr} digits: the fewest significant digits that read back as {@code d}, the closest to
     * {@code d} among those. JDK 17's {@code Double.toString} round-trips but is not always shortest
     * ({@code 4.9E-324} where Python writes {@code 5e-324}; JDK-4511638), so its digit count is only the start:
     * fewer digits are tried while they still round-trip (if p digits can, p + 1 can too).
     */
    private static BigDecimal shortest(double d) {
        BigDecimal best = new BigDecimal(Double.toString(d)).stripTrailingZeros();
        BigDecimal exact = null;
        for (int p = best.precision() - 1; p >= 1; p--) {
            if (exact == null) {
                exact = new BigDecimal(d);
            }
            BigDecimal candidate = roundTripping(exact, p, d);
            if (candidate == null) {
                break;
            }
            best = candidate.stripTrailingZeros();
        }
        return best;
    }

    /** The p-digit decimal nearest {@code exact} that reads back as {@code d}, or null (where d's neighbours
     * are unevenly spaced, at powers of two, the nearest may miss while the one on the other side does not). */
    private static BigDecimal roundTripping(BigDecimal exact, int p, double d) {
        BigDecimal nearest = exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
        if (nearest.doubleValue() == d) {
            return nearest;
        }
        BigDecimal down = exact.round(new MathContext(p, RoundingMode.DOWN));
        BigDecimal other = nearest.compareTo(down) == 0 ? exact.round(new MathContext(p, RoundingMode.UP)) : down;
        return other.doubleValue() == d ? other : null;
    }
}
