package dev.oslo4j.messaging.optional;

import org.junit.jupiter.api.Test;

import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * messaging-core's optional dependencies, as a user without them has it: messaging-core and its required
 * dependencies loaded by a class loader that lacks commons-compress and the Jackson YAML module. Asking for the
 * features that need them fails with {@code MissingDependency} naming groupId:artifactId; the rest works.
 */
class OptionalDependenciesTest {

    @Test
    void bz2WithoutCommonsCompressNamesTheArtifact() throws Exception {
        try (URLClassLoader user = classPathWithout("commons-compress")) {
            // Configuring bz2 fails when the transport is opened, before any connection is tried.
            Class<?> transport = Class.forName("dev.oslo4j.messaging.Transport", true, user);
            Throwable configured = failure(user, () -> transport.getMethod("open", String.class)
                    .invoke(null, "rabbit://guest:guest@127.0.0.1:1/?kombu_compression=bz2"));
            assertThat(configured.getClass().getName()).isEqualTo("dev.oslo4j.messaging.MissingDependency");
            assertThat(configured).hasMessageContaining("kombu_compression=bz2")
                    .hasMessageContaining("org.apache.commons:commons-compress");

            // A bz2 body from a peer that compresses is reported as undecodable, naming the artifact.
            Class<?> compression = Class.forName("dev.oslo4j.messaging.wire.Compression", true, user);
            Throwable received = failure(user, () -> compression.getMethod("decompress", String.class, byte[].class)
                    .invoke(null, "application/x-bz2", "BZh9".getBytes(StandardCharsets.US_ASCII)));
            assertThat(received.getClass().getName()).isEqualTo("dev.oslo4j.messaging.wire.MalformedMessage");
            assertThat(received).hasMessageContaining("org.apache.commons:commons-compress");

            // gzip needs nothing optional
            assertThat(compression.getMethod("headerFor", String.class).invoke(null, "gzip"))
                    .isEqualTo("application/x-gzip");
        }
    }

    @Test
    void routingDriverWithoutTheYamlModuleNamesTheArtifact() throws Exception {
        try (URLClassLoader user = classPathWithout("jackson-dataformat-yaml")) {
            Class<?> routing = Class.forName("dev.oslo4j.messaging.notify.RoutingConfig", true, user);

            Throwable failure = failure(user, () -> routing.getMethod("parse", String.class, String.class)
                    .invoke(null, "group_1:\n  messaging: {}\n", "routing.yaml"));
            assertThat(failure.getClass().getName()).isEqualTo("dev.oslo4j.messaging.MissingDependency");
            assertThat(failure).hasMessageContaining("routing config routing.yaml")
                    .hasMessageContaining("com.fasterxml.jackson.dataformat:jackson-dataformat-yaml");
        }
    }

    @Test
    void withTheDependenciesTheFeaturesWork() {
        assertThat(dev.oslo4j.messaging.wire.Compression.bzip2Available()).isTrue();
        assertThat(dev.oslo4j.messaging.notify.RoutingConfig.parse("group_1:\n  messaging: {}\n", "routing.yaml"))
                .isNotNull();
    }

    interface Call {
        Object run() throws Exception;
    }

    /** What {@code call} throws, run with {@code loader} as the context class loader (drivers are found there). */
    private static Throwable failure(ClassLoader loader, Call call) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            call.run();
        } catch (InvocationTargetException e) {
            return e.getCause();
        } finally {
            thread.setContextClassLoader(previous);
        }
        throw new AssertionError("expected a failure");
    }

    /** This test's class path minus every jar whose name starts with {@code artifactId}. */
    private static URLClassLoader classPathWithout(String artifactId) throws MalformedURLException {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> entries = Arrays.asList(classPath.split(File.pathSeparator));
        assertThat(entries).as("the test class path has " + artifactId)
                .anyMatch(e -> new File(e).getName().startsWith(artifactId));
        URL[] urls = entries.stream().filter(e -> !new File(e).getName().startsWith(artifactId))
                .map(e -> {
                    try {
                        return new File(e).toURI().toURL();
                    } catch (MalformedURLException ex) {
                        throw new IllegalStateException(ex);
                    }
                }).toArray(URL[]::new);
        return new URLClassLoader(urls, ClassLoader.getPlatformClassLoader());
    }
}
