package dev.oslo4j.messaging;

/**
 * A feature was asked for whose library is an optional dependency of oslo4j and is not on the class path, e.g.
 * {@code kombu_compression=bz2} without {@code org.apache.commons:commons-compress}. The message names the
 * artifact to add.
 */
public class MissingDependency extends InvalidConfiguration {

    private final String artifact;

    public MissingDependency(String feature, String artifact) {
        super(feature + " needs " + artifact + ", which is not on the class path: add " + artifact
                + " to your build's dependencies (messaging-core declares it optional)");
        this.artifact = artifact;
    }

    /** The missing artifact, {@code groupId:artifactId}. */
    public String artifact() {
        return artifact;
    }

    /**
     * Throws {@link MissingDependency} for {@code feature} unless {@code className} (a class of {@code artifact})
     * can be loaded by the loader that loaded oslo4j.
     */
    public static void require(String className, String artifact, String feature) {
        try {
            Class.forName(className, false, MissingDependency.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new MissingDependency(feature, artifact);
        }
    }
}
