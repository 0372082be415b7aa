package dev.oslo4j.messaging.config;

import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * oslo.config's value substitution ({@code string.Template.safe_substitute} with its own identifier pattern):
 * {@code $name} and {@code ${name}} are replaced by the value of option {@code name} of the same group (else of
 * {@code [DEFAULT]}), {@code ${group.name}} by that group's option; {@code $$} and {@code \$} stand for a literal
 * {@code $}; a {@code $} not followed by a name is kept. The resolver returns null for a name nobody knows.
 */
public final class Interpolation {

    /** Python's Template pattern with oslo.config's {@code idpattern = [_a-z][\._a-z0-9]*} (case-insensitive). */
    private static final Pattern TEMPLATE = Pattern.compile(
            "\\$(?:(\\$)|([_a-z][._a-z0-9]*)|\\{([_a-z][._a-z0-9]*)}|())", Pattern.CASE_INSENSITIVE);

    private Interpolation() {
    }

    /**
     * @param value    the raw value
     * @param group    the group of the option whose value it is
     * @param resolver (group, name) → the referenced option's value, or null when unknown
     * @param where    for messages: the value's location
     * @throws ConfigFileException when a plain {@code $name} names nothing known
     */
    public static String substitute(String value, String group, BiFunction<String, String, String> resolver,
                                    String where) {
        String v = value.replace("\\$", "$$");
        if (v.indexOf('$') < 0) {
            return v;
        }
        Matcher m = TEMPLATE.matcher(v);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement;
            if (m.group(1) != null) {
                replacement = "$";
            } else if (m.group(4) != null) {
                replacement = m.group(); // a lone '$': kept, as safe_substitute does
            } else {
                String name = m.group(2) != null ? m.group(2) : m.group(3);
                replacement = lookup(name, group, resolver, where, m.group());
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String lookup(String name, String group, BiFunction<String, String, String> resolver,
                                 String where, String written) {
        int dot = name.indexOf('.');
        if (dot > 0) {
            String found = resolver.apply(name.substring(0, dot), name.substring(dot + 1));
            if (found != null) {
                return found;
            }
        }
        String found = resolver.apply(group, name);
        if (found == null && !group.equals("DEFAULT")) {
            found = resolver.apply("DEFAULT", name);
        }
        if (found != null) {
            return found;
        }
        if (dot > 0) {
            return written; // an unknown group: oslo.config leaves the reference as written
        }
        throw new ConfigFileException(where + ": '" + written + "' refers to option '" + name
                + "', which is set nowhere (neither in the config files, nor the environment, nor known to oslo4j)");
    }
}
