package org.tipline.gateway.delivery;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.jboss.logging.Logger;
import org.tipline.gateway.platform.db.Database;
import org.tipline.gateway.report.Report;
import org.tipline.gateway.report.ReportDocument;
import org.tipline.gateway.report.ReportRepository;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Publishes committed outbox messages to Kafka, most urgent first. A batch is claimed with
 * {@code FOR UPDATE SKIP LOCKED} (so several instances can relay at once), published with an idempotent
 * {@code acks=all} producer, and deleted in the same transaction only after the broker acknowledged it. A crash in
 * between republishes the batch with the same message ids: delivery is at-least-once, consumers de-duplicate by
 * {@code messageId}. While Kafka is down the relay backs off and the outbox grows; nothing is lost.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOGGER = Logger.getLogger(OutboxRelay.class);

    private final Database database;
    private final OutboxRepository outbox;
    private final ReportRepository reports;
    private final DeliveryRepository deliveries;
    private final EnvelopeCodec codec;
    private final KafkaClients kafka;
    private final DeliveryConfig config;
    private final ObjectMapper json;
    private final Instance<RelayListener> listeners;
    private final Clock clock;
    private final Semaphore wake = new Semaphore(0);

    private volatile boolean running;
    private Thread thread;
    private KafkaProducer<String, byte[]> producer;

    OutboxRelay(Database database, OutboxRepository outbox, ReportRepository reports, DeliveryRepository deliveries,
            EnvelopeCodec codec, KafkaClients kafka, DeliveryConfig config, ObjectMapper json,
            Instance<RelayListener> listeners, Clock clock) {
        this.database = database;
        this.outbox = outbox;
        this.reports = reports;
        this.deliveries = deliveries;
        this.codec = codec;
        this.kafka = kafka;
        this.config = config;
        this.json = json;
        this.listeners = listeners;
        this.clock = clock;
    }

    void start(@Observes StartupEvent event) {
        if (!config.relay().enabled()) {
            LOGGER.info("Outbox relay disabled in this instance");
            return;
        }
        producer = kafka.producer("tipline-relay");
        running = true;
        thread = new Thread(this::run, "tipline-outbox-relay");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        if (thread != null) {
            wake.release();
            thread.join(Duration.ofSeconds(30).toMillis());
            producer.close(Duration.ofSeconds(5));
        }
    }

    /** Asks the relay to look at the outbox now instead of at its next poll. */
    public void wakeUp() {
        wake.release();
    }

    private void run() {
        Backoff backoff = new Backoff(config.relay().minBackoff(), config.relay().maxBackoff());
        while (running) {
            try {
                int published = relayBatch();
                if (backoff.reset()) {
                    LOGGER.info("Outbox relay is publishing again");
                }
                if (published < config.relay().batchSize()) {
                    idle(config.relay().pollInterval());
                }
            } catch (RuntimeException e) {
                if (backoff.failures() == 0) {
                    LOGGER.warnf("Outbox relay paused: %s; retrying with back-off", describe(e));
                } else {
                    LOGGER.debugf("Outbox relay still failing: %s", describe(e));
                }
                idle(backoff.next());
            }
        }
    }

    /** Publishes one batch; returns how many messages the broker acknowledged and were committed as sent. */
    int relayBatch() {
        Published result = database.inTransaction(connection -> {
            List<OutboxMessage> batch = outbox.claim(connection, config.relay().batchSize());
            if (batch.isEmpty()) {
                return Published.NOTHING;
            }
            Published published = publish(connection, batch);
            if (!published.sent().isEmpty()) {
                listeners.forEach(listener -> listener.afterPublish(published.sent()));
                outbox.delete(connection, published.sent().stream().map(OutboxMessage::id).toList());
                for (OutboxMessage message : published.sent()) {
                    deliveries.markForwarded(connection, message.reportId(), message.destination(), clock.instant());
                }
            }
            if (!published.failed().isEmpty()) {
                outbox.recordFailure(connection, published.failed().stream().map(OutboxMessage::id).toList(),
                        published.error());
            }
            return published;
        });
        if (!result.failed().isEmpty()) {
            throw new RelayException(result.failed().size() + " messages not acknowledged: " + result.error(),
                    result.sent().size());
        }
        return result.sent().size();
    }

    private Published publish(Connection connection, List<OutboxMessage> batch) throws SQLException {
        Set<UUID> reportIds = batch.stream().map(OutboxMessage::reportId).collect(Collectors.toSet());
        Map<UUID, Report> metadata = reports.findAll(connection, reportIds);
        Map<UUID, ReportDocument> contents = reports.contents(connection, reportIds);
        List<Future<RecordMetadata>> futures = new ArrayList<>();
        String error = null;
        for (OutboxMessage message : batch) {
            try {
                futures.add(producer.send(record(message, metadata.get(message.reportId()),
                        contents.get(message.reportId()))));
            } catch (KafkaException e) {
                error = describe(e);
                break; // the broker is unreachable: do not wait max.block.ms for each remaining message
            }
        }
        producer.flush();
        List<OutboxMessage> sent = new ArrayList<>();
        List<OutboxMessage> failed = new ArrayList<>(batch.subList(futures.size(), batch.size()));
        for (int i = 0; i < futures.size(); i++) {
            try {
                futures.get(i).get(config.relay().deliveryTimeout().toMillis(), TimeUnit.MILLISECONDS);
                sent.add(batch.get(i));
            } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
                failed.add(batch.get(i));
                error = describe(e.getCause() == null ? e : e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failed.add(batch.get(i));
                error = "interrupted";
            }
        }
        return new Published(sent, failed, error);
    }

    private ProducerRecord<String, byte[]> record(OutboxMessage message, Report report, ReportDocument content) {
        JsonNode tree;
        try {
            tree = json.readTree(content.canonicalBytes());
        } catch (IOException e) {
            throw new IllegalStateException("Stored report content of " + report.id() + " is not JSON", e);
        }
        Envelope envelope = Envelope.from(message, report, tree, List.of());
        RecordHeaders headers = new RecordHeaders();
        headers.add("tipline-kind", bytes(message.kind().name()));
        headers.add("tipline-schema-version", bytes(String.valueOf(Envelope.SCHEMA_VERSION)));
        headers.add("tipline-priority", bytes(message.priority().name()));
        headers.add("tipline-report-id", bytes(message.reportId().toString()));
        headers.add("tipline-message-id", bytes(message.messageId().toString()));
        return new ProducerRecord<>(message.topic(), null, message.reportId().toString(), codec.encode(envelope),
                headers);
    }

    private void idle(Duration duration) {
        try {
            if (wake.tryAcquire(duration.toMillis(), TimeUnit.MILLISECONDS)) {
                wake.drainPermits();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private static byte[] bytes(String value) {
        return value.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String describe(Throwable e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    private record Published(List<OutboxMessage> sent, List<OutboxMessage> failed, String error) {

        static final Published NOTHING = new Published(List.of(), List.of(), null);
    }
}
