package dev.oslo4j.cli.bench;

import picocli.CommandLine.Command;

/** {@code oslo4j bench rpc-call}. */
@Command(name = "rpc-call", description = "Synchronous RPC calls to an RPC server (latency = round trip).")
final class RpcCallBench extends PatternBench {
    @Override
    BenchPattern pattern() {
        return BenchPattern.RPC_CALL;
    }
}
