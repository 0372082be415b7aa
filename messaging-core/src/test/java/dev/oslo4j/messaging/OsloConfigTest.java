package dev.oslo4j.messaging;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link OsloConfig}: oslo.config's layering, substitution, deprecated names, warnings and errors. */
class OsloConfigTest {

    @TempDir
    Path dir;

    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(OsloConfig.class);

    @BeforeEach
    void captureLog() {
        log.start();
        logger.addAppender(log);
    }

    @AfterEach
    void releaseLog() {
        logger.detachAppender(log);
    }

    private Path file(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    private static OsloConfig load(List<Path> files) {
        return OsloConfig.load(files, List.of(), Map.of());
    }

    private List<String> warnings() {
        return log.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    @Test
    void novaShapedFileGivesUrlOptionsAndNotifications() throws IOException {
        Path nova = file("nova.conf", """
                [DEFAULT]
                my_ip = 10.0.0.5
                state_path = /var/lib/nova
                transport_url = rabbit://nova:secret@rabbit1:5672,nova:secret@rabbit2:5672/nova
                control_exchange = nova
                rpc_response_timeout = 120
                executor_thread_pool_size = 16

                [database]
                connection = mysql+pymysql://nova:pw@db/nova
                max_retries = -1

                [oslo_messaging_rabbit]
                rabbit_qos_prefetch_count = 10
                amqp_durable_queues = yes
                heartbeat_timeout_threshold = 30
                kombu_failover_strategy = shuffle

                [oslo_messaging_notifications]
                driver = messagingv2
                topics = notifications,versioned_notifications
                retry = 3
                """);
        OsloConfig c = load(List.of(nova));
        assertThat(c.transportUrl()).contains("rabbit://nova:secret@rabbit1:5672,nova:secret@rabbit2:5672/nova");
        MessagingOptions o = c.messagingOptions();
        assertThat(o.controlExchange()).isEqualTo("nova");
        assertThat(o.rpcResponseTimeout()).isEqualTo(Duration.ofSeconds(120));
        assertThat(o.executorThreadPoolSize()).isEqualTo(16);
        assertThat(o.get("rabbit_qos_prefetch_count")).isEqualTo(10);
        assertThat(o.get("amqp_durable_queues")).isEqualTo(true);
        assertThat(o.get("heartbeat_timeout_threshold")).isEqualTo(30);
        assertThat(o.get("kombu_failover_strategy")).isEqualTo("shuffle");
        assertThat(o.get("rabbit_retry_interval")).isEqualTo(1); // untouched: oslo's default
        assertThat(c.notificationDrivers()).containsExactly("messagingv2");
        assertThat(c.notificationTopics()).containsExactly("notifications", "versioned_notifications");
        assertThat(c.notificationRetry()).hasValue(3);
        assertThat(c.notificationTransportUrl()).isEmpty();
        assertThat(warnings()).isEmpty(); // [database] and nova's own [DEFAULT] options are none of our business
        assertThat(c.toString()).contains("nova:****@rabbit1").doesNotContain("secret");
    }

    @Test
    void laterFilesWinThenConfigDirInNameOrderAndMultiValuesAccumulate() throws IOException {
        Path base = file("neutron.conf", """
                [DEFAULT]
                control_exchange = neutron
                rpc_response_timeout = 60
                [oslo_messaging_notifications]
                driver = messagingv2
                topics = a
                """);
        Path override = file("override.conf", """
                [DEFAULT]
                rpc_response_timeout = 90
                rpc_response_timeout = 95
                [oslo_messaging_notifications]
                driver = log
                """);
        file("neutron.conf.d/20-last.conf", "[DEFAULT]\ncontrol_exchange = from-20\n");
        file("neutron.conf.d/10-first.conf", "[DEFAULT]\ncontrol_exchange = from-10\n[oslo_messaging_notifications]\n"
                + "driver = noop\ntopics = b, c,\n");
        file("neutron.conf.d/ignored.txt", "[DEFAULT]\ncontrol_exchange = never\n");
        file("neutron.conf.d/.hidden.conf", "[DEFAULT]\ncontrol_exchange = never\n");

        OsloConfig c = OsloConfig.load(List.of(base, override), List.of(dir.resolve("neutron.conf.d")), Map.of());
        assertThat(c.files()).extracting(p -> p.getFileName().toString())
                .containsExactly("neutron.conf", "override.conf", "10-first.conf", "20-last.conf");
        assertThat(c.messagingOptions().controlExchange()).isEqualTo("from-20");
        assertThat(c.messagingOptions().rpcResponseTimeout()).isEqualTo(Duration.ofSeconds(95)); // last in the file
        assertThat(c.notificationDrivers()).containsExactly("messagingv2", "log", "noop");
        assertThat(c.notificationTopics()).containsExactly("b", "c");
    }

    @Test
    void environmentVariablesBeatFiles() throws IOException {
        Path f = file("a.conf", "[DEFAULT]\ncontrol_exchange = file\n[oslo_messaging_rabbit]\nrabbit_qos_prefetch_count = 5\n");
        OsloConfig c = OsloConfig.load(List.of(f), List.of(), Map.of(
                "OS_DEFAULT__CONTROL_EXCHANGE", "env",
                "OS_OSLO_MESSAGING_RABBIT__RABBIT_QOS_PREFETCH_COUNT", "7",
                "OS_OSLO_MESSAGING_NOTIFICATIONS__DRIVER", "log",
                "OS_DEFAULT__TRANSPORT_URL", "rabbit://guest:guest@h:5672/"));
        assertThat(c.messagingOptions().controlExchange()).isEqualTo("env");
        assertThat(c.messagingOptions().get("rabbit_qos_prefetch_count")).isEqualTo(7);
        assertThat(c.notificationDrivers()).containsExactly("log");
        assertThat(c.transportUrl()).contains("rabbit://guest:guest@h:5672/");
    }

    @Test
    void substitutionAsOsloConfig() throws IOException {
        Path f = file("a.conf", """
                [DEFAULT]
                rabbit_host = rabbit1
                rabbit_password = p$$w
                control_exchange = ${oslo_messaging_notifications.retry}x
                transport_url = rabbit://nova:$rabbit_password@${rabbit_host}:5672/$control_exchange
                [oslo_messaging_notifications]
                retry = 4
                topics = $control_exchange, \\$literal, cost $5
                transport_url = rabbit://n:n@$rabbit_host/${DEFAULT.rpc_response_timeout}
                """);
        OsloConfig c = load(List.of(f));
        assertThat(c.messagingOptions().controlExchange()).isEqualTo("4x");
        assertThat(c.transportUrl()).contains("rabbit://nova:p$w@rabbit1:5672/4x");
        // $control_exchange from [oslo_messaging_notifications] falls back to [DEFAULT]; unset options give defaults
        assertThat(c.notificationTopics()).containsExactly("4x", "$literal", "cost $5");
        assertThat(c.notificationTransportUrl()).contains("rabbit://n:n@rabbit1/60");
    }

    @Test
    void substitutionErrorsNameTheReference() throws IOException {
        Path unknown = file("u.conf", "[DEFAULT]\ncontrol_exchange = $nowhere\n");
        assertThatThrownBy(() -> load(List.of(unknown))).isInstanceOf(InvalidConfiguration.class)
                .hasMessageContaining("[DEFAULT] control_exchange: '$nowhere' refers to option 'nowhere', which is set nowhere");
        Path cycle = file("c.conf", "[DEFAULT]\ncontrol_exchange = $a\na = $control_exchange\n");
        assertThatThrownBy(() -> load(List.of(cycle))).isInstanceOf(InvalidConfiguration.class)
                .hasMessageContaining("refers to itself");
    }

    @Test
    void deprecatedSpellingsAreReadWithAWarning() throws IOException {
        Path f = file("old.conf", """
                [DEFAULT]
                notification_driver = messaging
                notification_topics = old_topic
                rpc_thread_pool_size = 8
                rabbit_ha_queues = true
                [oslo_messaging_rabbit]
                rabbit_use_ssl = true
                rabbit_quorum_max_memory_length = 100
                """);
        OsloConfig c = load(List.of(f));
        assertThat(c.notificationDrivers()).containsExactly("messaging");
        assertThat(c.notificationTopics()).containsExactly("old_topic");
        assertThat(c.messagingOptions().executorThreadPoolSize()).isEqualTo(8);
        assertThat(c.messagingOptions().get("rabbit_ha_queues")).isEqualTo(true);
        assertThat(c.messagingOptions().get("ssl")).isEqualTo(true);
        assertThat(c.messagingOptions().get("rabbit_quroum_max_memory_length")).isEqualTo(100);
        assertThat(warnings()).contains("Option \"notification_driver\" from group \"DEFAULT\" is deprecated."
                + " Use option \"driver\" from group \"oslo_messaging_notifications\" (" + f + " [DEFAULT] notification_driver).");
        assertThat(warnings()).anyMatch(w -> w.startsWith("Option \"rabbit_use_ssl\" from group \"oslo_messaging_rabbit\""));
    }

    @Test
    void unknownOptionsInOurGroupsWarnOnceWithASuggestion() throws IOException {
        Path a = file("a.conf", """
                [DEFAULT]
                control_exhange = typo
                debug = true
                [oslo_messaging_rabbit]
                rabit_qos_prefetch_count = 3
                totally_new_option = 1
                [oslo_messaging_notifications]
                topic = x
                [database]
                conection = whatever
                """);
        Path b = file("b.conf", "[oslo_messaging_rabbit]\nrabit_qos_prefetch_count = 4\n");
        OsloConfig c = OsloConfig.load(List.of(a, b), List.of(), Map.of("OS_OSLO_MESSAGING_RABBIT__RABBIT_QOS_PREFETCH_CONT", "1"));
        assertThat(c.messagingOptions().controlExchange()).isEqualTo("openstack");
        assertThat(warnings()).containsExactlyInAnyOrder(
                "unknown option 'control_exhange' in " + a + " [DEFAULT] is ignored; did you mean 'control_exchange'?",
                "unknown option 'rabit_qos_prefetch_count' in " + a + " [oslo_messaging_rabbit] is ignored;"
                        + " did you mean 'rabbit_qos_prefetch_count'?",
                "unknown option 'totally_new_option' in " + a + " [oslo_messaging_rabbit] is ignored",
                "unknown option 'topic' in " + a + " [oslo_messaging_notifications] is ignored; did you mean 'topics'?",
                "unknown option 'rabbit_qos_prefetch_cont' in environment variable OS_OSLO_MESSAGING_RABBIT__RABBIT_QOS_PREFETCH_CONT"
                        + " [oslo_messaging_rabbit] is ignored; did you mean 'rabbit_qos_prefetch_count'?");
    }

    @Test
    void badValuesNameFileSectionOptionAndValue() throws IOException {
        Path f = file("bad.conf", "[oslo_messaging_rabbit]\nrabbit_qos_prefetch_count = ten\n");
        assertThatThrownBy(() -> load(List.of(f))).isInstanceOf(InvalidConfiguration.class)
                .hasMessage(f + " [oslo_messaging_rabbit] option 'rabbit_qos_prefetch_count' must be an integer, got 'ten'");
        Path choice = file("choice.conf", "[oslo_messaging_rabbit]\nkombu_failover_strategy = random\n");
        assertThatThrownBy(() -> load(List.of(choice)))
                .hasMessageContaining(choice + " [oslo_messaging_rabbit] option 'kombu_failover_strategy' must be one of")
                .hasMessageContaining("'random'");
        Path retry = file("retry.conf", "[oslo_messaging_notifications]\nretry = -2\n");
        assertThatThrownBy(() -> load(List.of(retry)))
                .hasMessage(retry + " [oslo_messaging_notifications] retry must be >= -1, got -2");
        Path env = file("ok.conf", "[DEFAULT]\n");
        assertThatThrownBy(() -> OsloConfig.load(List.of(env), List.of(), Map.of("OS_DEFAULT__RPC_RESPONSE_TIMEOUT", "soon")))
                .hasMessage("environment variable OS_DEFAULT__RPC_RESPONSE_TIMEOUT option 'rpc_response_timeout'"
                        + " must be an integer, got 'soon'");
    }

    @Test
    void aBadTransportUrlIsNamedWithItsPasswordMasked() throws IOException {
        Path f = file("url.conf", "[DEFAULT]\ntransport_url = rabbit://nova:s3cret@rabbit1:notaport/\n");
        assertThatThrownBy(() -> load(List.of(f))).isInstanceOf(InvalidConfiguration.class)
                .hasMessageStartingWith(f + " [DEFAULT] transport_url = 'rabbit://nova:****@rabbit1:notaport/'"
                        + " is not a valid transport URL")
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void missingFilesAndDirectoriesAreNamed() throws IOException {
        Path missing = dir.resolve("nope.conf");
        assertThatThrownBy(() -> load(List.of(missing))).isInstanceOf(InvalidConfiguration.class)
                .hasMessage("config file " + missing + " does not exist");
        Path noDir = dir.resolve("nodir");
        assertThatThrownBy(() -> OsloConfig.load(List.of(), List.of(noDir), Map.of()))
                .hasMessage("config directory " + noDir + " does not exist");
        Path notDir = file("plain.conf", "[DEFAULT]\n");
        assertThatThrownBy(() -> OsloConfig.load(List.of(), List.of(notDir), Map.of()))
                .hasMessage("config directory " + notDir + " is not a directory");
        Path broken = file("broken.conf", "[DEFAULT]\nno separator here\n");
        assertThatThrownBy(() -> load(List.of(broken)))
                .hasMessage("config file " + broken + " line 2: no ':' or '=' found in assignment: 'no separator here'");
    }

    @Test
    void notifierBuilderFollowsTheFiles() throws IOException {
        Path f = file("n.conf", "[oslo_messaging_notifications]\ndriver = test\ntopics = audit\nretry = 0\n");
        Notifier n = load(List.of(f)).notifierBuilder(null).build();
        assertThat(n.drivers()).containsExactly("test");
        assertThat(n.topics()).containsExactly("audit");
        assertThat(n.retry()).isZero();
        Path none = file("none.conf", "[DEFAULT]\n");
        assertThat(load(List.of(none)).notifierBuilder(null).build().drivers()).isEmpty(); // as oslo: no driver, nothing sent
    }
}
