package org.tipline.gateway.report;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.tipline.gateway.delivery.DeliveryRepository;
import org.tipline.gateway.delivery.MessageKind;
import org.tipline.gateway.delivery.OutboxMessage;
import org.tipline.gateway.delivery.OutboxRelay;
import org.tipline.gateway.delivery.OutboxRepository;
import org.tipline.gateway.delivery.Topics;
import org.tipline.gateway.platform.Ids;
import org.tipline.gateway.platform.db.Database;
import org.tipline.gateway.routing.Router;

/** The report lifecycle; every change commits with its outbox rows in one transaction before it is answered. */
@ApplicationScoped
public class ReportService {

    private static final Duration OPEN_FOR = Duration.ofHours(24);
    private static final Duration IDLE_FOR = Duration.ofHours(1);

    private final Database database;
    private final ReportRepository reports;
    private final DeliveryRepository deliveries;
    private final OutboxRepository outbox;
    private final Router router;
    private final Topics topics;
    private final OutboxRelay relay;
    private final Clock clock;

    ReportService(Database database, ReportRepository reports, DeliveryRepository deliveries, OutboxRepository outbox,
            Router router, Topics topics, OutboxRelay relay, Clock clock) {
        this.database = database;
        this.reports = reports;
        this.deliveries = deliveries;
        this.outbox = outbox;
        this.router = router;
        this.topics = topics;
        this.relay = relay;
        this.clock = clock;
    }

    /** Opens a report and, when {@code finish}, submits it in the same transaction. */
    public Submission open(String platformId, ReportDocument document, String incidentType, Priority priority,
            boolean finish) {
        Instant now = clock.instant();
        UUID id = Ids.uuidV7(clock);
        Report opened = new Report(id, platformId, ReportState.OPEN, incidentType, priority, now, now, null,
                expiry(now, now));
        Submission submission = database.inTransaction(connection -> {
            reports.insert(connection, opened, document);
            if (!finish) {
                return new Submission(opened, List.of());
            }
            Report submitted = new Report(id, platformId, ReportState.SUBMITTED, incidentType, priority, now, now,
                    now, null);
            reports.updateState(connection, submitted);
            List<String> destinations = router.route();
            deliveries.insertPending(connection, id, destinations);
            outbox.enqueue(connection, messages(submitted, destinations, now));
            return new Submission(submitted, destinations);
        });
        if (!submission.destinations().isEmpty()) {
            relay.wakeUp();
        }
        return submission;
    }

    private List<OutboxMessage> messages(Report report, List<String> destinations, Instant now) {
        List<OutboxMessage> messages = new ArrayList<>();
        for (String destination : destinations) {
            messages.add(new OutboxMessage(0, UUID.randomUUID(), report.id(), destination,
                    topics.intake(destination, report.priority().isUrgent()), MessageKind.REPORT, report.priority(),
                    now, 0));
        }
        return messages;
    }

    /** NCMEC's rule: an open report expires at max(24 h after opening, 1 h after the last change). */
    static Instant expiry(Instant openedAt, Instant lastChange) {
        Instant a = openedAt.plus(OPEN_FOR);
        Instant b = lastChange.plus(IDLE_FOR);
        return a.isAfter(b) ? a : b;
    }

    /** A committed report and the destinations it was queued for. */
    public record Submission(Report report, List<String> destinations) {
    }
}
