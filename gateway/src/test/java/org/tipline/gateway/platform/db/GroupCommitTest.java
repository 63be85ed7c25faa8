package org.tipline.gateway.platform.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tipline.gateway.platform.idempotency.Idempotency;
import org.tipline.gateway.platform.idempotency.IdempotencyKey;
import org.tipline.gateway.support.Ledger;

import io.quarkus.test.junit.QuarkusTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Group commit against the real ledger: units waiting while a group commits go together in the next one; a unit that
 * breaks its group fails alone while the others are written; an unreachable ledger fails the whole group at once,
 * without a retry per unit; a unit the writer skips is answered false. Each unit writes a real idempotency key, so what
 * committed is read back from PostgreSQL.
 */
@QuarkusTest
class GroupCommitTest {

    private static final String OWNER = "group-commit-test";

    @Inject
    GroupCommits groupCommits;

    @Inject
    Idempotency idempotency;

    private final ExecutorService callers = Executors.newFixedThreadPool(16);

    @AfterEach
    void stopCallers() {
        callers.shutdownNow();
    }

    /** A unit: the idempotency key it writes; {@code bad} makes its group's transaction fail. */
    private record Unit(String key, boolean bad) {

        static Unit good() {
            return new Unit(UUID.randomUUID().toString(), false);
        }
    }

    /** Writes each unit's key; throws when the group holds a bad unit; can hold every write until released. */
    private final class TestWriter implements GroupCommit.Writer<Unit> {

        final List<Integer> groupSizes = new CopyOnWriteArrayList<>();
        final CountDownLatch release;
        final RuntimeException failure;

        TestWriter(CountDownLatch release, RuntimeException failure) {
            this.release = release;
            this.failure = failure;
        }

        @Override
        public Set<Unit> write(Connection connection, List<Unit> units) throws SQLException {
            groupSizes.add(units.size());
            idempotency.claimAll(connection, units.stream().map(unit -> new Idempotency.Claim(
                    new IdempotencyKey(OWNER, unit.key()), new byte[32], 201, Map.of())).toList());
            await(release);
            if (failure != null) {
                throw failure;
            }
            if (units.stream().anyMatch(Unit::bad)) {
                throw new IllegalStateException("a unit that breaks its group");
            }
            return GroupCommit.identitySetOf(units);
        }
    }

    @Test
    void unitsThatWaitWhileAGroupCommitsAreWrittenTogether() throws Exception {
        // Given: every write held until released, so the units arriving meanwhile queue up
        CountDownLatch release = new CountDownLatch(1);
        TestWriter writer = new TestWriter(release, null);
        GroupCommit<Unit> group = groupCommits.start("test-group-" + UUID.randomUUID(), writer, unit -> 1);
        List<Unit> units = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            units.add(Unit.good());
        }
        // When
        List<Future<Boolean>> answers = submitAll(group, writer, units);
        release.countDown();
        // Then
        for (Future<Boolean> answer : answers) {
            assertThat(answer.get(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(writer.groupSizes).as("transactions for 12 units").hasSizeLessThan(units.size());
        assertThat(writer.groupSizes.stream().mapToInt(Integer::intValue).max().orElse(0)).isGreaterThan(1);
        assertThat(storedKeys()).containsAll(keys(units));
    }

    @Test
    void aUnitThatBreaksItsGroupFailsAloneAndTheOthersAreWritten() throws Exception {
        // Given: one bad unit among good ones, held until all wait in the queue together
        CountDownLatch release = new CountDownLatch(1);
        TestWriter writer = new TestWriter(release, null);
        GroupCommit<Unit> group = groupCommits.start("test-group-" + UUID.randomUUID(), writer, unit -> 1);
        List<Unit> good = List.of(Unit.good(), Unit.good(), Unit.good(), Unit.good(), Unit.good());
        Unit bad = new Unit(UUID.randomUUID().toString(), true);
        // When
        List<Future<Boolean>> goodAnswers = new ArrayList<>();
        for (Unit unit : good) {
            goodAnswers.add(callers.submit(() -> group.commit(unit)));
        }
        Future<Boolean> badAnswer = callers.submit(() -> group.commit(bad));
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> group.waiting() + writer.groupSizes.stream()
                .mapToInt(Integer::intValue).sum() >= good.size() + 1);
        release.countDown();
        // Then
        for (Future<Boolean> answer : goodAnswers) {
            assertThat(answer.get(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThatThrownBy(() -> badAnswer.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(IllegalStateException.class)
                .hasMessageContaining("breaks its group");
        Set<String> stored = storedKeys();
        assertThat(stored).containsAll(keys(good)).doesNotContain(bad.key());
    }

    @Test
    void anUnreachableLedgerFailsTheWholeGroupAtOnceWithoutARetryPerUnit() throws Exception {
        // Given
        CountDownLatch release = new CountDownLatch(1);
        LedgerUnavailableException down = new LedgerUnavailableException(new SQLException("down", "08006"));
        TestWriter writer = new TestWriter(release, down);
        GroupCommit<Unit> group = groupCommits.start("test-group-" + UUID.randomUUID(), writer, unit -> 1);
        List<Unit> units = List.of(Unit.good(), Unit.good(), Unit.good(), Unit.good(), Unit.good(), Unit.good());
        // When
        List<Future<Boolean>> answers = submitAll(group, writer, units);
        release.countDown();
        // Then
        for (Future<Boolean> answer : answers) {
            assertThatThrownBy(() -> answer.get(30, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(LedgerUnavailableException.class);
        }
        assertThat(writer.groupSizes).as("one transaction per group, no unit retried alone")
                .hasSizeLessThan(units.size());
        assertThat(storedKeys()).doesNotContainAnyElementsOf(keys(units));
    }

    @Test
    void aUnitTheWriterSkipsIsAnsweredFalse() {
        // Given: a writer that writes nothing
        GroupCommit<Unit> group = groupCommits.start("test-group-" + UUID.randomUUID(),
                (connection, units) -> Set.of(), unit -> 1);
        // When / Then
        assertThat(group.commit(Unit.good())).isFalse();
    }

    /** Every unit committed from its own caller, once all of them are waiting or written. */
    private List<Future<Boolean>> submitAll(GroupCommit<Unit> group, TestWriter writer, List<Unit> units) {
        List<Future<Boolean>> answers = new ArrayList<>();
        for (Unit unit : units) {
            answers.add(callers.submit(() -> group.commit(unit)));
        }
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> group.waiting() + writer.groupSizes.stream()
                .mapToInt(Integer::intValue).sum() == units.size());
        return answers;
    }

    private static Set<String> keys(List<Unit> units) {
        return units.stream().map(Unit::key).collect(Collectors.toSet());
    }

    private static Set<String> storedKeys() throws SQLException {
        Set<String> keys = new HashSet<>();
        try (Connection connection = Ledger.superuser();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT key FROM idempotency_key WHERE owner = ?")) {
            select.setString(1, OWNER);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    keys.add(rows.getString(1));
                }
            }
        }
        return keys;
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
