package dev.oslo4j.cli.bench;

import java.nio.charset.StandardCharsets;

/** Benchmark payloads: printable ASCII so that one character is one byte in JSON and on the wire. */
public final class Payloads {
    private Payloads() {
    }

    /** A string of exactly {@code bytes} ASCII characters. */
    public static String text(int bytes) {
        StringBuilder text = new StringBuilder(bytes);
        for (int i = 0; i < bytes; i++) {
            text.append((char) ('a' + i % 26));
        }
        return text.toString();
    }

    /** The same payload as raw bytes, for the bare amqp-client baselines. */
    public static byte[] bytes(int bytes) {
        return text(bytes).getBytes(StandardCharsets.US_ASCII);
    }
}
