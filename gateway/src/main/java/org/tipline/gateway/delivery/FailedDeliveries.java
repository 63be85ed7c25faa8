package org.tipline.gateway.delivery;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.tipline.gateway.platform.db.Database;
import org.tipline.gateway.platform.idempotency.Idempotency;
import org.tipline.gateway.platform.idempotency.IdempotencyKey;
import org.tipline.gateway.platform.idempotency.Outcome;
import org.tipline.gateway.trail.AuditActor;
import org.tipline.gateway.trail.AuditEntries;
import org.tipline.gateway.trail.AuditTrail;

/**
 * Deliveries with a parked message, for operators: listing them and retrying one (its parked messages go back in the
 * queue with their attempts reset, the delivery back to PENDING or FORWARDED; audited as {@code delivery.retried}).
 */
@ApplicationScoped
public class FailedDeliveries {

    private final Database database;
    private final DeliveryRepository deliveries;
    private final OutboxRepository outbox;
    private final AuditTrail audit;
    private final OutboxRelay relay;
    private final Idempotency idempotency;

    FailedDeliveries(Database database, DeliveryRepository deliveries, OutboxRepository outbox, AuditTrail audit,
            OutboxRelay relay, Idempotency idempotency) {
        this.idempotency = idempotency;
        this.database = database;
        this.deliveries = deliveries;
        this.outbox = outbox;
        this.audit = audit;
        this.relay = relay;
    }

    /** The oldest {@code limit} failures. */
    public List<DeliveryRepository.Failed> list(int limit) {
        return database.withConnection(connection -> deliveries.failed(connection, limit));
    }

    /**
     * Retries the delivery of {@code reportId} to {@code destination}.
     *
     * @throws DeliveryNotFoundException when there is no such delivery
     * @throws NothingToRetryException when none of its messages is parked
     */
    public Outcome<DeliveryStatus> retry(AuditActor actor, IdempotencyKey key, byte[] digest, UUID reportId,
            String destination) {
        Outcome<DeliveryStatus> status = database.inTransaction(connection -> idempotency.once(connection, key,
                digest, 200, DeliveryStatus.class, () -> {
                    DeliveryStatus current = deliveries.lock(connection, reportId, destination)
                            .orElseThrow(() -> new DeliveryNotFoundException(reportId, destination));
                    int parked = outbox.unpark(connection, reportId, destination);
                    if (parked == 0 && current.failedAt() == null) {
                        throw new NothingToRetryException(reportId, destination, current.state());
                    }
                    deliveries.clearFailure(connection, reportId, destination);
                    audit.record(connection, AuditEntries.deliveryRetried(actor, reportId, destination, parked));
                    return deliveries.lock(connection, reportId, destination).orElseThrow();
                }));
        relay.wakeUp();
        return status;
    }
}
