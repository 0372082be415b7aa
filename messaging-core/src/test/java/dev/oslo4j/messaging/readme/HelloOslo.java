package dev.oslo4j.messaging.readme;

import com.fasterxml.jackson.databind.JsonNode;
import dev.oslo4j.messaging.NotificationEndpoint;
import dev.oslo4j.messaging.NotificationListener;
import dev.oslo4j.messaging.NotificationMetadata;
import dev.oslo4j.messaging.NotificationResult;
import dev.oslo4j.messaging.Notifier;
import dev.oslo4j.messaging.RequestContext;
import dev.oslo4j.messaging.RpcClient;
import dev.oslo4j.messaging.RpcEndpoint;
import dev.oslo4j.messaging.RpcServer;
import dev.oslo4j.messaging.Target;
import dev.oslo4j.messaging.Transport;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

public class HelloOslo {

    /** An RPC endpoint: public methods, arguments bound by name, namespace and version as in oslo. */
    @RpcEndpoint(namespace = "calculator", version = "1.1")
    public static class Calculator {
        public int add(RequestContext ctxt, int a, int b) {
            return a + b;
        }
    }

    public static void main(String[] args) throws Exception {
        String url = args.length > 0 ? args[0] : "rabbit://guest:guest@127.0.0.1:5672/";
        CompletableFuture<String> seen = new CompletableFuture<>();

        try (Transport transport = Transport.open(url);
             RpcServer server = RpcServer.builder(transport, Target.topic("calculator").withServer("host1"))
                     .endpoint(new Calculator()).build().start();
             NotificationListener listener = NotificationListener.builder(transport)
                     .target(Target.topic("notifications"))
                     .endpoint(new NotificationEndpoint() {
                         @Override
                         public NotificationResult info(RequestContext ctxt, String publisherId, String eventType,
                                                         JsonNode payload, NotificationMetadata metadata) {
                             seen.complete(publisherId + " " + eventType + " " + payload);
                             return NotificationResult.HANDLED;
                         }
                     }).build().start()) {

            RpcClient client = RpcClient.builder(transport,
                    Target.builder().topic("calculator").namespace("calculator").version("1.0").build())
                    .timeout(Duration.ofSeconds(10)).build();
            JsonNode sum = client.call(Map.of("request_id", "req-1"), "add", Map.of("a", 1, "b", 2));
            System.out.println("1 + 2 = " + sum);

            Notifier notifier = Notifier.builder(transport).publisherId("calculator.host1").build();
            notifier.info(Map.of("request_id", "req-1"), "calculator.sum.computed", Map.of("sum", sum)).join();
            System.out.println(seen.get(10, TimeUnit.SECONDS));
        }
    }
}
