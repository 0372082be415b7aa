package dev.oslo4j.adoption;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11's JUnit matrix: a user's service test (injection, a cast and its assertion, a notification assertion,
 * an RPC stub, configuration inherited by a nested class) built and run as its own Maven project under each JUnit
 * in {@code oslo4j.adoption.junit.versions}, that JUnit declared directly by the project. The project's test
 * asserts that the JUnit on its class path is exactly the one it declared: the user's JUnit wins.
 */
class JUnitMatrixTest {

    @BeforeAll
    static void jarsAreInstalled() throws IOException {
        InstalledArtifacts.assertFreshlyInstalled();
    }

    static Stream<String> junitVersions() {
        return ThrowawayProject.listProperty("oslo4j.adoption.junit.versions");
    }

    @ParameterizedTest(name = "JUnit {0}")
    @MethodSource("junitVersions")
    void sampleServiceTestPassesUnder(String junitVersion) throws Exception {
        ThrowawayProject project = ThrowawayProject.fromTemplate("sample-service", "sample-service-junit-" + junitVersion,
                Map.of("OSLO4J_VERSION", ThrowawayProject.OSLO4J_VERSION, "JUNIT_VERSION", junitVersion))
                .withDocumentedComputeApi();

        ThrowawayProject.Build build = project.mvn("test").assertSucceeded();

        assertThat(build.output())
                .contains("JUnit Jupiter API on the test class path: " + junitVersion)
                .contains("Tests run: 4, Failures: 0, Errors: 0, Skipped: 0");
        System.out.println("adoption: sample service test passed under JUnit " + junitVersion);
    }
}
