package dev.oslo4j.spring.boot;

import dev.oslo4j.messaging.Transport;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code oslo4j} health check, independent of Spring Boot's health API (which moved between Boot 3.5 and
 * 4.0): UP when the transport is connected and every consumer is active; DOWN with the reason otherwise. The
 * details show the broker host and the transport URL with its password masked.
 */
public final class Oslo4jHealth {

    /** @param details what to show; {@code reason} when down */
    public record Result(boolean up, Map<String, Object> details) {
    }

    private final Transport transport;
    private final Optional<Oslo4jServers> servers;

    public Oslo4jHealth(Transport transport, Optional<Oslo4jServers> servers) {
        this.transport = transport;
        this.servers = servers;
    }

    public Result check() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("transport", transport.url().toString()); // TransportURL.toString() masks passwords
        transport.connectedHost().ifPresent(h -> details.put("host", h));
        StringBuilder problems = new StringBuilder();
        transport.connectionProblem().ifPresent(p -> append(problems, "broker unreachable: " + p));
        servers.flatMap(Oslo4jServers::rpcServer).ifPresent(s -> {
            details.put("rpcServer", s.target().toString());
            s.consumerProblem().ifPresent(p -> append(problems, "RPC server consumer: " + p));
        });
        servers.flatMap(Oslo4jServers::notificationListener).ifPresent(l -> {
            details.put("notificationListener", l.bindingCount() + " queue binding(s)");
            l.consumerProblem().ifPresent(p -> append(problems, "notification listener consumer: " + p));
        });
        if (problems.length() > 0) {
            details.put("reason", problems.toString());
        }
        return new Result(problems.length() == 0, details);
    }

    private static void append(StringBuilder b, String problem) {
        b.append(b.length() == 0 ? "" : "; ").append(problem);
    }
}
