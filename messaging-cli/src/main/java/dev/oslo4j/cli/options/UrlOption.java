package dev.oslo4j.cli.options;

import picocli.CommandLine.Option;

/** {@code --url URL}, required: the bus to talk to. */
public final class UrlOption {
    @Option(names = "--url", required = true, paramLabel = "URL",
            description = "Transport URL in oslo's grammar, e.g. rabbit://guest:guest@127.0.0.1:5672/ "
                    + "(several hosts separated by commas; oslo options as query parameters).")
    String url;

    public String url() {
        return url;
    }
}
