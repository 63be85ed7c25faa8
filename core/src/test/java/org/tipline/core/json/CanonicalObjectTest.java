package org.tipline.core.json;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.erdtman.jcs.JsonCanonicalizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link CanonicalObject} writes what the RFC 8785 reference library makes of the same object, without parsing. */
class CanonicalObjectTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"", "plain", "quote \" and backslash \\", "slash / stays", "\b\f\n\r\t",
            "\u0000\u0001\u001f\u007f", "é€𝄞 non-ASCII and an astral character", "\u2028\u2029", "<script>"})
    void stringsAreQuotedAsTheLibraryQuotesThem(String value) {
        // Given
        String json = JSON.createArrayNode().add(value).toString();
        // When
        byte[] quoted = CanonicalObject.quote(value);
        // Then
        byte[] reference = reference(json);
        assertThat(new String(quoted, StandardCharsets.UTF_8))
                .isEqualTo(new String(reference, 1, reference.length - 2, StandardCharsets.UTF_8));
    }

    @Test
    void randomStringsAreQuotedAsTheLibraryQuotesThem() {
        Random random = new Random(8785);
        for (int n = 0; n < 2000; n++) {
            // Given: any code points, control characters and astral ones included
            String value = RandomText.of(random, 20, 4);
            String json = JSON.createArrayNode().add(value).toString();
            // When
            byte[] quoted = CanonicalObject.quote(value);
            // Then
            byte[] reference = reference(json);
            assertThat(quoted).isEqualTo(Arrays.copyOfRange(reference, 1, reference.length - 1));
        }
    }

    @Test
    void anObjectOfCanonicalPartsIsTheCanonicalObject() throws Exception {
        // Given: members added out of order, one a stored canonical document, names that sort by UTF-16 units
        byte[] document = reference("{\"z\": [3, 1.5e2, true, null], \"a\": {\"é\": \"x\"}}");
        ObjectNode same = JSON.createObjectNode();
        same.put("report", "ignored");
        same.remove("report");
        same.set("report", JSON.readTree(document));
        same.put("schemaVersion", 2);
        same.put("messageId", "4f6e…");
        same.putArray("fileDigests").add("ab").add("cd");
        same.put("\u00e9", "sorted after ASCII");
        same.put("Z", "upper case sorts first");
        // When
        byte[] built = new CanonicalObject().raw("report", document).number("schemaVersion", 2)
                .string("messageId", "4f6e…").strings("fileDigests", List.of("ab", "cd"))
                .string("\u00e9", "sorted after ASCII").string("Z", "upper case sorts first")
                .optionalString("absent", null).toBytes();
        // Then
        assertThat(new String(built, StandardCharsets.UTF_8))
                .isEqualTo(new String(reference(same.toString()), StandardCharsets.UTF_8));
    }

    @Test
    void arraysOfCanonicalElementsAreCanonical() {
        // Given
        List<byte[]> elements = new ArrayList<>();
        elements.add(reference("{\"b\":1,\"a\":2}"));
        elements.add(CanonicalObject.quote("x"));
        // When / Then
        assertThat(new String(CanonicalObject.array(elements), StandardCharsets.UTF_8))
                .isEqualTo(new String(reference("[{\"a\":2,\"b\":1},\"x\"]"), StandardCharsets.UTF_8));
        assertThat(new String(CanonicalObject.array(List.of()), StandardCharsets.UTF_8)).isEqualTo("[]");
    }

    private static byte[] reference(String json) {
        try {
            return new JsonCanonicalizer(json).getEncodedUTF8();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aLoneSurrogateIsWrittenAsTheReferenceWritesIt() throws Exception {
        for (String value : new String[]{"a\uD800b", "\uDC00", "x\uDBFF"}) {
            byte[] reference = new JsonCanonicalizer(JSON.createArrayNode().add(value).toString()).getEncodedUTF8();
            assertThat(CanonicalObject.quote(value)).isEqualTo(Arrays.copyOfRange(reference, 1, reference.length - 1));
        }
    }

    @Test
    void aNameAddedTwiceIsRefused() {
        assertThatThrownBy(() -> new CanonicalObject().string("a", "1").number("a", 2))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
