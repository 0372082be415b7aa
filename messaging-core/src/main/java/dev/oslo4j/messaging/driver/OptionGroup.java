package dev.oslo4j.messaging.driver;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The options one part of oslo4j owns (the {@code [DEFAULT]} options of the API, or one driver's options), with
 * alternative spellings and a check of the combination. {@code MessagingOptions} merges the groups of the API and
 * of every installed driver, so that any option can be set by its oslo name and a misspelt one gets a "did you
 * mean" suggestion.
 */
public final class OptionGroup {

    private final String owner;
    private final Map<String, OptionSpec> options;
    private final Map<String, String> aliases;
    private final Consumer<Map<String, Object>> check;

    private OptionGroup(String owner, List<OptionSpec> options, Map<String, String> aliases,
                        Consumer<Map<String, Object>> check) {
        this.owner = Objects.requireNonNull(owner, "owner");
        Map<String, OptionSpec> byName = new LinkedHashMap<>();
        options.forEach(o -> byName.put(o.name(), o));
        this.options = Collections.unmodifiableMap(byName);
        this.aliases = Map.copyOf(aliases);
        this.check = Objects.requireNonNull(check, "check");
    }

    /**
     * @param owner   who owns these options, for messages (e.g. {@code rabbit driver})
     * @param aliases alternative input spellings → option name
     * @param check   validates a complete set of values (every option by name) as a whole; throws
     *                {@link RuntimeException}s naming the options at fault
     */
    public static OptionGroup of(String owner, List<OptionSpec> options, Map<String, String> aliases,
                                 Consumer<Map<String, Object>> check) {
        return new OptionGroup(owner, options, aliases, check);
    }

    /** A group without options (a driver that is configured by its URL only). */
    public static OptionGroup empty(String owner) {
        return new OptionGroup(owner, List.of(), Map.of(), values -> { });
    }

    public String owner() {
        return owner;
    }

    /** The options by oslo name, in declaration order. */
    public Map<String, OptionSpec> options() {
        return options;
    }

    /** Alternative spellings accepted as input → the option's name. */
    public Map<String, String> aliases() {
        return aliases;
    }

    /** Checks a complete set of values as a whole (e.g. options that cannot be combined). */
    public void check(Map<String, Object> values) {
        check.accept(values);
    }

    /**
     * The closest of {@code candidates} to a misspelt {@code name}: a small edit distance, or a truncated or
     * extended name; null when nothing is close.
     */
    public static String suggest(String name, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        String lower = name.toLowerCase(Locale.ROOT);
        for (String candidate : new ArrayList<>(candidates)) {
            int d = distance(lower, candidate);
            if (lower.length() >= 4 && (candidate.contains(lower) || lower.contains(candidate))) {
                d = Math.min(d, 2);
            }
            if (d < bestDistance) {
                bestDistance = d;
                best = candidate;
            }
        }
        return bestDistance <= Math.max(2, name.length() / 3) ? best : null;
    }

    /** Levenshtein distance between two names. */
    public static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
