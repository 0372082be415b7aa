package dev.oslo4j.cli.bench;

/** The messaging patterns {@code oslo4j bench} measures, by their command names. */
public enum BenchPattern {
    /** Synchronous RPC calls answered by a server; latency is the round trip. */
    RPC_CALL("rpc-call"),
    /** Casts, each confirmed by the broker and processed by a server; latency is until the confirm. */
    RPC_CAST("rpc-cast"),
    /** Notifications at INFO, confirmed and consumed by a listener; latency is until the confirm. */
    NOTIFY("notify");

    private final String command;

    BenchPattern(String command) {
        this.command = command;
    }

    /** The subcommand name, also the Python baseline script's pattern argument. */
    public String command() {
        return command;
    }

    /** Whether the rate counts only what the receiving side processed (everything but calls). */
    public boolean endToEnd() {
        return this != RPC_CALL;
    }
}
