package dev.oslo4j.conformance.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.junit.jupiter.api.Test;

import dev.oslo4j.broker.EmbeddedBroker;
import dev.oslo4j.messaging.BrokerConnectionError;
import dev.oslo4j.messaging.MessagingOptions;
import dev.oslo4j.messaging.NotificationListener;
import dev.oslo4j.messaging.Notifier;
import dev.oslo4j.messaging.RequestContext;
import dev.oslo4j.messaging.RpcClient;
import dev.oslo4j.messaging.RpcServer;
import dev.oslo4j.messaging.Target;
import dev.oslo4j.messaging.Transport;
import dev.oslo4j.messaging.TransportURL;
import dev.oslo4j.testsupport.Await;

/**
 * Issue 7 §6, credentials: a broker whose password needs percent-encoding in the URL, and a whole
 * connect → work → connections dropped → broker restarted → failed login cycle, with every log line of the
 * library, the AMQP client and the embedded broker captured at DEBUG. No form of the password may appear in any
 * log line, in the {@code toString()} of anything the application holds, or in any exception.
 */
class CredentialMaskingTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    public static class Echo {
        public String echo(String v) {
            return v;
        }
    }

    public static class Inbox {
        final ConcurrentLinkedQueue<String> events = new ConcurrentLinkedQueue<>();

        public void info(RequestContext ctxt, String publisherId, String eventType, Object payload, Object metadata) {
            events.add(eventType);
        }
    }

    @Test
    void noPasswordInAnyToStringLogLineOrErrorAcrossAConnectFailReconnectCycle() throws Exception {
        List<String> leaks = new ArrayList<>();
        int logLines;
        try (LogCapture log = Secrets.captureAllLogs();
             EmbeddedBroker broker = EmbeddedBroker.builder().user("oslo4j").password(Secrets.DECODED_PASSWORD).start()) {
            String url = "rabbit://oslo4j:" + Secrets.ENCODED_PASSWORD + "@127.0.0.1:" + broker.port() + "/";
            Inbox inbox = new Inbox();
            try (Transport transport = Transport.open(url, MessagingOptions.builder().set("rabbit_retry_interval", 0).build());
                 RpcServer server = RpcServer.builder(transport, Target.topic("masking").withServer("s1"))
                         .endpoint(new Echo()).build().start();
                 NotificationListener listener = NotificationListener.builder(transport)
                         .target(Target.topic("masking-events")).endpoint(inbox).build().start()) {
                RpcClient client = RpcClient.builder(transport, Target.topic("masking")).timeout(Duration.ofSeconds(5))
                        .build();
                Notifier notifier = Notifier.builder(transport).publisherId("masking").topics("masking-events").build();
                workUntilItWorks(client, notifier, inbox, "before");

                broker.dropConnections();
                workUntilItWorks(client, notifier, inbox, "after-drop");
                broker.restart();
                workUntilItWorks(client, notifier, inbox, "after-restart");

                for (Object held : List.of(TransportURL.parse(url), transport, transport.options(), client, server,
                        notifier, listener, broker)) {
                    leaks.addAll(Secrets.leaks("toString of " + held.getClass().getSimpleName(), held.toString()));
                }
                assertThat(transport.toString()).contains("oslo4j:****@127.0.0.1");
            }
            // a failed login with the plain password, and one with the right password to a port nobody serves
            for (String bad : List.of("rabbit://oslo4j:" + Secrets.PASSWORD + "@127.0.0.1:" + broker.port() + "/",
                    "rabbit://oslo4j:" + Secrets.ENCODED_PASSWORD + "@127.0.0.1:1/")) {
                Throwable failure = catchFailure(bad);
                assertThat(failure).isInstanceOf(BrokerConnectionError.class);
                leaks.addAll(Secrets.leaks("exception", Secrets.everythingShownOf(failure)));
                for (Throwable t = failure; t != null; t = t.getCause()) {
                    leaks.addAll(Secrets.leaks("toString of " + t.getClass().getName(), t.toString()));
                }
            }
            leaks.addAll(Secrets.leaks(log));
            logLines = log.size();
        }
        System.out.printf("credential masking: %d log lines captured across the cycle, %d leaks%n", logLines,
                leaks.size());
        assertThat(logLines).as("the cycle was logged at all (else this proves nothing)").isPositive();
        assertThat(leaks).isEmpty();
    }

    private static Throwable catchFailure(String url) {
        try (Transport t = Transport.open(url)) {
            throw new AssertionError("opened " + t);
        } catch (BrokerConnectionError e) {
            return e;
        }
    }

    /** A call and a notification go through (retried until the transport has reconnected). */
    private static void workUntilItWorks(RpcClient client, Notifier notifier, Inbox inbox, String phase) {
        Await.until(WAIT, "a call works " + phase, () -> {
            try {
                return phase.equals(client.call(Map.of(), "echo", Map.of("v", phase)).textValue());
            } catch (RuntimeException e) {
                return false;
            }
        });
        Await.until(WAIT, "a notification arrives " + phase, () -> {
            try {
                notifier.info(Map.of(), phase, Map.of()).join();
            } catch (RuntimeException e) {
                return false;
            }
            return inbox.events.contains(phase);
        });
    }

    @Test
    void theEmbeddedBrokerRefusesToEchoItsPasswordWhenMisconfigured() {
        assertThatThrownBy(() -> EmbeddedBroker.builder().password(Secrets.PASSWORD).port(70000).start())
                .hasMessageNotContaining(Secrets.PASSWORD);
    }
}
