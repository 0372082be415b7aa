package dev.oslo4j.messaging.observe;

/** The names oslo4j records under; documented in docs/observability.md. */
public final class ObservationNames {

    public static final String RPC_CLIENT = "oslo.rpc.client";
    public static final String RPC_SERVER = "oslo.rpc.server";
    public static final String NOTIFY_SEND = "oslo.notify.send";
    public static final String NOTIFY_RECEIVE = "oslo.notify.receive";

    /** Low-cardinality tags. */
    public static final String EXCHANGE = "oslo.exchange";
    public static final String TOPIC = "oslo.topic";
    public static final String METHOD = "oslo.method";
    public static final String KIND = "oslo.kind";
    public static final String EVENT_TYPE = "oslo.event_type";
    public static final String PRIORITY = "oslo.priority";
    public static final String OUTCOME = "outcome";
    public static final String EXCEPTION = "exception";

    /** High-cardinality tags (spans only, never metric dimensions). */
    public static final String SERVER = "oslo.server";
    public static final String PUBLISHER_ID = "oslo.publisher_id";

    /** Values of {@link #KIND}. */
    public static final String CALL = "call";
    public static final String CAST = "cast";
    public static final String FANOUT = "fanout";

    /** Values of {@link #OUTCOME}; {@link #EXCEPTION} is {@code none} on success. */
    public static final String SUCCESS = "success";
    public static final String ERROR = "error";
    public static final String NO_EXCEPTION = "none";

    private ObservationNames() {
    }
}
