package dev.oslo4j.testsupport;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * What tests need from the machine — the shared RabbitMQ and Debian's Python oslo.messaging — and what happens
 * when it is missing: the test is skipped with one line saying why, unless {@value #REQUIRE_RABBITMQ_ENV} /
 * {@value #REQUIRE_PYTHON_ENV} is set ({@code 1}, {@code true} or {@code yes}; CI's {@code .ci/run} sets both to
 * {@code 1}), which turns the skip into a failure.
 */
public final class Requirements {

    /** Set: a test that needs RabbitMQ fails instead of skipping when it does not answer. */
    public static final String REQUIRE_RABBITMQ_ENV = "OSLO4J_REQUIRE_RABBITMQ";
    /** Set: a test that needs Python oslo.messaging fails instead of skipping when it is missing. */
    public static final String REQUIRE_PYTHON_ENV = "OSLO4J_REQUIRE_PYTHON";
    /** The RabbitMQ the suites use (default {@value #DEFAULT_RABBITMQ_URL}). */
    public static final String RABBITMQ_URL_ENV = "OSLO4J_RABBITMQ_URL";
    /** The Python interpreter of the interop peers (default {@value #DEFAULT_PYTHON}). */
    public static final String PYTHON_ENV = "OSLO4J_PYTHON";

    private static final Map<String, String> PYTHON_PROBES = new ConcurrentHashMap<>();

    private Requirements() {
    }

    /** Whether an environment value switches something on: {@code 1}, {@code true} or {@code yes}. */
    public static boolean isSet(String value) {
        return value != null && (value.equals("1") || value.equalsIgnoreCase("true") || value.equalsIgnoreCase("yes"));
    }

    public static boolean rabbitMqRequired() {
        return isSet(System.getenv(REQUIRE_RABBITMQ_ENV));
    }

    public static boolean pythonRequired() {
        return isSet(System.getenv(REQUIRE_PYTHON_ENV));
    }

    /** The shared RabbitMQ of the test machines (and of CI). */
    public static final String DEFAULT_RABBITMQ_URL = "rabbit://guest:guest@127.0.0.1:5672/";

    /** {@value #RABBITMQ_URL_ENV}, else {@value #DEFAULT_RABBITMQ_URL}. */
    public static String rabbitMqUrl() {
        String url = System.getenv(RABBITMQ_URL_ENV);
        return url == null || url.isBlank() ? DEFAULT_RABBITMQ_URL : url.trim();
    }

    /** Debian's interpreter, which has python3-oslo.messaging. */
    public static final String DEFAULT_PYTHON = "/usr/bin/python3";

    /** {@value #PYTHON_ENV}, else {@value #DEFAULT_PYTHON}. */
    public static Path python() {
        return Path.of(System.getenv().getOrDefault(PYTHON_ENV, DEFAULT_PYTHON));
    }

    /**
     * Never returns: fails the test with {@code reason} when {@code requireVariable} is set, otherwise aborts it
     * (skipped, the reason being the one line JUnit reports).
     */
    public static void skipOrFail(String requireVariable, String reason) {
        if (isSet(System.getenv(requireVariable))) {
            Assertions.fail(reason + ", and " + requireVariable + "=1 requires it");
        }
        Assumptions.abort(reason);
    }

    /**
     * The RabbitMQ at {@link #rabbitMqUrl()} (its first host) must accept a TCP connection within 2 s; otherwise
     * {@link #skipOrFail skip or fail}. Returns the URL.
     */
    public static String requireRabbitMq() {
        URI uri = URI.create(rabbitMqUrl().split(",")[0].replaceFirst("^[a-z]+://", "amqp://"));
        requireRabbitMq(uri.getHost() == null ? "127.0.0.1" : uri.getHost(), uri.getPort() < 0 ? 5672 : uri.getPort());
        return rabbitMqUrl();
    }

    /** As {@link #requireRabbitMq()}, for the RabbitMQ at {@code host:port}. */
    public static void requireRabbitMq(String host, int port) {
        String problem = tcpProblem(host, port);
        if (problem != null) {
            skipOrFail(REQUIRE_RABBITMQ_ENV, "RabbitMQ is not answering on " + host + ":" + port + " (" + problem + ")");
        }
    }

    /** Null when {@code host:port} accepts a TCP connection within 2 s, else why not. */
    public static String tcpProblem(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 2_000);
            return null;
        } catch (IOException e) {
            return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
    }

    /**
     * {@link #python()} must import oslo_messaging (probed once per JVM); otherwise {@link #skipOrFail skip or
     * fail}.
     */
    public static void requirePython() {
        String problem = pythonProblem(python(), null);
        if (problem != null) {
            skipOrFail(REQUIRE_PYTHON_ENV, "Python oslo.messaging is not available: " + problem);
        }
    }

    /**
     * Null when {@code python} (with {@code pythonPath}, nullable, first on PYTHONPATH) imports oslo_messaging;
     * else why not. Probed once per JVM and pair.
     */
    public static String pythonProblem(Path python, Path pythonPath) {
        String problem = PYTHON_PROBES.computeIfAbsent(python + "\0" + pythonPath, k -> probe(python, pythonPath));
        return problem.isEmpty() ? null : problem;
    }

    private static String probe(Path python, Path pythonPath) {
        if (!Files.isExecutable(python)) {
            return python + " is missing";
        }
        try {
            ProcessBuilder builder = new ProcessBuilder(python.toString(), "-c", "import oslo_messaging")
                    .redirectErrorStream(true);
            PythonProcess.cleanEnvironment(builder, pythonPath);
            Process process = builder.start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes()).strip();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return python + " did not answer within 60 s";
            }
            if (process.exitValue() != 0) {
                return python + " cannot import oslo_messaging (" + output.substring(output.lastIndexOf('\n') + 1)
                        + "); install Debian's python3-oslo.messaging";
            }
            return "";
        } catch (IOException e) {
            return python + " cannot run: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted while probing " + python;
        }
    }
}
