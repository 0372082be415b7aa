package dev.oslo4j.broker.internal;

/**
 * The names under which oslo4j's Broker-J plugins register, and the context keys that tie a running
 * Broker-J back to its {@link BrokerState}. One place, because the JSON configuration, the hand-written
 * registrations and the plugins themselves must agree on them.
 */
public final class PluginTypes {

    /** Virtual-host node type whose durable configuration survives {@code restart()}. */
    public static final String NODE = "Oslo4jNode";
    /** Virtual-host type with RabbitMQ semantics (relative TTL, recorder, x-expires, cancel notify). */
    public static final String VIRTUAL_HOST = "Oslo4jRabbit";
    /** Authentication provider offering AMQPLAIN first, then PLAIN, like RabbitMQ. */
    public static final String AUTHENTICATION = "Oslo4jRabbitAuth";
    /** Virtual-host alias resolving client vhost names (leases, user vhosts). */
    public static final String NAME_ALIAS = "Oslo4jNameAlias";
    /** Protocol engine creator for AMQP 0-9-1 with the RabbitMQ-compatible connection. */
    public static final String PROTOCOL_ENGINE = "OSLO4J_AMQP_0_9_1";
    /** Connection property enricher that adds RabbitMQ's capabilities table. */
    public static final String CAPABILITIES = "OSLO4J_RABBITMQ_CAPABILITIES";

    /** Broker context key holding the {@link BrokerState} id. */
    public static final String BROKER_ID = "oslo4j.broker.id";

    private PluginTypes() {
    }
}
