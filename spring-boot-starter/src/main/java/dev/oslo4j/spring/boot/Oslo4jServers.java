package dev.oslo4j.spring.boot;

import dev.oslo4j.messaging.InvalidConfiguration;
import dev.oslo4j.messaging.NotificationEndpoint;
import dev.oslo4j.messaging.NotificationListener;
import dev.oslo4j.messaging.RpcEndpoint;
import dev.oslo4j.messaging.RpcServer;
import dev.oslo4j.messaging.Target;
import dev.oslo4j.messaging.Transport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.Environment;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The application's RPC server (every {@code @RpcEndpoint} bean, on {@code Target(topic, server)}) and
 * notification listener (every {@link NotificationEndpoint} bean, on the listener topics). Started once the
 * context has refreshed (every bean ready), stopped gracefully on shutdown: consumers cancelled first, then
 * running requests and notifications finish within {@code oslo4j.shutdown-timeout}.
 */
public class Oslo4jServers implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(Oslo4jServers.class);

    private final Transport transport;
    private final ApplicationContext context;
    private final Oslo4jProperties.RpcServer rpc;
    private final Environment environment;
    private final List<String> listenerTopics;
    private final String pool;
    private final Duration shutdownTimeout;
    private RpcServer rpcServer;
    private NotificationListener listener;
    private volatile boolean running;

    Oslo4jServers(Transport transport, ApplicationContext context, Oslo4jProperties.RpcServer rpc,
                  Environment environment, List<String> listenerTopics, String pool, Duration shutdownTimeout) {
        this.transport = transport;
        this.context = context;
        this.rpc = rpc;
        this.environment = environment;
        this.listenerTopics = List.copyOf(listenerTopics);
        this.pool = pool;
        this.shutdownTimeout = shutdownTimeout;
    }

    @Override
    public synchronized void start() {
        List<Object> rpcEndpoints = new ArrayList<>(context.getBeansWithAnnotation(RpcEndpoint.class).values());
        if (!rpcEndpoints.isEmpty()) {
            rpcServer = RpcServer.builder(transport, rpcTarget()).endpoints(rpcEndpoints).build().start();
            LOG.info("oslo4j: serving {} RPC endpoint bean(s) on {}", rpcEndpoints.size(), rpcServer.target());
        }
        List<NotificationEndpoint> notificationEndpoints =
                new ArrayList<>(context.getBeansOfType(NotificationEndpoint.class).values());
        if (!notificationEndpoints.isEmpty()) {
            NotificationListener.Builder b = NotificationListener.builder(transport)
                    .targets(listenerTopics.stream().map(Target::topic).toList())
                    .endpoints(notificationEndpoints);
            if (pool != null && !pool.isBlank()) {
                b.pool(pool);
            }
            listener = b.build().start();
            LOG.info("oslo4j: {} notification endpoint bean(s) listening on {}", notificationEndpoints.size(),
                    listenerTopics);
        }
        running = true;
    }

    private Target rpcTarget() {
        String topic = rpc.getTopic() != null ? rpc.getTopic() : Defaults.applicationName(environment)
                .orElseThrow(() -> new InvalidConfiguration("@RpcEndpoint beans need a topic: set "
                        + "oslo4j.rpc-server.topic (or spring.application.name)"));
        String server = rpc.getServer() != null ? rpc.getServer() : Defaults.hostName();
        return Target.builder().exchange(rpc.getExchange()).topic(topic).server(server).build();
    }

    @Override
    public synchronized void stop() {
        running = false;
        // stop consuming everywhere first, then wait: neither waits while the other still takes new work
        if (rpcServer != null) {
            rpcServer.stop();
        }
        if (listener != null) {
            listener.stop();
        }
        long deadline = System.nanoTime() + shutdownTimeout.toNanos();
        if (rpcServer != null && !rpcServer.awaitTermination(remaining(deadline))) {
            LOG.warn("oslo4j: RPC requests still running after {}; closing anyway", shutdownTimeout);
        }
        if (listener != null && !listener.awaitTermination(remaining(deadline))) {
            LOG.warn("oslo4j: notifications still being processed after {}; closing anyway", shutdownTimeout);
        }
    }

    private static Duration remaining(long deadline) {
        return Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Before the web server's graceful shutdown phase ends: stop taking bus work while HTTP drains too. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 2048;
    }

    /** The RPC server, when there are {@code @RpcEndpoint} beans and the servers started. */
    public synchronized Optional<RpcServer> rpcServer() {
        return Optional.ofNullable(rpcServer);
    }

    /** The notification listener, when there are {@code NotificationEndpoint} beans and the servers started. */
    public synchronized Optional<NotificationListener> notificationListener() {
        return Optional.ofNullable(listener);
    }
}
