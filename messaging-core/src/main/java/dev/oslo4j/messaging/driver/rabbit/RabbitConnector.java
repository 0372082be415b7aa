package dev.oslo4j.messaging.driver.rabbit;

import com.rabbitmq.client.AuthenticationFailureException;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.PossibleAuthenticationFailureException;
import com.rabbitmq.client.ShutdownSignalException;
import dev.oslo4j.messaging.driver.BrokerHost;
import dev.oslo4j.messaging.driver.DriverConfig;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Opens AMQP connections to the transport URL's hosts with oslo's parameters (credentials per host, virtual
 * host, heartbeat, SASL method, TLS with hostname verification) and orders the hosts for failover
 * ({@code kombu_failover_strategy}: {@code round-robin} over a list shuffled once, as oslo does, or
 * {@code shuffle}). Connection failures are explained in words, never with a password.
 */
final class RabbitConnector {

    static final int CONNECT_TIMEOUT_MS = 5_000;

    private final List<BrokerHost> hosts;
    private final Map<BrokerHost, ConnectionFactory> factories = new HashMap<>();
    private final boolean shuffleEachPass;
    private final AtomicInteger next = new AtomicInteger();
    private final String virtualHost;

    RabbitConnector(DriverConfig config, RabbitOptions o, ExecutorService consumerExecutor, ThreadFactory threads) {
        List<BrokerHost> list = new ArrayList<>(config.hosts());
        Collections.shuffle(list, ThreadLocalRandom.current());
        this.hosts = List.copyOf(list);
        this.shuffleEachPass = "shuffle".equals(o.kombuFailoverStrategy());
        this.virtualHost = config.virtualHost();
        SSLContext tls = o.ssl() ? TlsContexts.create(o) : null;
        for (BrokerHost h : hosts) {
            ConnectionFactory f = new ConnectionFactory();
            f.setHost(h.hostname());
            f.setPort(h.effectivePort());
            f.setUsername(h.effectiveUsername());
            f.setPassword(h.effectivePassword());
            f.setVirtualHost(virtualHost);
            f.setRequestedHeartbeat(o.heartbeatTimeoutThreshold());
            f.setConnectionTimeout(CONNECT_TIMEOUT_MS);
            f.setHandshakeTimeout(CONNECT_TIMEOUT_MS * 2);
            f.setChannelRpcTimeout(30_000);
            f.setShutdownTimeout(1_000);
            f.setAutomaticRecoveryEnabled(false); // recovery is ours: oslo's re-declare-everything semantics
            f.setTopologyRecoveryEnabled(false);
            f.setExceptionHandler(new QuietExceptionHandler());
            f.setSaslConfig(new SaslMechanisms(o.rabbitLoginMethod(), o.rabbitLoginMethodExplicit()));
            f.setSharedExecutor(consumerExecutor);
            f.setThreadFactory(threads);
            Map<String, Object> props = new HashMap<>(f.getClientProperties());
            props.put("product", "oslo4j");
            f.setClientProperties(props);
            if (tls != null) {
                if (o.sslEnforceHostnameVerification()) {
                    f.useSslProtocol(tls); // also turns on host name verification
                } else {
                    f.setSocketFactory(tls.getSocketFactory()); // certificate chain checked, host name not
                }
            }
            factories.put(h, f);
        }
    }

    /** The hosts in the order of the next connection pass. */
    List<BrokerHost> nextPass() {
        List<BrokerHost> order = new ArrayList<>(hosts);
        if (shuffleEachPass) {
            Collections.shuffle(order, ThreadLocalRandom.current());
        } else {
            Collections.rotate(order, -Math.floorMod(next.get(), order.size()));
        }
        return order;
    }

    /** Remembers that {@code host} failed, so the next round-robin pass starts after it. */
    void failed(BrokerHost host) {
        int i = hosts.indexOf(host);
        next.set(i + 1);
    }

    Connection connect(BrokerHost host, String name) throws IOException {
        try {
            return factories.get(host).newConnection(name);
        } catch (TimeoutException e) {
            throw new IOException("timed out", e);
        }
    }

    String virtualHost() {
        return virtualHost;
    }

    /** A one-line explanation of why connecting to {@code host} failed. */
    String explain(BrokerHost host, Throwable e) {
        String where = host.effectiveUsername() + "@" + host.address() + " (virtual host '" + virtualHost + "')";
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root && !(root instanceof ShutdownSignalException)) {
            root = root.getCause();
        }
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SSLException || t instanceof java.security.cert.CertificateException) {
                return where + ": TLS handshake failed: " + root.getMessage()
                        + " (check ssl_ca_file, and that the broker certificate names this host)";
            }
        }
        if (e instanceof AuthenticationFailureException || e instanceof PossibleAuthenticationFailureException) {
            return where + ": authentication failed (user name or password refused)";
        }
        if (root instanceof ShutdownSignalException s) {
            String text = String.valueOf(s.getReason() == null ? s.getMessage() : s.getReason());
            if (text.contains("NOT_ALLOWED") || text.contains("vhost")) {
                return where + ": virtual host refused: access to it is not allowed or it does not exist";
            }
            if (text.contains("ACCESS_REFUSED")) {
                return where + ": access refused (user name or password refused)";
            }
            return where + ": broker closed the connection: " + text;
        }
        if (root instanceof ConnectException || root instanceof NoRouteToHostException) {
            return where + ": connection refused (is the broker running and the port right?)";
        }
        if (root instanceof UnknownHostException) {
            return where + ": unknown host name '" + host.hostname() + "'";
        }
        if (root instanceof SocketTimeoutException || root instanceof TimeoutException) {
            return where + ": timed out";
        }
        return where + ": " + root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
