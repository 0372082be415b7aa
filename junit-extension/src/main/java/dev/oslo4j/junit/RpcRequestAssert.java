package dev.oslo4j.junit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oslo4j.junit.internal.Criterion;
import dev.oslo4j.junit.internal.Expectation;
import dev.oslo4j.junit.internal.JsonValues;
import dev.oslo4j.junit.internal.Recording;
import dev.oslo4j.junit.internal.RequestCriteria;

import org.assertj.core.description.Description;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

import static dev.oslo4j.junit.internal.MessageText.quote;

/**
 * Assertion on the casts or calls a test sent, returned by {@link OsloBus#assertCastReceived} and
 * {@link OsloBus#assertCalled}; each narrowing waits (see {@link MessageAssert}).
 *
 * <pre>{@code
 * bus.assertCastReceived(Target.topic("compute").withServer("host1"), "reboot_instance")
 *    .withArg("instance_id", "uuid-1")
 *    .withArgSatisfying("reboot_type", type -> assertThat(type.asText()).isIn("SOFT", "HARD"))
 *    .withContext("request_id", "req-1");
 * }</pre>
 */
public final class RpcRequestAssert extends MessageAssert<RpcRequestAssert, RecordedRequest> {

    RpcRequestAssert(Recording recording, Expectation<RecordedRequest> expectation, Duration timeout,
                     Description description) {
        super(recording, expectation, timeout, description);
    }

    @Override
    ObjectNode contextOf(RecordedRequest message) {
        return message.context();
    }

    /** Narrows to requests whose argument {@code name} equals {@code value} (compared as JSON; numbers by value). */
    public RpcRequestAssert withArg(String name, Object value) {
        Objects.requireNonNull(name, "name");
        return narrow(RequestCriteria.arg(name, JsonValues.toNode(value)));
    }

    /** Narrows to requests whose arguments are exactly {@code args} — no more, no fewer (compared as JSON). */
    public RpcRequestAssert withArgs(Map<String, ?> args) {
        Objects.requireNonNull(args, "args");
        return narrow(RequestCriteria.args(JsonValues.toNode(args)));
    }

    /**
     * Narrows to requests whose argument {@code name} passes {@code requirement} (typically AssertJ assertions on
     * the {@link JsonNode}); a request without that argument does not match. On failure, the message shows what
     * the requirement reported for each recorded request.
     */
    public RpcRequestAssert withArgSatisfying(String name, Consumer<JsonNode> requirement) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(requirement, "requirement");
        return narrow(Criterion.satisfying("with arg " + quote(name) + " satisfying the given requirement",
                "arg " + quote(name), r -> r.arg(name), requirement));
    }
}
