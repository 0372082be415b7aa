package dev.oslo4j.junit.internal;

import dev.oslo4j.junit.OsloBrokerConfig;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Merges {@link OsloBrokerConfig} annotations over the extension's base settings: the outermost enclosing class
 * first, then inner classes, the test class (each including what it inherits), then the test method; an attribute
 * left at its default does not override.
 */
public final class SettingsResolver {

    private SettingsResolver() {
    }

    public static Settings resolve(Settings base, ExtensionContext context) {
        List<OsloBrokerConfig> layers = new ArrayList<>();
        for (Class<?> c : testClassesOutermostFirst(context)) {
            AnnotationSupport.findAnnotation(c, OsloBrokerConfig.class).ifPresent(layers::add);
        }
        context.getTestMethod()
                .flatMap(m -> AnnotationSupport.findAnnotation(m, OsloBrokerConfig.class))
                .ifPresent(layers::add);
        Settings s = base;
        for (OsloBrokerConfig c : layers) {
            s = apply(s, c);
        }
        return s;
    }

    /**
     * The test classes from the outermost enclosing class to the test class itself, read from the context chain
     * ({@code getEnclosingTestClasses()} would do this but exists only since JUnit 5.12; users may run 5.10).
     */
    static List<Class<?>> testClassesOutermostFirst(ExtensionContext context) {
        Deque<Class<?>> classes = new ArrayDeque<>();
        for (Optional<ExtensionContext> c = Optional.of(context); c.isPresent(); c = c.get().getParent()) {
            c.get().getTestClass().filter(k -> classes.peekFirst() != k).ifPresent(classes::addFirst);
        }
        return new ArrayList<>(classes);
    }

    static Settings apply(Settings s, OsloBrokerConfig c) {
        if (c.awaitTimeoutMillis() != -1) {
            s = s.withAwaitTimeout(Duration.ofMillis(c.awaitTimeoutMillis()));
        }
        if (c.quietPeriodMillis() != -1) {
            s = s.withQuietPeriod(Duration.ofMillis(c.quietPeriodMillis()));
        }
        if (!c.controlExchange().isEmpty()) {
            s = s.withOption("control_exchange", c.controlExchange());
        }
        for (String option : c.options()) {
            int eq = option.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("@OsloBrokerConfig(options = \"" + option + "\"): expected"
                        + " name=value with an oslo option name, e.g. rpc_response_timeout=2");
            }
            s = s.withOption(option.substring(0, eq).trim(), option.substring(eq + 1).trim());
        }
        if (c.dedicatedBroker()) {
            s = s.withDedicatedBroker(true);
        }
        if (!c.transportUrl().isEmpty()) {
            s = s.withBroker(c.transportUrl());
        }
        return s;
    }
}
