package dev.oslo4j.messaging.wire;

import java.io.ByteArrayOutputStream;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * kombu's body compression: the AMQP header {@code compression} names it. {@code application/x-gzip} is a
 * <em>zlib</em> stream (RFC 1950, not a gzip file); {@code application/x-bz2} is bzip2. Decompressed sizes are
 * capped so a small compressed body cannot exhaust memory. bzip2 uses {@code commons-compress}, an optional
 * dependency: without it bz2 fails with a message naming the artifact (the rabbit driver checks
 * {@link #bzip2Available()} when {@code kombu_compression=bz2} is configured).
 */
public final class Compression {

    /** AMQP header that names the compression. */
    public static final String HEADER = "compression";
    public static final String GZIP = "application/x-gzip";
    public static final String BZ2 = "application/x-bz2";
    /** Largest decompressed body accepted. */
    public static final int MAX_DECOMPRESSED_BYTES = 256 * 1024 * 1024;

    /** The optional artifact bzip2 needs. */
    public static final String BZIP2_ARTIFACT = "org.apache.commons:commons-compress";

    private Compression() {
    }

    /** The header value for oslo's {@code kombu_compression} option value ({@code gzip}, {@code bz2}). */
    public static String headerFor(String option) {
        return switch (option) {
            case "gzip" -> GZIP;
            case "bz2" -> BZ2;
            default -> throw new IllegalArgumentException("unsupported kombu_compression '" + option + "'");
        };
    }

    public static byte[] compress(String header, byte[] body) {
        if (GZIP.equals(header)) {
            Deflater d = new Deflater();
            try {
                d.setInput(body);
                d.finish();
                ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, body.length / 2));
                byte[] buf = new byte[8192];
                while (!d.finished()) {
                    out.write(buf, 0, d.deflate(buf));
                }
                return out.toByteArray();
            } finally {
                d.end();
            }
        }
        if (BZ2.equals(header)) {
            if (!bzip2Available()) {
                throw new IllegalStateException(bzip2Missing("bzip2 compression"));
            }
            return Bzip2.compress(body);
        }
        throw new IllegalArgumentException("unsupported compression '" + header + "'");
    }

    /** Decompresses a body whose {@code compression} header is {@code header}. */
    public static byte[] decompress(String header, byte[] body) throws MalformedMessage {
        if (GZIP.equals(header)) {
            Inflater inf = new Inflater();
            try {
                inf.setInput(body);
                ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, body.length * 3));
                byte[] buf = new byte[8192];
                while (!inf.finished()) {
                    int n = inf.inflate(buf);
                    if (n == 0 && (inf.needsInput() || inf.needsDictionary())) {
                        throw new MalformedMessage("zlib body (compression " + GZIP + ") is truncated");
                    }
                    out.write(buf, 0, n);
                    checkSize(out.size());
                }
                return out.toByteArray();
            } catch (DataFormatException e) {
                throw new MalformedMessage("body is not zlib data although compression is " + GZIP, e);
            } finally {
                inf.end();
            }
        }
        if (BZ2.equals(header)) {
            if (!bzip2Available()) {
                throw new MalformedMessage(bzip2Missing("a body with compression " + BZ2));
            }
            return Bzip2.decompress(body);
        }
        throw new MalformedMessage("unsupported compression '" + header + "' (known: " + GZIP + ", " + BZ2 + ")");
    }

    /** Whether commons-compress, which bzip2 needs, is on the class path. */
    public static boolean bzip2Available() {
        try {
            Class.forName("org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream", false,
                    Compression.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private static String bzip2Missing(String what) {
        return what + " needs " + BZIP2_ARTIFACT + ", which is not on the class path: add it to your build's"
                + " dependencies (messaging-core declares it optional)";
    }

    static void checkSize(int size) throws MalformedMessage {
        if (size > MAX_DECOMPRESSED_BYTES) {
            throw new MalformedMessage("decompressed body exceeds " + MAX_DECOMPRESSED_BYTES + " bytes");
        }
    }
}
