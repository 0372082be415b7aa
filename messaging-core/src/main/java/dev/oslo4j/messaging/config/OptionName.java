package dev.oslo4j.messaging.config;

import java.util.List;
import java.util.Locale;

/**
 * Where an option lives: its group ({@code DEFAULT} or e.g. {@code oslo_messaging_rabbit}), its name, and the
 * deprecated (group, name) pairs oslo.config still reads it from, as its {@code deprecated_name},
 * {@code deprecated_group} and {@code deprecated_opts} declare them.
 */
public record OptionName(String group, String name, List<Alias> deprecated) {

    /** A deprecated spelling: {@code [group] name}. */
    public record Alias(String group, String name) {
    }

    public OptionName {
        deprecated = List.copyOf(deprecated);
    }

    public static OptionName of(String group, String name) {
        return new OptionName(group, name, List.of());
    }

    public OptionName withAlias(String aliasGroup, String aliasName) {
        List<Alias> all = new java.util.ArrayList<>(deprecated);
        all.add(new Alias(aliasGroup, aliasName));
        return new OptionName(group, name, all);
    }

    /** The environment variable oslo.config's environment source reads: {@code OS_<GROUP>__<OPTION>}. */
    public String environmentVariable() {
        return "OS_" + group.toUpperCase(Locale.ROOT) + "__" + name.toUpperCase(Locale.ROOT);
    }

    /** {@code [group] name}. */
    @Override
    public String toString() {
        return "[" + group + "] " + name;
    }
}
