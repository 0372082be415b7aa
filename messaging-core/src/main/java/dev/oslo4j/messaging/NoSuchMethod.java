package dev.oslo4j.messaging;

/**
 * A compatible endpoint exists but none exposes the requested method (oslo's
 * {@code oslo_messaging.rpc.dispatcher.NoSuchMethod}). Raised by the server-side dispatcher; a client sees it
 * as a {@link RemoteError} unless its options map it explicitly.
 */
public class NoSuchMethod extends MessagingException implements OsloFailure {

    /** The Python module oslo uses for this exception; what Python clients see in the failure. */
    public static final String PYTHON_MODULE = "oslo_messaging.rpc.dispatcher";

    private final String method;

    public NoSuchMethod(String method) {
        super("Endpoint does not support RPC method " + method);
        this.method = method;
    }

    /** The method name that was requested. */
    public String method() {
        return method;
    }

    @Override
    public String failureModule() {
        return PYTHON_MODULE;
    }

    @Override
    public String failureClass() {
        return "NoSuchMethod";
    }
}
