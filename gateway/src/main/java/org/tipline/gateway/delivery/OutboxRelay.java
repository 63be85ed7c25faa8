package org.tipline.gateway.delivery;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

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
import org.tipline.gateway.platform.db.LedgerUnavailableException;
import org.tipline.gateway.platform.kafka.KafkaClients;
import org.tipline.gateway.platform.worker.BackgroundTask;
import org.tipline.gateway.platform.worker.Round;
import org.tipline.gateway.platform.worker.Worker;
import org.tipline.gateway.platform.worker.WorkerSettings;
import org.tipline.gateway.platform.worker.Workers;
import org.tipline.gateway.trail.AuditEntries;
import org.tipline.gateway.trail.AuditEntry;
import org.tipline.gateway.trail.AuditTrail;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.StartupEvent;

/**
 * The {@code outbox-relay} worker: publishes committed outbox messages to Kafka, most urgent first. A batch is claimed with
 * {@code FOR UPDATE SKIP LOCKED} (so several instances can relay at once), published with an idempotent
 * {@code acks=all} producer, and deleted in the same transaction only after the broker acknowledged it. A crash in
 * between republishes the batch with the same message ids: delivery is at-least-once, consumers de-duplicate by
 * {@code messageId}. While Kafka is down the relay backs off and the outbox grows; nothing is lost.
 */
@ApplicationScoped
public class OutboxRelay implements BackgroundTask {

    static final String WORKER = "outbox-relay";

    private static final Logger LOGGER = Logger.getLogger(OutboxRelay.class);

    private final Database database;
    private final OutboxRepository outbox;
    private final DeliveryRepository deliveries;
    private final EnvelopeFactory envelopes;
    private final EnvelopeCodec codec;
    private final KafkaClients kafka;
    private final DeliveryConfig config;
    private final Instance<RelayListener> listeners;
    private final MeterRegistry metrics;
    private final AuditTrail audit;
    private final Clock clock;
    private final Workers workers;
    private volatile Worker worker;
    private KafkaProducer<String, byte[]> producer;
    private boolean paused;

    OutboxRelay(Database database, OutboxRepository outbox, DeliveryRepository deliveries, EnvelopeFactory envelopes,
            EnvelopeCodec codec, KafkaClients kafka, DeliveryConfig config, Instance<RelayListener> listeners,
            MeterRegistry metrics, AuditTrail audit, Clock clock, Workers workers) {
        this.database = database;
        this.outbox = outbox;
        this.deliveries = deliveries;
        this.envelopes = envelopes;
        this.codec = codec;
        this.kafka = kafka;
        this.config = config;
        this.listeners = listeners;
        this.metrics = metrics;
        this.audit = audit;
        this.clock = clock;
        this.workers = workers;
    }

    void start(@Observes StartupEvent event) {
        if (!config.relay().enabled()) {
            LOGGER.info("Outbox relay disabled in this instance");
            return;
        }
        worker = workers.start(WORKER, WorkerSettings.polling(config.relay().pollInterval())
                .backingOff(config.relay().minBackoff(), config.relay().maxBackoff()), this);
    }

    /** Asks the relay to look at the outbox now instead of at its next poll. */
    public void wakeUp() {
        Worker running = worker;
        if (running != null) {
            running.wakeUp();
        }
    }

    @Override
    public void open() {
        producer = kafka.producer("tipline-relay", new KafkaClients.ProducerTimeouts(config.relay().maxBlock(),
                config.relay().deliveryTimeout()));
    }

    @Override
    public void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
            producer = null;
        }
    }

    @Override
    public Round round() {
        try {
            int published = relayBatch();
            if (paused) {
                paused = false;
                LOGGER.info("Outbox relay is publishing again");
            }
            return published < config.relay().batchSize() ? Round.IDLE : Round.MORE;
        } catch (RelayException | KafkaException | LedgerUnavailableException e) {
            if (!paused) {
                paused = true;
                LOGGER.warnf("Outbox relay paused: %s; retrying with back-off", describe(e));
            } else {
                LOGGER.debugf("Outbox relay still failing: %s", describe(e));
            }
            return Round.PAUSED;
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
                deliveries.markForwarded(connection, published.sent(), clock.instant());
                audit.record(connection, published.forwarded());
            }
            if (!published.failed().isEmpty()) {
                outbox.recordFailure(connection, published.failed().stream().map(OutboxMessage::id).toList(),
                        published.error());
            }
            return published;
        });
        result.sent().forEach(this::recordForwarded);
        if (!result.failed().isEmpty()) {
            throw new RelayException(result.failed().size() + " messages not acknowledged: " + result.error(),
                    result.sent().size());
        }
        return result.sent().size();
    }

    private Published publish(Connection connection, List<OutboxMessage> batch) throws SQLException {
        List<Envelope> built = envelopes.build(connection, batch);
        List<Future<RecordMetadata>> futures = new ArrayList<>();
        String error = null;
        for (int i = 0; i < batch.size(); i++) {
            try {
                futures.add(producer.send(record(batch.get(i), built.get(i))));
            } catch (KafkaException e) {
                error = describe(e);
                break; // the broker is unreachable: do not wait max.block.ms for each remaining message
            }
        }
        producer.flush();
        List<OutboxMessage> sent = new ArrayList<>();
        List<AuditEntry> forwarded = new ArrayList<>();
        List<OutboxMessage> failed = new ArrayList<>(batch.subList(futures.size(), batch.size()));
        for (int i = 0; i < futures.size(); i++) {
            try {
                RecordMetadata metadata = futures.get(i).get(config.relay().deliveryTimeout().toMillis(),
                        TimeUnit.MILLISECONDS);
                OutboxMessage message = batch.get(i);
                sent.add(message);
                forwarded.add(AuditEntries.forwarded(built.get(i).platformId(), message.reportId(),
                        message.destination(), message.messageId(), message.kind().name(), metadata.topic(),
                        metadata.partition(), metadata.offset()));
            } catch (ExecutionException | TimeoutException e) {
                failed.add(batch.get(i));
                error = describe(e.getCause() == null ? e : e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failed.add(batch.get(i));
                error = "interrupted";
            }
        }
        return new Published(sent, forwarded, failed, error);
    }

    private ProducerRecord<String, byte[]> record(OutboxMessage message, Envelope envelope) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("tipline-kind", bytes(message.kind().name()));
        headers.add("tipline-schema-version", bytes(String.valueOf(Envelope.SCHEMA_VERSION)));
        headers.add("tipline-priority", bytes(message.priority().name()));
        headers.add("tipline-report-id", bytes(message.reportId().toString()));
        headers.add("tipline-message-id", bytes(message.messageId().toString()));
        return new ProducerRecord<>(message.topic(), null, message.reportId().toString(), codec.encode(envelope),
                headers);
    }

    private void recordForwarded(OutboxMessage message) {
        Timer.builder("tipline.delivery.forward.latency").description("From commit to the broker's acknowledgement")
                .tag("lane", message.priority().isUrgent() ? "urgent" : "normal").publishPercentileHistogram()
                .register(metrics).record(Duration.between(message.createdAt(), clock.instant()));
        metrics.counter("tipline.delivery.forwarded", "destination", message.destination(), "kind",
                message.kind().name()).increment();
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    private static String describe(Throwable e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    private record Published(List<OutboxMessage> sent, List<AuditEntry> forwarded, List<OutboxMessage> failed,
            String error) {

        static final Published NOTHING = new Published(List.of(), List.of(), List.of(), null);
    }
}
