package dev.oslo4j.conformance.python;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The Python oslo.messaging a peer runs: the system's (Debian 12's 14.0.3) or Debian 13's 16.1.0, unpacked by
 * {@code .ci/fetch-oslo16.sh} into a folder of its own that the peer puts first on {@code PYTHONPATH}
 * (same interpreter, Debian 12's other packages).
 */
public enum OsloRelease {
    V14_0_3("14.0.3", null),
    V16_1_0("16.1.0", "oslo.messaging-16.1");

    /** Overrides the folder {@code .ci/fetch-oslo16.sh} unpacks 16.1.0 into (the script reads it too). */
    public static final String OSLO16_DIR_VARIABLE = "OSLO4J_OSLO16_DIR";

    private final String version;
    private final String cacheFolder;

    OsloRelease(String version, String cacheFolder) {
        this.version = version;
        this.cacheFolder = cacheFolder;
    }

    /** The oslo.messaging version the peers report. */
    public String version() {
        return version;
    }

    /** The folder to put first on PYTHONPATH; empty for the system's release. */
    public Optional<Path> pythonPath() {
        if (cacheFolder == null) {
            return Optional.empty();
        }
        String dir = System.getenv(OSLO16_DIR_VARIABLE);
        Path root;
        if (dir != null && !dir.isBlank()) {
            root = Path.of(dir);
        } else {
            String xdg = System.getenv("XDG_CACHE_HOME");
            Path cache = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
            root = cache.resolve("oslo4j").resolve(cacheFolder);
        }
        return Optional.of(root.resolve("usr/lib/python3/dist-packages"));
    }

    /** How to get this release when it is missing. */
    String howToInstall() {
        return cacheFolder == null ? "install Debian's python3-oslo.messaging"
                : "run .ci/fetch-oslo16.sh (it unpacks Debian 13's python3-oslo.messaging into "
                + pythonPath().map(Path::toString).orElse("?") + ")";
    }
}
