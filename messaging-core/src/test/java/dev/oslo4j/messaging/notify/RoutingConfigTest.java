package dev.oslo4j.messaging.notify;

import dev.oslo4j.messaging.InvalidConfiguration;
import dev.oslo4j.messaging.Priority;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RoutingConfigTest {

    private static final String YAML = """
            group_1:
              messagingv2:
                accepted_events:
                  - compute.instance.*
              log:
                accepted_priorities:
                  - ERROR
                  - crit*
            group_2:
              messaging:
                accepted_events: ['compute.instance.create.*']
                accepted_priorities: [info]
              messagingv2:
                accepted_priorities: [sample]
            """;

    @Test
    void eventPatternsUseFnmatch() {
        RoutingConfig c = RoutingConfig.parse(YAML, "test.yaml");
        assertThat(c.driversFor("compute.instance.delete.end", Priority.INFO)).containsExactly("messagingv2");
        assertThat(c.driversFor("compute.instance.create.end", Priority.INFO))
                .containsExactly("messagingv2", "messaging");
        assertThat(c.driversFor("network.port.create", Priority.INFO)).isEmpty();
    }

    @Test
    void priorityPatternsAreLowerCasedAndComparedWithTheLowerCasePriority() {
        RoutingConfig c = RoutingConfig.parse(YAML, "test.yaml");
        assertThat(c.driversFor("network.port.create", Priority.ERROR)).containsExactly("log");
        assertThat(c.driversFor("network.port.create", Priority.CRITICAL)).containsExactly("log");
        assertThat(c.driversFor("compute.instance.create.end", Priority.ERROR)).containsExactly("messagingv2", "log");
    }

    @Test
    void aDriverAcceptedByTwoGroupsIsUsedOnce() {
        RoutingConfig c = RoutingConfig.parse(YAML, "test.yaml");
        assertThat(c.driversFor("compute.instance.x", Priority.SAMPLE)).containsExactly("messagingv2");
        assertThat(c.driverNames()).containsExactly("messagingv2", "log", "messaging");
    }

    @Test
    void jsonIsAcceptedAndADriverWithoutRulesAcceptsEverything() {
        RoutingConfig c = RoutingConfig.parse("{\"g\": {\"log\": null, \"test\": {}}}", "inline");
        assertThat(c.driversFor("anything", Priority.DEBUG)).containsExactly("log", "test");
    }

    @Test
    void emptyConfigRoutesNothing() {
        assertThat(RoutingConfig.parse("", "empty").driversFor("e", Priority.INFO)).isEmpty();
        assertThat(RoutingConfig.parse("# nothing\n", "empty").driverNames()).isEmpty();
    }

    @Test
    void aSinglePatternStringIsOnePattern() {
        RoutingConfig c = RoutingConfig.parse("g:\n  log:\n    accepted_events: compute.*\n", "s");
        assertThat(c.driversFor("compute.x", Priority.INFO)).containsExactly("log");
        assertThat(c.driversFor("c", Priority.INFO)).isEmpty();
    }

    @Test
    void malformedConfigsNameTheSourceAndThePlace() {
        assertThatThrownBy(() -> RoutingConfig.parse("- a\n- b\n", "r.yaml"))
                .isInstanceOf(InvalidConfiguration.class).hasMessageContaining("r.yaml")
                .hasMessageContaining("top level must be a mapping");
        assertThatThrownBy(() -> RoutingConfig.parse("g: [log]\n", "r.yaml"))
                .isInstanceOf(InvalidConfiguration.class).hasMessageContaining("group 'g'");
        assertThatThrownBy(() -> RoutingConfig.parse("g:\n  log:\n    accepted_events: {a: 1}\n", "r.yaml"))
                .isInstanceOf(InvalidConfiguration.class)
                .hasMessageContaining("group 'g', driver 'log'").hasMessageContaining("accepted_events");
        assertThatThrownBy(() -> RoutingConfig.parse("g: {log: [", "r.yaml"))
                .isInstanceOf(InvalidConfiguration.class).hasMessageContaining("not valid YAML/JSON");
    }

    @Test
    void loadsFromAFileAndNamesAMissingOne(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("routing.yaml");
        Files.writeString(f, YAML);
        assertThat(RoutingConfig.load(f).source()).isEqualTo(f.toString());
        assertThatThrownBy(() -> RoutingConfig.load(dir.resolve("missing.yaml")))
                .isInstanceOf(InvalidConfiguration.class).hasMessageContaining("missing.yaml");
    }
}
