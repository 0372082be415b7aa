package dev.oslo4j.conformance.interop;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * Interim broker for the interop suites: the shared RabbitMQ on 127.0.0.1:5672. To be replaced by
 * {@code BrokerUnderTest} / {@code @OnEveryBroker} (every broker) once that lands in main.
 */
final class LocalRabbitMq {
    static final String TRANSPORT_URL = "rabbit://guest:guest@127.0.0.1:5672/";

    private LocalRabbitMq() {
    }

    static void assumeRunning() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", 5672), 2_000);
        } catch (IOException e) {
            String message = "RabbitMQ interop skipped: nothing answers on 127.0.0.1:5672 (" + e.getMessage() + ")";
            if ("1".equals(System.getenv("OSLO4J_REQUIRE_RABBITMQ"))) {
                Assertions.fail(message);
            }
            Assumptions.abort(message);
        }
    }
}
