package dev.oslo4j.cli.serve;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oslo4j.messaging.DynamicEndpoint;
import dev.oslo4j.messaging.RequestContext;
import dev.oslo4j.messaging.Target;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The reference endpoint in namespace {@code ns2} at version {@code 2.3}: {@code whoami()}. */
final class WhoamiEndpoint implements DynamicEndpoint {
    static final String NAMESPACE = "ns2";
    static final String VERSION = "2.3";

    private final String server;

    WhoamiEndpoint(String server) {
        this.server = server;
    }

    @Override
    public Target target() {
        return Target.builder().namespace(NAMESPACE).version(VERSION).build();
    }

    @Override
    public boolean hasMethod(String method) {
        return method.equals("whoami");
    }

    @Override
    public Object invoke(RequestContext context, String method, ObjectNode args) {
        PythonArguments.bind(method, args, List.of());
        Map<String, Object> identity = new LinkedHashMap<>();
        identity.put("server", server);
        identity.put("namespace", NAMESPACE);
        return identity;
    }
}
