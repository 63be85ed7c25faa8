package org.tipline.gateway.delivery;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;
import org.tipline.gateway.audit.AuditActor;
import org.tipline.gateway.platform.db.LedgerUnavailableException;
import org.tipline.gateway.platform.errors.MalformedRequestException;
import org.tipline.gateway.platform.errors.UnprocessableException;
import org.tipline.gateway.platform.json.RequestReader;
import org.tipline.gateway.report.ReportNotFoundException;
import org.tipline.gateway.report.ReportStateException;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Consumes {@code tipline.intake.acks}. Each acknowledgement is recorded in its own transaction; offsets are committed
 * only after. Unreadable acknowledgements, unknown reports or destinations and contradictions are logged (without
 * content) and counted, never a crash or a stuck consumer. While the ledger is down the consumer rewinds and backs
 * off, so nothing is skipped.
 */
@ApplicationScoped
public class AckConsumer {

    private static final Logger LOGGER = Logger.getLogger(AckConsumer.class);
    private static final int MAX_ACK_BYTES = 16 * 1024;

    private final KafkaClients kafka;
    private final Topics topics;
    private final AckService acks;
    private final RequestReader reader;
    private final DeliveryConfig config;
    private volatile boolean running;
    private KafkaConsumer<String, byte[]> consumer;
    private Thread thread;

    AckConsumer(KafkaClients kafka, Topics topics, AckService acks, RequestReader reader, DeliveryConfig config) {
        this.kafka = kafka;
        this.topics = topics;
        this.acks = acks;
        this.reader = reader;
        this.config = config;
    }

    void start(@Observes StartupEvent event) {
        if (!config.acks().consume()) {
            return;
        }
        consumer = kafka.consumer("tipline-acks", config.acks().groupId());
        running = true;
        thread = new Thread(this::run, "tipline-ack-consumer");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        if (thread != null) {
            consumer.wakeup();
            thread.join(Duration.ofSeconds(10).toMillis());
        }
    }

    private void run() {
        Backoff backoff = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(10));
        try {
            consumer.subscribe(List.of(topics.acks()));
            while (running) {
                try {
                    ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(500));
                    for (ConsumerRecord<String, byte[]> record : records) {
                        process(record);
                        consumer.commitSync(Map.of(new TopicPartition(record.topic(), record.partition()),
                                new OffsetAndMetadata(record.offset() + 1)));
                    }
                    backoff.reset();
                } catch (LedgerUnavailableException e) {
                    LOGGER.warn("Acknowledgements paused: the ledger is unavailable; retrying");
                    rewind();
                    sleep(backoff.next());
                } catch (WakeupException e) {
                    return;
                } catch (KafkaException e) {
                    LOGGER.debugf("Acknowledgement consumer: %s", e.getMessage());
                    sleep(backoff.next());
                }
            }
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void process(ConsumerRecord<String, byte[]> record) {
        String where = record.topic() + "-" + record.partition() + "@" + record.offset();
        AckRequest ack;
        try {
            if (record.value() == null || record.value().length > MAX_ACK_BYTES) {
                throw new MalformedRequestException("too large or empty", List.of());
            }
            ack = reader.parse(record.value(), AckRequest.class).value();
        } catch (MalformedRequestException | UnprocessableException e) {
            LOGGER.warnf("Skipped an unreadable acknowledgement at %s", where);
            acks.countUnreadable("kafka");
            return;
        }
        if (ack.destination() == null) {
            LOGGER.warnf("Skipped an acknowledgement without destination at %s (report %s)", where, ack.reportId());
            acks.countUnreadable("kafka");
            return;
        }
        try {
            acks.record(AuditActor.ACKS, ack.destination(), ack, "kafka");
        } catch (ReportNotFoundException e) {
            LOGGER.warnf("Skipped an acknowledgement at %s for report %s and destination %s: no such delivery", where,
                    ack.reportId(), ack.destination());
        } catch (ReportStateException | UnprocessableException e) {
            LOGGER.warnf("Skipped an acknowledgement at %s for report %s: %s", where, ack.reportId(), e.getMessage());
        }
    }

    /** Goes back to the last committed offsets, so records not yet recorded are read again. */
    private void rewind() {
        for (TopicPartition partition : consumer.assignment()) {
            OffsetAndMetadata committed = consumer.committed(java.util.Set.of(partition)).get(partition);
            if (committed != null) {
                consumer.seek(partition, committed);
            } else {
                consumer.seekToBeginning(List.of(partition));
            }
        }
    }

    private void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
