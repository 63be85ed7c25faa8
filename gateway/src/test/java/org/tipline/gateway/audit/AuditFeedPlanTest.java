package org.tipline.gateway.audit;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tipline.gateway.platform.db.Database;
import org.tipline.gateway.support.QueuePlans;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The audit feed's next batch, and any page of the auditor's query, reads about the batch, not the log, whatever the
 * planner knows of the log. The log grows all day, and before autovacuum first analyzes it the planner takes
 * {@code level = 0} to match 0.5 % of the tree's nodes, not half of them: written as a plain join, the batch then
 * joined every leaf, sorted them all and kept 501. In a bench run one batch took over two minutes of CPU, with the
 * feed ever further behind (docs/performance.md). The statement runs on the session's own copies of the two tables.
 */
@QuarkusTest
class AuditFeedPlanTest {

    private static final int EVENTS = 20_000;
    private static final int BATCH = 500;

    @Inject
    Database database;

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aBatchNearTheHeadReadsTheBatch(boolean analyzed) {
        AuditRepository.Select batch = AuditRepository.select(new AuditQuery(null, null, null, null, null, null,
                (long) EVENTS - 2 * BATCH, BATCH));
        long visited = database.withConnection(connection -> QueuePlans.rowsVisitedOnCopies(connection,
                List.of("audit_event", "audit_tree_node"), session -> {
                    session.execute("INSERT INTO audit_event (seq, source_id, at, type, actor_id, actor_role, details)"
                            + " SELECT n, n, now(), 'test.event', 'system:test', 'system', '{}'"
                            + " FROM generate_series(0, " + (EVENTS - 1) + ") n");
                    // every complete subtree, as the sequencer stores them: half of the nodes are leaves
                    session.execute("INSERT INTO audit_tree_node (level, idx, hash)"
                            + " SELECT l, i, sha256(int8send(l * 4294967296 + i))"
                            + " FROM generate_series(0, 14) l, generate_series(0, " + (EVENTS - 1) + ") i"
                            + " WHERE i < " + EVENTS + " >> l");
                    if (analyzed) {
                        session.execute("ANALYZE audit_event, audit_tree_node");
                    }
                }, batch.sql(), batch.parameters().toArray()));
        QueuePlans.assertWithinBatch(visited, BATCH, "rows visited for a batch of %d near the head of %d events"
                + " (analyzed: %s)", BATCH, EVENTS, analyzed);
    }
}
