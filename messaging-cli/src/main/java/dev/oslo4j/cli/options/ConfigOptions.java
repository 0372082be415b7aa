package dev.oslo4j.cli.options;

import dev.oslo4j.cli.CliFailure;
import dev.oslo4j.messaging.InvalidConfiguration;
import dev.oslo4j.messaging.MessagingOptions;
import dev.oslo4j.messaging.OsloConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * {@code --config-file FILE} (repeatable) and {@code --config-dir DIR}: oslo.config files, read as a Python
 * service reads them ({@link OsloConfig}), plus the {@code OS_<GROUP>__<OPTION>} environment variables. Every
 * command takes them; a missing file, an unreadable directory or a bad value ends the command with exit 3, naming it.
 */
public final class ConfigOptions {
    @Option(names = "--config-file", paramLabel = "FILE",
            description = "oslo.config file, e.g. /etc/nova/nova.conf; repeatable, later files win. Supplies "
                    + "[DEFAULT] transport_url (so --url may be left out), control_exchange, rpc_response_timeout, "
                    + "[oslo_messaging_rabbit] and [oslo_messaging_notifications].")
    List<Path> files = new ArrayList<>();

    @Option(names = "--config-dir", paramLabel = "DIR",
            description = "Directory whose *.conf files are read in name order, after the --config-file files; "
                    + "repeatable.")
    List<Path> dirs = new ArrayList<>();

    private OsloConfig loaded;

    /** The configuration (files, directories and environment), read once. */
    public OsloConfig config() {
        if (loaded == null) {
            try {
                loaded = OsloConfig.load(files, dirs);
            } catch (InvalidConfiguration e) {
                throw CliFailure.usage(e.getMessage());
            }
        }
        return loaded;
    }

    /** The messaging options the files set (oslo's defaults otherwise). */
    public MessagingOptions options() {
        return config().messagingOptions();
    }

    /** {@code [DEFAULT] transport_url}, if configured. */
    public Optional<String> transportUrl() {
        return config().transportUrl();
    }

    /** Where notifications go: {@code [oslo_messaging_notifications] transport_url}, else {@code [DEFAULT]}'s. */
    public Optional<String> notificationTransportUrl() {
        return config().notificationTransportUrl().or(this::transportUrl);
    }

    /** Whether any file or directory was given (the environment alone counts as not given). */
    public boolean given() {
        return !files.isEmpty() || !dirs.isEmpty();
    }
}
