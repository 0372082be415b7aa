package dev.oslo4j.conformance.interop;

import dev.oslo4j.conformance.python.PeerConfig;

/** How the interop suites configure Python peers. */
final class InteropPeers {
    /**
     * Reply (and fanout) queues of Python peers expire this long after their process is gone,
     * instead of oslo's 30 min, so that runs against a shared RabbitMQ leave nothing for long.
     */
    static final int TRANSIENT_QUEUES_TTL_SECONDS = 60;

    private InteropPeers() {
    }

    static PeerConfig config(String transportUrl) {
        return PeerConfig.forUrl(transportUrl)
                .option("oslo_messaging_rabbit", "rabbit_transient_queues_ttl", TRANSIENT_QUEUES_TTL_SECONDS);
    }
}
