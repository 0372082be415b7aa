package dev.oslo4j.cli.options;

import dev.oslo4j.cli.CliFailure;
import dev.oslo4j.messaging.Transport;
import java.util.Optional;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code --url URL}, or the transport URL of the {@code --config-file}/{@code --config-dir} files (which this
 * mixin brings along): the bus to talk to, with the files' options.
 */
public final class UrlOption {
    @Option(names = "--url", paramLabel = "URL",
            description = "Transport URL in oslo's grammar, e.g. rabbit://guest:guest@127.0.0.1:5672/ "
                    + "(several hosts separated by commas; oslo options as query parameters). "
                    + "Default: transport_url of the --config-file files.")
    String url;

    @Mixin
    ConfigOptions config;

    /** {@code --url}, else {@code [DEFAULT] transport_url}. */
    public String url() {
        return given(config.transportUrl(), "[DEFAULT] transport_url");
    }

    /** {@code --url}, else {@code [oslo_messaging_notifications] transport_url}, else {@code [DEFAULT]}'s. */
    public String notificationUrl() {
        return given(config.notificationTransportUrl(),
                "[oslo_messaging_notifications] transport_url or [DEFAULT] transport_url");
    }

    /** The configuration files' settings. */
    public ConfigOptions config() {
        return config;
    }

    /** A transport on {@link #url()} with the files' options. */
    public Transport open() {
        return Transport.open(url(), config.options());
    }

    /** A transport on {@link #notificationUrl()} with the files' options. */
    public Transport openForNotifications() {
        return Transport.open(notificationUrl(), config.options());
    }

    private String given(Optional<String> configured, String what) {
        if (url != null) {
            config.config(); // the files are still checked, and their options used
            return url;
        }
        return configured.orElseThrow(() -> CliFailure.usage("no transport URL: give --url URL, or --config-file FILE"
                + " with " + what + (config.given() ? " (not set in " + config.config().files() + ")" : "")));
    }
}
