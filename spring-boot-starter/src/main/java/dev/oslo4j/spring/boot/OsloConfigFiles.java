package dev.oslo4j.spring.boot;

import dev.oslo4j.messaging.MessagingOptions;
import dev.oslo4j.messaging.OsloConfig;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** What {@code oslo4j.config-files} contribute (oslo.config files read by {@link OsloConfig}); nothing without files. */
record OsloConfigFiles(Optional<String> transportUrl, MessagingOptions options, List<String> notificationDrivers,
                       List<String> notificationTopics) {

    static final OsloConfigFiles NONE = new OsloConfigFiles(Optional.empty(), MessagingOptions.defaults(), List.of(),
            List.of());

    /** @throws dev.oslo4j.messaging.InvalidConfiguration naming the file (and line) at fault */
    static OsloConfigFiles read(List<Path> files) {
        if (files == null || files.isEmpty()) {
            return NONE;
        }
        OsloConfig config = OsloConfig.load(files, List.of());
        return new OsloConfigFiles(config.transportUrl(), config.messagingOptions(), config.notificationDrivers(),
                config.notificationTopics());
    }
}
