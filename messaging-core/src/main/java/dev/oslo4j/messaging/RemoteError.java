package dev.oslo4j.messaging;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A failure raised by the remote side of a call, as carried in oslo's failure format: the remote exception's
 * class and module, its message, traceback lines, and constructor {@code args}/{@code kwargs}.
 *
 * <p>Clients receive it for every remote failure whose {@code (module, class)} is not explicitly mapped to a
 * Java type in {@link MessagingOptions.Builder#mapRemoteException}. Endpoints may also <em>throw</em> one
 * (built with {@link #builder(String, String)}) to send an exact failure, e.g.
 * {@code RemoteError.builder("nova.exception", "InstanceNotFound").message("Instance x could not be found.")
 * .kwarg("instance_id", "x").build()}.
 */
public class RemoteError extends MessagingException implements OsloFailure {

    private final String exceptionClass;
    private final String module;
    private final String value;
    private final List<String> traceback;
    private final List<Object> args;
    private final Map<String, Object> kwargs;

    protected RemoteError(Builder b) {
        super("Remote error: " + b.exceptionClass + " " + (b.message == null ? "" : b.message));
        this.exceptionClass = b.exceptionClass;
        this.module = b.module;
        this.value = b.message == null ? "" : b.message;
        this.traceback = List.copyOf(b.traceback);
        this.args = Collections.unmodifiableList(new ArrayList<>(b.args == null
                ? (b.message == null ? List.of() : List.of(b.message)) : b.args));
        this.kwargs = Collections.unmodifiableMap(new LinkedHashMap<>(b.kwargs));
    }

    /** Starts a failure of the given Python module and class, e.g. {@code ("builtins", "ValueError")}. */
    public static Builder builder(String module, String exceptionClass) {
        return new Builder(module, exceptionClass);
    }

    /** The remote exception's class name (oslo's {@code exc_type}). */
    public String exceptionClass() {
        return exceptionClass;
    }

    /** The remote exception's module, e.g. {@code builtins}, {@code nova.exception}. */
    public String module() {
        return module;
    }

    /** The remote exception's message (oslo's {@code value}). */
    public String value() {
        return value;
    }

    /** The remote traceback lines as sent (each usually ending in a newline); may be empty. */
    public List<String> traceback() {
        return traceback;
    }

    /** The remote exception's positional arguments, as plain Java values (maps, lists, strings, numbers). */
    public List<Object> args() {
        return args;
    }

    /** The remote exception's keyword arguments, as plain Java values. */
    public Map<String, Object> kwargs() {
        return kwargs;
    }

    @Override
    public String failureModule() {
        return module;
    }

    @Override
    public String failureClass() {
        return exceptionClass;
    }

    @Override
    public List<Object> failureArgs() {
        return args;
    }

    @Override
    public Map<String, Object> failureKwargs() {
        return kwargs;
    }

    /** Builder of a {@link RemoteError}; see {@link RemoteError#builder(String, String)}. */
    public static final class Builder {
        private final String module;
        private final String exceptionClass;
        private String message;
        private List<String> traceback = List.of();
        private List<Object> args;
        private final Map<String, Object> kwargs = new LinkedHashMap<>();

        private Builder(String module, String exceptionClass) {
            this.module = Objects.requireNonNull(module, "module");
            this.exceptionClass = Objects.requireNonNull(exceptionClass, "exceptionClass");
        }

        /** The exception message ({@code str(exc)} on the Python side). */
        public Builder message(String message) {
            this.message = message;
            return this;
        }

        /** Traceback lines; an empty list means "use this Java stack" when thrown from an endpoint. */
        public Builder traceback(List<String> traceback) {
            this.traceback = List.copyOf(traceback);
            return this;
        }

        /** Positional args; defaults to {@code [message]}. Values must be JSON-serializable. */
        public Builder args(List<?> args) {
            this.args = new ArrayList<>(args);
            return this;
        }

        /** Adds one keyword argument. The value must be JSON-serializable. */
        public Builder kwarg(String name, Object value) {
            this.kwargs.put(name, value);
            return this;
        }

        /** Adds keyword arguments. Values must be JSON-serializable. */
        public Builder kwargs(Map<String, ?> kwargs) {
            this.kwargs.putAll(kwargs);
            return this;
        }

        public RemoteError build() {
            return new RemoteError(this);
        }
    }
}
