package dev.oslo4j.messaging.versionedobjects;

import java.util.Collection;
import java.util.Map;

/**
 * An object whose name (or namespace) has no registered Java type (oslo's {@code UnsupportedObjectError}); the
 * message lists what is registered.
 */
public final class UnsupportedObjectError extends VersionedObjectsException {

    private final String objectType;

    UnsupportedObjectError(String objectType, Collection<String> registered) {
        super("Unsupported object type " + objectType + " (registered: " + registered + ")",
                Map.of("objtype", objectType));
        this.objectType = objectType;
    }

    /** The name received ({@code <namespace>.<name>} when the namespace was the problem). */
    public String objectType() {
        return objectType;
    }
}
