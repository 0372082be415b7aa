package dev.oslo4j.messaging.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One parsed configuration file, as oslo.config's {@code iniparser} reads it: {@code [section]} lines;
 * {@code key = value} or {@code key: value} (whichever separator comes first); one pair of matching quotes around
 * a value removed; lines starting with {@code #} or {@code ;} are comments (there are no inline comments: the
 * rest of a line is the value); an indented line continues the previous value (joined with a newline) until a
 * blank line; a key repeated in a section keeps every value in order. Section names are matched as oslo.config
 * normalizes them: lower-cased, except {@code DEFAULT}. Keys are case-sensitive.
 */
public final class IniFile {

    /** One {@code key = value} of the file. */
    public record Assignment(String value, int line) {
    }

    private final Path path;
    private final Map<String, Map<String, List<Assignment>>> sections;

    private IniFile(Path path, Map<String, Map<String, List<Assignment>>> sections) {
        this.path = path;
        this.sections = sections;
    }

    public Path path() {
        return path;
    }

    /** Section name (normalized) → key → every assignment in file order. */
    public Map<String, Map<String, List<Assignment>>> sections() {
        return Collections.unmodifiableMap(sections);
    }

    /** The assignments of {@code key} in {@code section} (normalized), in file order; empty when absent. */
    public List<Assignment> get(String section, String key) {
        Map<String, List<Assignment>> s = sections.get(section);
        List<Assignment> values = s == null ? null : s.get(key);
        return values == null ? List.of() : values;
    }

    /** oslo.config's group-name normalization: lower case, except {@code DEFAULT}. */
    public static String normalizeSection(String name) {
        return name.equals("DEFAULT") ? name : name.toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * Reads and parses {@code path} (UTF-8).
     *
     * @throws ConfigFileException when it cannot be read or breaks the INI rules (naming file and line)
     */
    public static IniFile read(Path path) {
        List<String> lines;
        try {
            lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new ConfigFileException("config file " + path + " does not exist", e);
        } catch (java.nio.file.AccessDeniedException e) {
            throw new ConfigFileException("config file " + path + " cannot be read: permission denied", e);
        } catch (IOException e) {
            throw new ConfigFileException("config file " + path + " cannot be read: " + e, e);
        }
        return parse(path, lines);
    }

    /** Parses lines as the contents of {@code path} (which is only used in messages). */
    public static IniFile parse(Path path, List<String> lines) {
        return new Parser(path).run(lines);
    }

    private static final class Parser {
        private final Path path;
        private final Map<String, Map<String, List<Assignment>>> sections = new LinkedHashMap<>();
        private String section;
        private String key;
        private int keyLine;
        private final List<String> value = new ArrayList<>();
        private int lineNo;

        Parser(Path path) {
            this.path = path;
        }

        IniFile run(List<String> lines) {
            for (String raw : lines) {
                lineNo++;
                String line = stripTrailing(lineNo == 1 && raw.startsWith("\uFEFF") ? raw.substring(1) : raw);
                if (line.isEmpty()) {
                    flush(); // a blank line ends a multi-line value
                    continue;
                }
                if (line.charAt(0) == ' ' || line.charAt(0) == '\t') {
                    if (key == null) {
                        throw error("unexpected continuation line", line);
                    }
                    value.add(line.strip());
                    continue;
                }
                flush();
                if (line.charAt(0) == '[') {
                    if (!line.endsWith("]")) {
                        throw error("invalid section (must end with ])", line);
                    }
                    if (line.length() <= 2) {
                        throw error("empty section name", line);
                    }
                    section = normalizeSection(line.substring(1, line.length() - 1));
                    sections.computeIfAbsent(section, s -> new LinkedHashMap<>());
                } else if (line.charAt(0) != '#' && line.charAt(0) != ';') {
                    assignment(line);
                }
            }
            flush();
            return new IniFile(path, sections);
        }

        private void assignment(String line) {
            int colon = line.indexOf(':');
            int equal = line.indexOf('=');
            if (colon < 0 && equal < 0) {
                throw error("no ':' or '=' found in assignment", line);
            }
            int at = colon < 0 || (equal >= 0 && equal < colon) ? equal : colon;
            String k = line.substring(0, at).strip();
            String v = line.substring(at + 1).strip();
            if (!v.isEmpty() && v.charAt(0) == v.charAt(v.length() - 1) && (v.charAt(0) == '"' || v.charAt(0) == '\'')) {
                v = v.length() == 1 ? "" : v.substring(1, v.length() - 1);
            }
            if (k.isEmpty()) {
                throw error("key cannot be empty", line);
            }
            if (section == null) {
                throw error("section must be started before assignment", line);
            }
            key = k;
            keyLine = lineNo;
            value.add(v);
        }

        private void flush() {
            if (key != null) {
                sections.get(section).computeIfAbsent(key, k -> new ArrayList<>())
                        .add(new Assignment(String.join("\n", value), keyLine));
                key = null;
                value.clear();
            }
        }

        private ConfigFileException error(String message, String line) {
            return new ConfigFileException("config file " + path + " line " + lineNo + ": " + message + ": '"
                    + ConfigFileException.maskPasswords(line) + "'");
        }

        /** Python's {@code str.rstrip()}: trailing whitespace only. */
        private static String stripTrailing(String s) {
            return s.stripTrailing();
        }
    }
}
