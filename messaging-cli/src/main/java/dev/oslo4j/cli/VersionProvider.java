package dev.oslo4j.cli;

import picocli.CommandLine.IVersionProvider;

/** {@code oslo4j --version}: the version Maven wrote into the jar's manifest. */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = Main.class.getPackage().getImplementationVersion();
        return new String[] {
            "oslo4j " + (version == null ? "(development build)" : version),
            "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"
        };
    }
}
