package org.tipline.gateway.audit.log;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;
import org.tipline.core.merkle.MerkleTree;
import org.tipline.core.merkle.MerkleTree.Node;
import org.tipline.gateway.audit.AuditConfig;
import org.tipline.gateway.audit.AuditEvent;
import org.tipline.gateway.platform.db.Database;
import org.tipline.gateway.platform.db.LedgerUnavailableException;
import org.tipline.gateway.platform.db.QueueScans;
import org.tipline.gateway.platform.db.Sql;
import org.tipline.gateway.platform.worker.BackgroundTask;
import org.tipline.gateway.platform.worker.Round;
import org.tipline.gateway.platform.worker.WorkerSettings;
import org.tipline.gateway.platform.worker.Workers;
import org.tipline.gateway.trail.AuditActor;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;

/**
 * The log's single writer, the {@code audit-sequencer} worker: moves committed events from the inbox into the log with gapless sequence numbers, extends
 * the Merkle tree (storing every new complete subtree), and signs a tree head when the log grew and the last head is
 * older than the interval. One instance at a time holds the worker's advisory lock; the others skip the round.
 */
@ApplicationScoped
public class AuditSequencer implements BackgroundTask {

    /** Advisory lock key of the sequencer. */
    static final long LOCK = 0x7469706c696e6501L;

    /**
     * Removes up to a batch of events from the head of the inbox. The ids are chosen once (an {@code ARRAY} subquery,
     * evaluated as an init plan) and their rows then found by the primary key. Written as
     * {@code id IN (SELECT id ... LIMIT ?)}, the planner may rescan the limited subquery once per inbox row when its
     * statistics say the inbox is nearly empty, as a VACUUM of the drained queue leaves them: once a backlog builds
     * during a burst, every round then costs seconds of PostgreSQL's CPU while the backlog grows. It runs with index
     * scans only ({@link QueueScans}): with the statistics of an ANALYZE of the nearly empty inbox and the events taken
     * since not yet vacuumed, the planner sorted the whole inbox to choose the ids and read it again to find them.
     */
    static final String TAKE = "DELETE FROM audit_inbox WHERE id = ANY (ARRAY(SELECT id FROM audit_inbox ORDER BY id"
            + " LIMIT ?)) RETURNING id, at, type, actor_id, actor_role, platform_id, report_id, destination,"
            + " details::text";
    private static final Logger LOGGER = Logger.getLogger(AuditSequencer.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Database database;
    private final TreeStore tree;
    private final TreeHeads heads;
    private final AuditConfig config;
    private final Clock clock;
    private final Workers workers;
    private final Counter sequenced;

    AuditSequencer(Database database, TreeStore tree, TreeHeads heads, AuditConfig config, Clock clock,
            Workers workers, MeterRegistry metrics) {
        this.database = database;
        this.tree = tree;
        this.heads = heads;
        this.config = config;
        this.clock = clock;
        this.workers = workers;
        this.sequenced = Counter.builder("tipline.audit.sequenced")
                .description("Audit events this instance moved into the log (one instance sequences at a time)")
                .register(metrics);
    }

    void start(@Observes StartupEvent event) {
        workers.start("audit-sequencer", WorkerSettings.polling(config.sequenceInterval())
                .backingOff(Duration.ofSeconds(1), Duration.ofSeconds(10)), this);
    }

    @Override
    public Round round() {
        try {
            return sequenceOnce() < config.sequenceBatch() ? Round.IDLE : Round.MORE;
        } catch (LedgerUnavailableException e) {
            return Round.PAUSED;
        }
    }

    /** One sequencing transaction; returns how many events entered the log (0 if another instance holds the lock). */
    public int sequenceOnce() {
        int count = database.inTransactionHolding(LOCK, connection -> {
            long size = tree.size(connection);
            List<Sequenced> sequenced = take(connection, size);
            List<AuditEvent> events = sequenced.stream().map(Sequenced::event).toList();
            Map<Node, byte[]> known = new HashMap<>(tree.read(connection, MerkleTree.frontier(size)));
            if (!events.isEmpty()) {
                insertEvents(connection, sequenced);
                List<byte[]> leaves = events.stream().map(e -> Base64.getDecoder().decode(e.leafHash())).toList();
                tree.write(connection, MerkleTree.append(size, leaves, known));
            }
            long newSize = size + events.size();
            maybeSignHead(connection, newSize, known);
            return events.size();
        }).orElse(0);
        sequenced.increment(count);
        return count;
    }

    /** Removes up to a batch of events from the inbox, in arrival order, and numbers them from {@code size}. */
    private List<Sequenced> take(Connection connection, long size) throws SQLException {
        List<Taken> taken = QueueScans.indexScansOnly(connection, scanned -> {
            List<Taken> rows = new ArrayList<>();
            try (PreparedStatement delete = scanned.prepareStatement(TAKE)) {
                delete.setInt(1, config.sequenceBatch());
                try (ResultSet row = delete.executeQuery()) {
                    while (row.next()) {
                        rows.add(new Taken(row.getLong(1), Sql.getInstant(row, 2), row.getString(3),
                                new AuditActor(row.getString(4), row.getString(5)), row.getString(6),
                                row.getObject(7, UUID.class), row.getString(8), row.getString(9)));
                    }
                }
            }
            return rows;
        });
        taken.sort(Comparator.comparingLong(Taken::sourceId));
        List<Sequenced> events = new ArrayList<>(taken.size());
        for (int i = 0; i < taken.size(); i++) {
            Taken t = taken.get(i);
            AuditEvent unhashed = new AuditEvent(size + i, t.at(), t.type(), t.actor(), t.platformId(), t.reportId(),
                    t.destination(), parse(t.details()), null);
            String leaf = Base64.getEncoder().encodeToString(MerkleTree.leafHash(unhashed.canonicalBytes()));
            events.add(new Sequenced(new AuditEvent(unhashed.seq(), t.at(), t.type(), t.actor(), t.platformId(),
                    t.reportId(), t.destination(), unhashed.details(), leaf), t.sourceId()));
        }
        return events;
    }

    private void insertEvents(Connection connection, List<Sequenced> events) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO audit_event (seq, source_id, at, type,"
                + " actor_id, actor_role, platform_id, report_id, destination, details)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)")) {
            for (Sequenced sequenced : events) {
                AuditEvent event = sequenced.event();
                insert.setLong(1, event.seq());
                insert.setLong(2, sequenced.sourceId());
                Sql.setInstant(insert, 3, event.at());
                insert.setString(4, event.type());
                insert.setString(5, event.actor().id());
                insert.setString(6, event.actor().role());
                insert.setString(7, event.platformId());
                insert.setObject(8, event.reportId());
                insert.setString(9, event.destination());
                insert.setString(10, event.details().toString());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private void maybeSignHead(Connection connection, long size, Map<Node, byte[]> known) throws SQLException {
        if (size == 0) {
            return;
        }
        var latest = heads.latest(connection);
        Instant now = clock.instant();
        if (latest.isPresent() && (latest.get().treeSize() == size
                || Duration.between(latest.get().timestamp(), now).compareTo(config.treeHeadInterval()) < 0)) {
            return;
        }
        List<byte[]> frontier = new ArrayList<>();
        for (Node node : MerkleTree.frontier(size)) {
            frontier.add(known.get(node));
        }
        heads.insert(connection, heads.sign(size, MerkleTree.root(frontier), now));
    }

    private static com.fasterxml.jackson.databind.JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Audit details are not JSON", e);
        }
    }

    /** An event of the log and the inbox row it came from. */
    private record Sequenced(AuditEvent event, long sourceId) {
    }

    private record Taken(long sourceId, Instant at, String type, AuditActor actor, String platformId, UUID reportId,
            String destination, String details) {
    }
}
