package dev.oslo4j.cli.bench;

import dev.oslo4j.cli.CliFailure;
import dev.oslo4j.cli.bench.raw.RawBroker;
import dev.oslo4j.messaging.TransportURL;

/** The broker a benchmark runs on, named by {@code --url}. */
final class BenchBroker implements AutoCloseable {
    private final TransportURL url;
    private final String text;

    private BenchBroker(String text) {
        this.text = text;
        this.url = TransportURL.parse(text);
    }

    static BenchBroker open(String url) {
        if (url == null) {
            throw CliFailure.usage("--url is required: name the broker to measure on");
        }
        return new BenchBroker(url);
    }

    String transportUrl() {
        return text;
    }

    /** The URL with its password masked, for the report. */
    String description() {
        return url.toString();
    }

    RawBroker raw() {
        return RawBroker.forUrl(url);
    }

    @Override
    public void close() {
    }
}
