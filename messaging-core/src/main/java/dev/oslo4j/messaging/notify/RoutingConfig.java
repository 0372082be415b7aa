package dev.oslo4j.messaging.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.oslo4j.messaging.InvalidConfiguration;
import dev.oslo4j.messaging.MissingDependency;
import dev.oslo4j.messaging.Priority;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * oslo's notification routing configuration ({@code [oslo_messaging_notifications] routing_config}), in YAML or
 * JSON (JSON is YAML):
 *
 * <pre>
 * group_1:
 *   messagingv2:
 *     accepted_events:
 *       - compute.instance.*
 *   log:
 *     accepted_priorities:
 *       - error
 *       - critical
 * group_2:
 *   messaging:
 *     accepted_events: [compute.instance.create.*]
 *     accepted_priorities: [info]
 * </pre>
 *
 * Semantics as oslo's routing driver: a notification goes to every driver of every group whose rules all
 * accept it; {@code accepted_events} accepts when any {@code fnmatch} pattern matches the event type,
 * {@code accepted_priorities} when any pattern (lower-cased) matches the lower-case priority; a driver without
 * rules accepts everything; each driver receives a notification at most once even when several groups accept it.
 * Unknown rule keys are ignored as in oslo (with a warning, since a typo there widens the rule).
 */
public final class RoutingConfig {

    private static final Logger LOG = LoggerFactory.getLogger(RoutingConfig.class);
    static final String JACKSON_YAML = "com.fasterxml.jackson.dataformat:jackson-dataformat-yaml";
    private static final String EVENTS = "accepted_events";
    private static final String PRIORITIES = "accepted_priorities";

    /** One driver's rules within a group; null lists mean "no such rule". */
    record Rule(String driver, List<FnMatch> events, List<FnMatch> priorities) {
        boolean accepts(String eventType, Priority priority) {
            return (events == null || events.stream().anyMatch(p -> p.matches(eventType)))
                    && (priorities == null || priorities.stream().anyMatch(p -> p.matches(priority.routingName())));
        }
    }

    private final String source;
    private final List<Rule> rules;

    private RoutingConfig(String source, List<Rule> rules) {
        this.source = source;
        this.rules = List.copyOf(rules);
    }

    /**
     * Reads a routing file.
     *
     * @throws InvalidConfiguration naming the file when it cannot be read or is not a valid routing config
     */
    public static RoutingConfig load(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new InvalidConfiguration("cannot read notification routing config " + file + ": " + e, e);
        }
        return parse(text, file.toString());
    }

    /**
     * Parses routing config text (YAML or JSON).
     *
     * @param source names the config in error messages (e.g. its file name)
     * @throws InvalidConfiguration naming the source and the offending group/driver/key
     */
    public static RoutingConfig parse(String text, String source) {
        MissingDependency.require("com.fasterxml.jackson.dataformat.yaml.YAMLFactory", JACKSON_YAML,
                "the notification routing driver (routing config " + source + ")");
        JsonNode root;
        try {
            root = Yaml.MAPPER.readTree(text);
        } catch (IOException e) {
            throw new InvalidConfiguration("notification routing config " + source + " is not valid YAML/JSON: "
                    + firstLine(e.getMessage()), e);
        }
        List<Rule> rules = new ArrayList<>();
        if (root == null || root.isNull() || root.isMissingNode()) {
            return new RoutingConfig(source, rules); // oslo: an empty file routes nothing
        }
        if (!root.isObject()) {
            throw invalid(source, "the top level must be a mapping of group names to drivers, not "
                    + root.getNodeType().name().toLowerCase());
        }
        for (Iterator<Map.Entry<String, JsonNode>> groups = root.fields(); groups.hasNext(); ) {
            Map.Entry<String, JsonNode> group = groups.next();
            JsonNode drivers = group.getValue();
            if (drivers == null || drivers.isNull()) {
                continue;
            }
            if (!drivers.isObject()) {
                throw invalid(source, "group '" + group.getKey() + "' must be a mapping of driver names to rules");
            }
            for (Iterator<Map.Entry<String, JsonNode>> ds = drivers.fields(); ds.hasNext(); ) {
                Map.Entry<String, JsonNode> d = ds.next();
                rules.add(rule(source, group.getKey(), d.getKey(), d.getValue()));
            }
        }
        return new RoutingConfig(source, rules);
    }

    private static Rule rule(String source, String group, String driver, JsonNode node) {
        String where = "group '" + group + "', driver '" + driver + "'";
        if (node == null || node.isNull()) {
            return new Rule(driver, null, null);
        }
        if (!node.isObject()) {
            throw invalid(source, where + ": rules must be a mapping with accepted_events / accepted_priorities");
        }
        List<FnMatch> events = null;
        List<FnMatch> priorities = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            switch (e.getKey()) {
                case EVENTS -> events = patterns(source, where, EVENTS, e.getValue(), false);
                case PRIORITIES -> priorities = patterns(source, where, PRIORITIES, e.getValue(), true);
                default -> LOG.warn("notification routing config {}: {}: unknown key '{}' ignored (expected {} or {})",
                        source, where, e.getKey(), EVENTS, PRIORITIES);
            }
        }
        return new Rule(driver, events, priorities);
    }

    private static List<FnMatch> patterns(String source, String where, String key, JsonNode value, boolean lower) {
        List<FnMatch> out = new ArrayList<>();
        if (value.isTextual()) {
            out.add(new FnMatch(lower ? value.textValue().toLowerCase() : value.textValue()));
            return out;
        }
        if (!value.isArray()) {
            throw invalid(source, where + ": " + key + " must be a list of patterns");
        }
        for (JsonNode p : value) {
            if (!p.isValueNode() || p.isNull()) {
                throw invalid(source, where + ": " + key + " entries must be strings, got " + p);
            }
            String text = p.asText();
            out.add(new FnMatch(lower ? text.toLowerCase() : text));
        }
        return out;
    }

    /** Every driver name the config mentions, in order of appearance. */
    public Set<String> driverNames() {
        Set<String> names = new LinkedHashSet<>();
        rules.forEach(r -> names.add(r.driver()));
        return Collections.unmodifiableSet(names);
    }

    /** The drivers a notification goes to (each once), in order of first appearance in the config. */
    public List<String> driversFor(String eventType, Priority priority) {
        Map<String, Boolean> accepted = new LinkedHashMap<>();
        for (Rule r : rules) {
            if (r.accepts(eventType, priority)) {
                accepted.put(r.driver(), Boolean.TRUE);
            }
        }
        return List.copyOf(accepted.keySet());
    }

    /** Where it was read from. */
    public String source() {
        return source;
    }

    @Override
    public String toString() {
        return "RoutingConfig(" + source + ", " + rules.size() + " rule(s))";
    }

    private static InvalidConfiguration invalid(String source, String why) {
        return new InvalidConfiguration("notification routing config " + source + ": " + why);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** Loaded only once the optional YAML module was found on the class path. */
    private static final class Yaml {
        static final ObjectMapper MAPPER = new ObjectMapper(new YAMLFactory());
    }
}
