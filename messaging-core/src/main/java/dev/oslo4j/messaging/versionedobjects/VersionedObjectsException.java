package dev.oslo4j.messaging.versionedobjects;

import dev.oslo4j.messaging.MessagingException;
import dev.oslo4j.messaging.OsloFailure;

import java.util.List;
import java.util.Map;

/**
 * A versioned object that cannot be hydrated here. Sent back by an RPC server as oslo's own exception
 * ({@code oslo_versionedobjects.exception.<class>} with its keyword arguments), so a Python caller that allows
 * that module rebuilds exactly the exception its own serializer would have raised.
 */
public abstract class VersionedObjectsException extends MessagingException implements OsloFailure {

    private final Map<String, Object> kwargs;

    VersionedObjectsException(String message, Map<String, Object> kwargs) {
        super(message);
        this.kwargs = Map.copyOf(kwargs);
    }

    @Override
    public String failureModule() {
        return "oslo_versionedobjects.exception";
    }

    @Override
    public String failureClass() {
        return getClass().getSimpleName();
    }

    /** oslo's exceptions are built from keyword arguments only; the message is rebuilt from them. */
    @Override
    public List<Object> failureArgs() {
        return List.of();
    }

    @Override
    public Map<String, Object> failureKwargs() {
        return kwargs;
    }
}
