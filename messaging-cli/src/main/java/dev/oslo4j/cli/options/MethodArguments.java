package dev.oslo4j.cli.options;

import dev.oslo4j.cli.JsonInput;
import java.util.Map;
import picocli.CommandLine.Parameters;

/** {@code METHOD [ARGS_JSON]}: what to invoke on the endpoint and its keyword arguments. */
public final class MethodArguments {
    @Parameters(index = "0", paramLabel = "METHOD", description = "The endpoint method.")
    String method;

    @Parameters(index = "1", paramLabel = "ARGS_JSON", defaultValue = "{}",
            description = "Keyword arguments as a JSON object (default: ${DEFAULT-VALUE}).")
    String args;

    public String method() {
        return method;
    }

    /** The parsed arguments; malformed JSON or a non-object is a usage error naming {@code ARGS_JSON}. */
    public Map<String, Object> arguments() {
        return JsonInput.parseObject(args, "ARGS_JSON");
    }
}
