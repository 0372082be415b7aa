package dev.oslo4j.messaging.wire;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;

/**
 * Writes an inner message with Python's layout: as a String, as bare bytes (format 1.0), or straight into the 2.0
 * envelope. The enveloped form never holds the inner text as a String: Jackson's UTF-8 generator writes ASCII
 * bytes (it escapes everything else) into {@link EnvelopeBytes}, which escapes them once more for the envelope as
 * they come. At 1 MB that saves two full copies and a char-by-char pass over the message.
 */
final class InnerWriter {

    @FunctionalInterface
    interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    private InnerWriter() {
    }

    static String json(Body body) {
        StringWriter w = new StringWriter(256);
        generate(() -> Json.pythonGenerator(w), body);
        return w.toString();
    }

    static byte[] enveloped(Body body) {
        EnvelopeBytes out = new EnvelopeBytes();
        generate(() -> Json.pythonGenerator(out), body);
        return out.finish();
    }

    static byte[] bare(Body body) {
        ByteArrayBuilder out = new ByteArrayBuilder(256);
        generate(() -> Json.pythonGenerator(out), body);
        return out.toByteArray();
    }

    @FunctionalInterface
    private interface GeneratorSource {
        JsonGenerator open() throws IOException;
    }

    /** The inner message as one JSON object, written by {@code body} into the generator {@code source} opens. */
    private static void generate(GeneratorSource source, Body body) {
        try (JsonGenerator g = source.open()) {
            g.writeStartObject();
            body.write(g);
            g.writeEndObject();
        } catch (IOException e) {
            throw notSerializable(e);
        }
    }

    private static IllegalArgumentException notSerializable(IOException e) {
        return new IllegalArgumentException("message is not JSON-serializable: " + e.getMessage(), e);
    }

    /**
     * The 2.0 envelope around the inner JSON written into it: the inner text (ASCII, as the generator escapes
     * everything else) becomes a JSON string, so each {@code "} and {@code \} gains a backslash; runs between them
     * are copied whole.
     */
    static final class EnvelopeBytes extends OutputStream {
        private byte[] buf = new byte[512];
        private int len;

        EnvelopeBytes() {
            append(Envelope.PREFIX, 0, Envelope.PREFIX.length);
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int n) {
            // worst case every byte doubles
            ensure(2 * n);
            int end = off + n;
            int run = off;
            for (int i = off; i < end; i++) {
                byte c = b[i];
                if (c == '"' || c == '\\') {
                    System.arraycopy(b, run, buf, len, i - run);
                    len += i - run;
                    buf[len++] = '\\';
                    buf[len++] = c;
                    run = i + 1;
                } else if (c < 0x20) {
                    // bytes >= 0x80 are negative here: the generator escapes all non-ASCII, so this is misuse
                    throw new IllegalStateException("inner message text is not ASCII JSON: byte 0x"
                            + Integer.toHexString(c & 0xff) + " at offset " + (i - off));
                }
            }
            System.arraycopy(b, run, buf, len, end - run);
            len += end - run;
        }

        private void append(byte[] b, int off, int n) {
            ensure(n);
            System.arraycopy(b, off, buf, len, n);
            len += n;
        }

        private void ensure(int more) {
            if (len + more > buf.length) {
                buf = java.util.Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
            }
        }

        byte[] finish() {
            append(Envelope.SUFFIX, 0, Envelope.SUFFIX.length);
            return java.util.Arrays.copyOf(buf, len);
        }
    }
}
