package dev.oslo4j.messaging.config;

/** A configuration file or value cannot be used; the message names the file, section, option and value. */
public final class ConfigFileException extends RuntimeException {

    public ConfigFileException(String message) {
        super(message);
    }

    public ConfigFileException(String message, Throwable cause) {
        super(message, cause);
    }

    /** {@code s} with every {@code user:password@} of a URL (each host of {@code a://u:p@h1,u:p@h2/}) masked. */
    public static String maskPasswords(String s) {
        return s == null ? null : s.replaceAll("((?:://|,)[^:/@,\\s]*:)[^@/,\\s]*@", "$1****@");
    }
}
