package dev.oslo4j.junit;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/junit.md shows the example service and its test exactly as the build compiles and runs them. */
class DocsExampleTest {

    private static final Path EXAMPLES = Path.of("src/test/java/dev/oslo4j/junit/example");

    @Test
    void theDocumentedExampleIsTheCompiledOne() throws IOException {
        String doc = Files.readString(Path.of("../docs/junit.md"));
        for (String file : new String[] {"ComputeApi.java", "ComputeApiTest.java"}) {
            String source = Files.readString(EXAMPLES.resolve(file));
            assertThat(doc).as("docs/junit.md shows %s verbatim", file).contains("```java\n" + source + "```\n");
        }
    }

    @Test
    void theReadmeShowsTheCompiledExampleTest() throws IOException {
        String readme = Files.readString(Path.of("../README.md"));
        String source = Files.readString(EXAMPLES.resolve("ComputeApiTest.java"));
        assertThat(readme).as("README.md shows ComputeApiTest.java verbatim").contains("```java\n" + source + "```\n");
    }
}
