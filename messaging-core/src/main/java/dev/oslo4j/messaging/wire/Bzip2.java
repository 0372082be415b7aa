package dev.oslo4j.messaging.wire;

import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * bzip2 through commons-compress, kept apart from {@link Compression} so that only this class needs the optional
 * dependency: it is loaded once {@link Compression} checked that commons-compress is there.
 */
final class Bzip2 {

    private Bzip2() {
    }

    static byte[] compress(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, body.length / 2));
        try (BZip2CompressorOutputStream bz = new BZip2CompressorOutputStream(out)) {
            bz.write(body);
        } catch (IOException e) {
            throw new IllegalStateException("bzip2 compression failed", e);
        }
        return out.toByteArray();
    }

    static byte[] decompress(byte[] body) throws MalformedMessage {
        try (InputStream in = new BZip2CompressorInputStream(new ByteArrayInputStream(body))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, body.length * 3));
            byte[] buf = new byte[8192];
            int n;
            while ((n = in.read(buf)) > 0) {
                out.write(buf, 0, n);
                Compression.checkSize(out.size());
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new MalformedMessage("body is not bzip2 data although compression is " + Compression.BZ2, e);
        }
    }
}
