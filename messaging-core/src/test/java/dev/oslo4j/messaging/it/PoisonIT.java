package dev.oslo4j.messaging.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.GetResponse;
import dev.oslo4j.messaging.MessagingOptions;
import dev.oslo4j.messaging.RpcClient;
import dev.oslo4j.messaging.RpcServer;
import dev.oslo4j.messaging.Target;
import dev.oslo4j.messaging.Transport;
import dev.oslo4j.messaging.wire.Envelope;
import dev.oslo4j.messaging.wire.Failure;
import dev.oslo4j.messaging.wire.Ids;
import dev.oslo4j.testsupport.Await;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

import static org.assertj.core.api.Assertions.assertThat;

/** Malformed input on a server's queue: the consumer survives, call-shaped messages get failure replies. */
class PoisonIT extends OnBothBrokers {

    static final ConcurrentLinkedQueue<String> RECORDED = new ConcurrentLinkedQueue<>();
    private String topic;
    private String exchange;
    private String replyQueue;
    private Transport transport;
    private RpcServer server;

    public static class Service {
        public String ping(String v) {
            return v;
        }

        public void record(String note) {
            RECORDED.add(note);
        }
    }

    @BeforeEach
    void setUp() throws Exception {
        RECORDED.clear();
        topic = broker.uniqueTopic("poison");
        exchange = broker.uniqueTopic("x");
        replyQueue = broker.uniqueTopic("reply");
        broker.deleteQueueAfter(topic, topic + ".s1", replyQueue);
        broker.deleteExchangeAfter(exchange, topic + "_fanout");
        transport = Transport.open(broker.url(), MessagingOptions.builder().controlExchange(exchange).build());
        server = RpcServer.builder(transport, Target.topic(topic).withServer("s1")).endpoint(new Service()).build().start();
        broker.channel(ch -> ch.queueDeclare(replyQueue, false, false, false, null));
    }

    @AfterEach
    void tearDown() {
        server.close();
        transport.close();
    }

    private static final AMQP.BasicProperties JSON = new AMQP.BasicProperties.Builder()
            .contentType("application/json").build();

    private void publish(AMQP.BasicProperties props, byte[] body) throws Exception {
        broker.channel(ch -> {
            ch.basicPublish(exchange, topic, props, body);
            return null;
        });
    }

    private void publish(String body) throws Exception {
        publish(JSON, body.getBytes(StandardCharsets.UTF_8));
    }

    private static String enveloped(String inner) {
        return new String(Envelope.wrap(inner), StandardCharsets.UTF_8);
    }

    private String call(String msgId, String extra) {
        return "{\"_msg_id\": \"" + msgId + "\", \"_reply_q\": \"" + replyQueue + "\", \"_unique_id\": \""
                + Ids.hex32() + "\"" + extra + "}";
    }

    @Test
    void malformedMessagesNeitherKillTheConsumerNorLoop() throws Exception {
        publish("not json at all");
        publish("[1, 2, 3]");
        publish("\"just a string\"");
        publish("{\"oslo.version\": \"2.1\", \"oslo.message\": \"{}\"}");
        publish("{\"oslo.version\": \"2.0\", \"oslo.message\": {\"method\": \"ping\"}}");
        publish("{\"oslo.version\": \"2.0\", \"oslo.message\": \"{broken\"}");
        publish("{\"oslo.version\": 2, \"oslo.message\": \"{}\"}");
        publish(new AMQP.BasicProperties.Builder().build(), "{\"method\": \"record\"}".getBytes(StandardCharsets.UTF_8));
        publish(new AMQP.BasicProperties.Builder().contentType("text/plain").build(), "x".getBytes(StandardCharsets.UTF_8));
        publish(JSON, new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'});
        publish(new AMQP.BasicProperties.Builder().contentType("application/json")
                .headers(Map.of("compression", "application/x-gzip")).build(), "not zlib".getBytes(StandardCharsets.UTF_8));
        publish(enveloped("{\"method\": \"record\", \"args\": {\"note\": \"cast-missing-unique-id-is-fine\"}}"));
        publish(enveloped("{\"method\": \"record\", \"args\": {\"wrong\": 1}, \"_unique_id\": \"" + Ids.hex32() + "\"}"));
        publish(JSON, new byte[50 * 1024 * 1024]);
        RpcClient c = RpcClient.builder(transport, Target.topic(topic)).timeout(Duration.ofSeconds(10)).build();
        assertThat(c.call(Map.of(), "ping", Map.of("v", "still alive")).textValue()).isEqualTo("still alive");
        Await.until(Duration.ofSeconds(5), "the well-formed cast is processed",
                () -> RECORDED.contains("cast-missing-unique-id-is-fine"));
        Long left = broker.channel(ch -> ch.messageCount(topic));
        assertThat(left).as("nothing requeued").isZero();
    }

    @Test
    void callShapedGarbageGetsOsloFailureReplies() throws Exception {
        List<String[]> cases = new ArrayList<>();
        cases.add(new String[] {"m1", call("m1", ", \"args\": {}"), "TypeError"});                      // no method
        cases.add(new String[] {"m2", call("m2", ", \"method\": \"ping\", \"args\": [1]"), "TypeError"}); // args not a map
        cases.add(new String[] {"m3", call("m3", ", \"method\": \"ping\", \"namespace\": \"nope\""), "UnsupportedVersion"});
        cases.add(new String[] {"m4", call("m4", ", \"method\": \"ping\", \"version\": \"x.y\""), "ValueError"});
        cases.add(new String[] {"m5", call("m5", ", \"method\": \"ping\", \"args\": {\"v\": 1, \"w\": 2}"), "TypeError"});
        cases.add(new String[] {"m6", call("m6", ", \"method\": \"nosuch\""), "NoSuchMethod"});
        cases.add(new String[] {"m7", call("m7", ", \"method\": \"ping\", \"args\": {\"v\": {\"no\": \"string\"}}"), "TypeError"});
        for (String[] c : cases) {
            publish(enveloped(c[1]));
        }
        List<JsonNode> replies = new ArrayList<>();
        Await.until(Duration.ofSeconds(10), "one failure reply per call-shaped message", () -> {
            try {
                GetResponse r = broker.channel(ch -> ch.basicGet(replyQueue, true));
                if (r != null) {
                    replies.add(Envelope.unwrap(r.getBody()));
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return replies.size() == cases.size();
        });
        for (String[] c : cases) {
            JsonNode reply = replies.stream().filter(r -> c[0].equals(r.get("_msg_id").textValue())).findFirst().orElseThrow();
            assertThat(reply.get("ending").booleanValue()).isTrue();
            assertThat(Failure.parse(reply.get("failure").textValue()).exceptionClass()).as(c[1]).isEqualTo(c[2]);
        }
    }

    @Test
    void duplicateUniqueIdsAreDropped() throws Exception {
        String unique = Ids.hex32();
        String cast = enveloped("{\"method\": \"record\", \"args\": {\"note\": \"dup\"}, \"_unique_id\": \"" + unique + "\"}");
        publish(cast);
        publish(cast);
        publish(enveloped("{\"method\": \"record\", \"args\": {\"note\": \"marker\"}, \"_unique_id\": \"" + Ids.hex32() + "\"}"));
        Await.until(Duration.ofSeconds(5), "the marker is processed", () -> RECORDED.contains("marker"));
        RpcClient.builder(transport, Target.topic(topic)).build().call(Map.of(), "ping", Map.of("v", "sync"));
        assertThat(RECORDED.stream().filter("dup"::equals).count()).isEqualTo(1);
    }

    @Test
    void repliesAreRetriedWhileTheReplyQueueIsMissing() throws Exception {
        String late = broker.uniqueTopic("late-reply");
        broker.deleteQueueAfter(late);
        publish(enveloped("{\"method\": \"ping\", \"args\": {\"v\": \"eventually\"}, \"_msg_id\": \"late1\", \"_reply_q\": \""
                + late + "\", \"_unique_id\": \"" + Ids.hex32() + "\"}"));
        Thread.sleep(600); // let the server's first attempts be returned as unroutable
        broker.channel(ch -> ch.queueDeclare(late, false, false, false, null));
        GetResponse[] got = new GetResponse[1];
        Await.until(Duration.ofSeconds(5), "the retried reply arrives", () -> {
            try {
                got[0] = broker.channel(ch -> ch.basicGet(late, true));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return got[0] != null;
        });
        assertThat(Envelope.unwrap(got[0].getBody()).get("result").textValue()).isEqualTo("eventually");
    }
}
