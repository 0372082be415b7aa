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
            directory = locate(PeerScripts.class.getClassLoader());
        }
        return directory;
    }

    static Path locate(ClassLoader loader) {
        URL url = loader.getResource(RESOURCE_DIR + "/" + ENTRY_POINT);
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
                if (!name.startsWith(RESOURCE_DIR + "/") || name.equals(RESOURCE_DIR + "/")) {
                    continue;
                }
                Path path = target.resolve(name.substring(RESOURCE_DIR.length() + 1)).normalize();
                if (!path.startsWith(target)) {
                    throw new IOException("jar entry escapes the script directory: " + name);
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                } else {
                    Files.createDirectories(path.getParent());
                    try (InputStream in = jar.getInputStream(entry)) {
                        Files.copy(in, path);
                    }
                }
                created.add(path);
            }
        }
        // deleteOnExit runs in reverse registration order: files before their directories.
        created.forEach(path -> path.toFile().deleteOnExit());
        return target;
    }
}
