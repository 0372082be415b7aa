package dev.oslo4j.messaging.wire;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EnvelopeTest {

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void unwrapsTwoPointZero() throws Exception {
        JsonNode n = Envelope.unwrap(b("{\"oslo.version\": \"2.0\", \"oslo.message\": \"{\\\"a\\\": 1}\"}"));
        assertThat(n.get("a").intValue()).isEqualTo(1);
    }

    @Test
    void bareObjectsAndValuesPassThrough() throws Exception {
        assertThat(Envelope.unwrap(b("{\"method\": \"x\"}")).get("method").textValue()).isEqualTo("x");
        assertThat(Envelope.unwrap(b("{\"oslo.message\": \"x\"}")).has("oslo.message")).isTrue();
        assertThat(Envelope.unwrap(b("[1]")).isArray()).isTrue();
    }

    @Test
    void rejectsNewerMinorEnvelope() {
        assertThatThrownBy(() -> Envelope.unwrap(b("{\"oslo.version\": \"2.1\", \"oslo.message\": \"{}\"}")))
                .isInstanceOf(MalformedMessage.class).hasMessageContaining("'2.1'");
        assertThatThrownBy(() -> Envelope.unwrap(b("{\"oslo.version\": \"x.y\", \"oslo.message\": \"{}\"}")))
                .isInstanceOf(MalformedMessage.class).hasMessageContaining("invalid");
        assertThatThrownBy(() -> Envelope.unwrap(b("{\"oslo.version\": 2, \"oslo.message\": \"{}\"}")))
                .isInstanceOf(MalformedMessage.class).hasMessageContaining("not a string");
    }

    @Test
    void rejectsNonStringOrInvalidInnerMessage() {
        assertThatThrownBy(() -> Envelope.unwrap(b("{\"oslo.version\": \"2.0\", \"oslo.message\": {}}")))
                .isInstanceOf(MalformedMessage.class).hasMessageContaining("not a string");
        assertThatThrownBy(() -> Envelope.unwrap(b("{\"oslo.version\": \"2.0\", \"oslo.message\": \"{nope\"}")))
                .isInstanceOf(MalformedMessage.class).hasMessageContaining("not valid JSON");
    }

    @Test
    void rejectsGarbageAndInvalidUtf8() {
        assertThatThrownBy(() -> Envelope.unwrap(b("hello"))).isInstanceOf(MalformedMessage.class);
        assertThatThrownBy(() -> Envelope.unwrap(new byte[] {'"', (byte) 0xC3, (byte) 0x28, '"'}))
                .isInstanceOf(MalformedMessage.class);
        assertThatThrownBy(() -> Envelope.unwrap(new byte[0])).isInstanceOf(MalformedMessage.class);
    }

    @Test
    void decodesStrictlyAsUtf8LikeKombuAndNamesTheByteOffset() throws Exception {
        // kombu's json.loads does body.decode("utf-8"): no guessing of UTF-16/32, no BOM, no lenient sequences
        String json = "{\"method\": \"ping\"}";
        for (java.nio.charset.Charset utf16 : new java.nio.charset.Charset[] {
                StandardCharsets.UTF_16, StandardCharsets.UTF_16BE, StandardCharsets.UTF_16LE}) {
            assertThatThrownBy(() -> Envelope.unwrap(json.getBytes(utf16))).as(utf16.name())
                    .isInstanceOf(MalformedMessage.class).hasMessageContaining("body is not");
        }
        assertThatThrownBy(() -> Envelope.unwrap(json.getBytes(java.nio.charset.Charset.forName("UTF-32"))))
                .isInstanceOf(MalformedMessage.class);
        assertThatThrownBy(() -> Envelope.unwrap(new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'}))
                .isInstanceOf(MalformedMessage.class).hasMessageContaining("not valid UTF-8")
                .hasMessageContaining("offset 6").hasMessageContaining("0xc3");
        byte[][] invalid = {
                {'"', (byte) 0xC0, (byte) 0xAF, '"'},                         // overlong '/'
                {'"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"'},            // an encoded surrogate
                {'"', (byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80, '"'}, // above U+10FFFF
                {'"', (byte) 0xE2, (byte) 0x82},                              // truncated
                {'"', (byte) 0xE9, '"'},                                      // Latin-1
        };
        for (byte[] body : invalid) {
            assertThatThrownBy(() -> Envelope.unwrap(body)).isInstanceOf(MalformedMessage.class)
                    .hasMessageContaining("not valid UTF-8").hasMessageContaining("offset 1");
        }
        byte[] bom = ("\uFEFF" + json).getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> Envelope.unwrap(bom)).isInstanceOf(MalformedMessage.class)
                .hasMessageContaining("not valid JSON");
        // well-formed multi-byte UTF-8 (2, 3 and 4 bytes) is of course fine
        assertThat(Envelope.unwrap(b("{\"v\": \"\u00e9\u20ac\uD83D\uDE00\"}")).get("v").textValue())
                .isEqualTo("\u00e9\u20ac\uD83D\uDE00");
    }

    @Test
    void toleratesNanAndInfinityLikePython() throws Exception {
        JsonNode n = Envelope.unwrap(b("{\"a\": NaN, \"b\": Infinity, \"c\": -Infinity}"));
        assertThat(n.get("a").doubleValue()).isNaN();
        assertThat(n.get("b").doubleValue()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(Json.toPythonJson(Map.of("x", Double.NaN))).isEqualTo("{\"x\": NaN}");
    }

    @Test
    void writesPythonFloatsAndEscapes() {
        assertThat(Json.toPythonJson(new double[] {2.5, 1.0, 1e-5, 1e16, 123456.789, 0.0001, -3e-7}))
                .isEqualTo("[2.5, 1.0, 1e-05, 1e+16, 123456.789, 0.0001, -3e-07]");
        assertThat(Json.toPythonJson("a\"b\\c\n\t\u0001\u007f\u00e9/"))
                .isEqualTo("\"a\\\"b\\\\c\\n\\t\\u0001\\u007f\\u00e9/\"");
        assertThat(Json.toPythonJson(Map.of())).isEqualTo("{}");
    }

    @Test
    void zlibAndBzip2RoundTrip() throws Exception {
        byte[] body = b("{\"oslo.version\": \"2.0\", \"oslo.message\": \"{}\"}");
        for (String h : new String[] {Compression.GZIP, Compression.BZ2}) {
            assertThat(Compression.decompress(h, Compression.compress(h, body))).isEqualTo(body);
        }
        // zlib.compress(b'{"x": "Hello, oslo!"}') from Python: kombu's "gzip" is a zlib stream
        byte[] python = java.util.Base64.getDecoder().decode("eJyrVqpQslJQ8kjNycnXUcgvzslXVKoFAERWBnE=");
        assertThat(new String(Compression.decompress(Compression.GZIP, python), StandardCharsets.UTF_8))
                .isEqualTo("{\"x\": \"Hello, oslo!\"}");
        assertThatThrownBy(() -> Compression.decompress(Compression.GZIP, b("not zlib")))
                .isInstanceOf(MalformedMessage.class);
        assertThatThrownBy(() -> Compression.decompress("application/x-lzma", body))
                .isInstanceOf(MalformedMessage.class).hasMessageContaining("unsupported");
    }

    @Test
    void versionRuleIsOslos() {
        assertThat(VersionRule.isCompatible("1.0", "1.0")).isTrue();
        assertThat(VersionRule.isCompatible("1.3", "1.2")).isTrue();
        assertThat(VersionRule.isCompatible("1.2", "1.3")).isFalse();
        assertThat(VersionRule.isCompatible("2.0", "1.0")).isFalse();
        assertThat(VersionRule.isCompatible("1.2.1", "1.2.2")).isFalse();
        assertThat(VersionRule.isCompatible("1.2.2", "1.2.1")).isTrue();
        assertThat(VersionRule.isCompatible("1.2", "1.2.0")).isTrue();
        assertThat(VersionRule.isCompatible("1.2", "1.2.1")).isFalse();
        assertThat(VersionRule.isCompatible("1.3", "1.2.9")).isTrue();
        assertThat(VersionRule.isCompatible(null, "7.7")).isTrue();
        assertThat(VersionRule.isCompatible("1.0", null)).isFalse();
        assertThatThrownBy(() -> VersionRule.isCompatible("1.0", "abc")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VersionRule.isCompatible("1.0", "1.x")).isInstanceOf(IllegalArgumentException.class);
    }

    /** The two ways unwrap reads a 2.0 envelope must agree with each other and with a plain two-step parse. */
    @Test
    void fastAndGeneralEnvelopeReadingsAgree() throws Exception {
        String[] inners = {
                "{}",
                "{\"a\": 1}",
                "{\"s\": \"quote \\\" backslash \\\\ slash /\", \"n\": [1, 2.5, null, true]}",
                "{\"u\": \"caf\\u00e9 \\ud83d\\ude00 tab\\t nl\\n\"}",
                "{\"big\": \"" + "x".repeat(100_000) + "\"}",
        };
        for (String inner : inners) {
            byte[] ours = InnerWriter.enveloped(g -> {
                g.writeFieldName("wrapped");
                g.writeTree(Json.parse(inner));
            });
            JsonNode expected = Json.parse(Json.parse(ours).get(Envelope.MESSAGE_KEY).textValue());
            assertThat(Envelope.OurLayout.of(ours)).as("our own layout takes the fast path").isNotNull();
            assertThat(Envelope.unwrap(ours)).isEqualTo(expected);
            // the same envelope in another layout (no spaces, reversed keys, escaped solidus) takes the general path
            String text = Json.parse(ours).get(Envelope.MESSAGE_KEY).textValue();
            String other = "{\"oslo.message\":" + Json.mapper().writeValueAsString(text).replace("/", "\\/")
                    + ",\"oslo.version\":\"2.0\"}";
            assertThat(Envelope.OurLayout.of(b(other))).isNull();
            assertThat(Envelope.unwrap(b(other))).isEqualTo(expected);
        }
    }

    @Test
    void fastPathLeavesEverythingUnusualToTheGeneralPath() throws Exception {
        String prefix = "{\"oslo.version\": \"2.0\", \"oslo.message\": \"";
        // an escaped non-ASCII character in the outer string: decoded by the general path
        assertThat(Envelope.OurLayout.of(b(prefix + "{\\\"k\\\": \\\"\\u00e9\\\"}\"}"))).isNull();
        assertThat(Envelope.unwrap(b(prefix + "{\\\"k\\\": \\\"\\u00e9\\\"}\"}")).get("k").textValue())
                .isEqualTo("\u00e9");
        // trailing content after the envelope, raw control characters, a truncated string
        assertThat(Envelope.OurLayout.of(b(prefix + "{}\", \"x\": 1}"))).isNull();
        assertThat(Envelope.OurLayout.of(b(prefix + "{\u0001}\"}"))).isNull();
        assertThat(Envelope.OurLayout.of(b(prefix + "{}"))).isNull();
        assertThatThrownBy(() -> Envelope.unwrap(b(prefix + "{\u0001}\"}")))
                .isInstanceOf(MalformedMessage.class).hasMessageContaining("body is not valid JSON");
        // a later duplicate key wins, as in Python's json.loads
        JsonNode dup = Envelope.unwrap(b("{\"oslo.version\": \"2.0\", \"oslo.message\": \"{}\", "
                + "\"oslo.message\": \"{\\\"b\\\": 2}\"}"));
        assertThat(dup.get("b").intValue()).isEqualTo(2);
        assertThatThrownBy(() -> Envelope.unwrap(b("{\"oslo.version\": \"2.0\", \"oslo.message\": \"{}\", "
                + "\"oslo.message\": 3}"))).isInstanceOf(MalformedMessage.class).hasMessageContaining("not a string");
        // an inner text holding a NUL escape is a JSON error, not a UTF-16 guess
        assertThatThrownBy(() -> Envelope.unwrap(b(prefix.replace(" ", "") + "\\u0000{}\"}")))
                .isInstanceOf(MalformedMessage.class).hasMessageContaining("'oslo.message' is not valid JSON");
    }
}
