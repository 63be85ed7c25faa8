package org.tipline.gateway.delivery;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.tipline.gateway.kernel.Priority;
import org.tipline.gateway.routing.RoutingTable;

/**
 * The seam between the lifecycle and delivery: queues a message for each destination in the caller's transaction (one
 * outbox row each, on the urgent lane for P1) and wakes the relay once the caller has committed.
 */
@ApplicationScoped
public class Forwarding {

    private final OutboxRepository outbox;
    private final DeliveryRepository deliveries;
    private final RoutingTable routing;
    private final Topics topics;
    private final OutboxRelay relay;
    private final EnvelopeBudget budget;

    Forwarding(OutboxRepository outbox, DeliveryRepository deliveries, RoutingTable routing, Topics topics,
            OutboxRelay relay, EnvelopeBudget budget) {
        this.budget = budget;
        this.outbox = outbox;
        this.deliveries = deliveries;
        this.routing = routing;
        this.topics = topics;
        this.relay = relay;
    }

    /**
     * A submitted report's delivery, checked and ready to queue: PENDING at every destination, a REPORT message for
     * each (the envelope's bound kept with it).
     */
    public record QueuedReport(UUID reportId, List<String> destinations, Priority priority, Instant at, int bound) {
    }

    /**
     * Checks that a submitted report's envelope fits in one Kafka message, before anything is written.
     *
     * @throws org.tipline.gateway.platform.errors.UnprocessableException ({@code TOO_LARGE_TO_FORWARD}) when it could
     *         not ({@link EnvelopeBudget})
     */
    public QueuedReport prepareReport(UUID reportId, List<String> destinations, Priority priority, Instant now,
            MessageSize size) {
        return new QueuedReport(reportId, List.copyOf(destinations), priority, now, budget.check(size));
    }

    /** Starts delivery of submitted reports in the caller's transaction: one statement per table for them all. */
    public void queueReports(Connection connection, List<QueuedReport> reports) throws SQLException {
        if (reports.isEmpty()) {
            return;
        }
        List<OutboxMessage> messages = new ArrayList<>();
        for (QueuedReport report : reports) {
            messages.addAll(messages(report.reportId(), report.destinations(), MessageKind.REPORT, report.priority(),
                    null, report.at(), report.bound()));
        }
        deliveries.insertPending(connection, reports.stream()
                .collect(java.util.stream.Collectors.toMap(QueuedReport::reportId, QueuedReport::destinations,
                        (a, b) -> a, java.util.LinkedHashMap::new)));
        outbox.enqueue(connection, messages);
    }

    /** Queues a supplement or escalation of a report for the report's destinations; refused as a report would be. */
    public void queueAddition(Connection connection, UUID reportId, List<String> destinations, MessageKind kind,
            Priority priority, UUID additionId, Instant now, MessageSize size) throws SQLException {
        int bound = budget.check(size);
        queue(connection, reportId, destinations, kind, priority, additionId, now, bound);
    }

    /** Call after the transaction that queued messages of {@code priority} committed. */
    public void committed(Priority priority) {
        relay.wakeUp(priority.isUrgent());
    }

    private void queue(Connection connection, UUID reportId, List<String> destinations, MessageKind kind,
            Priority priority, UUID additionId, Instant now, int bound) throws SQLException {
        outbox.enqueue(connection, messages(reportId, destinations, kind, priority, additionId, now, bound));
    }

    private List<OutboxMessage> messages(UUID reportId, List<String> destinations, MessageKind kind,
            Priority priority, UUID additionId, Instant now, int bound) {
        List<OutboxMessage> messages = new ArrayList<>();
        for (String destination : destinations) {
            String topic = topics.intake(routing.destination(destination).orElseThrow(), priority.isUrgent());
            messages.add(new OutboxMessage(0, UUID.randomUUID(), reportId, destination, topic, kind, priority,
                    additionId, now, 0, bound));
        }
        return messages;
    }
}
