package dev.oslo4j.adoption;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The throwaway projects resolve oslo4j from the local repository, so these tests only mean something when that
 * repository holds the jars this build just made: {@code mvn install} (README's test command) guarantees it,
 * {@code mvn verify} does not. This check says so instead of testing stale or missing jars.
 */
final class InstalledArtifacts {

    static final List<String> LIBRARY_MODULES = List.of("messaging-core", "embedded-broker", "junit-extension",
            "oslo4j-spring-boot-starter");

    private InstalledArtifacts() {
    }

    static void assertFreshlyInstalled() throws IOException {
        String v = ThrowawayProject.OSLO4J_VERSION;
        for (String module : LIBRARY_MODULES) {
            Path installed = installed(module, module + "-" + v + ".jar");
            Path built = ThrowawayProject.ROOT.resolve(module).resolve("target").resolve(module + "-" + v + ".jar");
            if (!Files.isRegularFile(installed)) {
                throw new AssertionError(installed + " is missing: the adoption tests build projects against the"
                        + " installed jars; run `mvn -B -ntp install` (README's test command), not `verify`");
            }
            if (Files.isRegularFile(built) && Files.mismatch(built, installed) != -1) {
                throw new AssertionError(installed + " is not the jar this build made (" + built + "): run"
                        + " `mvn -B -ntp install` so that the adoption tests see the current code");
            }
        }
        Path bom = installed("oslo4j-bom", "oslo4j-bom-" + v + ".pom");
        if (!Files.isRegularFile(bom)) {
            throw new AssertionError(bom + " is missing: run `mvn -B -ntp install`");
        }
    }

    static Path installed(String artifactId, String file) {
        return ThrowawayProject.localRepository().resolve("dev/oslo4j").resolve(artifactId)
                .resolve(ThrowawayProject.OSLO4J_VERSION).resolve(file);
    }
}
