package dev.oslo4j.adoption;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A user's project in a scratch directory, built by a nested {@code mvn} against the jars this reactor installed
 * (the outer build's local repository and offline setting are inherited).
 */
final class ThrowawayProject {

    static final String OSLO4J_VERSION = required("oslo4j.version");
    static final Path ROOT = Paths.get(required("oslo4j.root")).toAbsolutePath().normalize();
    private static final Path SCRATCH = ROOT.resolve("adoption-tests/target/projects");
    private static final Path TEMPLATES = ROOT.resolve("adoption-tests/src/test/resources/projects");
    static final Path EXAMPLE = ROOT.resolve("junit-extension/src/test/java/dev/oslo4j/junit/example");

    private final Path dir;

    private ThrowawayProject(Path dir) {
        this.dir = dir;
    }

    /** A fresh copy of {@code src/test/resources/projects/<template>} with {@code @NAME@} tokens replaced. */
    static ThrowawayProject fromTemplate(String template, String name, Map<String, String> tokens) {
        return copyOf(TEMPLATES.resolve(template), name, tokens);
    }

    /** A fresh copy of a project of the repository ({@code samples/…}, relative to the root), without its build output. */
    static ThrowawayProject fromRepository(String relative, String name) {
        return copyOf(ROOT.resolve(relative), name, Map.of());
    }

    private static ThrowawayProject copyOf(Path from, String name, Map<String, String> tokens) {
        ThrowawayProject project = empty(name);
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)
                    .filter(f -> !from.relativize(f).startsWith("target"))::iterator) {
                String text = Files.readString(f, StandardCharsets.UTF_8);
                for (Map.Entry<String, String> t : tokens.entrySet()) {
                    text = text.replace("@" + t.getKey() + "@", t.getValue());
                }
                project.write(from.relativize(f).toString(), text);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return project;
    }

    static ThrowawayProject empty(String name) {
        Path dir = SCRATCH.resolve(name);
        try {
            if (Files.exists(dir)) {
                try (Stream<Path> old = Files.walk(dir)) {
                    for (Path p : (Iterable<Path>) old.sorted((a, b) -> b.compareTo(a))::iterator) {
                        Files.delete(p);
                    }
                }
            }
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ThrowawayProject(dir);
    }

    /** Copies {@code docs/junit.md}'s compiled example service ({@code ComputeApi}) into the project's main sources. */
    ThrowawayProject withDocumentedComputeApi() throws IOException {
        return write("src/main/java/dev/oslo4j/junit/example/ComputeApi.java",
                Files.readString(EXAMPLE.resolve("ComputeApi.java")));
    }

    ThrowawayProject write(String relative, String text) {
        try {
            Path p = dir.resolve(relative);
            Files.createDirectories(p.getParent());
            Files.writeString(p, text, StandardCharsets.UTF_8);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs {@code mvn -B -ntp <goals>} in the project, bounded by {@code oslo4j.adoption.build.timeout}. */
    Build mvn(String... goals) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(mavenExecutable(), "-B", "-ntp",
                "-Dmaven.repo.local=" + localRepository()));
        if (offline()) {
            command.add("-o");
        }
        command.addAll(List.of(goals));
        Path log = dir.resolve("build.log");
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        long timeout = Long.getLong("oslo4j.adoption.build.timeout", 600);
        try {
            if (!process.waitFor(timeout, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor();
                throw new AssertionError("the build of " + dir + " did not finish within " + timeout + " s; log: "
                        + log);
            }
        } finally {
            if (process.isAlive()) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        }
        return new Build(String.join(" ", command), process.exitValue(), Files.readString(log), log);
    }

    record Build(String command, int exitCode, String output, Path log) {
        Build assertSucceeded() {
            if (exitCode != 0) {
                String[] lines = output.split("\n");
                String tail = String.join("\n", List.of(lines).subList(Math.max(0, lines.length - 60), lines.length));
                throw new AssertionError("`" + command + "` exited " + exitCode + " (full log: " + log + "):\n" + tail);
            }
            return this;
        }
    }

    /**
     * Whether the outer build runs offline: {@code -o}/{@code --offline} on its command line (the {@code mvn} script
     * exports it as MAVEN_CMD_LINE_ARGS), or {@code -Doslo4j.adoption.offline=true}.
     */
    private static boolean offline() {
        String args = " " + System.getenv().getOrDefault("MAVEN_CMD_LINE_ARGS", "") + " ";
        return Boolean.getBoolean("oslo4j.adoption.offline") || args.contains(" -o ") || args.contains(" --offline ");
    }

    /** The comma-separated values of a system property (the version matrices in adoption-tests/pom.xml). */
    static Stream<String> listProperty(String property) {
        return Arrays.stream(System.getProperty(property, "").split(",")).map(String::trim).filter(v -> !v.isEmpty());
    }

    static Path localRepository() {
        return Paths.get(required("oslo4j.localRepository"));
    }

    private static String mavenExecutable() {
        String home = System.getProperty("oslo4j.mavenHome", "");
        Path mvn = Paths.get(home, "bin", "mvn");
        return !home.isEmpty() && Files.isExecutable(mvn) ? mvn.toString() : "mvn";
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isEmpty()) {
            throw new IllegalStateException("system property " + property + " is not set: run these tests through"
                    + " Maven (adoption-tests/pom.xml sets it)");
        }
        return value;
    }
}
