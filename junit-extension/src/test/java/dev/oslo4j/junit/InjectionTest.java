package dev.oslo4j.junit;

import dev.oslo4j.junit.examples.InjectionExamples;
import dev.oslo4j.junit.support.ExampleRun;
import dev.oslo4j.messaging.InvalidConfiguration;
import dev.oslo4j.messaging.RpcClient;
import dev.oslo4j.messaging.Target;
import dev.oslo4j.messaging.Transport;
import dev.oslo4j.messaging.TransportURL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ParameterResolutionException;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What OsloBroker injects, into which methods, and for how long. */
@ExtendWith(OsloBroker.class)
class InjectionTest {

    private static final Set<String> VIRTUAL_HOSTS = ConcurrentHashMap.newKeySet();

    private Transport fromBeforeEach;
    private OsloBus busFromBeforeEach;
    private String urlFromBeforeEach;

    @BeforeEach
    void setUp(Transport transport, OsloBus bus, @OsloUrl String url) {
        fromBeforeEach = transport;
        busFromBeforeEach = bus;
        urlFromBeforeEach = url;
    }

    @Test
    void aTestGetsOneTransportOneBusAndItsUrlInEveryMethod(Transport transport, OsloBus bus, @OsloUrl String url) {
        assertThat(transport).isSameAs(fromBeforeEach);
        assertThat(bus).isSameAs(busFromBeforeEach);
        assertThat(url).isEqualTo(urlFromBeforeEach).isEqualTo(bus.transportUrl()).startsWith("rabbit://");
        assertThat(transport.url()).isEqualTo(TransportURL.parse(url));
    }

    @RepeatedTest(3)
    void everyTestHasAVirtualHostOfItsOwn(@OsloUrl String url) {
        String vhost = TransportURL.parse(url).effectiveVirtualHost();
        assertThat(vhost).isNotEqualTo("/");
        assertThat(VIRTUAL_HOSTS.add(vhost)).as("virtual host %s used before", vhost).isTrue();
    }

    @Test
    void codeThatOpensItsOwnTransportFromTheUrlIsRecorded(@OsloUrl String url, OsloBus bus) {
        try (Transport own = Transport.open(url)) {
            RpcClient.builder(own, Target.topic("compute")).build().cast(Map.of(), "ping", Map.of());
        }
        bus.assertCastReceived(Target.topic("compute"), "ping");
    }

    @Test
    void openTransportGivesAnotherConnectionOnTheSameView(Transport transport, OsloBus bus) {
        Transport second = bus.openTransport();
        assertThat(second).isNotSameAs(transport);
        bus.stubServer(Target.topic("echo")).on("echo").replyWith(args -> args.get("v"));
        assertThat(RpcClient.builder(second, Target.topic("echo")).build().call(Map.of(), "echo", Map.of("v", 7))
                .asInt()).isEqualTo(7);
    }

    @Test
    void theInjectedTransportIsClosedAfterTheTest() {
        ExampleRun run = ExampleRun.of(InjectionExamples.KeepsItsTransport.class);
        assertThat(run.statusOf("keep")).isEqualTo("SUCCESSFUL");
        Transport kept = InjectionExamples.KeepsItsTransport.kept;
        assertThatThrownBy(() -> RpcClient.builder(kept, Target.topic("compute")).build()
                .cast(Map.of(), "ping", Map.of())).isInstanceOf(RuntimeException.class);
    }

    @Test
    void constructorsAndBeforeAllCannotTakePerTestParameters() {
        assertThat(ExampleRun.of(InjectionExamples.ConstructorInjection.class).failureOf("test"))
                .isInstanceOf(ParameterResolutionException.class)
                .hasMessageContaining("OsloBroker gives each test method its own broker view")
                .hasMessageContaining("not of constructors or @BeforeAll/@AfterAll methods");
        ExampleRun beforeAll = ExampleRun.of(InjectionExamples.BeforeAllInjection.class);
        assertThat(beforeAll.results().containerEvents().failed().list()).singleElement()
                .satisfies(e -> assertThat(e.getPayload(org.junit.platform.engine.TestExecutionResult.class)
                        .flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable).orElseThrow())
                        .hasMessageContaining("OsloBroker gives each test method its own broker view"));
    }

    @Test
    void badOptionsFailNamingTheOption() {
        assertThat(ExampleRun.of(InjectionExamples.MisspeltOption.class).failureOf("test"))
                .isInstanceOf(InvalidConfiguration.class)
                .hasMessageContaining("@OsloBrokerConfig option 'rpc_respnse_timeout' is unknown")
                .hasMessageContaining("did you mean 'rpc_response_timeout'?");
        assertThat(ExampleRun.of(InjectionExamples.OptionWithoutValue.class).failureOf("test"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("@OsloBrokerConfig(options = \"rpc_response_timeout\"): expected name=value");
    }

    @Nested
    class NestedTests {
        @Test
        void nestedTestsGetTheirOwnViewToo(OsloBus bus, @OsloUrl String url) {
            assertThat(bus).as("the outer @BeforeEach ran for this test").isSameAs(busFromBeforeEach);
            assertThat(url).isEqualTo(urlFromBeforeEach);
            assertThat(VIRTUAL_HOSTS.add(TransportURL.parse(url).effectiveVirtualHost())).isTrue();
            assertThat(bus.messages()).isEmpty();
        }
    }
}
