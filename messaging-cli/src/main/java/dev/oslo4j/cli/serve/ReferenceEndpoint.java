package dev.oslo4j.cli.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oslo4j.messaging.DynamicEndpoint;
import dev.oslo4j.messaging.RemoteError;
import dev.oslo4j.messaging.RequestContext;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * The reference endpoint of {@code oslo4j serve} in the default namespace at version 1.0, behaving as the
 * equivalent Python endpoint would: {@code echo(arg)}, {@code add(a, b)} ({@code +} on numbers, strings or
 * lists), {@code fail(message)} (raises {@code builtins.ValueError}), {@code sleep(seconds)} and
 * {@code record(**anything)}.
 */
final class ReferenceEndpoint implements DynamicEndpoint {
    private static final Set<String> METHODS = Set.of("echo", "add", "fail", "sleep", "record");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Override
    public boolean hasMethod(String method) {
        return METHODS.contains(method);
    }

    @Override
    public Object invoke(RequestContext context, String method, ObjectNode args) throws Exception {
        return switch (method) {
            case "echo" -> PythonArguments.bind(method, args, List.of("arg"))[0];
            case "add" -> {
                JsonNode[] ab = PythonArguments.bind(method, args, List.of("a", "b"));
                yield PythonPlus.add(ab[0], ab[1]);
            }
            case "fail" -> {
                JsonNode message = PythonArguments.bind(method, args, List.of("message"))[0];
                throw RemoteError.builder("builtins", "ValueError")
                        .message(message.isTextual() ? message.textValue() : message.toString()).build();
            }
            case "sleep" -> sleep(PythonArguments.bind(method, args, List.of("seconds"))[0]);
            case "record" -> NODES.nullNode();
            default -> throw new IllegalStateException("hasMethod() admitted " + method);
        };
    }

    private static JsonNode sleep(JsonNode seconds) throws InterruptedException {
        if (!seconds.isNumber() || seconds.doubleValue() < 0) {
            throw RemoteError.builder("builtins", "ValueError")
                    .message("sleep length must be a non-negative number, not " + seconds).build();
        }
        Thread.sleep(Duration.ofNanos((long) (seconds.doubleValue() * 1e9)).toMillis());
        return seconds;
    }
}
