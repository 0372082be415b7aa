package dev.oslo4j.conformance.interop;

import dev.oslo4j.conformance.python.OsloRelease;
import dev.oslo4j.conformance.python.PeerConfig;
import dev.oslo4j.messaging.MessagingOptions;

import java.nio.file.Path;

/**
 * The Python configurations the release matrix runs against, and the Java options that join each bus:
 * 16.1.0 with oslo's defaults, and 16.1.0 with the four options production OpenStack sets.
 */
enum Oslo16Interop {
    PY16_DEFAULTS(OsloRelease.V16_1_0, false),
    PY16_PRODUCTION(OsloRelease.V16_1_0, true);

    static final String RABBIT = "oslo_messaging_rabbit";

    final OsloRelease release;
    final boolean production;

    Oslo16Interop(OsloRelease release, boolean production) {
        this.release = release;
        this.production = production;
    }

    /** The Java side: the same options as the Python peers (each side declares what its options say). */
    MessagingOptions javaOptions() {
        MessagingOptions.Builder b = MessagingOptions.builder()
                .set("rabbit_transient_queues_ttl", InteropPeers.TRANSIENT_QUEUES_TTL_SECONDS);
        if (production) {
            b.set("rabbit_quorum_queue", true).set("rabbit_transient_quorum_queue", true)
                    .set("use_queue_manager", true).set("rabbit_stream_fanout", true)
                    .set("rabbit_qos_prefetch_count", 10).set("processname", "oslo4j-interop");
        }
        return b.build();
    }

    /** A peer of this release and options; {@code lockPath} is 16.1's [oslo_concurrency] lock_path. */
    PeerConfig python(String transportUrl, Path lockPath) {
        PeerConfig c = InteropPeers.config(transportUrl).release(release);
        if (production) {
            c.option(RABBIT, "rabbit_quorum_queue", true).option(RABBIT, "rabbit_transient_quorum_queue", true)
                    .option(RABBIT, "use_queue_manager", true).option(RABBIT, "rabbit_stream_fanout", true)
                    .option(RABBIT, "rabbit_qos_prefetch_count", 10)
                    .option("oslo_concurrency", "lock_path", lockPath.toString());
        }
        return c;
    }
}
