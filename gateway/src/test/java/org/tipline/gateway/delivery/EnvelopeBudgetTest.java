package org.tipline.gateway.delivery;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.tipline.core.json.CanonicalJson;
import org.tipline.gateway.kernel.Priority;
import org.tipline.gateway.kernel.ReportDocument;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The size bound intake relies on is an upper bound: for documents and file details of many sizes and shapes (text
 * JSON escapes, multi-byte characters, the longest media type), the real sealed and signed record never exceeds it.
 */
@QuarkusTest
class EnvelopeBudgetTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    EnvelopeCodec codec;

    @Inject
    EnvelopeBudget budget;

    @Test
    void theBoundIsNeverBelowTheRealRecord() throws Exception {
        Random random = new Random(7);
        for (int round = 0; round < 60; round++) {
            ObjectNode document = JSON.createObjectNode();
            document.put("additionalInfo", text(random, random.nextInt(round % 10 == 0 ? 400_000 : 4_000)));
            int files = random.nextInt(round % 7 == 0 ? 40 : 4);
            List<Envelope.FileReference> references = new ArrayList<>();
            List<Integer> detailsBytes = new ArrayList<>();
            for (int f = 0; f < files; f++) {
                ObjectNode details = JSON.createObjectNode();
                details.put("originalFileName", text(random, random.nextInt(2_000)));
                JsonNode stored = random.nextInt(5) == 0 ? null : details;
                UUID fileId = UUID.randomUUID();
                references.add(new Envelope.FileReference(fileId, Long.MAX_VALUE, "a".repeat(64), "b".repeat(32),
                        "\"\u0001".repeat(127) + "x", "/v1/intake/ncmec/files/" + fileId,
                        stored == null ? null : ReportDocument.ofJson(stored.toString())));
                detailsBytes.add(stored == null ? 0 : canonical(stored).length + 28);
            }
            Envelope envelope = new Envelope(UUID.randomUUID(), MessageKind.REPORT, UUID.randomUUID(), "ncmec",
                    Priority.P1_IMMINENT, "test-platform-" + "p".repeat(50), Instant.now(),
                    ReportDocument.ofJson(document.toString()), references);
            int actual = codec.encode(envelope).length + OutboxRelay.RECORD_OVERHEAD;
            long bound = budget.bound(new MessageSize(canonical(document).length, detailsBytes));
            assertThat(bound).as("round %d: %d files, document of %d bytes", round, files,
                    canonical(document).length).isGreaterThanOrEqualTo(actual);
        }
    }

    @Test
    void aMessageOverTheLimitIsRefusedWithItsCode() {
        MessageSize size = new MessageSize(budget.largestDocument() + 1, List.of());
        assertThat(budget.bound(new MessageSize(budget.largestDocument(), List.of()))).isLessThanOrEqualTo(
                budget.limit());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> budget.check(size))
                .isInstanceOfSatisfying(org.tipline.gateway.platform.errors.UnprocessableException.class,
                        e -> assertThat(e.violations()).singleElement().satisfies(v -> assertThat(v.code())
                                .isEqualTo(org.tipline.gateway.platform.errors.ViolationCode.TOO_LARGE_TO_FORWARD)));
    }

    private static byte[] canonical(JsonNode node) throws Exception {
        return CanonicalJson.canonicalize(JSON.writeValueAsString(node));
    }

    /** Text that JSON escapes heavily or that is multi-byte in UTF-8. */
    private static String text(Random random, int length) {
        StringBuilder text = new StringBuilder(length);
        String alphabet = "ab\"\\\u0001\u00e9\u4e2d";
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return new String(text.toString().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    }
}
