package dev.oslo4j.adoption;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12's Spring Boot sample ({@code samples/spring-boot-sample}) built and tested as a user's project under each
 * Spring Boot in {@code oslo4j.adoption.spring-boot.versions} (3.5 and 4.0): its tests serve a Python oslo.messaging
 * client's call, receive a Python notification, emit one to a Python listener, and check health and {@code oslo.*}
 * metrics. Also checks that the installed starter jar carries the IDE configuration metadata.
 */
class SpringBootSampleTest {

    @BeforeAll
    static void jarsAreInstalled() throws IOException {
        InstalledArtifacts.assertFreshlyInstalled();
    }

    static Stream<String> springBootVersions() {
        return ThrowawayProject.listProperty("oslo4j.adoption.spring-boot.versions");
    }

    @ParameterizedTest(name = "Spring Boot {0}")
    @MethodSource("springBootVersions")
    void sampleApplicationPassesItsTestsUnder(String bootVersion) throws Exception {
        ThrowawayProject project = ThrowawayProject.fromRepository("samples/spring-boot-sample",
                "spring-boot-sample-" + bootVersion);

        ThrowawayProject.Build build = project.mvn("test", "-Dspring-boot.version=" + bootVersion,
                "-Doslo4j.version=" + ThrowawayProject.OSLO4J_VERSION).assertSucceeded();

        assertThat(build.output())
                .contains(":: Spring Boot ::").contains("(v" + bootVersion + ")")
                .contains("in example.inventory.InventoryPythonPeersTest")
                .contains("in example.inventory.InventoryApplicationTest")
                .contains("Tests run: 3, Failures: 0, Errors: 0, Skipped: 0");
        System.out.println("adoption: Spring Boot sample passed under Spring Boot " + bootVersion);
    }

    @Test
    void starterJarCarriesConfigurationMetadata() throws IOException {
        String jar = "oslo4j-spring-boot-starter-" + ThrowawayProject.OSLO4J_VERSION + ".jar";
        try (ZipFile zip = new ZipFile(InstalledArtifacts.installed("oslo4j-spring-boot-starter", jar).toFile())) {
            ZipEntry entry = zip.getEntry("META-INF/spring-configuration-metadata.json");
            assertThat(entry).as("META-INF/spring-configuration-metadata.json in " + jar).isNotNull();
            String json = new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
            assertThat(json).contains("\"name\": \"oslo4j.transport-url\"", "\"name\": \"oslo4j.config-files\"",
                    "\"name\": \"oslo4j.options\"", "\"name\": \"oslo4j.rpc-server.topic\"",
                    "\"name\": \"oslo4j.rpc-server.server\"", "\"name\": \"oslo4j.notifier.publisher-id\"",
                    "\"name\": \"oslo4j.notifier.driver\"", "\"name\": \"oslo4j.notifier.topics\"",
                    "\"name\": \"oslo4j.listener.topics\"", "\"name\": \"oslo4j.listener.pool\"");
        }
    }
}
