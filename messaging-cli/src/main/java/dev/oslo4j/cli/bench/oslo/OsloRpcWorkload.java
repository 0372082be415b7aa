package dev.oslo4j.cli.bench.oslo;

import dev.oslo4j.cli.bench.BenchPattern;
import dev.oslo4j.cli.bench.BenchTopology;
import dev.oslo4j.cli.bench.LoadSpec;
import dev.oslo4j.cli.bench.Payloads;
import dev.oslo4j.cli.bench.ProcessedCounter;
import dev.oslo4j.cli.bench.Workload;
import dev.oslo4j.messaging.MessagingOptions;
import dev.oslo4j.messaging.RpcClient;
import dev.oslo4j.messaging.RpcServer;
import dev.oslo4j.cli.bench.ReceiverExecutor;
import java.util.concurrent.Executor;
import dev.oslo4j.messaging.Target;
import dev.oslo4j.messaging.Transport;
import java.time.Duration;
import java.util.Map;

/**
 * oslo4j RPC calls or casts: an {@link RpcServer} and an {@link RpcClient} on separate transports (as a
 * server and its callers run in separate processes), on an exchange and topic of their own.
 */
final class OsloRpcWorkload implements Workload {
    private final BenchPattern pattern;
    private final Transport serverTransport;
    private final Transport clientTransport;
    private final RpcServer server;
    /** The application-style executor of {@code --receiver-executor jdk-pool|virtual}, or null. */
    private final Executor serverExecutor;
    private final RpcClient client;
    private final Map<String, Object> args;
    private final ProcessedCounter processed = new ProcessedCounter();

    OsloRpcWorkload(TransportOpener opener, BenchPattern pattern, String url, BenchTopology topology, LoadSpec spec,
                    Duration timeout, ReceiverExecutor receivers) {
        this.pattern = pattern;
        this.args = Map.of("payload", Payloads.text(spec.payloadBytes()));
        int poolSize = Math.max(8, spec.threads());
        // no thread runs before the first task: nothing to shut down if opening the transport fails
        this.serverExecutor = receivers.newExecutor(poolSize);
        this.serverTransport = opener.open(url, MessagingOptions.defaults());
        try {
            RpcServer.Builder builder = RpcServer.builder(serverTransport,
                            Target.builder().exchange(topology.exchange()).topic(topology.topic())
                                    .server(topology.server()).build())
                    .endpoint(new BenchEndpoint(processed));
            this.server = (serverExecutor != null ? builder.executor(serverExecutor)
                    : builder.executorThreads(receivers.threads(poolSize))).build().start();
            this.clientTransport = opener.open(url, MessagingOptions.defaults());
            this.client = RpcClient.builder(clientTransport,
                            Target.builder().exchange(topology.exchange()).topic(topology.topic()).build())
                    .timeout(timeout).build();
        } catch (RuntimeException e) {
            serverTransport.close();
            ReceiverExecutor.shutDown(serverExecutor);
            throw e;
        }
    }

    @Override
    public String name() {
        return "oslo4j";
    }

    @Override
    public Operation newOperation(int thread) {
        Map<String, Object> context = Map.of();
        return pattern == BenchPattern.RPC_CALL
                ? sequence -> client.call(context, "echo", args)
                : sequence -> client.cast(context, "sink", args);
    }

    @Override
    public PipelinedOperation newPipelinedOperation(int thread) {
        Map<String, Object> context = Map.of();
        return pattern == BenchPattern.RPC_CALL
                ? sequence -> client.callAsync(context, "echo", args)
                : sequence -> client.castAsync(context, "sink", args);
    }

    @Override
    public long awaitProcessed(long total, Duration timeout) throws InterruptedException {
        return pattern == BenchPattern.RPC_CALL ? total : processed.awaitAtLeast(total, timeout);
    }

    @Override
    public void close() {
        try {
            clientTransport.close();
            server.close();
        } finally {
            serverTransport.close();
            ReceiverExecutor.shutDown(serverExecutor);
        }
    }
}
