package dev.oslo4j.spring.boot;

import org.springframework.core.env.Environment;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/** The defaults oslo takes from the process: the application's name and the host name. */
final class Defaults {

    private Defaults() {
    }

    static Optional<String> applicationName(Environment environment) {
        String name = environment.getProperty("spring.application.name");
        return name == null || name.isBlank() ? Optional.empty() : Optional.of(name.trim());
    }

    /** oslo's default {@code host}: the machine's host name. */
    static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            String env = System.getenv("HOSTNAME");
            return env != null && !env.isBlank() ? env : "localhost";
        }
    }
}
