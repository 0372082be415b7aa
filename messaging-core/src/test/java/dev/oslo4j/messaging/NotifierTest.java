package dev.oslo4j.messaging;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NotifierTest {

    private final NotificationRecorder recorder = new NotificationRecorder();

    private Notifier testNotifier() {
        return Notifier.builder(null).driver("test").recorder(recorder).publisherId("compute.host1").build();
    }

    @Test
    void everyPriorityMethodSendsItsWirePriority() {
        Notifier n = testNotifier();
        n.audit(null, "e.audit", 1).join();
        n.debug(null, "e.debug", 1).join();
        n.info(null, "e.info", 1).join();
        n.warn(null, "e.warn", 1).join();
        n.warning(null, "e.warning", 1).join();
        n.error(null, "e.error", 1).join();
        n.critical(null, "e.critical", 1).join();
        n.sample(null, "e.sample", 1).join();
        n.notify(Priority.of("warning"), null, "e.notify", 1).join();
        assertThat(recorder.notifications()).extracting(Notification::priority).containsExactly(Priority.AUDIT,
                Priority.DEBUG, Priority.INFO, Priority.WARN, Priority.WARN, Priority.ERROR, Priority.CRITICAL,
                Priority.SAMPLE, Priority.WARN);
        assertThat(recorder.notifications(Priority.WARN)).hasSize(3);
    }

    @Test
    void messageFieldsHavePythonsShapes() {
        testNotifier().info(Map.of(), "compute.instance.create.end", Map.of("a", 1)).join();
        Notification got = recorder.notifications().get(0);
        assertThat(got.publisherId()).isEqualTo("compute.host1");
        assertThat(got.eventType()).isEqualTo("compute.instance.create.end");
        assertThat(got.payload().toString()).isEqualTo("{\"a\":1}");
        assertThat(got.metadata().messageId()).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(got.metadata().timestamp()).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d(\\.\\d{6})?");
        assertThat(got.metadata().timestampInstant()).isBetween(java.time.Instant.now().minusSeconds(60),
                java.time.Instant.now().plusSeconds(1));
    }

    @Test
    void contextIsReducedToOslos1403WhitelistInTheCallersOrder() {
        Map<String, Object> ctx = new LinkedHashMap<>();
        ctx.put("request_id", "req-1");
        ctx.put("auth_token", "secret-token");
        ctx.put("user_id", "u1");
        ctx.put("password", "pw");
        ctx.put("roles", List.of("member"));
        ctx.put("is_admin", false);
        ctx.put("service_catalog", List.of());
        ctx.put("user", "u1");
        ctx.put("global_request_id", "greq");
        testNotifier().info(ctx, "e", null).join();
        RequestContext sent = recorder.notifications().get(0).context();
        assertThat(sent.toMap()).containsExactly(Map.entry("request_id", "req-1"), Map.entry("user_id", "u1"),
                Map.entry("roles", List.of("member")), Map.entry("is_admin", false), Map.entry("user", "u1"),
                Map.entry("global_request_id", "greq"));
    }

    @Test
    void prepareChangesThePublisherAndSharesTheDrivers() {
        Notifier base = testNotifier();
        Notifier other = base.prepare("network.host2");
        other.info(null, "e", null).join();
        base.info(null, "e", null).join();
        assertThat(recorder.notifications()).extracting(Notification::publisherId)
                .containsExactly("network.host2", "compute.host1");
        assertThat(base.prepare("x", 3).retry()).isEqualTo(3);
        assertThat(other.drivers()).containsExactly("test");
    }

    @Test
    void isEnabledIsFalseOnlyForExactlyNoop() {
        assertThat(Notifier.builder(null).driver("noop").build().isEnabled()).isFalse();
        assertThat(Notifier.builder(null).drivers("noop", "log").build().isEnabled()).isTrue();
        assertThat(testNotifier().isEnabled()).isTrue();
        assertThat(Notifier.builder(null).drivers(List.of()).build().isEnabled()).isTrue();
    }

    @Test
    void noDriversSendsNothingAndCompletes() {
        assertThat(Notifier.builder(null).drivers(List.of()).build().info(null, "e", 1)).isCompleted();
    }

    @Test
    void nonSerializablePayloadIsReportedNotThrown() {
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        Notifier n = Notifier.builder(null).driver("test").recorder(recorder)
                .onSendFailure((notification, error) -> failures.add(error)).build();
        var f = n.info(null, "e", new Object() {
            public Object getSelf() {
                throw new IllegalStateException("boom");
            }
        });
        assertThat(f).isCompletedExceptionally();
        assertThatThrownBy(f::join).isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(IllegalArgumentException.class);
        assertThat(failures).hasSize(1);
        assertThat(recorder.size()).isZero();
    }

    @Test
    void badConfigurationIsRejectedAtBuild() {
        assertThatThrownBy(() -> Notifier.builder(null).driver("kafka").build())
                .isInstanceOf(InvalidConfiguration.class).hasMessageContaining("'kafka'");
        assertThatThrownBy(() -> Notifier.builder(null).build())
                .isInstanceOf(InvalidConfiguration.class).hasMessageContaining("'messagingv2' needs a transport");
        assertThatThrownBy(() -> Notifier.builder(null).driver("routing").build())
                .isInstanceOf(InvalidConfiguration.class).hasMessageContaining("routing config");
        assertThatThrownBy(() -> Notifier.builder(null).retry(-2)).isInstanceOf(InvalidConfiguration.class)
                .hasMessageContaining("-2");
        assertThatThrownBy(() -> Notifier.builder(null).topics("")).isInstanceOf(InvalidConfiguration.class);
        assertThatThrownBy(() -> testNotifier().info(null, null, 1)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("eventType");
    }

    @Test
    void routingSendsToTheDriversTheConfigAccepts(@TempDir Path dir) throws Exception {
        Path cfg = dir.resolve("routing.yaml");
        Files.writeString(cfg, """
                audit:
                  test:
                    accepted_events: [identity.*]
                errors:
                  test:
                    accepted_priorities: [error]
                """);
        Notifier n = Notifier.builder(null).driver("routing").routingConfig(cfg).recorder(recorder).build();
        n.info(null, "identity.user.created", 1).join();
        n.info(null, "compute.instance.create", 1).join();
        n.error(null, "compute.instance.create", 1).join();
        n.error(null, "identity.user.created", 1).join();
        assertThat(recorder.notifications()).extracting(x -> x.priority() + " " + x.eventType()).containsExactly(
                "INFO identity.user.created", "ERROR compute.instance.create", "ERROR identity.user.created");
    }

    @Test
    void routingRejectsUnknownOrSelfDrivers() {
        assertThatThrownBy(() -> Notifier.builder(null).driver("routing")
                .routingConfig(dev.oslo4j.messaging.notify.RoutingConfig.parse("g: {kafka: {}}", "r.yaml")).build())
                .isInstanceOf(InvalidConfiguration.class).hasMessageContaining("r.yaml").hasMessageContaining("'kafka'");
        assertThatThrownBy(() -> Notifier.builder(null).driver("routing")
                .routingConfig(dev.oslo4j.messaging.notify.RoutingConfig.parse("g: {routing: {}}", "r.yaml")).build())
                .isInstanceOf(InvalidConfiguration.class).hasMessageContaining("itself");
    }

    @Test
    void sharedRecorderIsUsedWithoutAnExplicitOne() {
        NotificationRecorder.shared().clear();
        Notifier.builder(null).driver("test").build().info(null, "shared.event", 1).join();
        assertThat(NotificationRecorder.shared().matching(x -> x.eventType().equals("shared.event"))).hasSize(1);
        NotificationRecorder.shared().clear();
    }
}
