package dev.oslo4j.messaging.wire;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Strict UTF-8 validation, as Python's {@code bytes.decode("utf-8")} (which kombu's {@code json.loads} applies to
 * every body before parsing): overlong forms, surrogates, code points above U+10FFFF and truncated sequences are
 * errors. Jackson would instead guess UTF-16/UTF-32 from zero bytes or a byte order mark and accept bodies a
 * Python peer rejects.
 */
final class StrictUtf8 {

    private StrictUtf8() {
    }

    /** Eight bytes at a time: oslo bodies are ASCII (Python's json.dumps escapes the rest). */
    private static final VarHandle LONGS =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long HIGH_BITS = 0x8080808080808080L;

    /** The offset of the first byte that is not part of a well-formed UTF-8 sequence, or -1 when all are. */
    static int firstInvalidOffset(byte[] b) {
        int i = 0;
        int n = b.length;
        while (i < n) {
            while (i + 8 <= n && ((long) LONGS.get(b, i) & HIGH_BITS) == 0) {
                i += 8;
            }
            if (i >= n) {
                break;
            }
            int c = b[i] & 0xff;
            if (c < 0x80) {
                i++;
                continue;
            }
            int length;
            int lo = 0x80;
            int hi = 0xbf;
            if (c >= 0xc2 && c <= 0xdf) {
                length = 2;
            } else if (c >= 0xe0 && c <= 0xef) {
                length = 3;
                if (c == 0xe0) {
                    lo = 0xa0;          // no overlong 3-byte forms
                } else if (c == 0xed) {
                    hi = 0x9f;          // no UTF-16 surrogates
                }
            } else if (c >= 0xf0 && c <= 0xf4) {
                length = 4;
                if (c == 0xf0) {
                    lo = 0x90;          // no overlong 4-byte forms
                } else if (c == 0xf4) {
                    hi = 0x8f;          // nothing above U+10FFFF
                }
            } else {
                return i;               // a continuation byte, C0/C1 (overlong) or F5..FF
            }
            if (i + length > n) {
                return i;               // truncated at the end
            }
            int second = b[i + 1] & 0xff;
            if (second < lo || second > hi) {
                return i;
            }
            for (int k = 2; k < length; k++) {
                int next = b[i + k] & 0xff;
                if (next < 0x80 || next > 0xbf) {
                    return i;
                }
            }
            i += length;
        }
        return -1;
    }

    /**
     * Why Jackson's byte-source bootstrapper would read this (valid UTF-8) body as something else, or null: a UTF-8
     * byte order mark (Jackson skips it; Python's json rejects it) or zero bytes up front (Jackson guesses
     * UTF-16/32; for Python they are NUL characters, which JSON never allows outside strings either).
     */
    static String jacksonWouldMisread(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xff) == 0xef && (b[1] & 0xff) == 0xbb && (b[2] & 0xff) == 0xbf) {
            return "it starts with a UTF-8 byte order mark";
        }
        for (int i = 0; i < Math.min(4, b.length); i++) {
            if (b[i] == 0) {
                return "byte 0x00 (NUL) at offset " + i + " (UTF-16 or UTF-32 text? oslo bodies are UTF-8)";
            }
        }
        return null;
    }
}
