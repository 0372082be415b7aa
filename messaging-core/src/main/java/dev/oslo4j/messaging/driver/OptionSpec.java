package dev.oslo4j.messaging.driver;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One configuration option as oslo.config declares it: oslo name, group, type, default, bounds, choices.
 * Values are converted and checked as oslo.config does ({@link #convert}); errors name the option.
 *
 * @param group   the oslo.config group it belongs to ({@code DEFAULT}, {@code oslo_messaging_rabbit}, …)
 * @param min     inclusive lower bound of numbers, or null
 * @param max     inclusive upper bound of numbers, or null
 * @param choices allowed string values (empty = any)
 */
public record OptionSpec(String name, String group, Type type, Object defaultValue, Double min, Double max,
                         List<String> choices, String help) {

    /** oslo.config's option types that oslo4j uses. */
    public enum Type { STRING, INT, FLOAT, BOOL }

    public OptionSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(type, "type");
        choices = List.copyOf(choices);
    }

    public static OptionSpec string(String group, String name, String def, String help) {
        return new OptionSpec(name, group, Type.STRING, def, null, null, List.of(), help);
    }

    public static OptionSpec choice(String group, String name, String def, List<String> choices, String help) {
        return new OptionSpec(name, group, Type.STRING, def, null, null, choices, help);
    }

    public static OptionSpec bool(String group, String name, boolean def, String help) {
        return new OptionSpec(name, group, Type.BOOL, def, null, null, List.of(), help);
    }

    public static OptionSpec integer(String group, String name, int def, Integer min, Integer max, String help) {
        return new OptionSpec(name, group, Type.INT, def, min == null ? null : min.doubleValue(),
                max == null ? null : max.doubleValue(), List.of(), help);
    }

    public static OptionSpec number(String group, String name, double def, Double min, Double max, String help) {
        return new OptionSpec(name, group, Type.FLOAT, def, min, max, List.of(), help);
    }

    /**
     * Converts a value as oslo.config would (strings parsed by type, booleans from oslo's words) and checks
     * bounds and choices.
     *
     * @param where what the value came from, for the message (e.g. {@code transport URL})
     * @throws IllegalArgumentException naming the option, the expectation and the value
     */
    public Object convert(Object value, String where) {
        if (value == null) {
            return null;
        }
        Object v;
        try {
            v = switch (type) {
                case STRING -> value.toString();
                case BOOL -> value instanceof Boolean b ? b : parseBool(value.toString());
                case INT -> value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
                        ? Integer.valueOf(n.intValue()) : Integer.valueOf(value.toString().trim());
                case FLOAT -> value instanceof Number n ? Double.valueOf(n.doubleValue())
                        : Double.valueOf(value.toString().trim());
            };
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + " option '" + name + "' must be " + article() + ", got '"
                    + value + "'");
        }
        if (v instanceof Number n) {
            if (min != null && n.doubleValue() < min) {
                throw new IllegalArgumentException(where + " option '" + name + "' must be >= " + fmt(min)
                        + ", got " + value);
            }
            if (max != null && n.doubleValue() > max) {
                throw new IllegalArgumentException(where + " option '" + name + "' must be <= " + fmt(max)
                        + ", got " + value);
            }
        }
        if (!choices.isEmpty() && !choices.contains(v.toString())) {
            throw new IllegalArgumentException(where + " option '" + name + "' must be one of " + choices
                    + ", got '" + value + "'");
        }
        return v;
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    private String article() {
        return switch (type) {
            case STRING -> "a string";
            case INT -> "an integer";
            case FLOAT -> "a number";
            case BOOL -> "a boolean (true/false, yes/no, on/off, 1/0)";
        };
    }

    /** oslo.config's boolean words. */
    private static boolean parseBool(String s) {
        return switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "1", "t", "true", "on", "y", "yes" -> true;
            case "0", "f", "false", "off", "n", "no" -> false;
            default -> throw new IllegalArgumentException(s);
        };
    }
}
