package dev.oslo4j.conformance.python;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PeerScriptsTest {

    @Test
    void fromTheBuildDirectoryTheScriptsAreUsedInPlace() {
        Path directory = PeerScripts.directory();
        assertThat(directory.resolve(PeerScripts.ENTRY_POINT)).isRegularFile();
        assertThat(directory.resolve("oslo4j_peer_exceptions.py")).isRegularFile();
    }

    @Test
    void fromAJarTheScriptsAreExtractedWithTheirSubdirectories(@TempDir Path temp) throws IOException {
        Path jar = temp.resolve("suite.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            write(out, "python/", null);
            write(out, "python/oslo_peer.py", "print('peer')\n");
            write(out, "python/pkg/", null);
            write(out, "python/pkg/mod.py", "X = 1\n");
            write(out, "other/ignored.py", "ignored\n");
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[]{jar.toUri().toURL()}, null)) {
            Path extracted = PeerScripts.locate(loader);
            assertThat(extracted).isNotEqualTo(temp);
            assertThat(extracted.resolve("oslo_peer.py")).hasContent("print('peer')");
            assertThat(extracted.resolve("pkg/mod.py")).hasContent("X = 1");
            assertThat(extracted.resolve("ignored.py")).doesNotExist();
        }
    }

    @Test
    void withoutTheScriptsTheErrorSaysWhatIsMissing() throws IOException {
        try (URLClassLoader empty = new URLClassLoader(new URL[0], null)) {
            assertThatThrownBy(() -> PeerScripts.locate(empty))
                    .hasMessage("the Python peer scripts (python/oslo_peer.py) are not on the classpath");
        }
    }

    private static void write(JarOutputStream out, String name, String content) throws IOException {
        out.putNextEntry(new JarEntry(name));
        if (content != null) {
            out.write(content.getBytes(StandardCharsets.UTF_8));
        }
        out.closeEntry();
    }
}
