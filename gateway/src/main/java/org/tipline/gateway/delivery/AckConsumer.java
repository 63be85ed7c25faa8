package org.tipline.gateway.delivery;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
import org.tipline.gateway.platform.db.LedgerUnavailableException;
import org.tipline.gateway.platform.errors.MalformedRequestException;
import org.tipline.gateway.platform.errors.UnprocessableException;
import org.tipline.gateway.platform.json.RequestReader;
import org.tipline.gateway.platform.kafka.KafkaClients;
import org.tipline.gateway.platform.worker.BackgroundTask;
import org.tipline.gateway.platform.worker.Round;
import org.tipline.gateway.platform.worker.WorkerSettings;
import org.tipline.gateway.platform.worker.Workers;
import org.tipline.gateway.trail.AuditActor;

import io.quarkus.runtime.StartupEvent;

/**
 * Consumes {@code tipline.intake.acks} as the {@code ack-consumer} worker. An acknowledgement there is a compact JWS
 * (type {@code tipline-ack+jws}) that must verify with a key its destination registered: anyone else who can write to
 * the topic changes nothing (the refusal is counted and audited). Each acknowledgement is recorded in its own
 * transaction; offsets are committed only after. Unreadable acknowledgements, unknown reports or destinations and
 * contradictions are logged (without content) and counted, never a crash or a stuck consumer. While the ledger is
 * down the consumer rewinds and backs off, so nothing is skipped.
 */
@ApplicationScoped
public class AckConsumer implements BackgroundTask {

    static final String WORKER = "ack-consumer";
    private static final Logger LOGGER = Logger.getLogger(AckConsumer.class);
    private static final int MAX_ACK_BYTES = 16 * 1024;
    private static final Duration POLL = Duration.ofMillis(500);

    private final KafkaClients kafka;
    private final Topics topics;
    private final AckService acks;
    private final RequestReader reader;
    private final DeliveryConfig config;
    private final Workers workers;
    private final DestinationKeys keys;
    private final org.tipline.gateway.routing.RoutingTable routing;
    private volatile KafkaConsumer<String, byte[]> consumer;

    AckConsumer(KafkaClients kafka, Topics topics, AckService acks, RequestReader reader, DeliveryConfig config,
            Workers workers, DestinationKeys keys, org.tipline.gateway.routing.RoutingTable routing) {
        this.kafka = kafka;
        this.topics = topics;
        this.acks = acks;
        this.reader = reader;
        this.config = config;
        this.workers = workers;
        this.keys = keys;
        this.routing = routing;
    }

    void start(@Observes StartupEvent event) {
        if (config.acks().consume()) {
            workers.start(WORKER, WorkerSettings.polling(Duration.ZERO), this);
        }
    }

    @Override
    public void open() {
        KafkaConsumer<String, byte[]> created = kafka.consumer("tipline-acks", config.acks().groupId());
        created.subscribe(List.of(topics.acks()));
        consumer = created;
    }

    @Override
    public void close() {
        KafkaConsumer<String, byte[]> closing = consumer;
        consumer = null;
        if (closing != null) {
            closing.close(Duration.ofSeconds(5));
        }
    }

    @Override
    public void interrupt() {
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
    }

    @Override
    public Round round() {
        try {
            ConsumerRecords<String, byte[]> records = consumer.poll(POLL);
            for (ConsumerRecord<String, byte[]> record : records) {
                process(record);
                consumer.commitSync(Map.of(new TopicPartition(record.topic(), record.partition()),
                        new OffsetAndMetadata(record.offset() + 1)));
            }
            return records.isEmpty() ? Round.IDLE : Round.MORE;
        } catch (LedgerUnavailableException e) {
            LOGGER.warn("Acknowledgements paused: the ledger is unavailable; retrying");
            rewind();
            return Round.PAUSED;
        } catch (WakeupException e) {
            return Round.IDLE; // stopping
        } catch (KafkaException e) {
            LOGGER.debugf("Acknowledgement consumer: %s", e.getClass().getSimpleName());
            return Round.PAUSED;
        }
    }

    private void process(ConsumerRecord<String, byte[]> record) {
        String where = record.topic() + "-" + record.partition() + "@" + record.offset();
        if (record.value() == null || record.value().length > MAX_ACK_BYTES) {
            LOGGER.warnf("Skipped an empty or oversized acknowledgement at %s", where);
            acks.countUnreadable("kafka");
            return;
        }
        SignedAck signed;
        try {
            signed = SignedAck.parse(record.value());
        } catch (MalformedRequestException e) {
            refuseUnsigned(record.value(), where);
            return;
        }
        AckRequest ack = readable(signed.payload(), where);
        if (ack == null) {
            return;
        }
        if (ack.destination() == null || routing.destination(ack.destination()).isEmpty()) {
            LOGGER.warnf("Skipped an acknowledgement at %s: no known destination", where);
            acks.refuseForged(null, ack.reportId(), "UNKNOWN_DESTINATION");
            return;
        }
        String refusal = signed.refusal(keys.acknowledgementKeys(ack.destination()));
        if (refusal != null) {
            LOGGER.warnf("Refused an acknowledgement at %s for report %s claiming destination %s: %s", where,
                    ack.reportId(), ack.destination(), refusal);
            acks.refuseForged(ack.destination(), ack.reportId(), refusal);
            return;
        }
        try {
            acks.record(AuditActor.ACKS, ack.destination(), ack, "kafka");
        } catch (DeliveryNotFoundException e) {
            LOGGER.warnf("Skipped an acknowledgement at %s for report %s and destination %s: no such delivery", where,
                    ack.reportId(), ack.destination());
        } catch (AckConflictException | UnprocessableException e) {
            LOGGER.warnf("Skipped an acknowledgement at %s for report %s: %s", where, ack.reportId(), e.getMessage());
        }
    }

    /** An acknowledgement in the clear (the form before signing was required) is refused as forged. */
    private void refuseUnsigned(byte[] value, String where) {
        AckRequest ack = readable(value, where);
        if (ack != null) {
            LOGGER.warnf("Refused an unsigned acknowledgement at %s for report %s", where, ack.reportId());
            acks.refuseForged(known(ack.destination()), ack.reportId(), "UNSIGNED");
        }
    }

    private AckRequest readable(byte[] json, String where) {
        try {
            return reader.parse(json, AckRequest.class).value();
        } catch (MalformedRequestException | UnprocessableException e) {
            LOGGER.warnf("Skipped an unreadable acknowledgement at %s", where);
            acks.countUnreadable("kafka");
            return null;
        }
    }

    /** The destination if it is one the gateway knows, so attacker-chosen names never reach the audit log. */
    private String known(String destination) {
        return destination != null && routing.destination(destination).isPresent() ? destination : null;
    }

    /** Goes back to the last committed offsets, so records not yet recorded are read again. */
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
}
