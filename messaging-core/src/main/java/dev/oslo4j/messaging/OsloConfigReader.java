package dev.oslo4j.messaging;

import dev.oslo4j.messaging.OsloConfigSchema.Kind;
import dev.oslo4j.messaging.OsloConfigSchema.Spec;
import dev.oslo4j.messaging.config.ConfigFileException;
import dev.oslo4j.messaging.config.ConfigLayers;
import dev.oslo4j.messaging.config.ConfigLayers.Found;
import dev.oslo4j.messaging.config.IniFile;
import dev.oslo4j.messaging.config.Interpolation;
import dev.oslo4j.messaging.config.OptionName;
import dev.oslo4j.messaging.driver.OptionGroup;
import dev.oslo4j.messaging.driver.OptionSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns configuration layers into typed oslo.messaging settings: looks each option up (environment, files,
 * deprecated spellings — warning once about those), substitutes {@code $var} references, converts and checks
 * values with errors naming file, section, option and value (URLs masked), and warns once per load about keys it
 * does not know in the groups it owns.
 */
final class OsloConfigReader {

    private static final Logger LOG = LoggerFactory.getLogger(OsloConfig.class);

    private final ConfigLayers layers;
    private final Deque<String> resolving = new ArrayDeque<>();
    private final Set<String> warned = new LinkedHashSet<>();

    OsloConfigReader(ConfigLayers layers) {
        this.layers = layers;
    }

    /** The value of a single-valued option after substitution, with where it came from. */
    Optional<Found> value(Spec spec) {
        Optional<Found> found = layers.single(spec.name());
        found.ifPresent(f -> noteSpelling(spec, f));
        return found.map(f -> new Found(substitute(f, spec), f.source(), f.foundAs(), f.fromEnvironment()));
    }

    /** Every value of a multi-valued option after substitution. */
    List<String> values(Spec spec) {
        List<String> out = new ArrayList<>();
        for (Found f : layers.multi(spec.name())) {
            noteSpelling(spec, f);
            out.add(substitute(f, spec));
        }
        return out;
    }

    /** A list option's items (oslo.config's ListOpt: comma-separated, items stripped, a trailing comma ignored). */
    Optional<List<String>> list(Spec spec) {
        return value(spec).map(f -> splitList(f.value()));
    }

    static List<String> splitList(String value) {
        String s = value.strip();
        while (s.endsWith(",")) {
            s = s.substring(0, s.length() - 1);
        }
        if (s.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(s.split(",", -1)).map(String::strip).toList();
    }

    /** A transport URL option, checked; an empty value counts as unset. */
    Optional<String> transportUrl(Spec spec) {
        Optional<Found> found = value(spec).filter(f -> !f.value().isBlank());
        found.ifPresent(f -> {
            try {
                TransportURL.parse(f.value().strip());
            } catch (InvalidConfiguration e) {
                throw new InvalidConfiguration(f.location() + " = '" + ConfigFileException.maskPasswords(f.value())
                        + "' is not a valid transport URL: " + e.getMessage(), e);
            }
        });
        return found.map(f -> f.value().strip());
    }

    /** An integer option of this reader's own (not in the catalog), with a lower bound. */
    Optional<Integer> integer(Spec spec, int min) {
        return value(spec).filter(f -> !f.value().isBlank()).map(f -> {
            int v;
            try {
                v = Integer.parseInt(f.value().strip());
            } catch (NumberFormatException e) {
                throw new InvalidConfiguration(f.location() + " must be an integer, got '" + f.value() + "'");
            }
            if (v < min) {
                throw new InvalidConfiguration(f.location() + " must be >= " + min + ", got " + v);
            }
            return v;
        });
    }

    /** {@code [DEFAULT]} and {@code [oslo_messaging_rabbit]} as {@link MessagingOptions}. */
    MessagingOptions messagingOptions() {
        MessagingOptions.Builder b = MessagingOptions.builder();
        for (Spec spec : OsloConfigSchema.all()) {
            if (!spec.catalog()) {
                continue;
            }
            String name = spec.name().name();
            Object def = catalogSpec(spec).defaultValue();
            value(spec).ifPresent(f -> {
                // oslo.config reads an empty number as None; a string option without default as unset
                boolean unset = f.value().isBlank() && (def == null || def instanceof Number);
                if (!unset) {
                    b.set(name, f.value(), f.where());
                }
            });
        }
        try {
            return b.build();
        } catch (InvalidConfiguration e) {
            throw new InvalidConfiguration("options read from " + describeSources() + ": " + e.getMessage(), e);
        }
    }

    String describeSources() {
        List<String> files = layers.paths().stream().map(Object::toString).toList();
        return files.isEmpty() ? "the environment" : String.join(", ", files);
    }

    // ---- substitution

    private String substitute(Found f, Spec spec) {
        try {
            return Interpolation.substitute(f.value(), spec.name().group(), this::reference, f.location());
        } catch (ConfigFileException e) {
            throw new InvalidConfiguration(e.getMessage(), e);
        }
    }

    /** The text a {@code $group.name} reference stands for, or null when nothing knows that option. */
    private String reference(String group, String name) {
        String key = "[" + group + "] " + name;
        if (resolving.contains(key)) {
            throw new InvalidConfiguration("option " + key + " refers to itself through $-substitution: "
                    + String.join(" -> ", resolving) + " -> " + key);
        }
        resolving.push(key);
        try {
            Spec spec = OsloConfigSchema.find(group, name);
            if (spec != null) {
                return spec.kind() == Kind.MULTI ? pythonList(values(spec)) : text(spec);
            }
            // An option the service itself registers (e.g. nova's my_ip): its value as the files set it.
            return layers.single(OptionName.of(group, name))
                    .map(f -> Interpolation.substitute(f.value(), group, this::reference, f.location()))
                    .orElse(null);
        } finally {
            resolving.pop();
        }
    }

    /** An option's value as oslo.config's str() of the converted value shows it (defaults included). */
    private String text(Spec spec) {
        Optional<Found> found = value(spec);
        if (spec.kind() == Kind.LIST) {
            return pythonList(found.map(f -> splitList(f.value())).orElse(List.of("notifications")));
        }
        if (found.isEmpty()) {
            if (!spec.catalog()) {
                return spec == OsloConfigSchema.NOTIFICATION_RETRY ? "-1" : "";
            }
            Object def = catalogSpec(spec).defaultValue();
            return def == null ? "" : def instanceof Boolean bool ? (bool ? "True" : "False") : def.toString();
        }
        String v = found.get().value();
        if (spec.catalog() && catalogSpec(spec).type() == OptionSpec.Type.BOOL) {
            String lower = v.toLowerCase(Locale.ROOT);
            return Set.of("1", "t", "true", "on", "y", "yes").contains(lower) ? "True"
                    : Set.of("0", "f", "false", "off", "n", "no").contains(lower) ? "False" : v;
        }
        return v;
    }

    private static OptionSpec catalogSpec(Spec spec) {
        return OptionCatalog.installed().all().get(spec.name().name());
    }

    private static String pythonList(List<String> items) {
        return items.stream().map(i -> "'" + i + "'").collect(Collectors.joining(", ", "[", "]"));
    }

    // ---- warnings

    private void noteSpelling(Spec spec, Found f) {
        OptionName n = spec.name();
        if (!f.foundAs().group().equals(n.group()) || !f.foundAs().name().equals(n.name())) {
            warnOnce("deprecated " + f.foundAs(), "Option \"" + f.foundAs().name() + "\" from group \"" + f.foundAs().group() + "\" is deprecated."
                    + " Use option \"" + n.name() + "\" from group \"" + n.group() + "\" (" + f.location() + ").");
        }
        if (spec.deprecatedForRemoval()) {
            warnOnce("removal " + n, "Option \"" + n.name() + "\" from group \"" + n.group() + "\" is deprecated for removal;"
                    + " its value may be silently ignored in the future (" + f.location() + ").");
        }
    }

    /**
     * Keys oslo4j does not know: every unknown key of the groups it owns (and their {@code OS_…} variables), and
     * in the shared {@code [DEFAULT]} only near-misses of its own options (the service's own options live there).
     */
    void warnAboutUnknownOptions() {
        for (IniFile file : layers.files()) {
            file.sections().forEach((section, keys) -> {
                boolean owned = OsloConfigSchema.OWNED_GROUPS.contains(section);
                if (!owned && !section.equals(OsloConfigSchema.DEFAULT)) {
                    return; // another service's group, e.g. [database]
                }
                Set<String> known = OsloConfigSchema.spellingsIn(section);
                for (String key : keys.keySet()) {
                    if (known.contains(key)) {
                        continue;
                    }
                    String suggestion = OptionGroup.suggest(key, known);
                    // in the shared [DEFAULT], only near-misses of a messaging option (within two edits)
                    if (owned || (suggestion != null && OptionGroup.distance(key, suggestion) <= 2)) {
                        warnUnknown(section, key, file.path() + " [" + section + "]", suggestion);
                    }
                }
            });
        }
        for (String group : OsloConfigSchema.OWNED_GROUPS) {
            String prefix = "OS_" + group.toUpperCase(Locale.ROOT) + "__";
            Set<String> known = OsloConfigSchema.spellingsIn(group);
            for (String variable : layers.environmentVariables(prefix)) {
                String key = variable.substring(prefix.length()).toLowerCase(Locale.ROOT);
                if (!known.contains(key)) {
                    warnUnknown(group, key, "environment variable " + variable + " [" + group + "]",
                            OptionGroup.suggest(key, known));
                }
            }
        }
    }

    private void warnUnknown(String group, String key, String where, String suggestion) {
        warnOnce("unknown " + group + " " + key, "unknown option '" + key + "' in " + where + " is ignored"
                + (suggestion == null ? "" : "; did you mean '" + suggestion + "'?"));
    }

    /** Logs {@code message} unless something with the same {@code key} was logged by this load. */
    private void warnOnce(String key, String message) {
        if (warned.add(key)) {
            LOG.warn(message);
        }
    }
}
