package dev.oslo4j.messaging;

import java.util.List;
import java.util.Map;

/**
 * Implemented by exceptions that know how they appear in oslo's failure format. When an RPC endpoint throws an
 * exception implementing this interface, the failure reply carries exactly this module, class, args and
 * kwargs, so a Python client rebuilds e.g. {@code nova.exception.InstanceNotFound(**kwargs)}. Exceptions not
 * implementing it are serialized truthfully with their Java package and simple class name.
 */
public interface OsloFailure {

    /** The Python module name ({@code __module__}), e.g. {@code nova.exception} or {@code builtins}. */
    String failureModule();

    /** The Python class name ({@code __name__}), e.g. {@code InstanceNotFound}. */
    String failureClass();

    /** Positional constructor arguments ({@code args}); by default the exception message alone. */
    default List<Object> failureArgs() {
        String message = this instanceof Throwable t ? t.getMessage() : null;
        return message == null ? List.of() : List.of(message);
    }

    /** Keyword constructor arguments ({@code kwargs}); empty by default. */
    default Map<String, Object> failureKwargs() {
        return Map.of();
    }
}
