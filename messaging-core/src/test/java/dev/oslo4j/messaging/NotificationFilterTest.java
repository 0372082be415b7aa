package dev.oslo4j.messaging;

import dev.oslo4j.messaging.wire.Json;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NotificationFilterTest {

    private static Notification n(String publisher, String eventType, Map<String, ?> ctx, Object payload) {
        return new Notification(Priority.INFO, publisher, eventType, Json.mapper().valueToTree(payload),
                RequestContext.of(ctx), new NotificationMetadata("65c0e225-f33c-4f67-92f1-f10c79947360",
                "2026-11-25 00:46:48.370976"));
    }

    private static final Notification SAMPLE = n("compute.host1", "compute.instance.create.end",
            Map.of("project_id", "p1", "roles", List.of("member"), "is_admin", false),
            Map.of("state", "active", "size", 3, "nested", Map.of("a", "b")));

    @Test
    void emptyFilterMatchesEverything() {
        assertThat(NotificationFilter.builder().build().matches(SAMPLE)).isTrue();
    }

    @Test
    void regexesAreAnchoredAtTheStartOnlyAsPythonsReMatch() {
        assertThat(NotificationFilter.builder().publisherId("compute").build().matches(SAMPLE)).isTrue();
        assertThat(NotificationFilter.builder().publisherId("host1").build().matches(SAMPLE)).isFalse();
        assertThat(NotificationFilter.builder().publisherId(".*host1").build().matches(SAMPLE)).isTrue();
        assertThat(NotificationFilter.builder().eventType("^compute\\.instance\\..*").build().matches(SAMPLE))
                .isTrue();
        assertThat(NotificationFilter.builder().eventType("compute.instance.create$").build().matches(SAMPLE))
                .isFalse();
    }

    @Test
    void everyRuleMustMatch() {
        NotificationFilter f = NotificationFilter.builder().publisherId("compute").eventType("network").build();
        assertThat(f.matches(SAMPLE)).isFalse();
    }

    @Test
    void contextRulesNeedThePresentKeyWithAStringValue() {
        assertThat(NotificationFilter.builder().context("project_id", "^p1$").build().matches(SAMPLE)).isTrue();
        assertThat(NotificationFilter.builder().context("project_id", "^p2$").build().matches(SAMPLE)).isFalse();
        assertThat(NotificationFilter.builder().context("user_id", ".*").build().matches(SAMPLE)).isFalse();
        // lists and booleans are not strings: Python's filter fails them
        assertThat(NotificationFilter.builder().context("roles", ".*").build().matches(SAMPLE)).isFalse();
        assertThat(NotificationFilter.builder().context("is_admin", ".*").build().matches(SAMPLE)).isFalse();
    }

    @Test
    void metadataRulesSeeMessageIdAndTimestamp() {
        assertThat(NotificationFilter.builder().metadata("timestamp", "2026-11").build().matches(SAMPLE)).isTrue();
        assertThat(NotificationFilter.builder().metadata("message_id", "65c0").build().matches(SAMPLE)).isTrue();
        assertThat(NotificationFilter.builder().metadata("timestamp", "2025").build().matches(SAMPLE)).isFalse();
        assertThat(NotificationFilter.builder().metadata("other", ".*").build().matches(SAMPLE)).isFalse();
    }

    @Test
    void payloadRulesSeeTopLevelStringValues() {
        assertThat(NotificationFilter.builder().payload("state", "^active$").build().matches(SAMPLE)).isTrue();
        assertThat(NotificationFilter.builder().payload("state", "^deleted$").build().matches(SAMPLE)).isFalse();
        assertThat(NotificationFilter.builder().payload("size", ".*").build().matches(SAMPLE)).isFalse();
        assertThat(NotificationFilter.builder().payload("nested", ".*").build().matches(SAMPLE)).isFalse();
        assertThat(NotificationFilter.builder().payload("a", ".*").build().matches(SAMPLE)).isFalse();
        Notification listPayload = n("p", "e", Map.of(), List.of("state"));
        assertThat(NotificationFilter.builder().payload("state", ".*").build().matches(listPayload)).isFalse();
    }

    @Test
    void nullPublisherIdFailsAPublisherRule() {
        Notification anonymous = n(null, "e", Map.of(), Map.of());
        assertThat(NotificationFilter.builder().publisherId(".*").build().matches(anonymous)).isFalse();
        assertThat(NotificationFilter.builder().eventType("e").build().matches(anonymous)).isTrue();
    }

    @Test
    void pythonOnlySyntaxIsTranslated() {
        assertThat(NotificationFilter.builder().publisherId("(?P<svc>compute)\\.(?P=svc)?host1\\Z").build()
                .matches(SAMPLE)).isTrue();
        assertThat(NotificationFilter.builder().publisherId("compute\\Z").build().matches(SAMPLE)).isFalse();
    }

    @Test
    void invalidRegexNamesTheRule() {
        assertThatThrownBy(() -> NotificationFilter.builder().payload("state", "([a-z").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("payload.state").hasMessageContaining("([a-z");
    }

    @Test
    void toStringShowsTheRules() {
        assertThat(NotificationFilter.builder().eventType("^compute").context("k", "v").build())
                .hasToString("NotificationFilter{event_type=^compute context={k=v}}");
    }
}
