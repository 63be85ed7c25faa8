package org.tipline.gateway.audit.log;

import jakarta.inject.Inject;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tipline.gateway.platform.db.Database;
import org.tipline.gateway.support.QueuePlans;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The sequencer's take from the audit inbox reads about its batch, not the backlog, whatever the planner believes
 * about the inbox. Written as {@code id IN (SELECT id ... LIMIT ?)}, the take rescanned the limited subquery for every
 * inbox row when the statistics said the inbox was empty: 4,001 times here, seconds of CPU per round in a burst.
 */
@QuarkusTest
class InboxTakePlanTest {

    private static final int BACKLOG = 4_000;
    private static final String FILL = "INSERT INTO audit_inbox (at, type, actor_id, actor_role, details)"
            + " SELECT now(), 'test.backlog', 'system:test', 'system', jsonb_build_object('n', n)"
            + " FROM generate_series(1, " + BACKLOG + ") n";

    @Inject
    Database database;

    @ParameterizedTest
    @EnumSource(QueuePlans.Statistics.class)
    void aBacklogIsTakenInOnePassOverTheBatch(QueuePlans.Statistics statistics) {
        QueuePlans.assertReadsItsBatch(database, "audit_inbox", FILL, 1_000, statistics, AuditSequencer.TAKE);
    }
}
