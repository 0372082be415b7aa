package dev.oslo4j.messaging;

import dev.oslo4j.broker.EmbeddedBroker;
import dev.oslo4j.broker.VirtualHostLease;
import dev.oslo4j.messaging.driver.OptionSpec;
import dev.oslo4j.messaging.readme.HelloOslo;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** README.md stays true: its example is the one compiled and run here, its option table is complete. */
class ReadmeTest {

    private static final Path README = Path.of("../README.md");

    @Test
    void theQuickstartExampleIsShownVerbatim() throws IOException {
        String source = Files.readString(Path.of("src/test/java/dev/oslo4j/messaging/readme/HelloOslo.java"));
        assertThat(Files.readString(README)).as("README.md shows HelloOslo.java verbatim")
                .contains("```java\n" + source + "```\n");
    }

    @Test
    void theQuickstartExampleRunsAndPrintsWhatTheReadmeSays() throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (EmbeddedBroker broker = EmbeddedBroker.start(); VirtualHostLease vhost = broker.leaseVirtualHost()) {
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            HelloOslo.main(new String[] {vhost.transportUrl()});
        } finally {
            System.setOut(original);
        }
        String output = printed.toString(StandardCharsets.UTF_8);
        assertThat(output).isEqualTo("1 + 2 = 3\ncalculator.host1 calculator.sum.computed {\"sum\":3}\n");
        assertThat(Files.readString(README)).as("README.md shows the example's output").contains(output);
    }

    @Test
    void theQuickstartExampleRunsOnFakeWithoutABroker() throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            HelloOslo.main(new String[] {"fake:///readme-test"});
        } finally {
            System.setOut(original);
        }
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .isEqualTo("1 + 2 = 3\ncalculator.host1 calculator.sum.computed {\"sum\":3}\n");
    }

    @Test
    void everyOptionIsInTheConfigurationReferenceWithItsDefault() throws IOException {
        String readme = Files.readString(README);
        for (OptionSpec option : OptionCatalog.installed().all().values()) {
            if (java.util.Set.of("hostname", "processname").contains(option.name())) {
                // defaults computed on the machine (as oslo's own): documented in words
                assertThat(readme).contains("| `" + option.name() + "` | *(");
                continue;
            }
            Object d = option.defaultValue();
            String shown = d == null ? "*(unset)*" : d instanceof String s && s.isEmpty() ? "`\"\"`" : "`" + d + "`";
            assertThat(readme).as("README.md documents option %s", option.name())
                    .contains("| `" + option.name() + "` | " + shown + " |");
        }
    }
}
