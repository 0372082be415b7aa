package dev.oslo4j.junit;

import dev.oslo4j.junit.internal.Backends;
import dev.oslo4j.junit.internal.BrokerUnavailable;
import dev.oslo4j.junit.internal.Settings;
import dev.oslo4j.junit.internal.SettingsResolver;
import dev.oslo4j.junit.internal.TestSession;
import dev.oslo4j.messaging.Transport;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.opentest4j.TestAbortedException;

import java.time.Duration;
import java.util.Objects;

/**
 * JUnit 5 extension for hermetic oslo.messaging contract tests: an embedded broker (Apache Qpid Broker-J made to
 * behave like RabbitMQ) started once per JVM, and for every test method an isolated, empty broker view (its own
 * virtual host) that records every message published, so tests can run in parallel without ever seeing each
 * other's messages.
 *
 * <pre>{@code
 * @ExtendWith(OsloBroker.class)
 * class ComputeApiTest {
 *     @Test
 *     void reboot(Transport transport, OsloBus bus) {
 *         new ComputeApi(transport).reboot("host1", "uuid-1");
 *         bus.assertCastReceived(Target.topic("compute").withServer("host1"), "reboot_instance")
 *            .withArg("instance_id", "uuid-1");
 *     }
 * }
 * }</pre>
 *
 * <p>Parameters of test and {@code @BeforeEach} methods it fills:
 * <ul>
 *   <li>{@link Transport} — opened on the test's view, closed after the test (one per test);</li>
 *   <li>{@link OsloBus} — recordings, assertions, stubs, fault injection;</li>
 *   <li>{@code @}{@link OsloUrl} {@code String} — the test's transport URL for code that opens its own Transport.</li>
 * </ul>
 *
 * <p>Configuration: {@link OsloBrokerConfig} on the class or method, or {@link #builder()} with
 * {@code @RegisterExtension}. With the environment variable {@code OSLO4J_TEST_TRANSPORT_URL=rabbit://…} the same
 * tests run against that RabbitMQ instead (a fresh virtual host per test, recorded through the firehose; needs
 * {@code rabbitmqctl}); when it does not answer, tests are skipped with the reason — or fail, under
 * {@code OSLO4J_REQUIRE_RABBITMQ=1}.
 *
 * <p>The broker is kept in the root {@link ExtensionContext.Store} and closed when the test run ends; each test's
 * view lives in the test's store and is torn down after it (after {@code @AfterEach} methods), with the transports
 * and stubs it opened.
 */
public final class OsloBroker implements BeforeEachCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(OsloBroker.class);
    static final String REQUIRE_ENV = "OSLO4J_REQUIRE_RABBITMQ";

    private final Settings base;

    /** The extension with default settings, for {@code @ExtendWith(OsloBroker.class)}. */
    public OsloBroker() {
        this(Settings.defaults());
    }

    private OsloBroker(Settings base) {
        this.base = base;
    }

    /** Settings for {@code @RegisterExtension static OsloBroker broker = OsloBroker.builder()…build();}. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        session(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == Transport.class || type == OsloBus.class
                || type == String.class && parameter.isAnnotated(OsloUrl.class);
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        if (context.getTestMethod().isEmpty()) {
            throw new ParameterResolutionException(parameter.getParameter().getType().getSimpleName() + " "
                    + parameter.getParameter().getName() + " of " + parameter.getDeclaringExecutable()
                    + ": OsloBroker gives each test method its own broker view, so it fills parameters of @Test and"
                    + " @BeforeEach/@AfterEach methods only, not of constructors or @BeforeAll/@AfterAll methods");
        }
        TestSession session = session(context);
        Class<?> type = parameter.getParameter().getType();
        if (type == Transport.class) {
            return session.transport();
        }
        if (type == OsloBus.class) {
            return bus(context, session);
        }
        return session.transportUrl();
    }

    private TestSession session(ExtensionContext context) {
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        return store.getOrComputeIfAbsent(TestSession.class, k -> openSession(context), TestSession.class);
    }

    private OsloBus bus(ExtensionContext context, TestSession session) {
        return context.getStore(NAMESPACE).getOrComputeIfAbsent(OsloBus.class, k -> new OsloBus(session),
                OsloBus.class);
    }

    private TestSession openSession(ExtensionContext context) {
        Settings settings = SettingsResolver.resolve(base, context);
        if (settings.dedicated() && settings.brokerUrl() == null) {
            return TestSession.openDedicated(context.getDisplayName(), settings);
        }
        Backends.Handle handle;
        try {
            handle = backend(context, settings);
        } catch (BrokerUnavailable e) {
            if ("1".equals(System.getenv(REQUIRE_ENV))) {
                throw new IllegalStateException(e.getMessage() + ", and " + REQUIRE_ENV + "=1", e);
            }
            throw new TestAbortedException(e.getMessage() + "; skipping");
        }
        return TestSession.open(context.getDisplayName(), settings, handle.backend());
    }

    /** The run's hold on the broker, kept (and closed at the end of the run) in the root store. */
    private static Backends.Handle backend(ExtensionContext context, Settings settings) {
        String key = "broker " + (settings.brokerUrl() == null ? Settings.EMBEDDED : settings.brokerUrl());
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(key, k -> Backends.acquire(settings), Backends.Handle.class);
    }

    /** Programmatic settings, the base that {@link OsloBrokerConfig} annotations override. */
    public static final class Builder {
        private Settings settings = Settings.defaults();

        private Builder() {
        }

        /** How long bus assertions wait (default 5 s). */
        public Builder awaitTimeout(Duration timeout) {
            settings = settings.withAwaitTimeout(timeout);
            return this;
        }

        /** How long negative assertions watch (default 200 ms). */
        public Builder quietPeriod(Duration period) {
            settings = settings.withQuietPeriod(period);
            return this;
        }

        /** oslo's {@code control_exchange} for the test's transport (default {@code openstack}). */
        public Builder controlExchange(String exchange) {
            return option("control_exchange", Objects.requireNonNull(exchange, "exchange"));
        }

        /** An oslo option by its oslo name for the test's transport URL, e.g. {@code ("rpc_response_timeout", "2")}. */
        public Builder option(String name, String value) {
            settings = settings.withOption(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** Each test gets an embedded broker of its own; see {@link OsloBrokerConfig#dedicatedBroker()}. */
        public Builder dedicatedBroker(boolean dedicated) {
            settings = settings.withDedicatedBroker(dedicated);
            return this;
        }

        /** {@code "embedded"} or a {@code rabbit://} URL; overrides {@code OSLO4J_TEST_TRANSPORT_URL}. */
        public Builder transportUrl(String url) {
            settings = settings.withBroker(url);
            return this;
        }

        public OsloBroker build() {
            return new OsloBroker(settings);
        }
    }
}
