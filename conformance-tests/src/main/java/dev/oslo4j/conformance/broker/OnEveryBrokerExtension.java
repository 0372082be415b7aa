package dev.oslo4j.conformance.broker;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;
import org.junit.platform.commons.support.AnnotationSupport;

import dev.oslo4j.broker.EmbeddedBroker;
import dev.oslo4j.testsupport.Requirements;

/**
 * Turns an {@link OnEveryBroker} method into one invocation per broker. The shared embedded broker lives
 * in the root {@link ExtensionContext.Store} (closed when the run ends); the RabbitMQ probe runs once.
 */
final class OnEveryBrokerExtension implements TestTemplateInvocationContextProvider {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(OnEveryBrokerExtension.class);

    @Override
    public boolean supportsTestTemplate(ExtensionContext context) {
        return context.getTestMethod().map(m -> AnnotationSupport.isAnnotated(m, OnEveryBroker.class)).orElse(false);
    }

    @Override
    public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
        boolean dedicated = AnnotationSupport.findAnnotation(context.getRequiredTestMethod(), OnEveryBroker.class)
                .map(OnEveryBroker::dedicated).orElse(false);
        String url = BrokerTargets.conformanceUrl();
        if (url != null) {
            TransportUrl parsed = TransportUrl.parse(url);
            return Stream.of(invocation("url", c -> Invocation.of(new RabbitMqUnderTest("url", parsed, false, false)),
                    List.of()));
        }
        return Stream.of(
                invocation("embedded", c -> embedded(c, dedicated), List.of()),
                invocation("rabbitmq", c -> rabbitMq(dedicated), List.of(new RabbitMqGate())));
    }

    private static Invocation embedded(ExtensionContext context, boolean dedicated) {
        if (dedicated) {
            return Invocation.of(new EmbeddedUnderTest(EmbeddedBroker.start(), true));
        }
        SharedBroker shared = context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(SharedBroker.class, k -> new SharedBroker(EmbeddedBroker.start()), SharedBroker.class);
        return Invocation.of(new EmbeddedUnderTest(shared.broker, false));
    }

    private static Invocation rabbitMq(boolean dedicated) {
        RabbitMqUnderTest shared = new RabbitMqUnderTest("rabbitmq", TransportUrl.parse(Requirements.rabbitMqUrl()),
                false, true);
        // A dedicated view is owned (and cleaned up) by the shared one.
        return new Invocation(shared, dedicated ? shared.withDedicatedVirtualHost() : shared);
    }

    /** What one invocation injects, and what closes after it. */
    private record Invocation(AutoCloseable owner, BrokerUnderTest view) implements AutoCloseable {
        static Invocation of(AbstractBrokerUnderTest broker) {
            return new Invocation(broker, broker);
        }

        @Override
        public void close() throws Exception {
            owner.close();
        }
    }

    private static TestTemplateInvocationContext invocation(String name,
                                                            Function<ExtensionContext, Invocation> factory,
                                                            List<Extension> extra) {
        return new TestTemplateInvocationContext() {
            @Override
            public String getDisplayName(int invocationIndex) {
                return "[" + name + "]";
            }

            @Override
            public List<Extension> getAdditionalExtensions() {
                return Stream.concat(extra.stream(), Stream.of(new Resolver(factory))).toList();
            }
        };
    }

    /** The per-invocation {@link BrokerUnderTest}: created on first injection, closed after the test. */
    private static final class Resolver implements ParameterResolver {
        private final Function<ExtensionContext, Invocation> factory;

        Resolver(Function<ExtensionContext, Invocation> factory) {
            this.factory = factory;
        }

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == BrokerUnderTest.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return context.getStore(NAMESPACE)
                    .getOrComputeIfAbsent(Invocation.class, k -> factory.apply(context), Invocation.class)
                    .view();
        }
    }

    /** Skips (or, when required, fails) the RabbitMQ invocation if RabbitMQ cannot be reached. */
    private static final class RabbitMqGate implements ExecutionCondition, BeforeEachCallback {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            BrokerTargets.Availability availability = availability(context);
            if (availability.reachable() || Requirements.rabbitMqRequired()) {
                return ConditionEvaluationResult.enabled("RabbitMQ reachable or required");
            }
            BrokerTargets.reportSkipOnce(availability.reason());
            return ConditionEvaluationResult.disabled(availability.reason());
        }

        @Override
        public void beforeEach(ExtensionContext context) {
            BrokerTargets.Availability availability = availability(context);
            if (!availability.reachable()) {
                throw new IllegalStateException(availability.reason() + ", and " + Requirements.REQUIRE_RABBITMQ_ENV
                        + "=1 requires it");
            }
        }

        private static BrokerTargets.Availability availability(ExtensionContext context) {
            return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(BrokerTargets.Availability.class,
                    k -> BrokerTargets.probeRabbitMq(), BrokerTargets.Availability.class);
        }
    }

    /** The JVM-wide embedded broker, closed by JUnit when the root context closes. */
    private static final class SharedBroker implements AutoCloseable {
        final EmbeddedBroker broker;

        SharedBroker(EmbeddedBroker broker) {
            this.broker = broker;
        }

        @Override
        public void close() {
            broker.close();
        }
    }
}
