package dev.oslo4j.cli.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A {@code --sweep}: one load parameter run at several values, everything else as given. Written
 * {@code payload-bytes[=B1,B2,…]} (default 100, 10240, 1048576) or {@code threads[=K1,K2,…]} (default 1, 8, 32,
 * 128).
 */
public record Sweep(Parameter parameter, List<Long> values) {

    /** What a sweep varies. */
    public enum Parameter {
        PAYLOAD_BYTES("payload-bytes", "payload bytes", List.of(100L, 10_240L, 1_048_576L)),
        THREADS("threads", "client threads", List.of(1L, 8L, 32L, 128L));

        private final String flag;
        private final String label;
        private final List<Long> defaults;

        Parameter(String flag, String label, List<Long> defaults) {
            this.flag = flag;
            this.label = label;
            this.defaults = defaults;
        }

        public String flag() {
            return flag;
        }

        /** For axes and tables. */
        public String label() {
            return label;
        }
    }

    public Sweep {
        values = List.copyOf(values);
        if (values.isEmpty()) {
            throw new IllegalArgumentException("--sweep " + parameter.flag + " needs at least one value");
        }
    }

    /** Parses {@code payload-bytes=100,10240} or {@code threads}; anything else is an IllegalArgumentException. */
    public static Sweep parse(String text) {
        String[] parts = text.split("=", 2);
        Parameter p = null;
        for (Parameter candidate : Parameter.values()) {
            if (candidate.flag.equals(parts[0].trim().toLowerCase(Locale.ROOT))) {
                p = candidate;
            }
        }
        if (p == null) {
            throw new IllegalArgumentException("--sweep: unknown parameter '" + parts[0]
                    + "'; use payload-bytes[=B1,B2,...] or threads[=K1,K2,...]");
        }
        if (parts.length == 1) {
            return new Sweep(p, p.defaults);
        }
        List<Long> values = new ArrayList<>();
        for (String v : parts[1].split(",")) {
            try {
                values.add(Long.parseLong(v.trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--sweep " + p.flag + ": '" + v.trim() + "' is not a whole number");
            }
        }
        return new Sweep(p, values);
    }

    /** {@code base} with the swept parameter at {@code value} (LoadSpec validates it). */
    public LoadSpec at(LoadSpec base, long value) {
        if (value > Integer.MAX_VALUE || value < Integer.MIN_VALUE) {
            throw new IllegalArgumentException("--sweep " + parameter.flag + ": " + value + " is too large");
        }
        int v = (int) value;
        return switch (parameter) {
            case PAYLOAD_BYTES -> new LoadSpec(base.messages(), base.threads(), v, base.warmup(), base.drainTimeout(),
                    base.maxErrors(), base.inFlight(), base.warmupUntilJitSettles());
            case THREADS -> new LoadSpec(base.messages(), v, base.payloadBytes(), base.warmup(), base.drainTimeout(),
                    base.maxErrors(), base.inFlight(), base.warmupUntilJitSettles());
        };
    }

    /** Every point's load, checked up front so that a bad value fails before anything runs. */
    public List<LoadSpec> loads(LoadSpec base) {
        List<LoadSpec> loads = new ArrayList<>();
        for (long v : values) {
            loads.add(at(base, v));
        }
        return loads;
    }
}
