package org.tipline.gateway.audit;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.tipline.gateway.platform.db.Database;
import org.tipline.gateway.platform.db.LedgerUnavailableException;
import org.tipline.gateway.platform.kafka.KafkaClients;
import org.tipline.gateway.platform.kafka.TopicDemand;
import org.tipline.gateway.platform.worker.BackgroundTask;
import org.tipline.gateway.platform.worker.Round;
import org.tipline.gateway.platform.worker.WorkerSettings;
import org.tipline.gateway.platform.worker.Workers;

import io.quarkus.runtime.StartupEvent;

/**
 * The SIEM feed, the {@code audit-feed} worker: publishes every event of the log, in sequence order, to
 * {@code <prefix>.audit}. The log itself is the outbox: a position row records the first event not yet published and
 * moves only after the broker acknowledged; one instance at a time publishes (the worker's advisory lock). At least
 * once: a consumer de-duplicates by {@code seq}.
 */
@ApplicationScoped
public class AuditFeed implements BackgroundTask, TopicDemand {

    /** Advisory lock key of the single publisher. */
    static final long LOCK = 0x7469706c696e6502L;

    private final Database database;
    private final AuditRepository events;
    private final KafkaClients kafka;
    private final AuditConfig config;
    private final Workers workers;
    private KafkaProducer<String, byte[]> producer;

    AuditFeed(Database database, AuditRepository events, KafkaClients kafka, AuditConfig config, Workers workers) {
        this.database = database;
        this.events = events;
        this.kafka = kafka;
        this.config = config;
        this.workers = workers;
    }

    void start(@Observes StartupEvent event) {
        if (config.feedEnabled()) {
            workers.start("audit-feed", WorkerSettings.polling(Duration.ofMillis(500)), this);
        }
    }

    @Override
    public List<String> topics() {
        return config.feedEnabled() ? List.of(config.feedTopic()) : List.of();
    }

    @Override
    public void open() {
        producer = kafka.producer("tipline-audit-feed", KafkaClients.ProducerTimeouts.DEFAULT);
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
            int published = publishBatch();
            return published == config.feedBatch() ? Round.MORE : Round.IDLE;
        } catch (LedgerUnavailableException | KafkaException | FeedNotAcknowledged e) {
            return Round.PAUSED;
        }
    }

    /** Publishes the next batch, if this instance holds the lock; returns how many events were published. */
    int publishBatch() {
        return database.inTransactionHolding(LOCK, connection -> {
            long next = position(connection);
            List<AuditEvent> batch = events.query(connection, new AuditQuery(null, null, null, null, null, null,
                    next - 1, config.feedBatch())).stream().limit(config.feedBatch()).toList();
            if (batch.isEmpty()) {
                return 0;
            }
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            for (AuditEvent event : batch) {
                String key = event.reportId() != null ? event.reportId().toString() : event.type();
                sent.add(producer.send(new ProducerRecord<>(config.feedTopic(), key,
                        event.toJsonLine().getBytes(StandardCharsets.UTF_8))));
            }
            producer.flush();
            for (Future<RecordMetadata> future : sent) {
                awaitAcknowledged(future);
            }
            advance(connection, batch.get(batch.size() - 1).seq() + 1);
            return batch.size();
        }).orElse(0);
    }

    private static void awaitAcknowledged(Future<RecordMetadata> future) {
        try {
            future.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new FeedNotAcknowledged();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FeedNotAcknowledged();
        }
    }

    private static long position(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT next_seq FROM audit_feed_position WHERE feed = 'kafka' FOR UPDATE");
                ResultSet row = select.executeQuery()) {
            return row.next() ? row.getLong(1) : 0;
        }
    }

    private static void advance(Connection connection, long next) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE audit_feed_position SET next_seq = ? WHERE feed = 'kafka'")) {
            update.setLong(1, next);
            update.executeUpdate();
        }
    }

    /** The broker did not acknowledge the batch: the position stays, the batch is published again. */
    private static final class FeedNotAcknowledged extends RuntimeException {

        private static final long serialVersionUID = 1L;

        FeedNotAcknowledged() {
            super("the audit topic did not acknowledge the batch", null, false, false);
        }
    }
}
