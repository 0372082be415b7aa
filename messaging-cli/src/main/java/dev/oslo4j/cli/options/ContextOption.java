package dev.oslo4j.cli.options;

import dev.oslo4j.cli.JsonInput;
import java.util.Map;
import picocli.CommandLine.Option;

/** {@code --context JSON}: the request context sent along (oslo's {@code _context_*} keys). */
public final class ContextOption {
    @Option(names = "--context", paramLabel = "JSON", defaultValue = "{}",
            description = "Request context as a JSON object, e.g. '{\"request_id\": \"req-1\", "
                    + "\"user_id\": \"u1\"}' (default: ${DEFAULT-VALUE}).")
    String context;

    /** The parsed context; a malformed one is a usage error naming {@code --context}. */
    public Map<String, Object> values() {
        return JsonInput.parseObject(context, "--context");
    }
}
