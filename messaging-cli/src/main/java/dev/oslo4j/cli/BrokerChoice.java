package dev.oslo4j.cli;

import dev.oslo4j.broker.EmbeddedBroker;
import dev.oslo4j.broker.EmbeddedBrokerException;
import dev.oslo4j.cli.bench.raw.RawBroker;
import dev.oslo4j.messaging.TransportURL;

/**
 * The broker a self-contained command ({@code demo}, {@code bench}) runs on: the one {@code --url} names, or
 * else an embedded broker started in this process for the command's duration.
 */
public final class BrokerChoice implements AutoCloseable {
    private final String url;
    private final TransportURL parsed;
    private final EmbeddedBroker embedded;

    private BrokerChoice(String url, EmbeddedBroker embedded) {
        this.url = url;
        this.parsed = TransportURL.parse(url);
        this.embedded = embedded;
    }

    /** The broker at {@code url}, or a fresh embedded one when {@code url} is null. */
    public static BrokerChoice open(String url) {
        if (url != null) {
            return new BrokerChoice(url, null);
        }
        EmbeddedBroker broker;
        try {
            broker = EmbeddedBroker.start();
        } catch (EmbeddedBrokerException e) {
            throw new CliFailure(ExitCodes.FAILED, "the embedded broker did not start: " + e.getMessage(), e);
        }
        return new BrokerChoice(broker.transportUrl(), broker);
    }

    public String transportUrl() {
        return url;
    }

    public boolean isEmbedded() {
        return embedded != null;
    }

    /** The URL with its password masked, and whether the broker is embedded. */
    public String description() {
        return (embedded != null ? "an embedded broker at " : "") + parsed;
    }

    /** Bare amqp-client access to the same broker (baselines, clean-up). */
    public RawBroker raw() {
        return RawBroker.forUrl(parsed);
    }

    @Override
    public void close() {
        if (embedded != null) {
            embedded.close();
        }
    }
}
