package dev.oslo4j.conformance.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.oslo4j.messaging.wire.Json;

/**
 * Issue 7 §6: JSON from the bus can never name a Java class to instantiate, and nothing uses Java serialization.
 * Every {@link ObjectMapper} held in a static field of messaging-core has no default typing; and the main source
 * trees of the library modules contain no Java deserialization, no default typing and no class-name type ids.
 */
class NoGadgetDeserializationTest {

    /** The library's main source trees (the conformance suite itself is a test, not the library). */
    private static final List<String> MAIN_SOURCES = List.of("messaging-core/src/main/java",
            "embedded-broker/src/main/java", "junit-extension/src/main/java", "messaging-cli/src/main/java");

    private static final Pattern FORBIDDEN = Pattern.compile(String.join("|",
            "ObjectInputStream", "ObjectOutputStream", "\\breadObject\\s*\\(", "\\breadUnshared\\s*\\(",
            "enableDefaultTyping", "activateDefaultTyping", "setDefaultTyping", "JsonTypeInfo\\.Id\\.(MINIMAL_)?CLASS",
            "\\bId\\.(MINIMAL_)?CLASS\\b", "use\\s*=\\s*(JsonTypeInfo\\.)?Id\\.(MINIMAL_)?CLASS", "XMLDecoder"));

    @Test
    void everyStaticObjectMapperOfTheLibraryHasNoDefaultTyping() throws Exception {
        List<String> mappers = new ArrayList<>();
        Path location = Path.of(Json.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        // A reactor build (verify) hands over messaging-core as its jar, an IDE or `test` as a classes folder.
        try (FileSystem jar = Files.isDirectory(location) ? null : FileSystems.newFileSystem(location);
             Stream<Path> files = Files.walk(jar == null ? location : jar.getPath("/"))) {
            Path classes = jar == null ? location : jar.getPath("/");
            for (Path file : files.filter(f -> f.toString().endsWith(".class")
                    && !f.toString().contains("META-INF") && !f.getFileName().toString().equals("module-info.class")).toList()) {
                String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name, false, Json.class.getClassLoader());
                for (Field f : type.getDeclaredFields()) {
                    if (Modifier.isStatic(f.getModifiers()) && ObjectMapper.class.isAssignableFrom(f.getType())) {
                        f.setAccessible(true);
                        ObjectMapper mapper = (ObjectMapper) f.get(null);
                        mappers.add(name + "." + f.getName());
                        JavaType object = mapper.constructType(Object.class);
                        assertThat(mapper.getDeserializationConfig().getDefaultTyper(object))
                                .as("%s.%s deserialization default typing", name, f.getName()).isNull();
                        assertThat(mapper.getSerializationConfig().getDefaultTyper(object))
                                .as("%s.%s serialization default typing", name, f.getName()).isNull();
                    }
                }
            }
        }
        System.out.println("ObjectMappers inspected: " + mappers);
        assertThat(mappers).as("found the wire mapper at least").contains("dev.oslo4j.messaging.wire.Json.MAPPER");
    }

    @Test
    void noJavaSerializationOrDefaultTypingInTheLibrarySources() throws IOException, URISyntaxException {
        Path root = projectRoot();
        List<String> findings = new ArrayList<>();
        int scanned = 0;
        for (String tree : MAIN_SOURCES) {
            Path dir = root.resolve(tree);
            assertThat(dir).as("source tree").isDirectory();
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    scanned++;
                    List<String> lines = Files.readAllLines(file);
                    for (int i = 0; i < lines.size(); i++) {
                        if (FORBIDDEN.matcher(lines.get(i)).find()) {
                            findings.add(root.relativize(file) + ":" + (i + 1) + ": " + lines.get(i).trim());
                        }
                    }
                }
            }
        }
        System.out.printf("scanned %d main source files for Java serialization and default typing%n", scanned);
        assertThat(scanned).isPositive();
        assertThat(findings).as("Java serialization or polymorphic typing by class name").isEmpty();
    }

    /** The checkout this suite was built from; skipped when run from a jar without sources. */
    private static Path projectRoot() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve(MAIN_SOURCES.get(0)))) {
                return p;
            }
        }
        Assumptions.abort("the library's sources are not around " + Path.of("").toAbsolutePath());
        throw new IllegalStateException("unreachable");
    }
}
