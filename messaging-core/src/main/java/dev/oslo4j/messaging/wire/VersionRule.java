package dev.oslo4j.messaging.wire;

/**
 * oslo's {@code version_is_compatible(implemented, requested)}: same major, requested minor not above the
 * implemented one, and when minors are equal the revision (third component, default 0) not above either.
 * Used for endpoint dispatch, the envelope version and the client's version cap.
 */
public final class VersionRule {

    private VersionRule() {
    }

    /**
     * @return whether {@code requested} is served by {@code implemented}; a null implemented version accepts
     *     everything, a null requested version is never compatible
     * @throws IllegalArgumentException when a component is not an integer (Python's {@code ValueError})
     */
    public static boolean isCompatible(String implemented, String requested) {
        if (implemented == null) {
            return true;
        }
        if (requested == null) {
            return false;
        }
        int[] impl = parse(implemented);
        int[] req = parse(requested);
        if (req[0] != impl[0]) {
            return false;
        }
        if (req[1] > impl[1]) {
            return false;
        }
        return req[1] != impl[1] || req[2] <= impl[2];
    }

    /** Major, minor, revision of {@code "X.Y[.Z]"}; Python tolerates more components and ignores them. */
    static int[] parse(String version) {
        String[] parts = version.split("\\.", -1);
        if (parts.length < 2) {
            throw new IllegalArgumentException("invalid version '" + version
                    + "': expected major and minor integers, e.g. 1.0");
        }
        int[] out = new int[3];
        for (int i = 0; i < Math.min(3, parts.length); i++) {
            try {
                out[i] = Integer.parseInt(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("invalid version '" + version + "': component '" + parts[i]
                        + "' is not an integer");
            }
        }
        return out;
    }
}
