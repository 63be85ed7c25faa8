package org.tipline.bench;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Consumes every intake topic (normal and urgent lanes) as receivers do and notes when each report reached each
 * destination, so a run counts delivered reports, not 2xx answers: lost ones never arrive, duplicated ones arrive
 * twice. Records are keyed by report id; the topic names the destination.
 */
final class DeliveryWatcher implements AutoCloseable {

    private static final Pattern INTAKE_TOPICS = Pattern.compile("tipline\\.intake\\.(?!acks$)[a-z0-9-]+(\\.urgent)?");

    /** A report's arrival at one destination. */
    record Arrival(String reportId, String destination) {
    }

    private final Map<Arrival, Long> firstArrival = new ConcurrentHashMap<>();
    private final Map<Arrival, Integer> arrivals = new ConcurrentHashMap<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final CountDownLatch assigned = new CountDownLatch(1);
    private final Thread thread;

    DeliveryWatcher(String bootstrapServers) {
        thread = new Thread(() -> consume(bootstrapServers), "bench-delivery-watcher");
        thread.setDaemon(true);
        thread.start();
    }

    private void consume(String bootstrapServers) {
        Map<String, String> destinations = new HashMap<>();
        try (KafkaConsumer<String, Void> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest",
                // A fetch returns as soon as a record arrives (fetch.min.bytes 1), so a long wait delays no arrival;
                // a short one only makes broker and consumer spin on empty fetches of two dozen partitions.
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 500,
                ConsumerConfig.METADATA_MAX_AGE_CONFIG, 1000), new StringDeserializer(), new Unread())) {
            consumer.subscribe(INTAKE_TOPICS, new ConsumerRebalanceListener() {

                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                    // nothing committed: every run starts at the end
                }

                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    consumer.seekToEnd(partitions);
                    partitions.forEach(consumer::position);
                    if (!partitions.isEmpty()) {
                        assigned.countDown();
                    }
                }
            });
            while (running.get()) {
                for (ConsumerRecord<String, Void> record : consumer.poll(Duration.ofMillis(20))) {
                    long now = System.nanoTime();
                    Arrival arrival = new Arrival(record.key(),
                            destinations.computeIfAbsent(record.topic(), DeliveryWatcher::destination));
                    firstArrival.putIfAbsent(arrival, now);
                    arrivals.merge(arrival, 1, Integer::sum);
                }
            }
        }
    }

    /** Waits until the watcher holds its partitions, positioned at their ends: later records are all seen. */
    void awaitAssigned() throws InterruptedException {
        if (!assigned.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("The delivery watcher was not assigned the intake topics within 60 s");
        }
    }

    /** When the report reached the destination (System.nanoTime), or null. */
    Long arrivedAt(String reportId, String destination) {
        return firstArrival.get(new Arrival(reportId, destination));
    }

    /** How many times the report reached the destination. */
    int times(String reportId, String destination) {
        return arrivals.getOrDefault(new Arrival(reportId, destination), 0);
    }

    /** Waits up to {@code timeout} until every expected arrival happened; returns the ones still missing. */
    Set<Arrival> awaitAll(Set<Arrival> expected, Duration timeout) {
        try {
            Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(100))
                    .until(() -> missing(expected).isEmpty());
        } catch (ConditionTimeoutException e) {
            // what is still missing is reported as lost
        }
        return missing(expected);
    }

    /**
     * Forgets arrivals already counted (a duplicate arriving later was never counted either: each run waits for its
     * own reports only). The watcher shares its JVM with the load generator, whose send times are the latencies'
     * origin: arrivals kept for every report of a run of several minutes grew its live heap, and under G1 its young
     * collections paused the load generator every 4.5 s instead of every 10 to 20 s (docs/performance.md).
     */
    void forget(Collection<Arrival> counted) {
        counted.forEach(arrival -> {
            firstArrival.remove(arrival);
            arrivals.remove(arrival);
        });
    }

    private Set<Arrival> missing(Set<Arrival> expected) {
        return expected.stream().filter(a -> !firstArrival.containsKey(a)).collect(Collectors.toSet());
    }

    private static String destination(String topic) {
        String rest = topic.substring("tipline.intake.".length());
        return rest.endsWith(".urgent") ? rest.substring(0, rest.length() - ".urgent".length()) : rest;
    }

    /** Values are not read: the watcher needs only a record's key and topic, and copying each envelope is waste. */
    private static final class Unread implements Deserializer<Void> {

        @Override
        public Void deserialize(String topic, byte[] data) {
            return null;
        }

        @Override
        public Void deserialize(String topic, Headers headers, ByteBuffer data) {
            return null;
        }
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        thread.join(5000);
    }
}
