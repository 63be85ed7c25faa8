package org.tipline.gateway.delivery;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.tipline.gateway.kernel.Priority;

import static org.assertj.core.api.Assertions.assertThat;

/** A relay batch is bounded by bytes as well as by count, and always makes progress. */
class BatchBoundTest {

    @Test
    void aBatchStopsBeforeTheMessageThatWouldExceedItsBytes() {
        List<OutboxMessage> claimed = messages(3_000_000, 3_000_000, 3_000_000, 10);
        assertThat(OutboxRelay.bytesBounded(claimed, 7_000_000)).hasSize(2);
        assertThat(OutboxRelay.bytesBounded(claimed, 9_000_000)).hasSize(3);
        assertThat(OutboxRelay.bytesBounded(claimed, 9_000_010)).hasSize(4);
    }

    @Test
    void aSingleMessageLargerThanTheBoundStillGoesAlone() {
        assertThat(OutboxRelay.bytesBounded(messages(20_000_000, 1), 1_048_576)).hasSize(1);
        assertThat(OutboxRelay.bytesBounded(List.of(), 1_048_576)).isEmpty();
    }

    private static List<OutboxMessage> messages(int... sizes) {
        return IntStream.range(0, sizes.length).mapToObj(i -> new OutboxMessage(i + 1, UUID.randomUUID(),
                UUID.randomUUID(), "ncmec", "tipline.intake.ncmec", MessageKind.REPORT, Priority.P3_STANDARD, null,
                Instant.EPOCH, 0, sizes[i])).toList();
    }
}
