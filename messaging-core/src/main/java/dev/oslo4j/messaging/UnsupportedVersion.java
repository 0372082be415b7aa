package dev.oslo4j.messaging;

/**
 * No endpoint accepts the requested namespace and version (oslo's
 * {@code oslo_messaging.rpc.dispatcher.UnsupportedVersion}); also the outcome of a namespace mismatch.
 */
public class UnsupportedVersion extends MessagingException implements OsloFailure {

    private final String version;
    private final String method;

    public UnsupportedVersion(String version, String method) {
        super("Endpoint does not support RPC version " + version + ". Attempted method: " + method);
        this.version = version;
        this.method = method;
    }

    public String version() {
        return version;
    }

    public String method() {
        return method;
    }

    @Override
    public String failureModule() {
        return NoSuchMethod.PYTHON_MODULE;
    }

    @Override
    public String failureClass() {
        return "UnsupportedVersion";
    }
}
