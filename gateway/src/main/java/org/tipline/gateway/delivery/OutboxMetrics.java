package org.tipline.gateway.delivery;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.tipline.gateway.platform.db.Database;
import org.tipline.gateway.platform.db.LedgerUnavailableException;
import org.tipline.gateway.platform.db.Sql;
import org.tipline.gateway.platform.worker.Round;
import org.tipline.gateway.platform.worker.WorkerSettings;
import org.tipline.gateway.platform.worker.Workers;
import org.tipline.gateway.routing.Destination;
import org.tipline.gateway.routing.RoutingTable;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;

/**
 * Gauges of the outbox per destination: {@code tipline.outbox.depth} (messages not yet on Kafka, parked ones
 * included), {@code tipline.outbox.oldest.age} (seconds the oldest has waited) and {@code tipline.outbox.parked}
 * (messages the relay gave up on, waiting for an operator's retry), refreshed by one grouped query every five seconds
 * (the {@code outbox-gauges} worker).
 */
@ApplicationScoped
public class OutboxMetrics {

    private final Database database;
    private final RoutingTable routing;
    private final MeterRegistry registry;
    private final Clock clock;
    private final Map<String, AtomicLong> depth = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> oldestAgeMillis = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> parked = new ConcurrentHashMap<>();

    private final Workers workers;

    OutboxMetrics(Database database, RoutingTable routing, MeterRegistry registry, Clock clock, Workers workers) {
        this.database = database;
        this.routing = routing;
        this.registry = registry;
        this.clock = clock;
        this.workers = workers;
    }

    void register(@Observes StartupEvent event) {
        for (Destination destination : routing.destinations()) {
            AtomicLong count = depth.computeIfAbsent(destination.id(), id -> new AtomicLong());
            AtomicLong age = oldestAgeMillis.computeIfAbsent(destination.id(), id -> new AtomicLong());
            Gauge.builder("tipline.outbox.depth", count, AtomicLong::get).description("Messages not yet on Kafka")
                    .tag("destination", destination.id()).register(registry);
            Gauge.builder("tipline.outbox.oldest.age", age, a -> a.get() / 1000.0).baseUnit("seconds")
                    .description("How long the oldest unsent message has waited").tag("destination", destination.id())
                    .register(registry);
            Gauge.builder("tipline.outbox.parked", parked.computeIfAbsent(destination.id(), id -> new AtomicLong()),
                    AtomicLong::get).description("Messages the relay gave up on (their deliveries are FAILED)")
                    .tag("destination", destination.id()).register(registry);
        }
        workers.start("outbox-gauges", WorkerSettings.polling(Duration.ofSeconds(5)), this::refresh);
    }

    Round refresh() {
        try {
            Instant now = clock.instant();
            Map<String, long[]> seen = database.withConnection(connection -> {
                Map<String, long[]> rows = new ConcurrentHashMap<>();
                try (PreparedStatement select = connection.prepareStatement(
                        "SELECT destination, count(*), min(created_at),"
                                + " count(*) FILTER (WHERE failed_at IS NOT NULL) FROM outbox GROUP BY destination");
                        ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        Instant oldest = Sql.getInstant(row, 3);
                        rows.put(row.getString(1), new long[]{row.getLong(2),
                                Duration.between(oldest, now).toMillis(), row.getLong(4)});
                    }
                }
                return rows;
            });
            depth.forEach((destination, value) -> value.set(seen.getOrDefault(destination, new long[3])[0]));
            oldestAgeMillis.forEach((destination, value) -> value.set(seen.getOrDefault(destination, new long[3])[1]));
            parked.forEach((destination, value) -> value.set(seen.getOrDefault(destination, new long[3])[2]));
            return Round.IDLE;
        } catch (LedgerUnavailableException e) {
            return Round.PAUSED; // keep the last values; the health check reports the ledger
        }
    }
}
