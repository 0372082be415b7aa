package dev.oslo4j.messaging;

import dev.oslo4j.messaging.notify.ContextSanitizer;
import dev.oslo4j.messaging.notify.NotifierDriver;
import dev.oslo4j.messaging.notify.NotifierDrivers;
import dev.oslo4j.messaging.notify.RoutingConfig;
import dev.oslo4j.messaging.observe.Instrumentation;
import dev.oslo4j.messaging.observe.Observed;
import dev.oslo4j.messaging.wire.Ids;
import dev.oslo4j.messaging.wire.Json;
import dev.oslo4j.messaging.wire.NotificationMessage;
import dev.oslo4j.messaging.wire.Timestamps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Semaphore;
import java.util.function.BiConsumer;

/**
 * Emits notifications (oslo's {@code Notifier}), wire-compatible with Python listeners.
 *
 * <pre>{@code
 * Notifier notifier = Notifier.builder(transport).publisherId("compute.host1").build();  // messagingv2, "notifications"
 * notifier.info(ctxt, "compute.instance.create.end", Map.of("instance_id", "i-1"));
 * }</pre>
 *
 * <p>Each call builds oslo's message ({@code message_id} uuid, {@code publisher_id}, {@code event_type},
 * {@code priority} as {@code "INFO"}/{@code "WARN"}/…, {@code payload} — any Jackson-serializable value —,
 * {@code timestamp} in Python's format) with the context reduced to oslo 14.0.3's whitelist
 * ({@link ContextSanitizer}; tokens are never sent), and hands it to every configured driver: for
 * {@code messagingv2}/{@code messaging}, one publish per topic to {@code <topic>.<priority>} on the control
 * exchange.
 *
 * <h2>Send failures</h2>
 * As in oslo, a failure to send is <em>logged, never thrown</em>: the methods do not block on the broker and
 * never throw for delivery problems. Code that needs to know uses either the returned future (completes when
 * every driver has sent it — for the messaging drivers, when the broker confirmed it; fails with
 * {@link MessageDeliveryFailure}, or {@link IllegalArgumentException} when the payload is not JSON-serializable)
 * or {@link Builder#onSendFailure}, called once per failed notification. With {@code retry(-1)} (the default, as
 * oslo) a send waits for the broker to come back; to bound memory during an outage at most
 * {@link Builder#maxInFlight(int)} notifications are pending at once, after which the methods block until some
 * complete (oslo blocks every send instead).
 *
 * <p>Thread-safe; {@link #prepare} variants share the drivers.
 */
public final class Notifier {

    private static final Logger LOG = LoggerFactory.getLogger(Notifier.class);

    /** Drivers and limits shared by a notifier and its {@link #prepare} copies. */
    private record Shared(List<NotifierDriver> drivers, List<String> driverNames, List<String> topics,
                          Semaphore inFlight, BiConsumer<Notification, Throwable> onFailure,
                          CompletionExecutor completions, Serializer serializer, Instrumentation observing,
                          String exchange) {
    }

    private final Shared shared;
    private final String publisherId;
    private final int retry;

    private Notifier(Shared shared, String publisherId, int retry) {
        this.shared = shared;
        this.publisherId = publisherId;
        this.retry = retry;
    }

    /**
     * A builder for a notifier on {@code transport}; {@code null} is allowed when only {@code log}, {@code noop},
     * {@code test} (or routing to those) drivers are used.
     */
    public static Builder builder(Transport transport) {
        return new Builder(transport);
    }

    public CompletableFuture<Void> audit(Map<String, ?> ctxt, String eventType, Object payload) {
        return notify(Priority.AUDIT, ctxt, eventType, payload);
    }

    public CompletableFuture<Void> debug(Map<String, ?> ctxt, String eventType, Object payload) {
        return notify(Priority.DEBUG, ctxt, eventType, payload);
    }

    public CompletableFuture<Void> info(Map<String, ?> ctxt, String eventType, Object payload) {
        return notify(Priority.INFO, ctxt, eventType, payload);
    }

    public CompletableFuture<Void> warn(Map<String, ?> ctxt, String eventType, Object payload) {
        return notify(Priority.WARN, ctxt, eventType, payload);
    }

    /** Alias of {@link #warn} (priority {@code WARN} on the wire), as oslo's {@code warning}. */
    public CompletableFuture<Void> warning(Map<String, ?> ctxt, String eventType, Object payload) {
        return notify(Priority.WARN, ctxt, eventType, payload);
    }

    public CompletableFuture<Void> error(Map<String, ?> ctxt, String eventType, Object payload) {
        return notify(Priority.ERROR, ctxt, eventType, payload);
    }

    public CompletableFuture<Void> critical(Map<String, ?> ctxt, String eventType, Object payload) {
        return notify(Priority.CRITICAL, ctxt, eventType, payload);
    }

    public CompletableFuture<Void> sample(Map<String, ?> ctxt, String eventType, Object payload) {
        return notify(Priority.SAMPLE, ctxt, eventType, payload);
    }

    /**
     * Sends a notification at {@code priority}.
     *
     * @param ctxt      the request context (e.g. {@link RequestContext#toMap()}); null means none. Only oslo's
     *                  whitelisted keys are sent.
     * @param eventType e.g. {@code compute.instance.create.end}
     * @param payload   any Jackson-serializable value (null is sent as JSON null)
     * @return completes when every driver sent it; see the class documentation for failures
     * @throws NullPointerException when {@code priority} or {@code eventType} is null
     */
    public CompletableFuture<Void> notify(Priority priority, Map<String, ?> ctxt, String eventType, Object payload) {
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(eventType, "eventType");
        Serializer serializer = shared.serializer();
        Object wirePayload = payload;
        Map<String, ?> wireContext = ctxt;
        if (serializer != JacksonSerializer.defaults()) {
            // oslo: ctxt = serialize_context(ctxt); payload = serialize_entity(ctxt, payload)
            wireContext = ctxt == null ? null : serializer.serializeContext(ctxt);
            try {
                wirePayload = serializer.serializeEntity(wireContext == null ? RequestContext.empty()
                        : RequestContext.of(wireContext), payload);
            } catch (IllegalArgumentException e) {
                return CompletableFuture.failedFuture(new IllegalArgumentException("payload of notification '"
                        + eventType + "' is not serializable: " + e.getMessage(), e));
            }
        }
        NotificationMessage m = new NotificationMessage(Ids.uuid36(), publisherId, eventType, priority.wireName(),
                wirePayload, Timestamps.now(), ContextSanitizer.sanitize(wireContext));
        List<NotifierDriver> drivers = shared.drivers();
        if (drivers.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        Observed observed = Observed.NONE;
        if (shared.observing().enabled()) {
            Map<String, String> headers = new HashMap<>();
            observed = shared.observing().notifySend(shared.exchange(), String.join(",", shared.topics()), eventType,
                    priority.wireName(), publisherId, headers);
            m = m.withHeaders(headers);
        }
        try {
            shared.inFlight().acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            MessageDeliveryFailure failure = new MessageDeliveryFailure("interrupted before sending notification "
                    + describe(m), e);
            report(m, priority, failure);
            observed.failed(failure);
            observed.stop();
            return CompletableFuture.failedFuture(failure);
        }
        CompletableFuture<Void> sent;
        if (drivers.size() == 1) {
            sent = send(drivers.get(0), m, priority);
        } else {
            CompletableFuture<?>[] all = new CompletableFuture<?>[drivers.size()];
            for (int i = 0; i < all.length; i++) {
                all[i] = send(drivers.get(i), m, priority);
            }
            sent = CompletableFuture.allOf(all);
        }
        NotificationMessage sentMessage = m;
        Observed sending = observed;
        sent.whenComplete((v, e) -> {
            shared.inFlight().release();
            if (e != null) {
                Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
                report(sentMessage, priority, cause);
                sending.failed(cause);
            }
            sending.stop();
        });
        // the caller's stages run on the transport's completion executor, never on the AMQP I/O thread
        return shared.completions() == null || sent.isDone() ? sent : shared.completions().relay(sent);
    }

    private CompletableFuture<Void> send(NotifierDriver driver, NotificationMessage m, Priority priority) {
        try {
            return driver.notify(m, priority, retry);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private void report(NotificationMessage m, Priority priority, Throwable error) {
        LOG.error("Problem '{}' attempting to send to notification system: {}", error.getMessage(), describe(m),
                LOG.isDebugEnabled() ? error : null);
        BiConsumer<Notification, Throwable> listener = shared.onFailure();
        if (listener == null) {
            return;
        }
        try {
            listener.accept(new Notification(priority, m.publisherId(), m.eventType(), payloadTree(m.payload()),
                    RequestContext.of(m.context()), new NotificationMetadata(m.messageId(), m.timestamp())), error);
        } catch (RuntimeException e) {
            LOG.warn("notifier send-failure listener failed", e);
        }
    }

    private static com.fasterxml.jackson.databind.JsonNode payloadTree(Object payload) {
        try {
            return Json.mapper().valueToTree(payload);
        } catch (IllegalArgumentException e) {
            return Json.mapper().getNodeFactory().textNode(String.valueOf(payload));
        }
    }

    private static String describe(NotificationMessage m) {
        return m.priority() + " '" + m.eventType() + "' from " + m.publisherId() + " (message_id " + m.messageId()
                + ")";
    }

    /** A notifier sending with another {@code publisher_id} through the same drivers (oslo's {@code prepare}). */
    public Notifier prepare(String publisherId) {
        return new Notifier(shared, publisherId, retry);
    }

    /** A notifier sending with another {@code publisher_id} and retry policy through the same drivers. */
    public Notifier prepare(String publisherId, int retry) {
        return new Notifier(shared, publisherId, checkRetry(retry));
    }

    /** False only when the drivers are exactly {@code ["noop"]}, as oslo's {@code is_enabled()}. */
    public boolean isEnabled() {
        return !shared.driverNames().equals(List.of("noop"));
    }

    public String publisherId() {
        return publisherId;
    }

    public int retry() {
        return retry;
    }

    /** The configured driver names, in order. */
    public List<String> drivers() {
        return shared.driverNames();
    }

    public List<String> topics() {
        return shared.topics();
    }

    @Override
    public String toString() {
        return "Notifier(publisher_id=" + publisherId + ", drivers=" + shared.driverNames() + ", topics="
                + shared.topics() + ")";
    }

    private static int checkRetry(int retry) {
        if (retry < -1) {
            throw new InvalidConfiguration("notifier retry must be -1 (forever), 0 (no retry) or a positive count,"
                    + " got " + retry);
        }
        return retry;
    }

    /** Builder of {@link Notifier}. */
    public static final class Builder {
        private final Transport transport;
        private String publisherId;
        private List<String> drivers = List.of("messagingv2");
        private List<String> topics = List.of("notifications");
        private int retry = -1;
        private String exchange;
        private NotificationRecorder recorder;
        private RoutingConfig routing;
        private BiConsumer<Notification, Throwable> onFailure;
        private int maxInFlight = 10_000;
        private Serializer serializer = JacksonSerializer.defaults();

        private Builder(Transport transport) {
            this.transport = transport;
        }

        /** The {@code publisher_id} of sent notifications, e.g. {@code compute.host1} (default null, as oslo). */
        public Builder publisherId(String publisherId) {
            this.publisherId = publisherId;
            return this;
        }

        /**
         * One driver by oslo's name: {@code messagingv2} (the default here; oslo's default is none, configured in
         * {@code [oslo_messaging_notifications] driver}), {@code messaging}, {@code log}, {@code noop},
         * {@code test}, {@code routing}.
         */
        public Builder driver(String driver) {
            return drivers(List.of(Objects.requireNonNull(driver, "driver")));
        }

        /** Several drivers; each notification goes to all of them. An empty list sends nothing. */
        public Builder drivers(String... drivers) {
            return drivers(List.of(drivers));
        }

        public Builder drivers(List<String> drivers) {
            this.drivers = List.copyOf(drivers);
            return this;
        }

        /** Notification topics (default {@code ["notifications"]}); each notification is sent to every topic. */
        public Builder topics(String... topics) {
            return topics(List.of(topics));
        }

        public Builder topics(List<String> topics) {
            for (String t : topics) {
                if (t == null || t.isEmpty()) {
                    throw new InvalidConfiguration("notification topics must be non-empty names, got " + topics);
                }
            }
            this.topics = List.copyOf(topics);
            return this;
        }

        /** -1 (default, as oslo): retry forever after connection loss; 0: a single attempt; N: up to N retries. */
        public Builder retry(int retry) {
            this.retry = checkRetry(retry);
            return this;
        }

        /**
         * The exchange to publish to. Default: the transport's {@code control_exchange}, which is what oslo
         * notifiers always use.
         */
        public Builder exchange(String exchange) {
            this.exchange = exchange;
            return this;
        }

        /** Where the {@code test} driver records (default: {@link NotificationRecorder#shared()}). */
        public Builder recorder(NotificationRecorder recorder) {
            this.recorder = Objects.requireNonNull(recorder, "recorder");
            return this;
        }

        /** The routing driver's config file (oslo's {@code routing_config}), YAML or JSON; read now. */
        public Builder routingConfig(Path file) {
            return routingConfig(RoutingConfig.load(file));
        }

        /** An already parsed routing config (for tests in this package; the driver config type is internal). */
        Builder routingConfig(RoutingConfig config) {
            this.routing = Objects.requireNonNull(config, "routing config");
            return this;
        }

        /**
         * Called once for every notification that could not be sent (after it was logged), on a driver thread
         * or the caller's: keep it quick. The notification's payload is given as JSON.
         */
        public Builder onSendFailure(BiConsumer<Notification, Throwable> listener) {
            this.onFailure = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** How many notifications may be pending (sent but not yet confirmed) before sending blocks; default 10 000. */
        public Builder maxInFlight(int max) {
            if (max < 1) {
                throw new InvalidConfiguration("notifier maxInFlight must be at least 1, got " + max);
            }
            this.maxInFlight = max;
            return this;
        }

        /**
         * How the context and payload are serialized (oslo's {@code serializer}); default
         * {@link JacksonSerializer#defaults()}.
         */
        public Builder serializer(Serializer serializer) {
            this.serializer = Objects.requireNonNull(serializer, "serializer");
            return this;
        }

        /**
         * @throws InvalidConfiguration for an unknown driver, a messaging driver without transport or topics,
         *     or a routing driver without a valid routing config
         */
        public Notifier build() {
            NotifierDrivers.Settings s = new NotifierDrivers.Settings(transport == null ? null : transport.driver(), exchange, topics, recorder, routing);
            List<NotifierDriver> built = new ArrayList<>();
            for (String name : drivers) {
                built.add(NotifierDrivers.create(name, s));
            }
            Instrumentation observing = transport == null ? Instrumentation.NONE : transport.instrumentation();
            String exchangeTag = exchange != null ? exchange
                    : transport == null ? "" : transport.driver().controlExchange();
            Shared shared = new Shared(List.copyOf(built), drivers, topics, new Semaphore(maxInFlight), onFailure,
                    transport == null ? null : transport.completions(), serializer, observing, exchangeTag);
            return new Notifier(shared, publisherId, retry);
        }
    }
}
