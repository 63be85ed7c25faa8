package org.tipline.gateway.audit;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tipline.gateway.audit.log.AuditSequencer;
import org.tipline.gateway.platform.db.Database;
import org.tipline.gateway.support.AuditApi;
import org.tipline.gateway.support.OfflineVerification;
import org.tipline.gateway.trail.AuditActor;
import org.tipline.gateway.trail.AuditEntry;
import org.tipline.gateway.trail.AuditTrail;

import io.quarkus.test.junit.QuarkusTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The log stays gapless and verifiable while many transactions record events and several sequencers race, and an
 * event recorded in a transaction that rolls back never enters it.
 */
@QuarkusTest
class AuditSequencerTest {

    private static final int WRITERS = 4;
    private static final int EVENTS_PER_WRITER = 100;

    @Inject
    Database database;

    @Inject
    AuditTrail trail;

    @Inject
    AuditSequencer sequencer;

    @TempDir
    Path folder;

    private static AuditEntry entry(String run, int n) {
        return new AuditEntry("test.sequencing", AuditActor.system("test"), null, null, null,
                Map.of("run", run, "n", n));
    }

    private void commit(AuditEntry entry) {
        database.inTransaction(connection -> {
            trail.record(connection, entry);
            return null;
        });
    }

    private long count(String sql, String run) {
        return database.withConnection(connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                if (run != null) {
                    select.setString(1, run);
                }
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    return row.getLong(1);
                }
            }
        });
    }

    @Test
    void racingWritersAndSequencersLeaveAGaplessVerifiableLog() throws Exception {
        // Given writers committing events while two more sequencers race the background one
        String run = UUID.randomUUID().toString();
        ExecutorService threads = Executors.newFixedThreadPool(WRITERS + 2);
        AtomicBoolean writing = new AtomicBoolean(true);
        List<CompletableFuture<?>> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            writers.add(CompletableFuture.runAsync(() -> {
                for (int i = 0; i < EVENTS_PER_WRITER; i++) {
                    commit(entry(run, writer * EVENTS_PER_WRITER + i));
                }
            }, threads));
        }
        List<CompletableFuture<?>> sequencers = new ArrayList<>();
        for (int s = 0; s < 2; s++) {
            sequencers.add(CompletableFuture.runAsync(() -> {
                while (writing.get()) {
                    sequencer.sequenceOnce();
                }
            }, threads));
        }
        // When
        CompletableFuture.allOf(writers.toArray(CompletableFuture[]::new)).join();
        writing.set(false);
        CompletableFuture.allOf(sequencers.toArray(CompletableFuture[]::new)).join();
        threads.shutdown();
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> count("SELECT count(*) FROM audit_event WHERE"
                + " type = 'test.sequencing' AND details->>'run' = ?", run) == WRITERS * EVENTS_PER_WRITER);
        // Then every event once, no gaps, one leaf per event
        assertThat(count("SELECT count(DISTINCT details->>'n') FROM audit_event WHERE details->>'run' = ?", run))
                .isEqualTo(WRITERS * EVENTS_PER_WRITER);
        long events = count("SELECT count(*) FROM audit_event", null);
        assertThat(count("SELECT max(seq) + 1 FROM audit_event", null)).isEqualTo(events);
        assertThat(count("SELECT count(*) FROM audit_tree_node WHERE level = 0 AND idx < " + events, null))
                .isEqualTo(events);
        // and the whole log still verifies offline
        OfflineVerification auditor = new OfflineVerification(folder);
        Path head = auditor.save("head.json", AuditApi.awaitHeadCovering(events - 1));
        OfflineVerification.Outcome outcome = OfflineVerification.verify(auditor.export("audit.ndjson"), head,
                auditor.keys());
        assertThat(outcome.exit()).as(outcome.output()).isZero();
    }

    @Test
    void anEventOfARolledBackChangeNeverEntersTheLog() {
        // Given
        String run = UUID.randomUUID().toString();
        // When a change fails after recording its event, and a later one commits
        assertThatThrownBy(() -> database.inTransaction(connection -> {
            trail.record(connection, entry(run, 1));
            throw new IllegalStateException("synthetic failure after the event was recorded");
        })).hasMessageContaining("synthetic failure");
        commit(entry(run, 2));
        // Then only the committed one is logged
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> count("SELECT count(*) FROM audit_event"
                + " WHERE details->>'run' = ? AND details->>'n' = '2'", run) == 1);
        assertThat(count("SELECT count(*) FROM audit_event WHERE details->>'run' = ?", run)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM audit_inbox", null)).isZero();
    }
}
