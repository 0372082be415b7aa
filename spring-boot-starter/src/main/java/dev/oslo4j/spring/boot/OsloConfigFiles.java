package dev.oslo4j.spring.boot;

import dev.oslo4j.messaging.InvalidConfiguration;
import dev.oslo4j.messaging.MessagingOptions;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What {@code oslo4j.config-files} contribute, read with messaging-core's {@code dev.oslo4j.messaging.OsloConfig}.
 * Called reflectively through the agreed API (load, transportUrl, messagingOptions, notificationDrivers,
 * notificationTopics) because this starter is also built against messaging-core releases without oslo.config
 * support; with those, setting config files is an error saying so.
 */
record OsloConfigFiles(Optional<String> transportUrl, MessagingOptions options, List<String> notificationDrivers,
                       List<String> notificationTopics) {

    static final OsloConfigFiles NONE = new OsloConfigFiles(Optional.empty(), MessagingOptions.defaults(), List.of(),
            List.of());

    @SuppressWarnings("unchecked")
    static OsloConfigFiles read(List<Path> files) {
        if (files == null || files.isEmpty()) {
            return NONE;
        }
        Class<?> type;
        try {
            type = Class.forName("dev.oslo4j.messaging.OsloConfig");
        } catch (ClassNotFoundException e) {
            throw new InvalidConfiguration("oslo4j.config-files is set but this messaging-core cannot read oslo.config"
                    + " files (no dev.oslo4j.messaging.OsloConfig); set oslo4j.transport-url and oslo4j.options instead");
        }
        try {
            Object config = type.getMethod("load", List.class, List.class).invoke(null, files, List.of());
            return new OsloConfigFiles((Optional<String>) call(type, config, "transportUrl"),
                    (MessagingOptions) call(type, config, "messagingOptions"),
                    (List<String>) call(type, config, "notificationDrivers"),
                    (List<String>) call(type, config, "notificationTopics"));
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r; // InvalidConfiguration naming the file and line
            }
            throw new InvalidConfiguration("cannot read oslo4j.config-files " + files + ": " + e.getCause(), e);
        } catch (ReflectiveOperationException e) {
            throw new InvalidConfiguration("messaging-core's OsloConfig does not have the expected API: " + e, e);
        }
    }

    private static Object call(Class<?> type, Object config, String name) throws ReflectiveOperationException {
        Method m = type.getMethod(name);
        return m.invoke(config);
    }
}
