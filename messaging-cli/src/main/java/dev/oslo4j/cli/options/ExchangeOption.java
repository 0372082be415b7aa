package dev.oslo4j.cli.options;

import picocli.CommandLine.Option;

/** {@code --exchange E}: the exchange to use instead of the control exchange. */
public final class ExchangeOption {
    @Option(names = "--exchange", paramLabel = "E",
            description = "Exchange (default: the control exchange, 'openstack').")
    String exchange;

    /** The exchange given, or null for the control exchange. */
    public String exchange() {
        return exchange;
    }
}
