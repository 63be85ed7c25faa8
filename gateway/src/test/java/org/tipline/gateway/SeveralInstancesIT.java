package org.tipline.gateway;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.tipline.gateway.support.FilingLoad;
import org.tipline.gateway.support.JsonEdit;
import org.tipline.gateway.support.Ledger;
import org.tipline.gateway.support.OfflineVerification;
import org.tipline.gateway.support.PackagedClient;
import org.tipline.gateway.support.TestStack;
import org.tipline.localstack.LocalStack;
import org.tipline.localstack.PackagedGateway;

import io.quarkus.test.junit.QuarkusIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three packaged gateways on one PostgreSQL and one Kafka, behind a client that spreads requests over them and moves a
 * request that got no answer to the next one with the same Idempotency-Key, as a load balancer would. Under load one
 * of them, the one that has sequenced the most audit events, is killed with -9. Every 2xx'd report is delivered,
 * under one message id; the ledger holds exactly those reports; never two audit sequencers at once, and the log
 * stays gapless and verifiable offline, consistent with a head signed before the kill; every instance relayed.
 */
@QuarkusIntegrationTest // for the shared test stack: the gateways under test here are started by the test itself
class SeveralInstancesIT {

    private static final int INSTANCES = 3;
    private static final int CLIENTS = 9;
    private static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");
    /** {@code AuditSequencer.LOCK}, the transaction-level advisory lock a sequencing round holds. */
    private static final long SEQUENCER_LOCK = 0x7469706c696e6501L;

    private final PackagedClient client = new PackagedClient();

    @Test
    void instancesShareOneStackAndLoseNothingWhenOneIsKilled() throws Exception {
        // Given
        LocalStack stack = TestStack.get();
        Map<String, String> config = new HashMap<>(stack.configOverrides());
        config.put("tipline.rate-limit.enabled", "false");
        Path logs = Files.createTempDirectory("tipline-instances-it-");
        List<PackagedGateway> gateways = new ArrayList<>();
        try (SequencerWatch watch = new SequencerWatch()) {
            for (int i = 0; i < INSTANCES; i++) {
                gateways.add(PackagedGateway.start(JAR, config, List.of("-Xmx256m"),
                        logs.resolve("instance-" + i + ".log"), 0));
            }
            String platformKey = client.newPlatform(gateways.get(0), "instances-it");
            String auditorKey = client.credential(gateways.get(1), "{\"role\": \"auditor\", \"label\": \"it\"}");
            PackagedGateway victim;
            double victimForwarded;
            String headBeforeKill;
            Set<String> ids;
            try (FilingLoad load = FilingLoad.start(client, gateways.stream().map(PackagedGateway::base).toList(),
                    platformKey, CLIENTS)) {
                load.awaitMore(300, Duration.ofSeconds(90));
                victim = busiestSequencer(gateways);
                victimForwarded = client.metric(victim, "tipline_delivery_forwarded_total");
                headBeforeKill = client.get(victim.base(), "/v1/audit/tree-head", auditorKey, "application/json");
                // When
                victim.kill();
                load.awaitMore(300, Duration.ofSeconds(90));
                load.finish();
                // Then: every acknowledged report is in the ledger once and delivered under one message id
                assertThat(load.retries()).as("requests cut off by the kill were retried").isPositive();
                ids = load.assertEachKeyFiledOnceAndDeliveredOnce(stack.kafka().orElseThrow().bootstrapServers());
            }
            // and every instance relayed its share
            List<PackagedGateway> survivors = gateways.stream().filter(g -> g != victim).toList();
            assertThat(victimForwarded).as("the killed instance relayed before its kill").isPositive();
            for (PackagedGateway survivor : survivors) {
                assertThat(client.metric(survivor, "tipline_delivery_forwarded_total"))
                        .as("messages relayed by the instance on port %d", survivor.base().getPort()).isPositive();
            }
            // and one sequencer at a time kept the log whole, gapless and verifiable
            Awaitility.await().atMost(Duration.ofSeconds(60))
                    .until(() -> count("SELECT count(*) FROM audit_inbox") == 0);
            assertThat(watch.mostHoldersAtOnce()).as("sequencing rounds holding the lock at the same time")
                    .isEqualTo(1);
            for (PackagedGateway survivor : survivors) {
                assertThat(client.metric(survivor, "tipline_worker_failures{worker=\"audit-sequencer\"}"))
                        .as("sequencer failures of the instance on port %d", survivor.base().getPort()).isZero();
            }
            assertLogIsWholeAndGapless(ids);
            assertVerifiesOffline(survivors.get(0).base(), auditorKey, headBeforeKill, logs);
        } finally {
            gateways.forEach(PackagedGateway::kill);
        }
    }

    /** A report.submitted event in the log for every report; seq 0 to n-1 without a gap; no inbox row twice. */
    private static void assertLogIsWholeAndGapless(Set<String> ids) throws SQLException {
        assertThat(count("SELECT count(*) FROM audit_event WHERE type = 'report.submitted' AND report_id IN"
                + " (SELECT id FROM report WHERE platform_id = (SELECT platform_id FROM report WHERE id = '"
                + ids.iterator().next() + "'))")).as("a report.submitted event per report").isEqualTo(ids.size());
        long events = count("SELECT count(*) FROM audit_event");
        assertThat(count("SELECT coalesce(max(seq), -1) + 1 FROM audit_event")).as("no gap in seq")
                .isEqualTo(events);
        assertThat(count("SELECT count(DISTINCT source_id) FROM audit_event")).as("no event sequenced twice")
                .isEqualTo(events);
    }

    /** The instance whose sequencer has moved the most events into the log so far. */
    private PackagedGateway busiestSequencer(List<PackagedGateway> gateways) throws Exception {
        Map<PackagedGateway, Double> sequenced = new HashMap<>();
        for (PackagedGateway gateway : gateways) {
            sequenced.put(gateway, client.metric(gateway, "tipline_audit_sequenced_total"));
        }
        return gateways.stream().max(Comparator.comparing(sequenced::get)).orElseThrow();
    }

    /**
     * Fetches a tree head covering the whole log, the keys, the export and a consistency proof from the head signed
     * before the kill, as an auditor would, and runs the offline verifier on them.
     */
    private void assertVerifiesOffline(URI base, String auditorKey, String oldHead, Path folder) throws Exception {
        long size = count("SELECT count(*) FROM audit_event");
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> JsonEdit.parse(client.get(base,
                "/v1/audit/tree-head", auditorKey, "application/json")).path("treeSize").asLong() >= size);
        String head = client.get(base, "/v1/audit/tree-head", auditorKey, "application/json");
        long oldSize = JsonEdit.parse(oldHead).path("treeSize").asLong();
        long newSize = JsonEdit.parse(head).path("treeSize").asLong();
        String proof = client.get(base, "/v1/audit/proofs/consistency?first=" + oldSize + "&second=" + newSize,
                auditorKey, "application/json");
        Path keys = Files.writeString(folder.resolve("keys.json"), client.get(base, "/v1/keys", auditorKey,
                "application/json"));
        Path export = Files.writeString(folder.resolve("audit.ndjson"), client.get(base, "/v1/audit/export",
                auditorKey, "application/x-ndjson"));
        OfflineVerification.Outcome outcome = OfflineVerification.verify(export,
                Files.writeString(folder.resolve("tree-head.json"), head), keys,
                "--old-tree-head", Files.writeString(folder.resolve("old-tree-head.json"), oldHead).toString(),
                "--consistency-proof", Files.writeString(folder.resolve("proof.json"), proof).toString());
        assertThat(outcome.exit()).as(outcome.output()).isZero();
        assertThat(outcome.output()).startsWith("OK ").contains("against the tree head of size " + newSize);
    }

    private static long count(String sql) throws SQLException {
        try (Connection connection = Ledger.superuser();
                PreparedStatement select = connection.prepareStatement(sql);
                ResultSet row = select.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    /**
     * Samples PostgreSQL's lock table every few milliseconds for the sequencer's advisory lock: how many sessions held
     * it at once, at most. One means it was seen held, and never twice.
     */
    private static final class SequencerWatch implements AutoCloseable {

        private final AtomicBoolean watching = new AtomicBoolean(true);
        private final AtomicInteger most = new AtomicInteger();
        private final Thread thread = new Thread(this::watch, "sequencer-watch");

        SequencerWatch() {
            thread.setDaemon(true);
            thread.start();
        }

        int mostHoldersAtOnce() {
            return most.get();
        }

        private void watch() {
            try (Connection connection = Ledger.superuser();
                    PreparedStatement holders = connection.prepareStatement("SELECT count(*) FROM pg_locks"
                            + " WHERE locktype = 'advisory' AND granted AND ((classid::bigint << 32) | objid::bigint)"
                            + " = ?")) {
                holders.setLong(1, SEQUENCER_LOCK);
                while (watching.get()) {
                    try (ResultSet row = holders.executeQuery()) {
                        row.next();
                        most.accumulateAndGet(row.getInt(1), Math::max);
                    }
                    LockSupport.parkNanos(2_000_000);
                }
            } catch (SQLException e) {
                most.set(Integer.MAX_VALUE); // the watch failed: the assertion on it fails too
            }
        }

        @Override
        public void close() throws InterruptedException {
            watching.set(false);
            thread.join(5000);
        }
    }
}
