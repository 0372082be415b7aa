package dev.oslo4j.messaging.driver.rabbit;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Defaults of the {@code hostname} and {@code processname} options, as oslo 16.x derives them: the kernel's
 * host name ({@code socket.gethostname()}) and the program's name ({@code basename(sys.argv[0])} in Python; here
 * the jar file name or the main class, since a JVM has no script name).
 */
final class LocalIdentity {

    private LocalIdentity() {
    }

    static String hostname() {
        try {
            Path kernel = Path.of("/proc/sys/kernel/hostname"); // gethostname(2) without a DNS lookup
            if (Files.isReadable(kernel)) {
                String name = Files.readString(kernel, StandardCharsets.UTF_8).strip();
                if (!name.isEmpty()) {
                    return name;
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // fall through
        }
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env.strip();
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException | RuntimeException e) {
            return "localhost";
        }
    }

    static String processName() {
        String command = System.getProperty("sun.java.command", "").strip();
        String first = command.isEmpty() ? "" : command.split("\\s+", 2)[0];
        if (first.isEmpty()) {
            return "java";
        }
        if (first.endsWith(".jar")) {
            return Path.of(first).getFileName().toString();
        }
        return first;
    }
}
