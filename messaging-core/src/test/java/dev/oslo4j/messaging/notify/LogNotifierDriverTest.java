package dev.oslo4j.messaging.notify;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.oslo4j.messaging.Notifier;
import dev.oslo4j.messaging.Priority;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LogNotifierDriverTest {

    private final Logger base = (Logger) LoggerFactory.getLogger(LogNotifierDriver.LOGGER_BASE);
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    @BeforeEach
    void capture() {
        appender.start();
        base.addAppender(appender);
        base.setLevel(Level.DEBUG);
    }

    @AfterEach
    void release() {
        base.detachAppender(appender);
        base.setLevel(null);
    }

    @Test
    void logsTheMessageAsJsonOnTheEventTypesLoggerWithSecretsMasked() {
        Notifier n = Notifier.builder(null).driver("log").publisherId("compute.host1").build();
        n.info(Map.of("user_id", "u"), "compute.instance.create.end",
                Map.of("admin_password", "hunter2", "nested", Map.of("auth_token", "t"), "name", "vm1")).join();
        assertThat(appender.list).hasSize(1);
        ILoggingEvent e = appender.list.get(0);
        assertThat(e.getLoggerName()).isEqualTo("oslo.messaging.notification.compute.instance.create.end");
        assertThat(e.getLevel()).isEqualTo(Level.INFO);
        String text = e.getFormattedMessage();
        assertThat(text).startsWith("{\"message_id\": \"").contains("\"publisher_id\": \"compute.host1\"")
                .contains("\"priority\": \"INFO\"").contains("\"admin_password\": \"***\"")
                .contains("\"auth_token\": \"***\"").contains("\"name\": \"vm1\"").doesNotContain("hunter2")
                .contains("\"timestamp\": \"");
    }

    @Test
    void levelsFollowThePriority() {
        assertThat(LogNotifierDriver.levelOf(Priority.DEBUG)).isEqualTo(org.slf4j.event.Level.DEBUG);
        assertThat(LogNotifierDriver.levelOf(Priority.SAMPLE)).isEqualTo(org.slf4j.event.Level.DEBUG);
        assertThat(LogNotifierDriver.levelOf(Priority.AUDIT)).isEqualTo(org.slf4j.event.Level.INFO);
        assertThat(LogNotifierDriver.levelOf(Priority.WARN)).isEqualTo(org.slf4j.event.Level.WARN);
        assertThat(LogNotifierDriver.levelOf(Priority.CRITICAL)).isEqualTo(org.slf4j.event.Level.ERROR);
    }
}
