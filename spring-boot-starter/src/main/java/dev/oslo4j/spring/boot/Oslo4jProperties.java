package dev.oslo4j.spring.boot;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** oslo4j's Spring Boot properties (prefix {@code oslo4j}); see docs/spring-boot.md. */
@ConfigurationProperties(prefix = "oslo4j")
public class Oslo4jProperties {

    /**
     * Transport URL, e.g. rabbit://nova:secret@rabbit1:5672/nova. Overrides [DEFAULT] transport_url of the
     * config files.
     */
    private String transportUrl;

    /** oslo.config files (nova.conf style) read for transport_url, [oslo_messaging_*] options and notifications. */
    private List<Path> configFiles = new ArrayList<>();

    /** oslo.messaging options by oslo name (rpc_response_timeout, rabbit_qos_prefetch_count, ...); override the files. */
    private Map<String, String> options = new LinkedHashMap<>();

    /** How long shutdown waits for running requests and notifications before closing anyway. */
    private Duration shutdownTimeout = Duration.ofSeconds(30);

    private final RpcServer rpcServer = new RpcServer();
    private final Notifier notifier = new Notifier();
    private final Listener listener = new Listener();

    public String getTransportUrl() {
        return transportUrl;
    }

    public void setTransportUrl(String transportUrl) {
        this.transportUrl = transportUrl;
    }

    public List<Path> getConfigFiles() {
        return configFiles;
    }

    public void setConfigFiles(List<Path> configFiles) {
        this.configFiles = configFiles;
    }

    public Map<String, String> getOptions() {
        return options;
    }

    public void setOptions(Map<String, String> options) {
        this.options = options;
    }

    public Duration getShutdownTimeout() {
        return shutdownTimeout;
    }

    public void setShutdownTimeout(Duration shutdownTimeout) {
        this.shutdownTimeout = shutdownTimeout;
    }

    public RpcServer getRpcServer() {
        return rpcServer;
    }

    public Notifier getNotifier() {
        return notifier;
    }

    public Listener getListener() {
        return listener;
    }

    /** The RPC server serving every {@code @RpcEndpoint} bean. */
    public static class RpcServer {
        /** Topic of the RPC server; default spring.application.name. */
        private String topic;
        /** Server name (queue <topic>.<server>); default the host name. */
        private String server;
        /** Exchange of the RPC server; default the control_exchange option. */
        private String exchange;

        public String getTopic() {
            return topic;
        }

        public void setTopic(String topic) {
            this.topic = topic;
        }

        public String getServer() {
            return server;
        }

        public void setServer(String server) {
            this.server = server;
        }

        public String getExchange() {
            return exchange;
        }

        public void setExchange(String exchange) {
            this.exchange = exchange;
        }
    }

    /** The Notifier bean. */
    public static class Notifier {
        /** publisher_id of notifications, e.g. compute.host1; default <spring.application.name>.<host name>. */
        private String publisherId;
        /** Notification drivers (messagingv2, messaging, log, noop, routing); default the files', else messagingv2. */
        private List<String> driver = new ArrayList<>();
        /** Notification topics; default the files', else notifications. */
        private List<String> topics = new ArrayList<>();

        public String getPublisherId() {
            return publisherId;
        }

        public void setPublisherId(String publisherId) {
            this.publisherId = publisherId;
        }

        public List<String> getDriver() {
            return driver;
        }

        public void setDriver(List<String> driver) {
            this.driver = driver;
        }

        public List<String> getTopics() {
            return topics;
        }

        public void setTopics(List<String> topics) {
            this.topics = topics;
        }
    }

    /** The NotificationListener serving every NotificationEndpoint bean. */
    public static class Listener {
        /** Topics listened to; default the notifier's topics. */
        private List<String> topics = new ArrayList<>();
        /** Listener pool (every pool gets every notification); default none (competing consumers). */
        private String pool;

        public List<String> getTopics() {
            return topics;
        }

        public void setTopics(List<String> topics) {
            this.topics = topics;
        }

        public String getPool() {
            return pool;
        }

        public void setPool(String pool) {
            this.pool = pool;
        }
    }
}
