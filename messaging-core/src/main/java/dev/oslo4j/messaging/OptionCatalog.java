package dev.oslo4j.messaging;

import dev.oslo4j.messaging.driver.DriverFactory;
import dev.oslo4j.messaging.driver.OptionGroup;
import dev.oslo4j.messaging.driver.OptionSpec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every option oslo4j understands: the {@code [DEFAULT]} options the API owns (below, oslo 14.0.3's names,
 * defaults and bounds) and the options of every installed driver ({@link DriverFactory#options()}), each of
 * which owns and documents its own.
 */
final class OptionCatalog {

    private static final String DEFAULT = "DEFAULT";

    /** The options the API itself reads. */
    static final OptionGroup API = OptionGroup.of("messaging API", List.of(
            OptionSpec.string(DEFAULT, "control_exchange", "openstack", "exchange used when a Target has none"),
            OptionSpec.integer(DEFAULT, "rpc_response_timeout", 60, 0, null, "default call timeout in seconds"),
            OptionSpec.integer(DEFAULT, "executor_thread_pool_size", 64, 1, null,
                    "RPC server / listener worker threads"),
            OptionSpec.bool(DEFAULT, "rpc_ping_enabled", false,
                    "add the oslo_rpc_server_ping endpoint to RPC servers")),
            Map.of(), values -> { });

    private static volatile OptionCatalog instance;

    private final List<OptionGroup> groups;
    private final Map<String, OptionSpec> options;
    private final Map<String, String> aliases;

    private OptionCatalog(List<OptionGroup> groups) {
        this.groups = List.copyOf(groups);
        Map<String, OptionSpec> o = new LinkedHashMap<>();
        Map<String, String> a = new LinkedHashMap<>();
        for (OptionGroup g : groups) {
            for (OptionSpec spec : g.options().values()) {
                OptionSpec previous = o.putIfAbsent(spec.name(), spec);
                if (previous != null && !previous.equals(spec)) {
                    throw new InvalidConfiguration("option '" + spec.name() + "' is declared differently by "
                            + g.owner() + " and by another part of oslo4j");
                }
            }
            a.putAll(g.aliases());
        }
        this.options = Collections.unmodifiableMap(o);
        this.aliases = Collections.unmodifiableMap(a);
    }

    /** The API's options and those of every installed driver. */
    static OptionCatalog installed() {
        OptionCatalog c = instance;
        if (c == null) {
            List<OptionGroup> groups = new ArrayList<>();
            groups.add(API);
            Drivers.installed().factories().forEach(f -> groups.add(f.options()));
            c = new OptionCatalog(groups);
            instance = c;
        }
        return c;
    }

    Map<String, OptionSpec> all() {
        return options;
    }

    /** The option of that name (or alias); an unknown name fails with a "did you mean" suggestion. */
    OptionSpec lookup(String name, String where) {
        OptionSpec o = options.get(aliases.getOrDefault(name, name));
        if (o == null) {
            List<String> names = new ArrayList<>(options.keySet());
            names.addAll(aliases.keySet());
            String suggestion = OptionGroup.suggest(name, names);
            throw new InvalidConfiguration(where + " option '" + name + "' is unknown"
                    + (suggestion == null ? "" : "; did you mean '" + suggestion + "'?"));
        }
        return o;
    }

    /** Converts and checks a value as oslo.config would; errors name the option. */
    static Object convert(OptionSpec o, Object value, String where) {
        try {
            return o.convert(value, where);
        } catch (IllegalArgumentException e) {
            throw new InvalidConfiguration(e.getMessage());
        }
    }

    /** Checks each group's combination of values (e.g. options that cannot be combined). */
    void check(Map<String, Object> values) {
        groups.forEach(g -> g.check(values));
    }
}
