package org.tipline.gateway.evidence;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tipline.gateway.support.Ledger;
import org.tipline.gateway.support.SyntheticMedia;
import org.tipline.gateway.support.SyntheticReports;
import org.tipline.gateway.support.TestApi;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Evidence after a lost commit answer and after crashes: the object is kept while the ledger might hold its row, and
 * the sweeper removes only objects with no committed row, and only after the grace period.
 */
@QuarkusTest
class EvidenceDurabilityTest {

    @ConfigProperty(name = "tipline.evidence.directory")
    Path store;

    @Inject
    EvidenceSweeper sweeper;

    @AfterEach
    void removeTrigger() throws Exception {
        try (Connection connection = Ledger.superuser(); Statement statement = connection.createStatement()) {
            statement.execute("DROP TRIGGER IF EXISTS test_lose_commit ON evidence_file");
        }
    }

    /**
     * Kills the session at COMMIT (a deferred constraint trigger terminates its own backend) for one report's
     * files: the gateway sees the connection fail during the commit, exactly as when a commit's answer is lost.
     */
    private static void loseTheCommitOf(String reportId) throws Exception {
        UUID.fromString(reportId); // only a UUID goes into the statement
        try (Connection connection = Ledger.superuser(); Statement statement = connection.createStatement()) {
            statement.execute("""
                    CREATE OR REPLACE FUNCTION test_terminate_self() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN
                        PERFORM pg_terminate_backend(pg_backend_pid());
                        PERFORM pg_sleep(5);
                        RETURN NULL;
                    END $$""");
            statement.execute("DROP TRIGGER IF EXISTS test_lose_commit ON evidence_file");
            statement.execute("CREATE CONSTRAINT TRIGGER test_lose_commit AFTER INSERT ON evidence_file"
                    + " DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (NEW.report_id = '" + reportId + "')"
                    + " EXECUTE FUNCTION test_terminate_self()");
        }
    }

    @Test
    void anObjectWhoseCommitIsAmbiguousIsKeptUntilTheSweeperFindsNoRow() throws Exception {
        // Given
        String platform = TestApi.newPlatform();
        String reportId = TestApi.as(platform).contentType("application/json").body(SyntheticReports.minimal())
                .post("/v1/reports").then().statusCode(201).extract().path("reportId");
        loseTheCommitOf(reportId);
        Set<Path> before = objects();
        // When
        Response lost = TestApi.as(platform).contentType("application/octet-stream")
                .body(SyntheticMedia.noise(20_000, 31)).post("/v1/reports/" + reportId + "/files");
        // Then
        assertThat(lost.statusCode()).isEqualTo(503);
        assertThat(lost.jsonPath().getString("detail")).contains("may have been recorded");
        assertThat(lost.header("Retry-After")).isNotBlank();
        Set<Path> kept = objects();
        kept.removeAll(before);
        assertThat(kept).as("the object stays while its row may exist").hasSize(1);
        Path orphan = kept.iterator().next();

        assertThat(sweeper.sweep(Duration.ofHours(1)).orphans()).as("within the grace period").isZero();
        assertThat(orphan).exists();

        // When the grace period has passed
        EvidenceSweeper.Swept swept = sweeper.sweep(Duration.ZERO);
        // Then
        assertThat(swept.orphans()).isGreaterThanOrEqualTo(1);
        assertThat(orphan).doesNotExist();
        assertThat(TestApi.as(platform).get("/v1/reports/" + reportId).jsonPath().getList("files")).isEmpty();
    }

    @Test
    void theSweeperNeverRemovesAnObjectWithACommittedRow() throws Exception {
        // Given
        String platform = TestApi.newPlatform();
        String reportId = TestApi.as(platform).contentType("application/json").body(SyntheticReports.minimal())
                .post("/v1/reports").then().statusCode(201).extract().path("reportId");
        byte[] noise = SyntheticMedia.noise(30_000, 32);
        String fileId = TestApi.as(platform).contentType("application/octet-stream").body(noise)
                .post("/v1/reports/" + reportId + "/files").then().statusCode(201).extract().path("fileId");
        Path object = store.resolve(fileId + ".ev");
        Files.setLastModifiedTime(object, FileTime.from(Instant.now().minus(Duration.ofDays(30))));
        // When
        sweeper.sweep(Duration.ZERO);
        // Then
        assertThat(object).exists();
        assertThat(TestApi.as(platform).get("/v1/reports/" + reportId).jsonPath().getList("files.fileId"))
                .containsExactly(fileId);
    }

    @Test
    void staleTemporaryFilesAndOldOrphansAreRemovedButNothingElse() throws Exception {
        // Given: what a crash mid-upload and a crash between storing and committing leave behind
        Files.createDirectories(store);
        Path stalePartial = store.resolve(UUID.randomUUID() + ".ev.partial");
        Path freshPartial = store.resolve(UUID.randomUUID() + ".ev.partial");
        Path oldOrphan = store.resolve(UUID.randomUUID() + ".ev");
        Path freshOrphan = store.resolve(UUID.randomUUID() + ".ev");
        Path notOurs = store.resolve("operator-notes.txt");
        Path oddName = store.resolve("not-a-uuid.ev");
        for (Path path : new Path[]{stalePartial, freshPartial, oldOrphan, freshOrphan, notOurs, oddName}) {
            Files.write(path, SyntheticMedia.noise(64, 33));
        }
        FileTime old = FileTime.from(Instant.now().minus(Duration.ofHours(2)));
        for (Path path : new Path[]{stalePartial, oldOrphan, notOurs, oddName}) {
            Files.setLastModifiedTime(path, old);
        }
        try {
            // When
            EvidenceSweeper.Swept swept = sweeper.sweep(Duration.ofHours(1));
            // Then
            assertThat(swept.partials()).isGreaterThanOrEqualTo(1);
            assertThat(stalePartial).doesNotExist();
            assertThat(oldOrphan).doesNotExist();
            assertThat(freshPartial).as("an upload may still be writing it").exists();
            assertThat(freshOrphan).as("its commit may still be on its way").exists();
            assertThat(notOurs).exists();
            assertThat(oddName).exists();
        } finally {
            for (Path path : new Path[]{freshPartial, freshOrphan, notOurs, oddName}) {
                Files.deleteIfExists(path);
            }
        }
    }

    private Set<Path> objects() throws Exception {
        if (!Files.exists(store)) {
            return new java.util.HashSet<>();
        }
        try (Stream<Path> files = Files.list(store)) {
            return files.filter(p -> p.toString().endsWith(".ev")).collect(Collectors.toSet());
        }
    }
}
