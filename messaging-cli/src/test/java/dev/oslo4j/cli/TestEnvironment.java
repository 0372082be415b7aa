package dev.oslo4j.cli;

import dev.oslo4j.broker.EmbeddedBroker;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * What the CLI tests need from the machine: the shared RabbitMQ and Debian's Python oslo.messaging. Missing
 * ones skip the test with one line saying why, unless {@code OSLO4J_REQUIRE_RABBITMQ=1} /
 * {@code OSLO4J_REQUIRE_PYTHON=1} turn the skip into a failure (CI).
 */
public final class TestEnvironment {
    public static final String RABBITMQ_URL = "rabbit://guest:guest@127.0.0.1:5672/";
    public static final Path PYTHON = Path.of(System.getenv().getOrDefault("OSLO4J_PYTHON", "/usr/bin/python3"));

    /** The brokers the CLI tests run against, by the names {@link #broker(String)} takes. */
    public static final String EMBEDDED = "embedded";
    public static final String RABBITMQ = "rabbitmq";

    private static EmbeddedBroker embedded;

    private TestEnvironment() {
    }

    /**
     * The URL of broker {@value #EMBEDDED} (one embedded broker for the whole test JVM, started on first use)
     * or {@value #RABBITMQ} (the shared RabbitMQ; skips or fails as {@link #rabbitMq()} does).
     */
    public static String broker(String name) {
        return switch (name) {
            case EMBEDDED -> embedded().transportUrl();
            case RABBITMQ -> rabbitMq();
            default -> throw new IllegalArgumentException("unknown test broker " + name);
        };
    }

    private static synchronized EmbeddedBroker embedded() {
        if (embedded == null) {
            embedded = EmbeddedBroker.start().closeOnJvmShutdown();
        }
        return embedded;
    }

    /** The shared RabbitMQ's URL, or a skip (failure in CI) when nothing answers on 127.0.0.1:5672. */
    public static String rabbitMq() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", 5672), 2_000);
            return RABBITMQ_URL;
        } catch (IOException e) {
            skipOrFail("OSLO4J_REQUIRE_RABBITMQ", "RabbitMQ is not answering on 127.0.0.1:5672 (" + e.getMessage() + ")");
            throw new AssertionError("unreachable");
        }
    }

    /** A skip (failure in CI) unless Python with oslo.messaging is installed. */
    public static void requirePython() {
        String reason = null;
        if (!Files.isExecutable(PYTHON)) {
            reason = PYTHON + " is missing";
        } else {
            try {
                Process probe = new ProcessBuilder(PYTHON.toString(), "-c", "import oslo_messaging")
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                if (probe.waitFor() != 0) {
                    reason = PYTHON + " cannot import oslo_messaging";
                }
            } catch (IOException e) {
                reason = PYTHON + " cannot run: " + e.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                reason = "interrupted while probing " + PYTHON;
            }
        }
        if (reason != null) {
            skipOrFail("OSLO4J_REQUIRE_PYTHON", "Python oslo.messaging is not available: " + reason);
        }
    }

    private static void skipOrFail(String requireVariable, String reason) {
        if ("1".equals(System.getenv(requireVariable))) {
            Assertions.fail(reason + " and " + requireVariable + "=1");
        }
        Assumptions.abort(reason);
    }
}
