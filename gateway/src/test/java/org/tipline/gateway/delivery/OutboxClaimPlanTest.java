package org.tipline.gateway.delivery;

import java.time.Instant;
import java.time.ZoneOffset;

import jakarta.inject.Inject;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tipline.gateway.platform.db.Database;
import org.tipline.gateway.support.QueuePlans;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The relay's claim reads about its batch, not the backlog, whatever the planner believes about the outbox. With the
 * check for an earlier message pulled up into an anti-join, the planner scanned the whole (report, destination, id)
 * index for every candidate when its statistics said the outbox was empty (seconds per claim in a burst); with a
 * check it cannot see through and fresh statistics, it read and sorted the whole backlog instead. With the statistics
 * an ANALYZE of a short queue left and the consumed rows not yet vacuumed ({@code CHURNED}), the check by id alone was
 * served by the primary key, every candidate walking every id below its own (10,200 rows read for a claim of 100),
 * and without index scans only the planner ran the check for every row of the backlog (16 million rows read).
 */
@QuarkusTest
class OutboxClaimPlanTest {

    private static final int BACKLOG = 4_000;
    private static final String FILL = "INSERT INTO outbox (message_id, report_id, destination, topic, kind, priority,"
            + " created_at, content_bytes) SELECT gen_random_uuid(), gen_random_uuid(), 'ncmec', 'tipline.intake.ncmec',"
            + " 'REPORT', 2 + n % 2, now(), 2048 FROM generate_series(1, " + BACKLOG + ") n";

    @Inject
    Database database;

    @ParameterizedTest
    @EnumSource(QueuePlans.Statistics.class)
    void aBacklogIsClaimedInOnePassOverTheBatch(QueuePlans.Statistics statistics) {
        // the due time bound as Sql.setInstant binds it
        QueuePlans.assertReadsItsBatch(database, "outbox", FILL, 100, statistics, OutboxRepository.CLAIM,
                Instant.now().atOffset(ZoneOffset.UTC));
    }
}
