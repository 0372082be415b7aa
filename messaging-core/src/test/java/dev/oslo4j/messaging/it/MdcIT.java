package dev.oslo4j.messaging.it;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import dev.oslo4j.messaging.NotificationEndpoint;
import dev.oslo4j.messaging.NotificationListener;
import dev.oslo4j.messaging.NotificationMetadata;
import dev.oslo4j.messaging.NotificationResult;
import dev.oslo4j.messaging.Notifier;
import dev.oslo4j.messaging.RequestContext;
import dev.oslo4j.messaging.RpcClient;
import dev.oslo4j.messaging.RpcServer;
import dev.oslo4j.messaging.Target;
import dev.oslo4j.messaging.Transport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** request_id and global_request_id are in the MDC of log lines written while an endpoint runs, and gone after. */
class MdcIT {

    @RegisterExtension
    final EmbeddedBrokerVhost broker = new EmbeddedBrokerVhost();

    private static final org.slf4j.Logger ENDPOINT_LOG = LoggerFactory.getLogger("mdc-it.endpoint");
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    public static class Service {
        public String hello(String name) {
            ENDPOINT_LOG.info("hello {}", name);
            return "hi " + name;
        }
    }

    @BeforeEach
    void attach() {
        appender.start();
        Logger logger = (Logger) LoggerFactory.getLogger("mdc-it.endpoint");
        logger.setLevel(ch.qos.logback.classic.Level.INFO);
        logger.addAppender(appender);
    }

    @AfterEach
    void detach() {
        ((Logger) LoggerFactory.getLogger("mdc-it.endpoint")).detachAppender(appender);
    }

    @Test
    void rpcEndpointsLogWithTheRequestIdsAndNothingLeaksToTheNextRequest() {
        List<Map<String, String>> mdcBeforeDispatch = new CopyOnWriteArrayList<>();
        try (Transport t = Transport.open(broker.url());
             RpcServer server = RpcServer.builder(t, Target.topic("mdc").withServer("s1")).executorThreads(1)
                     .onRequest(r -> mdcBeforeDispatch.add(copyOfMdc()))
                     .endpoint(new Service()).build().start()) {
            RpcClient client = RpcClient.builder(t, Target.topic("mdc")).timeout(Duration.ofSeconds(10)).build();
            client.call(Map.of("request_id", "req-1111", "global_request_id", "req-gggg"), "hello",
                    Map.of("name", "a"));
            client.call(Map.of(), "hello", Map.of("name", "b"));
        }
        assertThat(appender.list).hasSize(2);
        assertThat(appender.list.get(0).getMDCPropertyMap())
                .containsEntry("request_id", "req-1111").containsEntry("global_request_id", "req-gggg");
        assertThat(appender.list.get(1).getMDCPropertyMap())
                .doesNotContainKeys("request_id", "global_request_id");
        assertThat(mdcBeforeDispatch).as("the worker thread's MDC just before each dispatch (one thread)")
                .hasSize(2).allSatisfy(m -> assertThat(m).doesNotContainKeys("request_id", "global_request_id"));
    }

    @Test
    void notificationEndpointsLogWithTheRequestIds() {
        try (Transport t = Transport.open(broker.url());
             NotificationListener l = NotificationListener.builder(t).target(Target.topic("mdc-notes"))
                     .endpoint(new NotificationEndpoint() {
                         @Override
                         public NotificationResult info(RequestContext ctxt, String publisherId, String eventType,
                                                         JsonNode payload, NotificationMetadata metadata) {
                             ENDPOINT_LOG.info("got {}", eventType);
                             return NotificationResult.HANDLED;
                         }
                     }).build().start()) {
            Notifier.builder(t).topics("mdc-notes").publisherId("p").build()
                    .info(Map.of("request_id", "req-2222", "global_request_id", "req-hhhh"), "a.b", Map.of()).join();
            Eventually.await(Duration.ofSeconds(10), () -> appender.list.size() == 1, () -> appender.list.toString());
        }
        assertThat(appender.list.get(0).getMDCPropertyMap())
                .containsEntry("request_id", "req-2222").containsEntry("global_request_id", "req-hhhh");
        assertThat(MDC.get("request_id")).as("the test thread's MDC is untouched").isNull();
    }

    private static Map<String, String> copyOfMdc() {
        Map<String, String> m = MDC.getCopyOfContextMap();
        return m == null ? Map.of() : m;
    }
}
