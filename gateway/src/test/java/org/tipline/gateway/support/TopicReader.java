package org.tipline.gateway.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;

import com.fasterxml.jackson.databind.JsonNode;

/** Reads topics from the beginning with a plain KafkaConsumer, as an intake system would. */
public final class TopicReader implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;
    private final List<ConsumerRecord<String, String>> received = new CopyOnWriteArrayList<>();

    public TopicReader(String bootstrapServers, Collection<String> topics) {
        consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class));
        consumer.subscribe(List.copyOf(topics));
    }

    /** Polls until {@code done} holds for what was received (records of the given report ids only), or fails. */
    public List<ConsumerRecord<String, String>> awaitRecords(Collection<String> reportIds, Duration timeout,
            Predicate<List<ConsumerRecord<String, String>>> done) {
        Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(50)).until(() -> {
            consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                if (reportIds.contains(r.key())) {
                    received.add(r);
                }
            });
            return done.test(List.copyOf(received));
        });
        return List.copyOf(received);
    }

    /** The envelopes received, opened with their destinations' keys, as a receiver reads them. */
    public static List<JsonNode> envelopes(List<ConsumerRecord<String, String>> records) {
        List<JsonNode> envelopes = new ArrayList<>();
        records.forEach(r -> envelopes.add(TestReceivers.open(JsonEdit.parse(r.value()))));
        return envelopes;
    }

    /**
     * Until every report in {@code reportIds} was received: the message ids each was forwarded under, by report id.
     * A report republished after a crash keeps its message id, so each set holds one id unless it was forwarded twice
     * as different messages.
     */
    public Map<String, Set<String>> awaitMessageIds(Set<String> reportIds, Duration timeout) {
        List<ConsumerRecord<String, String>> records = awaitRecords(reportIds, timeout,
                got -> got.stream().map(ConsumerRecord::key).collect(Collectors.toSet()).containsAll(reportIds));
        Map<String, Set<String>> messageIds = new HashMap<>();
        for (ConsumerRecord<String, String> record : records) {
            messageIds.computeIfAbsent(record.key(), k -> new HashSet<>())
                    .add(JsonEdit.parse(record.value()).path("messageId").asText());
        }
        return messageIds;
    }

    /** The envelopes as they are on the topic: routing fields and digests in clear, the content sealed. */
    public static List<JsonNode> rawEnvelopes(List<ConsumerRecord<String, String>> records) {
        List<JsonNode> envelopes = new ArrayList<>();
        records.forEach(r -> envelopes.add(JsonEdit.parse(r.value())));
        return envelopes;
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(2));
    }
}
