package dev.oslo4j.messaging.versionedobjects;

import java.util.Map;

/**
 * A known object arrived in a version this side cannot read: another major version, or a newer minor version
 * than the registered Java type implements (oslo's {@code IncompatibleObjectVersion}; Python's serializer would
 * ask conductor for a backport, which oslo4j does not do).
 */
public final class IncompatibleObjectVersion extends VersionedObjectsException {

    private final String objectName;
    private final String version;
    private final String supported;

    IncompatibleObjectVersion(String objectName, String version, String supported, String registeredClass) {
        super("Version " + version + " of " + objectName + " is not supported, supported version is " + supported
                + " (registered Java type " + registeredClass + ")",
                Map.of("objname", objectName, "objver", version, "supported", supported));
        this.objectName = objectName;
        this.version = version;
        this.supported = supported;
    }

    /** The object's name ({@code <ns>.name}). */
    public String objectName() {
        return objectName;
    }

    /** The version received. */
    public String version() {
        return version;
    }

    /** The version the registered Java type implements. */
    public String supported() {
        return supported;
    }
}
