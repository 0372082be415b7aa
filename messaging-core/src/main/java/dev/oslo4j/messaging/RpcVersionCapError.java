package dev.oslo4j.messaging;

/**
 * The client's target version is not allowed by its version cap; nothing was sent (oslo's
 * {@code RPCVersionCapError}).
 */
public class RpcVersionCapError extends MessagingException {

    private final String version;
    private final String versionCap;

    public RpcVersionCapError(String version, String versionCap) {
        super("Requested message version, " + version + " is incompatible. It needs to be equal in major version"
                + " and less than or equal in minor version as the specified version cap " + versionCap + ".");
        this.version = version;
        this.versionCap = versionCap;
    }

    public String version() {
        return version;
    }

    public String versionCap() {
        return versionCap;
    }
}
