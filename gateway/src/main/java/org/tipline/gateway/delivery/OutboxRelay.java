package org.tipline.gateway.delivery;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
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

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.StartupEvent;

/**
 * The {@code outbox-relay} worker: publishes committed outbox messages to Kafka, most urgent first. A batch (bounded
 * by count and by bytes) is claimed with {@code FOR UPDATE SKIP LOCKED} (so several instances can relay at once),
 * published with an idempotent {@code acks=all} producer, and deleted in the same transaction only after the broker
 * acknowledged it. A crash in between republishes the batch with the same message ids: delivery is at-least-once,
 * consumers de-duplicate by {@code messageId}.
 * <p>
 * One message never holds up the others. A message whose send fails is retried later with its own back-off while the
 * rest go on; after {@code max-attempts} it is parked and its delivery becomes FAILED (audited, counted) until an
 * operator retries it; one that can never be sent (too large, content gone) is parked at once. The relay waits at
 * most {@code ack-wait} for the broker's answers: a slower answer is collected in a later round while its message is
 * leased, so a destination whose topic is failing delays the others by at most that, once per retry. While the broker
 * itself is unreachable nothing is counted against any message: the relay backs off and the outbox grows; nothing is
 * lost.
 */
@ApplicationScoped
public class OutboxRelay implements BackgroundTask {

    static final String WORKER = "outbox-relay";

    private static final Logger LOGGER = Logger.getLogger(OutboxRelay.class);
    /** Bytes a Kafka record adds to its value: key, headers, record and batch framing. */
    static final int RECORD_OVERHEAD = 1024;

    private final Database database;
    private final OutboxRepository outbox;
    private final DeliveryRepository deliveries;
    private final EnvelopeFactory envelopes;
    private final EnvelopeCodec codec;
    private final KafkaClients kafka;
    private final DeliveryConfig config;
    private final Instance<RelayListener> listeners;
    private final MeterRegistry metrics;
    private final DistributionSummary batches;
    private final AuditTrail audit;
    private final Clock clock;
    private final Workers workers;
    private final Map<Long, Sent> awaited = new ConcurrentHashMap<>();
    /**
     * Topics a send recently failed on, with how many times in a row (until one succeeds): tried by one message at a
     * time, off this thread, while the other messages to them are deferred.
     */
    private final Map<String, Integer> failingTopics = new ConcurrentHashMap<>();
    private ExecutorService aside;
    private ExecutorService encoders;
    private int encoderCount;
    private volatile Worker worker;
    private KafkaProducer<String, byte[]> producer;
    private Admin admin;
    private boolean paused;
    /** Released by a wake-up for a P1 message: ends a linger at once. */
    private final Semaphore urgent = new Semaphore(0);
    private long lastRoundStarted;
    private boolean lastRoundFull = true;

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
        this.batches = DistributionSummary.builder("tipline.delivery.relay.batch")
                .description("Messages the relay published in one round").publishPercentileHistogram()
                .register(metrics);
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
        wakeUp(false);
    }

    /**
     * Asks the relay to look at the outbox soon: after its linger, or at once for {@code urgent} (P1) messages.
     */
    public void wakeUp(boolean urgentMessages) {
        if (urgentMessages) {
            urgent.release();
        }
        Worker running = worker;
        if (running != null) {
            running.wakeUp();
        }
    }

    /** After a round that did not fill its batch, waits out the linger unless P1 messages are waiting. */
    private void linger() {
        if (lastRoundFull || urgent.tryAcquire()) {
            urgent.drainPermits();
            return;
        }
        long left = lastRoundStarted + config.relay().linger().toNanos() - System.nanoTime();
        try {
            if (left > 0 && urgent.tryAcquire(left, TimeUnit.NANOSECONDS)) {
                urgent.drainPermits();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void open() {
        producer = kafka.producer("tipline-relay", new KafkaClients.ProducerTimeouts(config.relay().maxBlock(),
                config.relay().deliveryTimeout()), config.maxMessageBytes());
        admin = kafka.admin("tipline-relay-probe");
        aside = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "tipline-relay-aside");
            thread.setDaemon(true);
            return thread;
        });
        encoderCount = config.relay().encoders() > 0
                ? config.relay().encoders()
                : Runtime.getRuntime().availableProcessors();
        AtomicInteger encoderNumber = new AtomicInteger();
        encoders = Executors.newFixedThreadPool(encoderCount, runnable -> {
            Thread thread = new Thread(runnable, "tipline-relay-encoder-" + encoderNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public void close() {
        awaited.clear(); // their messages are leased: retried once the lease ends
        if (aside != null) {
            aside.shutdownNow();
            aside = null;
        }
        if (encoders != null) {
            encoders.shutdownNow();
            encoders = null;
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
            producer = null;
        }
        if (admin != null) {
            admin.close(Duration.ofSeconds(5));
            admin = null;
        }
    }

    @Override
    public Round round() {
        linger();
        lastRoundStarted = System.nanoTime();
        try {
            Relayed relayed = relayBatch();
            lastRoundFull = relayed.full();
            if (relayed.outage() != null) {
                metrics.counter("tipline.delivery.relay.outages").increment();
                if (!paused) {
                    paused = true;
                    LOGGER.warnf("Outbox relay paused: the broker is unreachable (%s); retrying with back-off",
                            relayed.outage());
                }
                return Round.PAUSED;
            }
            if (paused) {
                paused = false;
                LOGGER.info("Outbox relay is publishing again");
            }
            return relayed.full() ? Round.MORE : Round.IDLE;
        } catch (KafkaException | LedgerUnavailableException e) {
            if (!paused) {
                paused = true;
                LOGGER.warnf("Outbox relay paused: %s; retrying with back-off", describe(e));
            }
            return Round.PAUSED;
        }
    }

    /** One round: collects late broker answers, then claims, publishes and settles one batch. */
    Relayed relayBatch() {
        List<Sent> late = new ArrayList<>();
        awaited.values().removeIf(sent -> sent.future().isDone() && late.add(sent));
        Instant start = clock.instant();
        Settlement settlement = database.inTransaction(connection -> {
            Settlement round = new Settlement(this::reachable);
            late.forEach(sent -> settle(sent, round));
            List<OutboxMessage> claimed = outbox.claim(connection, config.relay().batchSize(), start);
            List<OutboxMessage> batch = bytesBounded(claimed, config.relay().maxBatchBytes());
            round.full = claimed.size() == config.relay().batchSize() || batch.size() < claimed.size();
            if (!batch.isEmpty()) {
                publish(connection, batch, round);
            }
            apply(connection, round);
            return round;
        });
        settlement.awaiting.forEach(sent -> awaited.put(sent.message().id(), sent));
        settlement.sent.forEach(sent -> recordForwarded(sent.message()));
        batches.record(settlement.sent.size());
        settlement.parked.forEach(failure -> metrics.counter("tipline.delivery.failed", "destination",
                failure.message().destination(), "kind", failure.message().kind().name(), "code", failure.code())
                .increment());
        settlement.retried.forEach(failure -> {
            metrics.counter("tipline.delivery.retries", "destination", failure.message().destination(), "code",
                    failure.code()).increment();
            LOGGER.debugf("Message %s to %s failed (attempt %d), retried at %s: %s", failure.message().messageId(),
                    failure.message().destination(), failure.message().attempts() + 1, failure.nextAttemptAt(),
                    failure.reason());
        });
        if (!settlement.awaiting.isEmpty()) {
            LOGGER.debugf("%d answers not in yet; their messages are leased", settlement.awaiting.size());
        }
        settlement.parked.forEach(failure -> LOGGER.warnf("Delivery of report %s to %s FAILED (%s message %s): %s",
                failure.message().reportId(), failure.message().destination(), failure.message().kind(),
                failure.message().messageId(), failure.reason()));
        return new Relayed(settlement.sent.size(), settlement.full, settlement.outage);
    }

    /** The claimed messages up to {@code max-batch-bytes} of estimated envelope (at least one). */
    static List<OutboxMessage> bytesBounded(List<OutboxMessage> claimed, long maxBatchBytes) {
        long bytes = 0;
        int count = 0;
        for (OutboxMessage message : claimed) {
            bytes += message.contentBytes();
            if (count > 0 && bytes > maxBatchBytes) {
                break;
            }
            count++;
        }
        return claimed.subList(0, count);
    }

    private void publish(Connection connection, List<OutboxMessage> batch, Settlement round) throws SQLException {
        List<Envelope> built = envelopes.build(connection, batch);
        List<Encoded> encoded = encodeAll(built);
        List<Sent> sending = new ArrayList<>();
        Set<String> probed = new HashSet<>();
        for (int i = 0; i < batch.size(); i++) {
            OutboxMessage message = batch.get(i);
            if (built.get(i) == null) {
                round.fail(message, "CONTENT_MISSING", "the report or addition this message carries is gone", true);
                continue;
            }
            if (encoded.get(i).failure() != null) {
                round.fail(message, "ENVELOPE_FAILED", describe(encoded.get(i).failure()), false);
                continue;
            }
            Envelope envelope = built.get(i);
            byte[] value = encoded.get(i).value();
            if (value.length + RECORD_OVERHEAD > config.maxMessageBytes()) {
                round.fail(message, "TOO_LARGE", "an envelope of " + value.length + " bytes; records are limited"
                        + " to " + config.maxMessageBytes() + " (tipline.delivery.max-message-bytes)", true);
                continue;
            }
            ProducerRecord<String, byte[]> record = record(message, value);
            if (failingTopics.containsKey(message.topic())) {
                // One message tries the failing topic, off the relay's thread, so its wait delays nobody; the
                // others to that topic wait without being charged an attempt.
                if (probed.add(message.topic())) {
                    sending.add(new Sent(message, envelope.platformId(), sendAside(record)));
                } else {
                    round.defer(message, topicBackoff(message.topic()));
                }
                continue;
            }
            CompletableFuture<RecordMetadata> answer;
            try {
                answer = send(record);
            } catch (KafkaException e) {
                answer = CompletableFuture.failedFuture(e);
            }
            if (answer.isCompletedExceptionally()) {
                // Refused at once (after waiting up to max-block for the topic): the broker is down, or this topic.
                Throwable cause = causeOf(answer);
                if (!permanent(cause)) {
                    if (!round.reachable()) {
                        round.outage = describe(cause);
                        round.awaiting.addAll(sending); // settled when their answers come, without counting
                        return; // the broker is down: nothing is counted, everything waits
                    }
                    topicFailed(message.topic());
                    probed.add(message.topic());
                }
                round.fail(message, code(cause), describe(cause), permanent(cause));
                continue;
            }
            sending.add(new Sent(message, envelope.platformId(), answer));
        }
        await(sending);
        for (Sent sent : sending) {
            if (sent.future().isDone()) {
                settle(sent, round);
            } else {
                round.awaiting.add(sent);
            }
        }
    }

    /** A message's record value, or why it could not be made. */
    private record Encoded(byte[] value, RuntimeException failure) {
    }

    /**
     * The record values of {@code built} (null entries stay without one), sealed and signed on the encoder threads in
     * parallel, in order.
     */
    private List<Encoded> encodeAll(List<Envelope> built) {
        List<CompletableFuture<Encoded>> pending = new ArrayList<>(built.size());
        for (Envelope envelope : built) {
            pending.add(envelope == null
                    ? CompletableFuture.completedFuture(new Encoded(null, null))
                    : built.size() == 1 || encoderCount == 1
                            ? CompletableFuture.completedFuture(encode(envelope))
                            : CompletableFuture.supplyAsync(() -> encode(envelope), encoders));
        }
        return pending.stream().map(CompletableFuture::join).toList();
    }

    private Encoded encode(Envelope envelope) {
        try {
            return new Encoded(codec.encode(envelope), null);
        } catch (RuntimeException e) {
            return new Encoded(null, e);
        }
    }

    /** Hands a record to the producer; the answer completes the future. */
    private CompletableFuture<RecordMetadata> send(ProducerRecord<String, byte[]> record) {
        CompletableFuture<RecordMetadata> answer = new CompletableFuture<>();
        producer.send(record, (metadata, error) -> {
            if (error != null) {
                answer.completeExceptionally(error);
            } else {
                answer.complete(metadata);
            }
        });
        return answer;
    }

    /** The same from another thread: handing a record over may wait up to {@code max-block} for its topic. */
    private CompletableFuture<RecordMetadata> sendAside(ProducerRecord<String, byte[]> record) {
        return CompletableFuture.supplyAsync(() -> send(record), aside).thenCompose(answer -> answer);
    }

    /** Waits up to {@code ack-wait} for all the broker's answers together. */
    private void await(List<Sent> sending) {
        long deadline = System.nanoTime() + config.relay().ackWait().toNanos();
        for (Sent sent : sending) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            try {
                sent.future().get(left, TimeUnit.NANOSECONDS);
            } catch (ExecutionException e) {
                // settled below
            } catch (TimeoutException e) {
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Sorts a send whose answer has arrived into sent or failed. */
    private void settle(Sent sent, Settlement round) {
        try {
            RecordMetadata metadata = sent.future().get();
            failingTopics.remove(sent.message().topic());
            round.sent.add(sent);
            round.forwarded.add(AuditEntries.forwarded(sent.platformId(), sent.message().reportId(),
                    sent.message().destination(), sent.message().messageId(), sent.message().kind().name(),
                    metadata.topic(), metadata.partition(), metadata.offset()));
        } catch (ExecutionException | java.util.concurrent.CancellationException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (!permanent(cause) && !round.reachable()) {
                round.outage = describe(cause);
                round.released.add(sent.message());
            } else {
                if (!permanent(cause)) {
                    topicFailed(sent.message().topic());
                }
                round.fail(sent.message(), code(cause), describe(cause), permanent(cause));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            round.released.add(sent.message());
        }
    }

    private void apply(Connection connection, Settlement round) throws SQLException {
        Instant now = clock.instant();
        List<OutboxMessage> sent = round.sent.stream().map(Sent::message).toList();
        if (!sent.isEmpty()) {
            listeners.forEach(listener -> listener.afterPublish(sent));
            outbox.delete(connection, sent.stream().map(OutboxMessage::id).toList());
            deliveries.markForwarded(connection, sent, now);
            audit.record(connection, round.forwarded);
        }
        List<OutboxRepository.Failure> retried = new ArrayList<>();
        for (OutboxRepository.Failure failure : round.failed) {
            int attempts = failure.message().attempts() + 1;
            if (failure.nextAttemptAt() == null || attempts >= config.relay().maxAttempts()) {
                round.parked.add(failure.nextAttemptAt() == null
                        ? failure
                        : new OutboxRepository.Failure(
                                failure.message(), failure.code(), "gave up after " + attempts + " attempts; the last: "
                                        + failure.detail(),
                                null));
            } else {
                retried.add(failure);
            }
        }
        round.retried.addAll(retried);
        if (!retried.isEmpty()) {
            outbox.retryLater(connection, retried);
        }
        if (!round.parked.isEmpty()) {
            outbox.park(connection, round.parked, now);
            deliveries.markFailed(connection, round.parked, now);
            audit.record(connection, round.parked.stream().map(failure -> AuditEntries.deliveryFailed(null,
                    failure.message().reportId(), failure.message().destination(), failure.message().messageId(),
                    failure.message().kind().name(), failure.message().attempts() + 1, failure.code())).toList());
        }
        if (!round.awaiting.isEmpty()) {
            outbox.lease(connection, round.awaiting.stream().map(Sent::message).toList(), now.plus(config.relay()
                    .deliveryTimeout()).plus(config.relay().ackWait()).plusSeconds(10));
        }
        if (!round.released.isEmpty()) {
            outbox.release(connection, round.released);
        }
        for (Map.Entry<Duration, List<OutboxMessage>> deferred : round.deferred.entrySet()) {
            outbox.lease(connection, deferred.getValue(), now.plus(deferred.getKey()));
        }
    }

    private void topicFailed(String topic) {
        failingTopics.merge(topic, 1, Integer::sum);
    }

    /** How long messages wait behind their topic's probe: the retry back-off of its failures in a row. */
    private Duration topicBackoff(String topic) {
        return backoff(Math.max(0, failingTopics.getOrDefault(topic, 1) - 1));
    }

    private static Throwable causeOf(CompletableFuture<?> failed) {
        try {
            failed.getNow(null);
            throw new IllegalStateException("not failed");
        } catch (java.util.concurrent.CompletionException | java.util.concurrent.CancellationException e) {
            return e.getCause() == null ? e : e.getCause();
        }
    }

    /** Whether the cluster answers at all (asked at most once per round, only after a failure). */
    private boolean reachable() {
        try {
            admin.describeCluster(new DescribeClusterOptions().timeoutMs(
                    (int) Math.min(config.relay().maxBlock().toMillis(), 5_000))).nodes()
                    .get(config.relay().maxBlock().toMillis() + 1_000, TimeUnit.MILLISECONDS);
            return true;
        } catch (ExecutionException | TimeoutException | KafkaException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Failures no retry can cure: the message is parked at once. */
    private static boolean permanent(Throwable e) {
        return e instanceof RecordTooLargeException || e instanceof RecordBatchTooLargeException
                || e instanceof InvalidTopicException || e instanceof SerializationException;
    }

    private static String code(Throwable e) {
        if (e instanceof RecordTooLargeException || e instanceof RecordBatchTooLargeException) {
            return "TOO_LARGE";
        }
        return e instanceof org.apache.kafka.common.errors.TimeoutException ? "BROKER_TIMEOUT" : "BROKER_ERROR";
    }

    private Instant nextAttempt(OutboxMessage message) {
        return clock.instant().plus(backoff(message.attempts()));
    }

    /** The retry back-off after {@code failures} earlier failures: doubling from the minimum, up to the maximum. */
    private Duration backoff(int failures) {
        Duration wait = config.relay().retryMinBackoff().multipliedBy(1L << Math.min(failures, 20));
        return wait.compareTo(config.relay().retryMaxBackoff()) > 0 ? config.relay().retryMaxBackoff() : wait;
    }

    private ProducerRecord<String, byte[]> record(OutboxMessage message, byte[] value) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("tipline-kind", bytes(message.kind().name()));
        headers.add("tipline-schema-version", bytes(String.valueOf(Envelope.SCHEMA_VERSION)));
        headers.add("tipline-priority", bytes(message.priority().name()));
        headers.add("tipline-report-id", bytes(message.reportId().toString()));
        headers.add("tipline-message-id", bytes(message.messageId().toString()));
        return new ProducerRecord<>(message.topic(), null, message.reportId().toString(), value, headers);
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

    /** What a round did: the relay's answer to its worker. */
    record Relayed(int sent, boolean full, String outage) {
    }

    /** A record handed to the producer, with what its audit entry needs. */
    private record Sent(OutboxMessage message, String platformId, CompletableFuture<RecordMetadata> future) {
    }

    /** What one round decided, applied in its transaction. */
    private final class Settlement {

        private final java.util.function.BooleanSupplier probe;
        private Boolean reachable;
        final List<Sent> sent = new ArrayList<>();
        final List<AuditEntry> forwarded = new ArrayList<>();
        final List<OutboxRepository.Failure> failed = new ArrayList<>();
        final List<OutboxRepository.Failure> parked = new ArrayList<>();
        final List<OutboxRepository.Failure> retried = new ArrayList<>();
        final List<Sent> awaiting = new ArrayList<>();
        final List<OutboxMessage> released = new ArrayList<>();
        /** Messages waiting behind their topic's probe, by how long; not charged an attempt. */
        final Map<Duration, List<OutboxMessage>> deferred = new java.util.HashMap<>();
        boolean full;
        String outage;

        Settlement(java.util.function.BooleanSupplier probe) {
            this.probe = probe;
        }

        boolean reachable() {
            if (reachable == null) {
                reachable = probe.getAsBoolean();
            }
            return reachable;
        }

        void defer(OutboxMessage message, Duration wait) {
            deferred.computeIfAbsent(wait, w -> new ArrayList<>()).add(message);
        }

        /** A failed attempt; {@code permanent} parks the message now. */
        void fail(OutboxMessage message, String code, String detail, boolean permanent) {
            failed.add(new OutboxRepository.Failure(message, code, detail, permanent ? null : nextAttempt(message)));
        }
    }
}
