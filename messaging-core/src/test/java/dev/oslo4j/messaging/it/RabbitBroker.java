package dev.oslo4j.messaging.it;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import dev.oslo4j.messaging.wire.Ids;
import dev.oslo4j.testsupport.Requirements;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The shared RabbitMQ at 127.0.0.1:5672 for integration tests: skips (one line) when it does not answer,
 * unless {@code OSLO4J_REQUIRE_RABBITMQ=1} ({@link Requirements}); gives each test unique names and deletes what they record.
 * {@link EmbeddedBrokerFixture} is the same for oslo4j's embedded broker.
 */
public class RabbitBroker implements BeforeAllCallback, AfterEachCallback {

    public static final String URL = "rabbit://guest:guest@127.0.0.1:5672/";

    private final List<String> queues = new ArrayList<>();
    private final List<String> exchanges = new ArrayList<>();

    /** The transport URL of this broker (default virtual host). */
    public String url() {
        return URL;
    }

    /** The broker's AMQP port. */
    public int port() {
        return 5672;
    }

    /** Raw channel work on a throwaway connection to this broker. */
    public <T> T channel(ChannelWork<T> work) throws Exception {
        ConnectionFactory f = new ConnectionFactory();
        f.setHost("127.0.0.1");
        f.setPort(port());
        try (Connection c = f.newConnection("oslo4j-test"); Channel ch = c.createChannel()) {
            return work.run(ch);
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        Requirements.requireRabbitMq("127.0.0.1", port());
    }

    /** A unique name with a readable prefix; remembered as a queue to delete after the test. */
    public String uniqueTopic(String prefix) {
        return prefix + "-" + Ids.hex32().substring(0, 12);
    }

    public void deleteQueueAfter(String... names) {
        queues.addAll(List.of(names));
    }

    public void deleteExchangeAfter(String... names) {
        exchanges.addAll(List.of(names));
    }

    /** Raw channel work (inspection) on a throwaway connection. */
    public static <T> T withChannel(ChannelWork<T> work) throws Exception {
        ConnectionFactory f = new ConnectionFactory();
        f.setHost("127.0.0.1");
        try (Connection c = f.newConnection("oslo4j-test"); Channel ch = c.createChannel()) {
            return work.run(ch);
        }
    }

    @FunctionalInterface
    public interface ChannelWork<T> {
        T run(Channel ch) throws Exception;
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        if (queues.isEmpty() && exchanges.isEmpty()) {
            return;
        }
        ConnectionFactory f = new ConnectionFactory();
        f.setHost("127.0.0.1");
        f.setPort(port());
        try (Connection c = f.newConnection("oslo4j-test-cleanup")) {
            for (String q : queues) {
                Channel ch = c.createChannel();
                try {
                    ch.queueDelete(q);
                    ch.close();
                } catch (IOException e) {
                    // already gone
                }
            }
            for (String x : exchanges) {
                Channel ch = c.createChannel();
                try {
                    ch.exchangeDelete(x);
                    ch.close();
                } catch (IOException e) {
                    // already gone
                }
            }
        }
        queues.clear();
        exchanges.clear();
    }
}
