package dev.oslo4j.messaging.config;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The configuration files of one process, in oslo.config's order, plus the environment. Files are read in the
 * order given ({@code --config-file}, repeatable), then each {@code --config-dir}'s {@code *.conf} files sorted by
 * name; for a single-valued option the last file that sets it wins (within a file, its last assignment), while a
 * multi-valued option accumulates every value of every file in order. An {@code OS_<GROUP>__<OPTION>}
 * environment variable beats every file, as oslo.config consults the environment before the files. A missing
 * file, a missing or unreadable directory or a file breaking the INI rules fails, naming it.
 */
public final class ConfigLayers {

    /**
     * A raw value, where it was found ({@code source}: a file or {@code environment variable OS_…}) and under which
     * spelling.
     */
    public record Found(String value, String source, OptionName.Alias foundAs, boolean fromEnvironment) {

        /** {@code /etc/nova/nova.conf [DEFAULT] transport_url}, or {@code environment variable OS_DEFAULT__TRANSPORT_URL}. */
        public String location() {
            return fromEnvironment ? source : source + " " + section() + " " + foundAs.name();
        }

        /** {@code /etc/nova/nova.conf [DEFAULT]}, or the environment variable. */
        public String where() {
            return fromEnvironment ? source : source + " " + section();
        }

        private String section() {
            return "[" + foundAs.group() + "]";
        }
    }

    private final List<IniFile> files;
    private final Map<String, String> environment;

    private ConfigLayers(List<IniFile> files, Map<String, String> environment) {
        this.files = List.copyOf(files);
        this.environment = Map.copyOf(environment);
    }

    /** Reads the files, then the directories' {@code *.conf} files; {@code environment} is usually {@code System.getenv()}. */
    public static ConfigLayers read(List<Path> configFiles, List<Path> configDirs, Map<String, String> environment) {
        List<IniFile> parsed = new ArrayList<>();
        for (Path file : configFiles) {
            if (Files.isDirectory(file)) {
                throw new ConfigFileException("config file " + file + " is a directory; use --config-dir for"
                        + " directories");
            }
            parsed.add(IniFile.read(file));
        }
        for (Path dir : configDirs) {
            for (Path file : confFiles(dir)) {
                parsed.add(IniFile.read(file));
            }
        }
        return new ConfigLayers(parsed, environment);
    }

    /** Layers made of already parsed files (tests). */
    public static ConfigLayers of(List<IniFile> files, Map<String, String> environment) {
        return new ConfigLayers(files, environment);
    }

    /** {@code dir/*.conf} (not hidden, not directories) sorted by path, as oslo.config's {@code sorted(glob(...))}. */
    static List<Path> confFiles(Path dir) {
        if (!Files.exists(dir)) {
            throw new ConfigFileException("config directory " + dir + " does not exist");
        }
        if (!Files.isDirectory(dir)) {
            throw new ConfigFileException("config directory " + dir + " is not a directory");
        }
        List<Path> found = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, "*.conf")) {
            for (Path p : entries) {
                if (!p.getFileName().toString().startsWith(".") && !Files.isDirectory(p)) {
                    found.add(p);
                }
            }
        } catch (IOException e) {
            throw new ConfigFileException("config directory " + dir + " cannot be read: " + e, e);
        }
        found.sort(Comparator.comparing(Path::toString));
        return found;
    }

    /** The files read, in order. */
    public List<Path> paths() {
        return files.stream().map(IniFile::path).toList();
    }

    public List<IniFile> files() {
        return files;
    }

    /** The effective value of a single-valued option: environment, else the last file setting it. */
    public Optional<Found> single(OptionName option) {
        String env = environment.get(option.environmentVariable());
        if (env != null) {
            return Optional.of(fromEnvironment(option, env));
        }
        List<OptionName.Alias> names = names(option);
        for (int i = files.size() - 1; i >= 0; i--) {
            IniFile file = files.get(i);
            for (OptionName.Alias n : names) {
                List<IniFile.Assignment> values = file.get(IniFile.normalizeSection(n.group()), n.name());
                if (!values.isEmpty()) {
                    return Optional.of(new Found(values.get(values.size() - 1).value(), file.path().toString(), n,
                            false));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Every value of a multi-valued option: the environment variable as one value, else every assignment of
     * every file in order (oslo.config 9.0 would split an environment value into characters; one value is what
     * is meant).
     */
    public List<Found> multi(OptionName option) {
        String env = environment.get(option.environmentVariable());
        if (env != null) {
            return List.of(fromEnvironment(option, env));
        }
        List<Found> all = new ArrayList<>();
        List<OptionName.Alias> names = names(option);
        java.util.Collections.reverse(names); // oslo.config lists a file's deprecated spellings' values first
        for (IniFile file : files) {
            for (OptionName.Alias n : names) {
                for (IniFile.Assignment a : file.get(IniFile.normalizeSection(n.group()), n.name())) {
                    all.add(new Found(a.value(), file.path().toString(), n, false));
                }
            }
        }
        return all;
    }

    private static Found fromEnvironment(OptionName option, String value) {
        return new Found(value, "environment variable " + option.environmentVariable(),
                new OptionName.Alias(option.group(), option.name()), true);
    }

    /** The environment variables whose names start with {@code prefix}. */
    public List<String> environmentVariables(String prefix) {
        return environment.keySet().stream().filter(k -> k.startsWith(prefix)).sorted().toList();
    }

    private static List<OptionName.Alias> names(OptionName option) {
        List<OptionName.Alias> names = new ArrayList<>();
        names.add(new OptionName.Alias(option.group(), option.name()));
        names.addAll(option.deprecated());
        return names;
    }
}
