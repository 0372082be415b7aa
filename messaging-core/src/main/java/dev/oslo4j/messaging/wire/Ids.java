package dev.oslo4j.messaging.wire;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Random identifiers in oslo's two spellings: {@code hex32} ({@code uuid4().hex}, used for {@code _msg_id},
 * {@code _unique_id}, reply and fanout queue names) and {@code uuid36} (notification {@code message_id}).
 * Version-4 layout; drawn from {@link ThreadLocalRandom} because they need uniqueness, not secrecy, and must not
 * serialize threads on a shared SecureRandom.
 */
public final class Ids {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Ids() {
    }

    /** 32 lower-case hex characters, no dashes. */
    public static String hex32() {
        char[] out = new char[32];
        fill(out, false);
        return new String(out);
    }

    /** Canonical 8-4-4-4-12 lower-case UUID. */
    public static String uuid36() {
        char[] out = new char[36];
        fill(out, true);
        return new String(out);
    }

    private static void fill(char[] out, boolean dashes) {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        long hi = (r.nextLong() & ~0xF000L) | 0x4000L;               // version 4
        long lo = (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L; // IETF variant
        int pos = 0;
        for (int i = 0; i < 32; i++) {
            if (dashes && (i == 8 || i == 12 || i == 16 || i == 20)) {
                out[pos++] = '-';
            }
            long word = i < 16 ? hi : lo;
            int shift = (15 - (i % 16)) * 4;
            out[pos++] = HEX[(int) ((word >>> shift) & 0xF)];
        }
    }
}
