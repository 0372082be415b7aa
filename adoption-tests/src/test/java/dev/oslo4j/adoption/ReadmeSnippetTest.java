package dev.oslo4j.adoption;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * README's "Adding oslo4j to a build" Maven snippet, pasted as written into an empty project with the documented
 * JUnit example (docs/junit.md's {@code ComputeApi} and its test), builds and passes against the installed jars.
 * docs/junit.md shows the same snippets.
 */
class ReadmeSnippetTest {
    private static final String SECTION = "## Adding oslo4j to a build";

    @BeforeAll
    static void jarsAreInstalled() throws IOException {
        InstalledArtifacts.assertFreshlyInstalled();
    }

    @Test
    void mavenSnippetBuildsAProjectWhoseTestsPass() throws Exception {
        String snippet = block(readme(), "xml");
        assertThat(snippet).as("README's snippet names this build's version")
                .contains("<version>" + ThrowawayProject.OSLO4J_VERSION + "</version>")
                .contains("<artifactId>oslo4j-bom</artifactId>");

        ThrowawayProject project = ThrowawayProject.empty("readme-snippet")
                .write("pom.xml", pom(snippet))
                .withDocumentedComputeApi()
                .write("src/test/java/dev/oslo4j/junit/example/ComputeApiTest.java",
                        Files.readString(ThrowawayProject.EXAMPLE.resolve("ComputeApiTest.java")));

        ThrowawayProject.Build build = project.mvn("test").assertSucceeded();

        assertThat(build.output()).containsPattern("Tests run: [1-9]\\d*, Failures: 0, Errors: 0, Skipped: 0");
    }

    @Test
    void junitGuideShowsTheSameSnippets() throws IOException {
        String guide = Files.readString(ThrowawayProject.ROOT.resolve("docs/junit.md"));
        assertThat(block(guide, "xml")).isEqualTo(block(readme(), "xml"));
        assertThat(block(guide, "kotlin")).isEqualTo(block(readme(), "kotlin"))
                .contains("testImplementation(platform(\"dev.oslo4j:oslo4j-bom:" + ThrowawayProject.OSLO4J_VERSION
                        + "\"))");
    }

    private static String readme() throws IOException {
        String readme = Files.readString(ThrowawayProject.ROOT.resolve("README.md"));
        int at = readme.indexOf(SECTION);
        assertThat(at).as("README has a section '" + SECTION + "'").isNotNegative();
        return readme.substring(at);
    }

    /** The first fenced block of {@code language} in {@code text}. */
    private static String block(String text, String language) {
        Matcher m = Pattern.compile("```" + language + "\n(.*?)```", Pattern.DOTALL).matcher(text);
        assertThat(m.find()).as("a ```" + language + " block").isTrue();
        return m.group(1);
    }

    /** What every Maven project has around the snippet: coordinates, Java 17, a Surefire that runs JUnit 5/6. */
    private static String pom(String snippet) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>example</groupId>
                  <artifactId>readme-snippet</artifactId>
                  <version>1.0</version>
                  <properties>
                    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
                    <maven.compiler.release>17</maven.compiler.release>
                  </properties>
                %s
                  <build>
                    <plugins>
                      <plugin>
                        <groupId>org.apache.maven.plugins</groupId>
                        <artifactId>maven-compiler-plugin</artifactId>
                        <version>3.14.0</version>
                      </plugin>
                      <plugin>
                        <groupId>org.apache.maven.plugins</groupId>
                        <artifactId>maven-surefire-plugin</artifactId>
                        <version>3.5.4</version>
                        <configuration>
                          <environmentVariables>
                            <OSLO4J_TEST_TRANSPORT_URL>embedded</OSLO4J_TEST_TRANSPORT_URL>
                          </environmentVariables>
                        </configuration>
                      </plugin>
                    </plugins>
                  </build>
                </project>
                """.formatted(snippet);
    }
}
