package org.tipline.gateway.audit;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.jboss.logging.Logger;
import org.tipline.gateway.delivery.KafkaClients;
import org.tipline.gateway.delivery.Topics;
import org.tipline.gateway.platform.db.Database;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * The SIEM feed: publishes every event of the log, in sequence order, to {@code <prefix>.audit}. The log itself is the
 * outbox: a position row records the first event not yet published and moves only after the broker acknowledged;
 * one instance at a time publishes (advisory lock). At least once: a consumer de-duplicates by {@code seq}.
 */
@ApplicationScoped
public class AuditFeed {

    static final long LOCK = 0x7469706c696e6502L;
    private static final Logger LOGGER = Logger.getLogger(AuditFeed.class);

    private final Database database;
    private final AuditRepository events;
    private final KafkaClients kafka;
    private final Topics topics;
    private final AuditConfig config;
    private volatile boolean running;
    private Thread thread;
    private KafkaProducer<String, byte[]> producer;

    AuditFeed(Database database, AuditRepository events, KafkaClients kafka, Topics topics, AuditConfig config) {
        this.database = database;
        this.events = events;
        this.kafka = kafka;
        this.topics = topics;
        this.config = config;
    }

    void start(@Observes StartupEvent event) {
        if (!config.feedEnabled()) {
            return;
        }
        producer = kafka.producer("tipline-audit-feed");
        running = true;
        thread = new Thread(this::run, "tipline-audit-feed");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.interrupt();
            thread.join(TimeUnit.SECONDS.toMillis(10));
            producer.close(Duration.ofSeconds(5));
        }
    }

    private void run() {
        Duration pause = Duration.ofMillis(200);
        while (running) {
            try {
                int published = publishBatch();
                pause = Duration.ofMillis(200);
                if (published < config.feedBatch()) {
                    Thread.sleep(500);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOGGER.debugf("Audit feed paused: %s", e.getClass().getSimpleName());
                try {
                    Thread.sleep(pause.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
                pause = pause.multipliedBy(2).compareTo(Duration.ofSeconds(10)) > 0
                        ? Duration.ofSeconds(10)
                        : pause.multipliedBy(2);
            }
        }
    }

    /** Publishes the next batch; returns how many events were published. */
    int publishBatch() {
        return database.inTransaction(connection -> {
            if (!locked(connection)) {
                return 0;
            }
            long next = position(connection);
            List<AuditEvent> batch = events.query(connection, new AuditQuery(null, null, null, null, null, null,
                    next - 1, config.feedBatch())).stream().limit(config.feedBatch()).toList();
            if (batch.isEmpty()) {
                return 0;
            }
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            for (AuditEvent event : batch) {
                String key = event.reportId() != null ? event.reportId().toString() : event.type();
                sent.add(producer.send(new ProducerRecord<>(topics.audit(), key,
                        event.toJsonLine().getBytes(StandardCharsets.UTF_8))));
            }
            producer.flush();
            for (Future<RecordMetadata> future : sent) {
                try {
                    future.get(30, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IllegalStateException("The audit topic did not acknowledge", e);
                }
            }
            advance(connection, batch.get(batch.size() - 1).seq() + 1);
            return batch.size();
        });
    }

    private static boolean locked(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
            lock.setLong(1, LOCK);
            try (ResultSet row = lock.executeQuery()) {
                row.next();
                return row.getBoolean(1);
            }
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
}
