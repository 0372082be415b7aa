package dev.oslo4j.conformance.python;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Locates the Python peer scripts ({@code python/} on the classpath). From a build directory they
 * are used in place; from a jar (the CLI's {@code oslo4j conformance}) they are copied once per
 * JVM to a temporary directory that is deleted when the JVM exits.
 */
final class PeerScripts {
    static final String RESOURCE_DIR = "python";
    static final String ENTRY_POINT = "oslo_peer.py";

    private static Path directory;

    private PeerScripts() {
    }

    /** The directory holding {@value #ENTRY_POINT} and its modules. */
    static synchronized Path directory() {
        if (directory == null) {
            directory = locate();
        }
        return directory;
    }

    private static Path locate() {
        URL url = PeerScripts.class.getClassLoader().getResource(RESOURCE_DIR + "/" + ENTRY_POINT);
        if (url == null) {
            throw new IllegalStateException("the Python peer scripts (" + RESOURCE_DIR + "/" + ENTRY_POINT
                    + ") are not on the classpath");
        }
        try {
            if ("file".equals(url.getProtocol())) {
                return Path.of(url.toURI()).getParent();
            }
            if ("jar".equals(url.getProtocol())) {
                return extract((JarURLConnection) url.openConnection());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the Python peer scripts from " + url, e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("bad peer script location " + url, e);
        }
        throw new IllegalStateException("cannot run Python peer scripts from " + url);
    }

    private static Path extract(JarURLConnection connection) throws IOException {
        Path target = Files.createTempDirectory("oslo4j-python-peers");
        List<Path> created = new ArrayList<>(List.of(target));
        connection.setUseCaches(false);
        try (JarFile jar = connection.getJarFile()) {
            for (JarEntry entry : Collections.list(jar.entries())) {
                String name = entry.getName();
                if (name.startsWith(RESOURCE_DIR + "/") && name.endsWith(".py")) {
                    Path file = target.resolve(name.substring(RESOURCE_DIR.length() + 1));
                    try (InputStream in = jar.getInputStream(entry)) {
                        Files.copy(in, file);
                    }
                    created.add(file);
                }
            }
        }
        // deleteOnExit runs in reverse registration order: files first, then the directory.
        created.forEach(path -> path.toFile().deleteOnExit());
        return target;
    }
}
