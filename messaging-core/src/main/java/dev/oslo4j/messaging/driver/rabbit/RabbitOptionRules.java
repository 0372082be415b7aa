package dev.oslo4j.messaging.driver.rabbit;

import dev.oslo4j.messaging.InvalidConfiguration;

import java.util.Map;

/**
 * The checks oslo.messaging makes across options (16.x's {@code RuntimeError("Configuration Error: …")} and
 * the pool check), made when the options are built instead of on the first connection.
 */
final class RabbitOptionRules {

    private RabbitOptionRules() {
    }

    static void check(Map<String, Object> values) {
        boolean ha = on(values, "rabbit_ha_queues");
        if (on(values, "rabbit_quorum_queue") && ha) {
            throw new InvalidConfiguration("options 'rabbit_quorum_queue' and 'rabbit_ha_queues' cannot both be"
                    + " enabled: quorum queues are already replicated");
        }
        if (on(values, "rabbit_transient_quorum_queue") && ha) {
            throw new InvalidConfiguration("options 'rabbit_transient_quorum_queue' and 'rabbit_ha_queues' cannot"
                    + " both be enabled: reply and fanout queues would be quorum and HA (mirrored) at once");
        }
        if (on(values, "rabbit_stream_fanout")) {
            if (!(values.get("rabbit_qos_prefetch_count") instanceof Integer prefetch) || prefetch <= 0) {
                throw new InvalidConfiguration("option 'rabbit_stream_fanout' needs 'rabbit_qos_prefetch_count' set"
                        + " to a value greater than 0 (RabbitMQ streams require a prefetch), got "
                        + values.get("rabbit_qos_prefetch_count"));
            }
            if (!on(values, "rabbit_transient_quorum_queue")) {
                throw new InvalidConfiguration("option 'rabbit_stream_fanout' needs 'rabbit_transient_quorum_queue'"
                        + " set to true, as oslo.messaging 16.x requires");
            }
        }
        Object max = values.get("rpc_conn_pool_size");
        Object min = values.get("conn_pool_min_size");
        if (max instanceof Integer a && min instanceof Integer b && a < b) {
            throw new InvalidConfiguration("option 'rpc_conn_pool_size' (" + max + ") must be greater than or equal"
                    + " to 'conn_pool_min_size' (" + min + ")");
        }
        if (on(values, "use_queue_manager")) {
            for (String name : new String[] {"hostname", "processname"}) {
                Object v = values.get(name);
                if (v == null || v.toString().isBlank()) {
                    throw new InvalidConfiguration("option '" + name + "' must not be empty when"
                            + " 'use_queue_manager' is enabled: it is part of the reply and fanout queue names");
                }
            }
        }
    }

    private static boolean on(Map<String, Object> values, String name) {
        return Boolean.TRUE.equals(values.get(name));
    }
}
