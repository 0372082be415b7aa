package dev.oslo4j.messaging.dispatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oslo4j.messaging.Notification;
import dev.oslo4j.messaging.NotificationEndpoint;
import dev.oslo4j.messaging.NotificationFilter;
import dev.oslo4j.messaging.NotificationMetadata;
import dev.oslo4j.messaging.NotificationResult;
import dev.oslo4j.messaging.Priority;
import dev.oslo4j.messaging.RequestContext;
import dev.oslo4j.messaging.wire.Json;
import dev.oslo4j.messaging.wire.NotificationMessages;
import dev.oslo4j.messaging.wire.ReceivedNotification;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NotificationDispatcherTest {

    static ReceivedNotification received(String priority, String eventType, Object payload) {
        ObjectNode m = Json.mapper().createObjectNode();
        m.put("message_id", "c09185b0-02d7-40aa-9418-ad9997567b2b");
        m.put("publisher_id", "compute.host1");
        m.put("event_type", eventType);
        if (priority != null) {
            m.put("priority", priority);
        }
        m.set("payload", Json.mapper().valueToTree(payload));
        m.put("timestamp", "2026-11-25 00:46:46.922102");
        m.put("_unique_id", "0b58c9cbee9c411da35271c8db9fd392");
        m.put("_context_user_id", "peer-user");
        m.putArray("_context_roles").add("member");
        try {
            return NotificationMessages.decode(m);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static NotificationDispatcher of(Object... endpoints) {
        List<NotificationDispatcher.Registration> r = new ArrayList<>();
        for (Object e : endpoints) {
            r.add(e instanceof NotificationDispatcher.Registration reg ? reg
                    : new NotificationDispatcher.Registration(e, null));
        }
        return NotificationDispatcher.of(r);
    }

    /** Records calls; answers with a fixed result. */
    static class Recording implements NotificationEndpoint {
        final List<String> calls = new ArrayList<>();
        final String name;
        final NotificationResult answer;

        Recording(String name, NotificationResult answer) {
            this.name = name;
            this.answer = answer;
        }

        @Override
        public NotificationResult info(RequestContext ctxt, String publisherId, String eventType, JsonNode payload,
                                       NotificationMetadata metadata) {
            calls.add(name + ":" + eventType + ":" + payload + ":" + ctxt.userId() + ":" + metadata.messageId());
            return answer;
        }
    }

    @Test
    void interfaceEndpointsSubscribeOnlyToWhatTheyOverride() {
        assertThat(of(new Recording("a", null)).priorities()).containsExactly(Priority.INFO);
    }

    @Test
    void endpointReceivesOslosArguments() {
        Recording a = new Recording("a", NotificationResult.HANDLED);
        assertThat(of(a).dispatch(received("INFO", "compute.x", Map.of("k", 1)))).isEqualTo(NotificationResult.HANDLED);
        assertThat(a.calls).containsExactly("a:compute.x:{\"k\":1}:peer-user:c09185b0-02d7-40aa-9418-ad9997567b2b");
    }

    @Test
    void contextCarriesPythonsSyntheticClientTimeout() {
        List<RequestContext> seen = new ArrayList<>();
        of(new Object() {
            public void info(Notification n) {
                seen.add(n.context());
            }
        }).dispatch(received("info", "e", null));
        assertThat(seen.get(0).toMap()).containsEntry("client_timeout", null).containsEntry("user_id", "peer-user")
                .containsEntry("roles", List.of("member"));
    }

    @Test
    void endpointsRunInOrderAndTheFirstRequeueStops() {
        Recording a = new Recording("a", null);
        Recording b = new Recording("b", NotificationResult.REQUEUE);
        Recording c = new Recording("c", null);
        assertThat(of(a, b, c).dispatch(received("INFO", "e", 1))).isEqualTo(NotificationResult.REQUEUE);
        assertThat(a.calls).hasSize(1);
        assertThat(b.calls).hasSize(1);
        assertThat(c.calls).isEmpty();
    }

    @Test
    void anExceptionMeansRequeue() {
        Object failing = new Object() {
            public void info(Notification n) {
                throw new IllegalStateException("db down");
            }
        };
        assertThat(of(failing).dispatch(received("INFO", "e", 1))).isEqualTo(NotificationResult.REQUEUE);
    }

    @Test
    void pythonsRequeueStringCounts() {
        Object endpoint = new Object() {
            public String info(Notification n) {
                return "requeue";
            }
        };
        assertThat(of(endpoint).dispatch(received("INFO", "e", 1))).isEqualTo(NotificationResult.REQUEUE);
    }

    @Test
    void unknownOrMissingPriorityIsHandledWithoutCallingEndpoints() {
        Recording a = new Recording("a", NotificationResult.REQUEUE);
        NotificationDispatcher d = of(a);
        assertThat(d.dispatch(received("WARNING", "e", 1))).isEqualTo(NotificationResult.HANDLED);
        assertThat(d.dispatch(received(null, "e", 1))).isEqualTo(NotificationResult.HANDLED);
        assertThat(d.dispatch(received("error", "e", 1))).isEqualTo(NotificationResult.HANDLED);
        assertThat(a.calls).isEmpty();
    }

    @Test
    void priorityIsMatchedCaseInsensitively() {
        Recording a = new Recording("a", null);
        of(a).dispatch(received("Info", "e", 1));
        assertThat(a.calls).hasSize(1);
    }

    @Test
    void filteredOutEndpointsAreSkippedAndCountAsHandled() {
        Recording a = new Recording("a", NotificationResult.REQUEUE);
        Recording b = new Recording("b", null);
        NotificationDispatcher d = of(new NotificationDispatcher.Registration(a,
                NotificationFilter.builder().eventType("^network\\.").build()), b);
        assertThat(d.dispatch(received("INFO", "compute.x", 1))).isEqualTo(NotificationResult.HANDLED);
        assertThat(a.calls).isEmpty();
        assertThat(b.calls).hasSize(1);
        assertThat(d.dispatch(received("INFO", "network.x", 1))).isEqualTo(NotificationResult.REQUEUE);
    }

    static class SelfFiltering extends Recording {
        SelfFiltering() {
            super("self", null);
        }

        @Override
        public NotificationFilter filterRule() {
            return NotificationFilter.builder().publisherId("^network").build();
        }
    }

    @Test
    void endpointsOwnFilterRuleApplies() {
        SelfFiltering e = new SelfFiltering();
        of(e).dispatch(received("INFO", "e", 1));
        assertThat(e.calls).isEmpty();
    }

    public record InstancePayload(String instanceId, int memoryMb) {
    }

    public static class Typed {
        final List<Object> got = new ArrayList<>();

        public NotificationResult error(Map<String, Object> ctxt, String publisherId, String eventType,
                                        InstancePayload payload, Map<String, Object> metadata) {
            got.add(ctxt.get("user_id"));
            got.add(payload);
            got.add(metadata.get("timestamp"));
            return NotificationResult.HANDLED;
        }
    }

    @Test
    void plainObjectMethodsGetThePayloadConvertedToTheDeclaredType() {
        Typed t = new Typed();
        NotificationDispatcher d = of(t);
        assertThat(d.priorities()).containsExactly(Priority.ERROR);
        d.dispatch(received("ERROR", "e", Map.of("instanceId", "i-1", "memoryMb", 512)));
        assertThat(t.got).containsExactly("peer-user", new InstancePayload("i-1", 512), "2026-11-25 00:46:46.922102");
    }

    @Test
    void aPayloadThatDoesNotConvertSkipsThatEndpointInsteadOfLoopingOnRequeue() {
        Typed t = new Typed();
        Recording after = new Recording("after", null) {
            @Override
            public NotificationResult error(RequestContext c, String p, String e, JsonNode payload,
                                            NotificationMetadata m) {
                calls.add("after");
                return null;
            }
        };
        assertThat(of(t, after).dispatch(received("ERROR", "e", List.of(1, 2)))).isEqualTo(NotificationResult.HANDLED);
        assertThat(t.got).isEmpty();
        assertThat(after.calls).containsExactly("after");
    }

    @Test
    void unsupportedSignaturesAreRejectedWithTheMethodNamed() {
        Object wrongArity = new Object() {
            public void info(String a, String b) {
            }
        };
        assertThatThrownBy(() -> of(wrongArity)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(".info has an unsupported signature");
        Object batchOnly = new Object() {
            public void warn(List<Notification> batch) {
            }
        };
        assertThatThrownBy(() -> of(batchOnly)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("only a batch listener delivers");
        Object overloaded = new Object() {
            public void info(Notification n) {
            }

            public void info(Map<String, Object> c, String p, String e, Object payload, Object m) {
            }
        };
        assertThatThrownBy(() -> of(overloaded)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("several public methods named 'info'");
    }
}
