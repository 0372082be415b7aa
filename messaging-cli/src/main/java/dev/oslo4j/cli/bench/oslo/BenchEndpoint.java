package dev.oslo4j.cli.bench.oslo;

import dev.oslo4j.cli.bench.ProcessedCounter;
import dev.oslo4j.messaging.RequestContext;

/** The benchmark's RPC endpoint: {@code echo} answers calls, {@code sink} counts casts. */
public final class BenchEndpoint {
    private final ProcessedCounter processed;

    BenchEndpoint(ProcessedCounter processed) {
        this.processed = processed;
    }

    public String echo(RequestContext context, String payload) {
        return payload;
    }

    public void sink(RequestContext context, String payload) {
        processed.increment();
    }
}
