package dev.oslo4j.messaging.dispatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oslo4j.messaging.DynamicEndpoint;
import dev.oslo4j.messaging.NoSuchMethod;
import dev.oslo4j.messaging.OsloFailure;
import dev.oslo4j.messaging.RemoteError;
import dev.oslo4j.messaging.RequestContext;
import dev.oslo4j.messaging.RpcEndpoint;
import dev.oslo4j.messaging.RpcParam;
import dev.oslo4j.messaging.Target;
import dev.oslo4j.messaging.UnsupportedVersion;
import dev.oslo4j.messaging.wire.Failure;
import dev.oslo4j.messaging.wire.Json;
import dev.oslo4j.messaging.wire.ReceivedRequest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RpcDispatcherTest {

    public static class Plain {
        public String echo(RequestContext ctxt, String arg) {
            return "plain:" + arg;
        }

        public int add(int a, int b) {
            return a + b;
        }

        public String _private(RequestContext ctxt) {
            return "never";
        }

        public Map<String, Object> typed(RequestContext ctxt, List<Integer> numbers, Optional<String> label) {
            return Map.of("sum", numbers.stream().mapToInt(Integer::intValue).sum(), "label", label.orElse("none"));
        }

        public String who(RequestContext ctxt) {
            return ctxt.userId();
        }

        public JsonNode raw(JsonNode anything) {
            return anything;
        }

        public void nothing() {
        }
    }

    @RpcEndpoint(namespace = "ns2", version = "2.3")
    public static class Versioned {
        public String whoami(RequestContext ctxt) {
            return "v2.3";
        }
    }

    public static class WithTargetMethod {
        public Target target() {
            return Target.builder().namespace("ns2").version("2.5").build();
        }

        public String whoami() {
            return "v2.5";
        }
    }

    public static class Renamed {
        public String go(@RpcParam("instance_id") String id) {
            return id;
        }
    }

    public static class Overloaded {
        public void x(int a) {
        }

        public void x(String a) {
        }
    }

    private static ReceivedRequest request(String json) throws Exception {
        ObjectNode m = (ObjectNode) Json.parse(json);
        return new ReceivedRequest(m.get("method"), m.get("args"), m.get("namespace"), m.get("version"),
                Json.mapper().createObjectNode().put("user_id", "u1"), null, null, null, null);
    }

    private static Object dispatch(RpcDispatcher d, String json) throws Exception {
        return d.dispatch(RequestContext.of(Map.of("user_id", "u1")), request(json));
    }

    private final RpcDispatcher d = RpcDispatcher.of(List.of(new Plain(), new Versioned(), new WithTargetMethod()));

    @Test
    void bindsArgumentsByNameAndConvertsTypes() throws Exception {
        assertThat(dispatch(d, "{\"method\": \"echo\", \"args\": {\"arg\": \"x\"}}")).isEqualTo("plain:x");
        assertThat(dispatch(d, "{\"method\": \"add\", \"args\": {\"b\": 2, \"a\": 40}}")).isEqualTo(42);
        assertThat(dispatch(d, "{\"method\": \"typed\", \"args\": {\"numbers\": [1, 2, 3]}}"))
                .isEqualTo(Map.of("sum", 6, "label", "none"));
        assertThat(dispatch(d, "{\"method\": \"who\"}")).isEqualTo("u1");
        assertThat(dispatch(d, "{\"method\": \"raw\", \"args\": {\"anything\": {\"k\": [1]}}}").toString())
                .isEqualTo("{\"k\":[1]}");
        assertThat(dispatch(d, "{\"method\": \"nothing\", \"args\": {}}")).isNull();
        assertThat(dispatch(RpcDispatcher.of(List.of(new Renamed())), "{\"method\": \"go\", \"args\": {\"instance_id\": \"i\"}}"))
                .isEqualTo("i");
    }

    @Test
    void endpointWithoutTargetServesOnlyVersionOneNullNamespace() throws Exception {
        assertThat(dispatch(d, "{\"method\": \"echo\", \"version\": \"1.0\", \"args\": {\"arg\": \"v\"}}")).isEqualTo("plain:v");
        assertThatThrownBy(() -> dispatch(d, "{\"method\": \"echo\", \"version\": \"1.1\", \"args\": {\"arg\": \"v\"}}"))
                .isInstanceOf(UnsupportedVersion.class)
                .hasMessage("Endpoint does not support RPC version 1.1. Attempted method: echo");
    }

    @Test
    void namespaceAndVersionSelectTheEndpoint() throws Exception {
        assertThat(dispatch(d, "{\"method\": \"whoami\", \"namespace\": \"ns2\", \"version\": \"2.3\"}")).isEqualTo("v2.3");
        assertThat(dispatch(d, "{\"method\": \"whoami\", \"namespace\": \"ns2\", \"version\": \"2.4\"}")).isEqualTo("v2.5");
        assertThatThrownBy(() -> dispatch(d, "{\"method\": \"whoami\", \"namespace\": \"ns2\", \"version\": \"2.6\"}"))
                .isInstanceOf(UnsupportedVersion.class);
        assertThatThrownBy(() -> dispatch(d, "{\"method\": \"whoami\", \"namespace\": \"other\", \"version\": \"2.0\"}"))
                .isInstanceOf(UnsupportedVersion.class)
                .hasMessage("Endpoint does not support RPC version 2.0. Attempted method: whoami");
        assertThatThrownBy(() -> dispatch(d, "{\"method\": \"whoami\"}")).as("null namespace never matches ns2")
                .isInstanceOf(NoSuchMethod.class);
    }

    @Test
    void compatibleEndpointWithoutTheMethodMeansNoSuchMethod() {
        assertThatThrownBy(() -> dispatch(d, "{\"method\": \"nosuch\"}")).isInstanceOf(NoSuchMethod.class)
                .hasMessage("Endpoint does not support RPC method nosuch");
        assertThatThrownBy(() -> dispatch(d, "{\"method\": \"_private\"}")).isInstanceOf(NoSuchMethod.class);
        assertThatThrownBy(() -> dispatch(d, "{\"method\": \"target\", \"namespace\": \"ns2\", \"version\": \"2.4\"}"))
                .isInstanceOf(NoSuchMethod.class);
        assertThatThrownBy(() -> dispatch(d, "{\"method\": \"toString\"}")).isInstanceOf(NoSuchMethod.class);
    }

    @Test
    void wrongArgumentsAreTypeErrorsLikePython() {
        assertThatThrownBy(() -> dispatch(d, "{\"method\": \"echo\", \"args\": {\"wrong\": 1}}"))
                .isInstanceOf(DispatchError.class).hasMessage("echo() got an unexpected keyword argument 'wrong'")
                .satisfies(e -> assertThat(((OsloFailure) e).failureClass()).isEqualTo("TypeError"));
        assertThatThrownBy(() -> dispatch(d, "{\"method\": \"add\", \"args\": {}}"))
                .isInstanceOf(DispatchError.class).hasMessage("add() missing 2 required keyword arguments: 'a', 'b'");
        assertThatThrownBy(() -> dispatch(d, "{\"method\": \"add\", \"args\": {\"a\": \"x\", \"b\": 1}}"))
                .isInstanceOf(DispatchError.class).hasMessageContaining("argument 'a' of add()");
        assertThatThrownBy(() -> dispatch(d, "{\"method\": \"echo\", \"args\": [1]}"))
                .isInstanceOf(DispatchError.class).hasMessageContaining("must be a mapping");
        assertThatThrownBy(() -> dispatch(d, "{\"args\": {}}"))
                .isInstanceOf(DispatchError.class).hasMessageContaining("no method name");
        assertThatThrownBy(() -> dispatch(d, "{\"method\": \"echo\", \"version\": \"one\"}"))
                .isInstanceOf(DispatchError.class)
                .satisfies(e -> assertThat(((OsloFailure) e).failureClass()).isEqualTo("ValueError"));
    }

    @Test
    void dynamicEndpointsTakePart() throws Exception {
        DynamicEndpoint dyn = new DynamicEndpoint() {
            @Override
            public boolean hasMethod(String method) {
                return method.startsWith("dyn_");
            }

            @Override
            public Object invoke(RequestContext context, String method, ObjectNode args) {
                return method + args.size();
            }
        };
        RpcDispatcher dd = RpcDispatcher.of(List.of(dyn, new Plain()));
        assertThat(dispatch(dd, "{\"method\": \"dyn_x\", \"args\": {\"a\": 1}}")).isEqualTo("dyn_x1");
        assertThat(dispatch(dd, "{\"method\": \"echo\", \"args\": {\"arg\": 1}}")).isEqualTo("plain:1");
    }

    @Test
    void overloadedNamesAreRejectedUpFront() {
        assertThatThrownBy(() -> RpcDispatcher.of(List.of(new Overloaded())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'x'");
    }

    @Test
    void javaExceptionsSerializeTruthfully() {
        Failure f = Failures.toFailure(new IllegalStateException("java says no", new RuntimeException("root")));
        assertThat(f.exceptionClass()).isEqualTo("IllegalStateException");
        assertThat(f.module()).isEqualTo("java.lang");
        assertThat(f.message()).isEqualTo("java says no");
        assertThat(f.args().get(0).textValue()).isEqualTo("java says no");
        assertThat(f.traceback().get(0)).isEqualTo("java.lang.IllegalStateException: java says no\n");
        assertThat(f.traceback()).anyMatch(l -> l.startsWith("Caused by: java.lang.RuntimeException: root"));
    }

    @Test
    void osloFailuresKeepTheirPythonIdentity() throws Exception {
        RemoteError e = RemoteError.builder("nova.exception", "InstanceNotFound")
                .message("Instance i-1 could not be found.").args(List.of()).kwarg("instance_id", "i-1").build();
        Failure f = Failures.toFailure(e);
        assertThat(f.toJson()).startsWith("{\"class\": \"InstanceNotFound\", \"module\": \"nova.exception\","
                + " \"message\": \"Instance i-1 could not be found.\", \"tb\": [");
        assertThat(f.toJson()).endsWith("\"args\": [], \"kwargs\": {\"instance_id\": \"i-1\"}}");
        RemoteError back = Failures.toRemoteError(Failure.parse(f.toJson()));
        assertThat(back.module()).isEqualTo("nova.exception");
        assertThat(back.exceptionClass()).isEqualTo("InstanceNotFound");
        assertThat(back.value()).isEqualTo("Instance i-1 could not be found.");
        assertThat(back.kwargs()).isEqualTo(Map.of("instance_id", "i-1"));
        assertThat(back).hasMessage("Remote error: InstanceNotFound Instance i-1 could not be found.");
        assertThat(Failures.toFailure(new NoSuchMethod("m")).module()).isEqualTo("oslo_messaging.rpc.dispatcher");
    }
}
