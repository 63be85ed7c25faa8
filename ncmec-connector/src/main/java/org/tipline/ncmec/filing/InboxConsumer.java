package org.tipline.ncmec.filing;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tipline.core.envelope.EnvelopeOpener;
import org.tipline.core.envelope.EnvelopeVerifier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Reads the destination's two lanes, urgent first, and stores every envelope whose signature verifies as a filing
 * (de-duplicated by {@code messageId}); offsets are committed only once the batch is stored. Tombstones, garbage,
 * envelopes for another destination, of an unknown version or kind, and anything whose signature does not verify
 * with the gateway's keys are skipped and counted: never stored, never filed, never acknowledged.
 */
public final class InboxConsumer {

    private static final Logger LOGGER = LoggerFactory.getLogger(InboxConsumer.class);
    private static final int MAX_ENVELOPE_BYTES = 8 * 1024 * 1024;
    private static final Set<String> KINDS = Set.of("REPORT", "SUPPLEMENT", "ESCALATION");
    private static final Map<String, Integer> PRIORITY = Map.of("P1_IMMINENT", 1, "P2_SERIOUS", 2,
            "P3_STANDARD", 3);

    private final KafkaConsumer<String, byte[]> consumer;
    private final FilingStore store;
    private final GatewayClient gateway;
    private final EnvelopeOpener opener;
    private final String destination;
    private final String urgent;
    private final MeterRegistry metrics;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();
    private EnvelopeVerifier verifier;
    private java.time.Instant keysFetched = java.time.Instant.MIN;

    public InboxConsumer(KafkaConsumer<String, byte[]> consumer, FilingStore store, GatewayClient gateway,
            EnvelopeOpener opener, String topicPrefix, String destination, MeterRegistry metrics, Clock clock) {
        this.consumer = consumer;
        this.opener = opener;
        this.store = store;
        this.gateway = gateway;
        this.destination = destination;
        this.urgent = topicPrefix + ".intake." + destination + ".urgent";
        this.metrics = metrics;
        this.clock = clock;
        consumer.subscribe(List.of(urgent, topicPrefix + ".intake." + destination));
    }

    /** Polls once and stores what arrived; returns how many new filings were stored. */
    public int pollOnce(Duration timeout) throws IOException {
        if (verifier == null) {
            refreshKeys();
        }
        List<ConsumerRecord<String, byte[]>> batch = new ArrayList<>();
        consumer.poll(timeout).forEach(batch::add);
        batch.sort(Comparator.comparing((ConsumerRecord<String, byte[]> r) -> !r.topic().equals(urgent)));
        int stored = 0;
        try {
            for (ConsumerRecord<String, byte[]> record : batch) {
                stored += handle(record) ? 1 : 0;
            }
        } catch (RuntimeException e) {
            rewind();
            throw e;
        }
        if (!batch.isEmpty()) {
            consumer.commitSync();
        }
        return stored;
    }

    private boolean handle(ConsumerRecord<String, byte[]> record) throws IOException {
        String where = record.topic() + "-" + record.partition() + "@" + record.offset();
        JsonNode envelope = read(record.value());
        if (envelope == null) {
            skip(where, "not an envelope (a tombstone, too large, or not JSON)", "unreadable");
            return false;
        }
        if (!verified(envelope)) {
            skip(where, "its signature does not verify with the gateway's keys", "forged");
            return false;
        }
        String kind = envelope.path("kind").asText();
        if (envelope.path("schemaVersion").asInt() != 2 || !destination.equals(envelope.path("destination").asText())
                || !KINDS.contains(kind) || !PRIORITY.containsKey(envelope.path("priority").asText())) {
            skip(where, "a version, destination, kind or priority this connector does not file", "unsupported");
            return false;
        }
        try {
            opener.open(envelope);
        } catch (IOException e) {
            skip(where, "it cannot be opened with the destination's key", "unopenable");
            return false;
        }
        UUID messageId = UUID.fromString(envelope.path("messageId").asText());
        UUID reportId = UUID.fromString(envelope.path("reportId").asText());
        boolean added = store.receive(messageId, reportId, kind, PRIORITY.get(envelope.path("priority").asText()),
                record.value(), clock.instant());
        metrics.counter("tipline.ncmec.envelopes", "outcome", added ? "stored" : "duplicate").increment();
        if (added) {
            LOGGER.info("Received {} {} of gateway report {} ({})", kind, messageId, reportId, where);
        }
        return added;
    }

    /**
     * Whether the signature verifies. A failure fetches the gateway's keys again (a new key may have been added), at
     * most once a minute, so forged records cannot make the connector hammer the gateway.
     */
    private boolean verified(JsonNode envelope) throws IOException {
        if (verifier.verify(envelope)) {
            return true;
        }
        if (Duration.between(keysFetched, clock.instant()).compareTo(Duration.ofMinutes(1)) < 0) {
            return false;
        }
        refreshKeys();
        return verifier.verify(envelope);
    }

    private void refreshKeys() throws IOException {
        verifier = gateway.verifier();
        keysFetched = clock.instant();
    }

    private JsonNode read(byte[] value) {
        if (value == null || value.length == 0 || value.length > MAX_ENVELOPE_BYTES) {
            return null;
        }
        try {
            JsonNode envelope = json.readTree(value);
            if (!envelope.isObject() || !uuid(envelope.path("messageId").asText())
                    || !uuid(envelope.path("reportId").asText())) {
                return null;
            }
            return envelope;
        } catch (IOException e) {
            return null;
        }
    }

    private static boolean uuid(String text) {
        try {
            UUID.fromString(text);
            return text.length() == 36;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private void skip(String where, String why, String outcome) {
        LOGGER.warn("Skipped the record at {}: {}", where, why);
        metrics.counter("tipline.ncmec.envelopes", "outcome", outcome).increment();
    }

    /** Back to the committed offsets, so what was not stored is read again. */
    private void rewind() {
        for (TopicPartition partition : consumer.assignment()) {
            OffsetAndMetadata committed = consumer.committed(Set.of(partition)).get(partition);
            if (committed != null) {
                consumer.seek(partition, committed);
            } else {
                consumer.seekToBeginning(List.of(partition));
            }
        }
    }

    /** Closes the Kafka consumer; call from the thread that polls. */
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }

    /** Cuts a poll short from another thread. */
    public void wakeUp() {
        consumer.wakeup();
    }
}
