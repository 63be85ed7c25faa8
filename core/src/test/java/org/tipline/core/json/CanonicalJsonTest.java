package org.tipline.core.json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.erdtman.jcs.JsonCanonicalizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link CanonicalJson} gives, byte for byte, what the RFC 8785 reference library gives: for the edge cases of
 * numbers and strings, and for thousands of random documents.
 */
class CanonicalJsonTest {

    @ParameterizedTest
    @ValueSource(strings = {"0", "-0", "-0.0", "1.0", "1e2", "1E-7", "0.000001", "123456789012345678901234567890",
            "9007199254740993", "-9007199254740993", "9007199254740992", "1e21", "1e20", "5e-324",
            "1.7976931348623157e308",
            "0.1", "333333333.33333329", "[1,2.5,-3e-10]", "{\"b\":[],\"a\":{},\"\u00e9\":null,\"A\":true}",
            "\"\\u00e9\\n\\u001f\\ud83d\\ude00\"", "\"lone \\ud800 surrogate\"", "  {\"x\" : 1 }  ",
            "{\"\\u20ac\":1,\"\\r\":2,\"\\ufb33\":3,\"1\":4,\"\\u0080\":5,\"\\ud83d\\ude00\":6,\"\\u00f6\":7}"})
    void edgeCasesAreWhatTheReferenceGives(String value) throws IOException {
        String json = "[" + value + "]"; // the reference takes only an object or an array at the top
        assertThat(text(CanonicalJson.canonicalize(json))).isEqualTo(text(reference(json)));
    }

    @Test
    void randomDocumentsAreWhatTheReferenceGives() throws IOException {
        Random random = new Random(8785);
        for (int n = 0; n < 3000; n++) {
            // Given
            String json = "[" + value(random, 0) + "]";
            // When / Then
            assertThat(text(CanonicalJson.canonicalize(json))).as(json).isEqualTo(text(reference(json)));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"a\":1,\"a\":2}", "{\"a\":1} trailing", "NaN", "1e400", "-1e400", "", "{", "[1,]"})
    void whatHasNoCanonicalFormIsRefused(String json) {
        assertThatThrownBy(() -> CanonicalJson.canonicalize(json)).isInstanceOf(UncheckedIOException.class);
    }

    private static byte[] reference(String json) throws IOException {
        return new JsonCanonicalizer(json).getEncodedUTF8();
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** A random JSON value: nested objects and arrays, strings with any characters, numbers of every shape. */
    private static String value(Random random, int depth) {
        int kind = depth > 3 ? 2 + random.nextInt(4) : random.nextInt(6);
        switch (kind) {
            case 0 : {
                StringBuilder object = new StringBuilder("{");
                int members = random.nextInt(5);
                for (int i = 0; i < members; i++) {
                    object.append(i > 0 ? "," : "").append(string(random, i)).append(':').append(value(random,
                            depth + 1));
                }
                return object.append('}').toString();
            }
            case 1 : {
                StringBuilder array = new StringBuilder("[");
                int elements = random.nextInt(5);
                for (int i = 0; i < elements; i++) {
                    array.append(i > 0 ? "," : "").append(value(random, depth + 1));
                }
                return array.append(']').toString();
            }
            case 2 :
                return string(random, -1);
            case 3 :
                return number(random);
            case 4 :
                return random.nextBoolean() ? "true" : "false";
            default :
                return "null";
        }
    }

    private static String number(Random random) {
        switch (random.nextInt(6)) {
            case 0 :
                return Long.toString(random.nextLong());
            case 1 :
                return Integer.toString(random.nextInt(2000) - 1000);
            case 2 :
                return Double.toString(Double.longBitsToDouble(random.nextLong() & 0x7fefffffffffffffL)
                        * (random.nextBoolean() ? 1 : -1));
            case 3 :
                return (random.nextInt(2000) - 1000) + "." + random.nextInt(100000) + "e" + (random.nextInt(60) - 30);
            case 4 :
                return Double.toString(random.nextDouble() * Math.pow(10, random.nextInt(40) - 20));
            default :
                return "0." + String.format("%018d", Math.abs(random.nextLong() % 1_000_000_000_000_000_000L));
        }
    }

    /** A quoted string; for member names (index >= 0) made unique by its index. */
    private static String string(Random random, int index) {
        StringBuilder raw = new StringBuilder(RandomText.of(random, 8, 3));
        if (index >= 0) {
            raw.append(index);
        }
        StringBuilder quoted = new StringBuilder("\"");
        raw.codePoints().forEach(c -> {
            if (c == '"' || c == '\\') {
                quoted.append('\\').appendCodePoint(c);
            } else if (c < 0x20) {
                quoted.append(String.format("\\u%04x", c));
            } else if (random.nextInt(10) == 0 && c < 0x10000) {
                quoted.append(String.format("\\u%04X", c)); // escaped in the input, as clients may send it
            } else {
                quoted.appendCodePoint(c);
            }
        });
        return quoted.append('"').toString();
    }
}
