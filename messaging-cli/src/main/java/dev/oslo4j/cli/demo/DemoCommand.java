package dev.oslo4j.cli.demo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.oslo4j.cli.BrokerChoice;
import dev.oslo4j.cli.CliFailure;
import dev.oslo4j.cli.ExitCodes;
import dev.oslo4j.cli.bench.raw.RawBroker;
import dev.oslo4j.cli.options.ConfigOptions;
import dev.oslo4j.cli.options.HelpOption;
import dev.oslo4j.messaging.MessagingOptions;
import dev.oslo4j.messaging.NotificationListener;
import dev.oslo4j.messaging.Notifier;
import dev.oslo4j.messaging.Priority;
import dev.oslo4j.messaging.RpcClient;
import dev.oslo4j.messaging.RpcServer;
import dev.oslo4j.messaging.Target;
import dev.oslo4j.messaging.Transport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code oslo4j demo}: oslo.messaging's classic scenario end to end, narrated. An RPC server on topic
 * {@code test} as {@code server1} with two endpoints ({@code namespace1} and {@code namespace2}, version 1.0,
 * each with {@code test(arg)}); a client casts and calls {@code test} in {@code namespace2}; a notification
 * listener on two topics with a warn and an error endpoint; a notifier emits error and warn.
 */
@Command(name = "demo", description = "See oslo.messaging work: RPC cast and call, notifications, on an "
        + "embedded broker (or --url). Prints what happens; exit 0 when everything arrived.",
        footer = {"", "Example: oslo4j demo"})
public final class DemoCommand implements Callable<Integer> {
    static final String TOPIC = "test";
    static final String SERVER = "server1";
    static final List<String> NOTIFICATION_TOPICS = List.of("notifications", "notifications_bis");
    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(20);

    @Mixin
    HelpOption help;

    @Option(names = "--url", paramLabel = "URL",
            description = "Broker to run on (default: transport_url of the --config-file files, else an embedded "
                    + "broker started in this process).")
    String url;

    @Mixin
    ConfigOptions config;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        Narrator narrator = new Narrator(spec.commandLine().getOut());
        MessagingOptions configured = config.options();
        try (BrokerChoice broker = BrokerChoice.open(url != null ? url : config.transportUrl().orElse(null))) {
            narrator.line("oslo4j demo on " + broker.description());
            // On a shared broker, a control exchange of its own keeps the demo's messages apart from the services'
            // (even from those of the configured control exchange): it is deleted afterwards.
            String exchange = broker.isEmbedded() ? configured.controlExchange() : RawBroker.uniqueName("demo");
            MessagingOptions options = configured.toBuilder().controlExchange(exchange).build();
            try {
                new Scenario(narrator, broker.transportUrl(), options).run();
            } finally {
                if (!broker.isEmbedded()) {
                    cleanUp(broker.raw(), exchange);
                }
            }
        }
        return ExitCodes.OK;
    }

    /** The scenario on one broker; each step waits (with a deadline) until its effect was seen. */
    private record Scenario(Narrator narrator, String url, MessagingOptions options) {

        void run() throws InterruptedException {
            Semaphore handled = new Semaphore(0);
            CountDownLatch notified = new CountDownLatch(2);
            try (Transport serverTransport = Transport.open(url, options);
                    Transport listenerTransport = Transport.open(url, options);
                    Transport clientTransport = Transport.open(url, options);
                    RpcServer server = RpcServer.builder(serverTransport, Target.topic(TOPIC).withServer(SERVER))
                            .endpoint(new DemoEndpoint("namespace1", narrator, handled))
                            .endpoint(new DemoEndpoint("namespace2", narrator, handled))
                            .onRequest(request -> narrator.say("server", "received a " + (request.call() ? "call" : "cast")
                                    + " of " + request.methodName() + "() for namespace "
                                    + (request.namespace() == null ? "(none)" : request.namespace().asText())))
                            .build();
                    NotificationListener listener = NotificationListener.builder(listenerTransport)
                            .targets(NOTIFICATION_TOPICS.stream().map(Target::topic).toList())
                            .endpoint(new DemoNotificationEndpoints.Warn(narrator, notified))
                            .endpoint(new DemoNotificationEndpoints.Error(narrator, notified))
                            .build()) {
                server.start();
                narrator.say("server", "RPC server '" + SERVER + "' consuming topic '" + TOPIC
                        + "': endpoints namespace1 and namespace2 (version 1.0), each with test(arg)");
                listener.start();
                narrator.say("listener", "notification listener on topics " + NOTIFICATION_TOPICS
                        + ": a warn endpoint and an error endpoint");

                RpcClient client = RpcClient.builder(clientTransport, Target.topic(TOPIC)).namespace("namespace2")
                        .version("1.0").timeout(STEP_TIMEOUT).build();
                Map<String, Object> context = Map.of("request_id", "req-demo-1", "user_id", "demo");
                narrator.say("client", "cast test(arg=\"hello by cast\") to namespace2 (returns once the broker confirmed it)");
                client.cast(context, "test", Map.of("arg", "hello by cast"));
                await(handled, "the server to run the cast");

                narrator.say("client", "call test(arg=\"hello by call\") to namespace2 ...");
                JsonNode result = client.call(context, "test", Map.of("arg", "hello by call"));
                handled.acquire();
                narrator.say("client", "... reply: " + Narrator.json(result));

                Notifier notifier = Notifier.builder(clientTransport).publisherId("compute.host1")
                        .driver("messagingv2").topics(NOTIFICATION_TOPICS.get(0)).build();
                notify(notifier, "error", "compute.instance.create.error", payload("reason", "no valid host"));
                notify(notifier, "warn", "compute.instance.disk.low", payload("free_gb", 1));
                if (!notified.await(STEP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                    throw new CliFailure(ExitCodes.FAILED, "the listener did not receive both notifications within "
                            + STEP_TIMEOUT.toSeconds() + " s");
                }
            }
            narrator.line("demo complete: a cast and a call served by namespace2, an error and a warn notification "
                    + "delivered to their endpoints");
        }

        private void notify(Notifier notifier, String priority, String eventType, Map<String, Object> payload)
                throws InterruptedException {
            narrator.say("notifier", priority + " " + eventType + " " + Narrator.json(payload));
            try {
                notifier.notify(Priority.of(priority), Map.of(), eventType, payload)
                        .get(STEP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                throw new CliFailure(ExitCodes.FAILED, "the " + priority + " notification was not sent: " + e, e);
            }
        }

        private static Map<String, Object> payload(String key, Object value) {
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("instance_id", "i-1");
            payload.put(key, value);
            return payload;
        }

        private static void await(Semaphore handled, String what) throws InterruptedException {
            if (!handled.tryAcquire(STEP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                throw new CliFailure(ExitCodes.FAILED, "timed out waiting for " + what);
            }
        }
    }

    /** Deletes the demo's queues and exchange from a broker that outlives it (when they are idle). */
    private static void cleanUp(RawBroker broker, String exchange) {
        List<String> queues = new ArrayList<>(List.of(TOPIC, TOPIC + "." + SERVER));
        for (String topic : NOTIFICATION_TOPICS) {
            queues.add(topic + ".warn");
            queues.add(topic + ".error");
        }
        try {
            broker.deleteIfUnused(queues, List.of(exchange));
        } catch (Exception e) {
            // The demo's work is done; leftover idle queues are harmless.
        }
    }
}
