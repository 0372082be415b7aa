package dev.oslo4j.messaging;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TargetTest {

    @Test
    void copiesLeaveTheOriginalUntouched() {
        Target t = Target.topic("compute");
        Target s = t.withServer("host1").withVersion("5.1").withNamespace("ns").withExchange("nova");
        assertThat(t.server()).isNull();
        assertThat(s.server()).isEqualTo("host1");
        assertThat(s.version()).isEqualTo("5.1");
        assertThat(s.exchange()).isEqualTo("nova");
        assertThat(s.toString()).isEqualTo("Target(exchange=nova, topic=compute, namespace=ns, version=5.1, server=host1)");
        assertThat(t.withFanout(true).fanout()).isTrue();
        assertThat(s).isEqualTo(Target.builder().exchange("nova").topic("compute").namespace("ns").version("5.1")
                .server("host1").build());
    }

    @Test
    void acceptedNamespacesIncludeLegacyOnesAndNull() {
        Target t = Target.builder().namespace("a").legacyNamespaces(List.of("b")).build();
        assertThat(t.acceptedNamespaces()).containsExactly("a", "b");
        assertThat(Target.builder().build().acceptedNamespaces()).isEqualTo(Arrays.asList((String) null));
    }

    @Test
    void versionsMustBeMajorMinor() {
        assertThat(Target.topic("t").withVersion("1.2.3").version()).isEqualTo("1.2.3");
        assertThatThrownBy(() -> Target.topic("t").withVersion("1")).isInstanceOf(InvalidTarget.class)
                .hasMessageContaining("'1'");
        assertThatThrownBy(() -> Target.topic("t").withVersion("a.b")).isInstanceOf(InvalidTarget.class);
    }

    @Test
    void requestContextKeepsUnknownKeysAndMasksSecrets() {
        RequestContext c = RequestContext.builder().requestId("req-1").userId("u").projectId("p")
                .roles(List.of("admin")).isAdmin(true).authToken("tok").put("x_custom", 7).build();
        assertThat(c.requestId()).isEqualTo("req-1");
        assertThat(c.userId()).isEqualTo("u");
        assertThat(c.projectId()).isEqualTo("p");
        assertThat(c.roles()).containsExactly("admin");
        assertThat(c.isAdmin()).isTrue();
        assertThat(c.get("x_custom")).isEqualTo(7);
        assertThat(c.toString()).contains("auth_token=****").doesNotContain("tok,").contains("x_custom=7");
        assertThat(RequestContext.fromJson(c.toJson())).isEqualTo(c);
        assertThat(RequestContext.of(java.util.Map.of("user", "legacy")).userId()).isEqualTo("legacy");
    }
}
