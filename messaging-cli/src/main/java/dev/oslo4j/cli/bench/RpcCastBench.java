package dev.oslo4j.cli.bench;

import picocli.CommandLine.Command;

/** {@code oslo4j bench rpc-cast}. */
@Command(name = "rpc-cast", description = "RPC casts, each confirmed by the broker; rate counts casts the server processed.")
final class RpcCastBench extends PatternBench {
    @Override
    BenchPattern pattern() {
        return BenchPattern.RPC_CAST;
    }
}
