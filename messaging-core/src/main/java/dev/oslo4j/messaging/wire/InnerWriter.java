package dev.oslo4j.messaging.wire;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.io.Writer;

/** Writes an inner message with Python's layout into a String, then wraps it in the 2.0 envelope if asked. */
final class InnerWriter extends Writer {

    @FunctionalInterface
    interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    private final StringBuilder sb = new StringBuilder(256);

    static String json(Body body) {
        InnerWriter w = new InnerWriter();
        try (JsonGenerator g = Json.pythonGenerator(w)) {
            g.writeStartObject();
            body.write(g);
            g.writeEndObject();
        } catch (IOException e) {
            throw new IllegalArgumentException("message is not JSON-serializable: " + e.getMessage(), e);
        }
        return w.sb.toString();
    }

    static byte[] enveloped(Body body) {
        return Envelope.wrap(json(body));
    }

    static byte[] bare(Body body) {
        return json(body).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    @Override
    public void write(char[] cbuf, int off, int len) {
        sb.append(cbuf, off, len);
    }

    @Override
    public void write(String str, int off, int len) {
        sb.append(str, off, off + len);
    }

    @Override
    public void write(int c) {
        sb.append((char) c);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
