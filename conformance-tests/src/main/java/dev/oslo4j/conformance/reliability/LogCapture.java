package dev.oslo4j.conformance.reliability;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Predicate;

import org.junit.jupiter.api.Assumptions;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.AppenderBase;

/**
 * Records the log events of some loggers while a test runs (at a level chosen by the test, restored on close),
 * so that a test can assert what was logged, how often, and that no secret was. Captured events are not
 * printed (the faults a test provokes on purpose would drown its report). Needs logback as the SLF4J
 * backend; without it the test is skipped with that reason.
 */
final class LogCapture implements AutoCloseable {

    /** One captured event: level, logger, formatted message and the messages of its exception chain. */
    record Event(Level level, String logger, String message, String thrown) {
        /** Everything a reader of the log would see in words (message and exception messages). */
        String text() {
            return thrown == null ? message : message + " | " + thrown;
        }

        @Override
        public String toString() {
            return level + " " + logger + " - " + text();
        }
    }

    private final ConcurrentLinkedQueue<Event> events = new ConcurrentLinkedQueue<>();
    private final Map<Logger, Level> previousLevels = new LinkedHashMap<>();
    private final Map<Logger, Boolean> previousAdditivity = new LinkedHashMap<>();
    private final AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {
        @Override
        protected void append(ILoggingEvent e) {
            events.add(new Event(e.getLevel(), e.getLoggerName(), e.getFormattedMessage(), chain(e.getThrowableProxy())));
        }
    };

    private LogCapture(Level level, List<String> loggerNames) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            Assumptions.abort("log capture needs logback as the SLF4J backend, found "
                    + LoggerFactory.getILoggerFactory().getClass().getName());
            throw new IllegalStateException("unreachable");
        }
        appender.setContext(context);
        appender.setName("oslo4j-reliability-capture");
        appender.start();
        for (String name : loggerNames) {
            Logger logger = context.getLogger(name);
            previousLevels.put(logger, logger.getLevel());
            previousAdditivity.put(logger, logger.isAdditive());
            logger.setLevel(level);
            // Captured, not printed: the events the test provokes on purpose would drown the report.
            logger.setAdditive(false);
            logger.addAppender(appender);
        }
    }

    /** Captures {@code loggers} (and their children) at {@code level} and above. */
    static LogCapture of(Level level, String... loggers) {
        return new LogCapture(level, List.of(loggers));
    }

    List<Event> events() {
        return new ArrayList<>(events);
    }

    List<Event> events(Predicate<Event> filter) {
        return events.stream().filter(filter).toList();
    }

    /** Events whose text contains {@code fragment}. */
    List<Event> containing(String fragment) {
        return events(e -> e.text().contains(fragment));
    }

    /** Events at {@code level} or more severe. */
    List<Event> atLeast(Level level) {
        return events(e -> e.level().isGreaterOrEqual(level));
    }

    int size() {
        return events.size();
    }

    void clear() {
        events.clear();
    }

    @Override
    public void close() {
        previousLevels.forEach((logger, level) -> {
            logger.detachAppender(appender);
            logger.setLevel(level);
            logger.setAdditive(previousAdditivity.get(logger));
        });
        appender.stop();
    }

    private static String chain(IThrowableProxy t) {
        if (t == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (IThrowableProxy p = t; p != null; p = p.getCause()) {
            if (sb.length() > 0) {
                sb.append(" / caused by ");
            }
            sb.append(p.getClassName()).append(": ").append(p.getMessage());
        }
        return sb.toString();
    }
}
