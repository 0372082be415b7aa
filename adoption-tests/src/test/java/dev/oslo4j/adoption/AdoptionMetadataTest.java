package dev.oslo4j.adoption;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarFile;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a company needs before it may depend on the jars, checked on what {@code mvn install} put in the local
 * repository: licence and project metadata in the POMs, sources and javadoc jars, module names, the BOM.
 */
class AdoptionMetadataTest {

    @Test
    void everyLibraryArtifactIsPublishable() throws IOException {
        InstalledArtifacts.assertFreshlyInstalled();
        String v = ThrowawayProject.OSLO4J_VERSION;
        for (String module : InstalledArtifacts.LIBRARY_MODULES) {
            try (JarFile jar = new JarFile(InstalledArtifacts.installed(module, module + "-" + v + ".jar").toFile())) {
                assertThat(jar.getManifest().getMainAttributes().getValue("Automatic-Module-Name")).as(module)
                        .isEqualTo(moduleName(module));
            }
            try (ZipFile sources = new ZipFile(InstalledArtifacts.installed(module, module + "-" + v + "-sources.jar")
                    .toFile())) {
                assertThat(sources.stream().anyMatch(e -> e.getName().endsWith(".java"))).as(module + " sources").isTrue();
            }
            try (ZipFile javadoc = new ZipFile(InstalledArtifacts.installed(module, module + "-" + v + "-javadoc.jar")
                    .toFile())) {
                assertThat(javadoc.getEntry("index.html")).as(module + " javadoc").isNotNull();
            }
        }
    }

    @Test
    void bomListsEveryLibraryArtifactAndNothingElse() throws IOException {
        String bom = Files.readString(InstalledArtifacts.installed("oslo4j-bom",
                "oslo4j-bom-" + ThrowawayProject.OSLO4J_VERSION + ".pom")).replaceAll("(?s)<!--.*?-->", "");
        for (String module : InstalledArtifacts.LIBRARY_MODULES) {
            assertThat(bom).contains("<artifactId>" + module + "</artifactId>");
        }
        assertThat(bom).doesNotContain("<parent>").doesNotContain("junit-bom").doesNotContain("jackson")
                .doesNotContain("<artifactId>conformance-tests</artifactId>")
                .doesNotContain("<artifactId>adoption-tests</artifactId>")
                .contains("<version>" + ThrowawayProject.OSLO4J_VERSION + "</version>");
        assertPublishableMetadata(bom);
    }

    @Test
    void parentPomCarriesLicenceAndProjectMetadata() throws IOException {
        assertPublishableMetadata(Files.readString(ThrowawayProject.ROOT.resolve("pom.xml")));
        Path licence = ThrowawayProject.ROOT.resolve("LICENSE");
        assertThat(Files.readString(licence)).contains("Apache License").contains("Version 2.0, January 2004");
    }

    private static void assertPublishableMetadata(String pom) {
        assertThat(pom).contains("<licenses>").contains("<name>Apache-2.0</name>").contains("<scm")
                .contains("<developers>").contains("<url>").contains("<description>");
    }

    private static String moduleName(String module) {
        return switch (module) {
            case "messaging-core" -> "dev.oslo4j.messaging";
            case "embedded-broker" -> "dev.oslo4j.broker";
            case "junit-extension" -> "dev.oslo4j.junit";
            case "oslo4j-spring-boot-starter" -> "dev.oslo4j.spring.boot";
            default -> throw new IllegalArgumentException(module);
        };
    }
}
