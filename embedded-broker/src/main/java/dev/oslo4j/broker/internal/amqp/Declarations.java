package dev.oslo4j.broker.internal.amqp;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import org.apache.qpid.server.model.AlternateBinding;
import org.apache.qpid.server.model.Exchange;
import org.apache.qpid.server.model.LifetimePolicy;
import org.apache.qpid.server.model.Queue;
import org.apache.qpid.server.protocol.v0_8.AMQShortString;
import org.apache.qpid.server.protocol.v0_8.FieldTable;

import dev.oslo4j.broker.internal.vhost.QueueDeclarations;
import dev.oslo4j.broker.internal.vhost.RabbitVirtualHost;

/**
 * RabbitMQ's rules for declaring and deleting queues and exchanges, on top of Broker-J's: reserved
 * {@code amq.*} names (403), equivalence of a redeclaration (406 durable / auto_delete / arguments, 405
 * exclusive), RabbitMQ arguments ({@link QueueArguments}), {@code amq.gen-…} server-generated names,
 * exclusive queues that die with their connection even when durable, and idempotent delete / unbind of
 * what does not exist.
 */
final class Declarations {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String DEFAULT_EXCHANGE = "operation not permitted on the default exchange";

    private final RabbitChannel rc;

    Declarations(RabbitChannel rc) {
        this.rc = rc;
    }

    void queueDeclare(AMQShortString queueName, boolean passive, boolean durable, boolean exclusive,
                      boolean autoDelete, boolean nowait, FieldTable arguments) {
        RabbitVirtualHost vhost = rc.virtualHost();
        if (vhost == null) {
            rc.channel().receiveQueueDeclare(queueName, passive, durable, exclusive, autoDelete, nowait, arguments);
            return;
        }
        String name = queueName == null ? "" : queueName.toString();
        if (passive) {
            Queue<?> queue = vhost.getChildByName(Queue.class, name);
            if (queue == null) {
                rc.closeChannel(RabbitErrors.NOT_FOUND, RabbitErrors.text(RabbitErrors.NOT_FOUND,
                        "no queue '" + name + "' in vhost '" + vhost.rabbitState().clientName() + "'"));
                return;
            }
            rc.channel().receiveQueueDeclare(queueName, true, durable, exclusive, autoDelete, nowait, arguments);
            // RabbitMQ counts a passive declare as use too, for x-expires.
            vhost.queueUsed(queue);
            return;
        }
        String vhostName = vhost.rabbitState().clientName();
        Map<String, Object> wire = FieldTable.convertToMap(arguments);
        if (name.isEmpty()) {
            String type = QueueTypes.typeOf(wire);
            if (QueueTypes.refusesServerNamed(type)) {
                rc.closeChannel(RabbitErrors.PRECONDITION_FAILED, RabbitErrors.text(RabbitErrors.PRECONDITION_FAILED,
                        "Cannot declare a server-named queue for type " + QueueTypes.moduleName(type)));
                return;
            }
            name = generatedName();
        } else if (name.startsWith("amq.")) {
            rc.closeChannel(RabbitErrors.ACCESS_REFUSED, RabbitErrors.text(RabbitErrors.ACCESS_REFUSED,
                    "queue name '" + name + "' contains reserved prefix 'amq.*'"));
            return;
        }
        QueueArguments.Translation args = QueueArguments.translate(name, vhostName,
                wire, durable, exclusive, autoDelete,
                exchange -> vhost.getChildByName(Exchange.class, exchange) != null);
        if (args.error() != null) {
            rc.closeChannel(RabbitErrors.PRECONDITION_FAILED, args.error());
            return;
        }
        Queue<?> existing = vhost.getChildByName(Queue.class, name);
        if (existing != null && !equivalent(vhost, existing, durable, exclusive, autoDelete, args, vhostName)) {
            return;
        }
        Map<String, Object> brokerJ = new HashMap<>(args.brokerJ());
        if (exclusive) {
            // RabbitMQ deletes an exclusive queue with its connection, durable or auto-delete or not. Broker-J
            // has one lifetime policy per queue; the auto-delete part (last consumer gone) is done by
            // RabbitVirtualHost.
            brokerJ.put("lifetimePolicy", LifetimePolicy.DELETE_ON_CONNECTION_CLOSE.name());
        }
        rc.channel().receiveQueueDeclare(AMQShortString.valueOf(name), false, durable && !exclusive, exclusive,
                autoDelete, nowait, FieldTable.convertToFieldTable(brokerJ));
        Queue<?> queue = vhost.getChildByName(Queue.class, name);
        if (queue != null && (existing == null || existing == queue)) {
            vhost.queueDeclared(queue, new QueueDeclarations.Declared(durable, exclusive, autoDelete, args.declared()),
                    existing == null);
        }
    }

    private boolean equivalent(RabbitVirtualHost vhost, Queue<?> existing, boolean durable, boolean exclusive,
                               boolean autoDelete, QueueArguments.Translation args, String vhostName) {
        String name = existing.getName();
        if (!existing.verifySessionAccess(rc.channel())) {
            return true; // Broker-J refuses it; RabbitConnection reports that as 405 on the channel
        }
        QueueDeclarations.Declared was = vhost.rabbitState().declarations().get(name);
        if (was == null) {
            return true;
        }
        String flag = was.durable() != durable ? "durable" : was.autoDelete() != autoDelete ? "auto_delete" : null;
        if (flag != null) {
            boolean current = flag.equals("durable") ? was.durable() : was.autoDelete();
            rc.closeChannel(RabbitErrors.PRECONDITION_FAILED, RabbitErrors.text(RabbitErrors.PRECONDITION_FAILED,
                    "inequivalent arg '" + flag + "' for queue '" + name + "' in vhost '" + vhostName
                            + "': received '" + !current + "' but current is '" + current + "'"));
            return false;
        }
        if (was.exclusive() != exclusive) {
            rc.closeChannel(RabbitErrors.RESOURCE_LOCKED, lockedText(name, vhostName));
            return false;
        }
        Map<String, Object> current = withDefaultType(was.arguments());
        Map<String, Object> requested = withDefaultType(args.declared());
        String key = QueueArguments.firstDifference(current, requested);
        if (key != null) {
            rc.closeChannel(RabbitErrors.PRECONDITION_FAILED, RabbitErrors.text(RabbitErrors.PRECONDITION_FAILED,
                    "inequivalent arg '" + key + "' for queue '" + name + "' in vhost '" + vhostName + "': "
                            + QueueArguments.describeDifference(key, requested.get(key), current.get(key))));
            return false;
        }
        return true;
    }

    /** RabbitMQ treats an absent {@code x-queue-type} as {@code classic} when comparing. */
    private static Map<String, Object> withDefaultType(Map<String, Object> arguments) {
        if (arguments.containsKey("x-queue-type")) {
            return arguments;
        }
        Map<String, Object> copy = new HashMap<>(arguments);
        copy.put("x-queue-type", "classic");
        return copy;
    }

    static String lockedText(String queue, String vhost) {
        return RabbitErrors.text(RabbitErrors.RESOURCE_LOCKED, "cannot obtain exclusive access to locked queue '"
                + queue + "' in vhost '" + vhost + "'. It could be originally declared on another connection or the "
                + "exclusive property value does not match that of the original declaration.");
    }

    void exchangeDeclare(AMQShortString exchangeName, AMQShortString type, boolean passive, boolean durable,
                         boolean autoDelete, boolean internal, boolean nowait, FieldTable arguments) {
        RabbitVirtualHost vhost = rc.virtualHost();
        String name = exchangeName == null ? "" : exchangeName.toString();
        if (vhost == null) {
            rc.channel().receiveExchangeDeclare(exchangeName, type, passive, durable, autoDelete, internal, nowait,
                    arguments);
            return;
        }
        if (name.isEmpty()) {
            rc.closeChannel(RabbitErrors.ACCESS_REFUSED, RabbitErrors.text(RabbitErrors.ACCESS_REFUSED, DEFAULT_EXCHANGE));
            return;
        }
        Map<String, Object> wire = FieldTable.convertToMap(arguments);
        Object alternate = wire.get("alternate-exchange");
        Map<String, Object> brokerJ = alternate == null ? Map.of() : Map.of("alternateExchange", text(alternate));
        if (!passive) {
            Exchange<?> existing = vhost.getChildByName(Exchange.class, name);
            String vhostName = vhost.rabbitState().clientName();
            if (existing == null && name.startsWith("amq.")) {
                rc.closeChannel(RabbitErrors.ACCESS_REFUSED, RabbitErrors.text(RabbitErrors.ACCESS_REFUSED,
                        "exchange name '" + name + "' contains reserved prefix 'amq.*'"));
                return;
            }
            if (existing != null && !equivalent(existing, type, durable, autoDelete, alternate, vhostName)) {
                return;
            }
        }
        rc.channel().receiveExchangeDeclare(exchangeName, type, passive, durable, autoDelete, internal, nowait,
                FieldTable.convertToFieldTable(brokerJ));
    }

    private boolean equivalent(Exchange<?> existing, AMQShortString type, boolean durable, boolean autoDelete,
                               Object alternate, String vhostName) {
        String requestedType = type == null ? "" : type.toString();
        boolean existingAutoDelete = existing.getLifetimePolicy() != LifetimePolicy.PERMANENT;
        String key;
        String received;
        String current;
        AlternateBinding binding = existing.getAlternateBinding();
        String currentAlternate = binding == null ? null : binding.getDestination();
        if (!existing.getType().equals(requestedType)) {
            key = "type";
            received = "'" + requestedType + "'";
            current = "'" + existing.getType() + "'";
        } else if (existing.isDurable() != durable) {
            key = "durable";
            received = "'" + durable + "'";
            current = "'" + existing.isDurable() + "'";
        } else if (existingAutoDelete != autoDelete) {
            key = "auto_delete";
            received = "'" + autoDelete + "'";
            current = "'" + existingAutoDelete + "'";
        } else if (!QueueArguments.equivalent(currentAlternate, alternate == null ? null : text(alternate))) {
            key = "alternate-exchange";
            received = QueueArguments.describe(alternate);
            current = QueueArguments.describe(currentAlternate);
        } else {
            return true;
        }
        rc.closeChannel(RabbitErrors.PRECONDITION_FAILED, RabbitErrors.text(RabbitErrors.PRECONDITION_FAILED,
                "inequivalent arg '" + key + "' for exchange '" + existing.getName() + "' in vhost '" + vhostName
                        + "': received " + received + " but current is " + current));
        return false;
    }

    /** RabbitMQ cannot purge a stream (540, a connection error). */
    void queuePurge(AMQShortString queue, boolean nowait) {
        RabbitVirtualHost vhost = rc.virtualHost();
        if (vhost != null && queue != null && StreamConsumers.isStream(vhost, queue.toString())) {
            rc.closeConnection(RabbitErrors.NOT_IMPLEMENTED, RabbitErrors.text(RabbitErrors.NOT_IMPLEMENTED,
                    "queue.purge not supported by stream queues " + StreamConsumers.describe(vhost, queue.toString())));
            return;
        }
        rc.channel().receiveQueuePurge(queue, nowait);
    }

    void queueDelete(AMQShortString queue, boolean ifUnused, boolean ifEmpty, boolean nowait) {
        RabbitVirtualHost vhost = rc.virtualHost();
        if (vhost != null && queue != null && vhost.getChildByName(Queue.class, queue.toString()) == null) {
            if (!nowait) {
                rc.write(rc.connection().getMethodRegistry().createQueueDeleteOkBody(0));
            }
            return;
        }
        rc.channel().receiveQueueDelete(queue, ifUnused, ifEmpty, nowait);
    }

    void exchangeDelete(AMQShortString exchange, boolean ifUnused, boolean nowait) {
        RabbitVirtualHost vhost = rc.virtualHost();
        String name = exchange == null ? "" : exchange.toString();
        if (vhost != null && name.isEmpty()) {
            rc.closeChannel(RabbitErrors.ACCESS_REFUSED, RabbitErrors.text(RabbitErrors.ACCESS_REFUSED, DEFAULT_EXCHANGE));
            return;
        }
        if (vhost != null && name.startsWith("amq.")) {
            rc.closeChannel(RabbitErrors.ACCESS_REFUSED, RabbitErrors.text(RabbitErrors.ACCESS_REFUSED,
                    "deletion of system exchange '" + name + "' in vhost '" + vhost.rabbitState().clientName()
                            + "' not allowed"));
            return;
        }
        if (vhost != null && vhost.getChildByName(Exchange.class, name) == null) {
            if (!nowait) {
                rc.write(rc.connection().getMethodRegistry().createExchangeDeleteOkBody());
            }
            return;
        }
        rc.channel().receiveExchangeDelete(exchange, ifUnused, nowait);
    }

    void queueUnbind(AMQShortString queue, AMQShortString exchange, AMQShortString bindingKey, FieldTable arguments) {
        RabbitVirtualHost vhost = rc.virtualHost();
        if (vhost != null && queue != null && exchange != null && exchange.length() > 0) {
            Queue<?> q = vhost.getChildByName(Queue.class, queue.toString());
            Exchange<?> x = vhost.getChildByName(Exchange.class, exchange.toString());
            String key = bindingKey == null ? "" : bindingKey.toString();
            if (q == null || x == null || !x.hasBinding(key, q)) {
                rc.write(rc.connection().getMethodRegistry().createQueueUnbindOkBody());
                return;
            }
        }
        rc.channel().receiveQueueUnbind(queue, exchange, bindingKey, arguments);
    }

    private static String text(Object value) {
        return value instanceof byte[] b ? new String(b, java.nio.charset.StandardCharsets.UTF_8) : String.valueOf(value);
    }

    private static String generatedName() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return "amq.gen-" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
