package org.tipline.gateway.delivery;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;

import org.tipline.gateway.platform.db.Database;
import org.tipline.gateway.platform.errors.UnprocessableException;
import org.tipline.gateway.platform.errors.Violation;
import org.tipline.gateway.platform.errors.ViolationCode;
import org.tipline.gateway.trail.AuditActor;
import org.tipline.gateway.trail.AuditEntries;
import org.tipline.gateway.trail.AuditTrail;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Records receivers' acknowledgements: PENDING or FORWARDED becomes ACKNOWLEDGED (with the receiver's reference) or
 * REJECTED (with its reason). Repeating an acknowledgement changes nothing; contradicting a recorded one is refused.
 * Counts every outcome in {@code tipline.acks}.
 */
@ApplicationScoped
public class AckService {

    /** What happened to an acknowledgement. */
    public enum Outcome {
        RECORDED, DUPLICATE, UNKNOWN_DELIVERY, CONFLICT, INVALID,
        /** Over Kafka: not signed by a key registered for its destination. Changes nothing. */
        FORGED,
        /** Dated before the report was submitted or ahead of the gateway's clock. Changes nothing. */
        OUT_OF_TIME
    }

    /** How far ahead of the gateway's clock an acknowledgement's {@code at} may be (clock skew). */
    static final java.time.Duration MAX_SKEW = java.time.Duration.ofMinutes(5);

    /** An acknowledgement dated before its report or in the future: refused, counted and audited. */
    static final class OutOfTimeException extends UnprocessableException {

        private static final long serialVersionUID = 1L;
        private final String reason;

        OutOfTimeException(String reason, String detail) {
            super("Acknowledgement " + detail, List.of(new Violation("/at", ViolationCode.OUT_OF_RANGE, detail)));
            this.reason = reason;
        }
    }

    private final Database database;
    private final DeliveryRepository deliveries;
    private final MeterRegistry metrics;
    private final AuditTrail audit;
    private final Clock clock;

    AckService(Database database, DeliveryRepository deliveries, MeterRegistry metrics, AuditTrail audit,
            Clock clock) {
        this.database = database;
        this.deliveries = deliveries;
        this.metrics = metrics;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Records {@code ack} for {@code destination}.
     *
     * @throws DeliveryNotFoundException when the report was never routed to the destination
     * @throws AckConflictException when it contradicts the acknowledgement already recorded
     */
    public DeliveryStatus record(AuditActor actor, String destination, AckRequest ack, String source) {
        try {
            checkFields(ack);
            Applied applied = database.inTransaction(connection -> {
                Applied result = apply(connection, destination, ack);
                if (result.changed()) {
                    audit.record(connection, AuditEntries.acknowledged(actor, ack.reportId(), destination,
                            result.status().state(), ack.externalReference(), ack.reason(), source));
                }
                return result;
            });
            count(ack, source, applied.changed() ? Outcome.RECORDED : Outcome.DUPLICATE);
            return applied.status();
        } catch (DeliveryNotFoundException e) {
            count(ack, source, Outcome.UNKNOWN_DELIVERY);
            throw e;
        } catch (AckConflictException e) {
            count(ack, source, Outcome.CONFLICT);
            throw e;
        } catch (OutOfTimeException e) {
            count(ack, source, Outcome.OUT_OF_TIME);
            audit.recordRefusal(AuditEntries.ackRefused(ack.reportId(), destination, source, e.reason));
            throw e;
        } catch (UnprocessableException e) {
            count(ack, source, Outcome.INVALID);
            throw e;
        }
    }

    /**
     * Refuses an acknowledgement from Kafka that does not prove to come from its destination: it changes nothing, is
     * counted and is audited with only the values that could be checked (a known destination, a report id).
     */
    public void refuseForged(String destination, java.util.UUID reportId, String reason) {
        metrics.counter("tipline.acks", "status", "UNKNOWN", "source", "kafka", "outcome", Outcome.FORGED.name())
                .increment();
        audit.recordRefusal(AuditEntries.ackRefused(reportId, destination, "kafka", reason));
    }

    /** Counts an acknowledgement that could not even be read. */
    public void countUnreadable(String source) {
        metrics.counter("tipline.acks", "status", "UNKNOWN", "source", source, "outcome", Outcome.INVALID.name())
                .increment();
    }

    private record Applied(DeliveryStatus status, boolean changed) {
    }

    private Applied apply(Connection connection, String destination, AckRequest ack) throws SQLException {
        DeliveryStatus current = deliveries.lock(connection, ack.reportId(), destination)
                .orElseThrow(() -> new DeliveryNotFoundException(ack.reportId(), destination));
        String target = target(ack);
        if (current.state().equals(target) && Objects.equals(current.externalReference(), ack.externalReference())) {
            return new Applied(current, false);
        }
        if (current.state().equals("ACKNOWLEDGED") || current.state().equals("REJECTED")) {
            throw new AckConflictException("Delivery of " + ack.reportId() + " to " + destination + " is already "
                    + current.state() + "; a different acknowledgement cannot replace it");
        }
        Instant now = clock.instant();
        Instant at = ack.at() == null ? now : ack.at().toInstant();
        if (current.submittedAt() != null && at.isBefore(current.submittedAt())) {
            throw new OutOfTimeException("BACKDATED", "must not be dated before the report was submitted");
        }
        if (at.isAfter(now.plus(MAX_SKEW))) {
            throw new OutOfTimeException("FUTURE_DATED", "must not be dated in the future");
        }
        deliveries.acknowledge(connection, ack.reportId(), destination, target, at, ack.externalReference(),
                ack.reason());
        return new Applied(deliveries.lock(connection, ack.reportId(), destination).orElseThrow(), true);
    }

    private static void checkFields(AckRequest ack) {
        if (ack.status() == AckRequest.Status.ACCEPTED && ack.externalReference() == null) {
            throw new UnprocessableException("An acceptance needs the receiver's reference", List.of(new Violation(
                    "/externalReference", ViolationCode.REQUIRED, "is required when the status is ACCEPTED")));
        }
        if (ack.status() == AckRequest.Status.REJECTED && ack.reason() == null) {
            throw new UnprocessableException("A rejection needs a reason", List.of(new Violation("/reason",
                    ViolationCode.REQUIRED, "is required when the status is REJECTED")));
        }
    }

    private static String target(AckRequest ack) {
        return ack.status() == AckRequest.Status.ACCEPTED ? "ACKNOWLEDGED" : "REJECTED";
    }

    private void count(AckRequest ack, String source, Outcome outcome) {
        metrics.counter("tipline.acks", "status", ack.status() == null ? "UNKNOWN" : ack.status().name(), "source",
                source, "outcome", outcome.name()).increment();
    }
}
