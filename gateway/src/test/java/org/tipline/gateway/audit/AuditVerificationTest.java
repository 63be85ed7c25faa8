package org.tipline.gateway.audit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tipline.gateway.support.AuditApi;
import org.tipline.gateway.support.JsonEdit;
import org.tipline.gateway.support.Ledger;
import org.tipline.gateway.support.OfflineVerification;
import org.tipline.gateway.support.OfflineVerification.Outcome;
import org.tipline.gateway.support.SyntheticReports;
import org.tipline.gateway.support.TestApi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The trail holds against whoever runs the gateway: the application's database role cannot change it, an auditor
 * verifies an export offline against saved heads, and an event altered directly in the database by a superuser is
 * named by the offline verifier and fails its inclusion proof.
 */
@QuarkusTest
class AuditVerificationTest {

    private static final List<String> CHANGES = List.of("UPDATE audit_event SET details = '{}' WHERE seq = 0",
            "DELETE FROM audit_event WHERE seq = 0", "TRUNCATE audit_event",
            "UPDATE audit_tree_node SET hash = hash WHERE level = 0 AND idx = 0",
            "DELETE FROM audit_tree_node WHERE level = 0", "DELETE FROM audit_tree_head",
            "UPDATE audit_tree_head SET tree_size = tree_size + 1");

    @Inject
    AgroalDataSource application;

    @TempDir
    Path folder;

    /** The events of a newly submitted report, once forwarded and covered by a signed head. */
    private static List<JsonNode> loggedReport() {
        String platform = TestApi.newPlatform();
        String id = TestApi.as(platform).contentType(ContentType.JSON).body(SyntheticReports.minimal())
                .post("/v1/reports?finish=true").then().statusCode(202).extract().path("reportId");
        List<JsonNode> events = AuditApi.awaitEvents("reportId=" + id,
                found -> AuditApi.types(found).contains("delivery.forwarded"));
        AuditApi.awaitHeadCovering(events.get(events.size() - 1).path("seq").asLong());
        return events;
    }

    @Test
    void anExportVerifiesOfflineAgainstSavedHeads() throws Exception {
        // Given an auditor who saved a head earlier, and now a newer head, the keys, the export and a proof
        OfflineVerification auditor = new OfflineVerification(folder);
        List<JsonNode> earlier = loggedReport();
        JsonNode oldHead = AuditApi.awaitHeadCovering(earlier.get(earlier.size() - 1).path("seq").asLong());
        Path old = auditor.save("old-head.json", oldHead);
        List<JsonNode> later = loggedReport();
        JsonNode head = AuditApi.awaitHeadCovering(later.get(later.size() - 1).path("seq").asLong());
        Path current = auditor.save("head.json", head);
        Path checkpoint = auditor.checkpoint("head.checkpoint");
        Path keys = auditor.keys();
        Path export = auditor.export("audit.ndjson");
        Path proof = auditor.save("proof.json", JsonEdit.parse(AuditApi.get("/v1/audit/proofs/consistency?first="
                + oldHead.path("treeSize") + "&second=" + head.path("treeSize")).asString()));
        // When
        Outcome verified = OfflineVerification.verify(export, current, keys, "--old-tree-head", old.toString(),
                "--consistency-proof", proof.toString());
        Outcome fromCheckpoint = OfflineVerification.verify(export, checkpoint, keys);
        // Then
        assertThat(verified.exit()).as(verified.output()).isZero();
        assertThat(verified.output()).startsWith("OK " + head.path("treeSize").asLong() + " events verified");
        assertThat(fromCheckpoint.exit()).as(fromCheckpoint.output()).isZero();
    }

    @Test
    void theVerifierRefusesWhatDoesNotMatch() throws Exception {
        // Given
        OfflineVerification auditor = new OfflineVerification(folder);
        JsonNode head = AuditApi.awaitHeadCovering(loggedReport().get(0).path("seq").asLong());
        Path keys = auditor.keys();
        Path export = auditor.export("audit.ndjson");
        List<String> lines = Files.readAllLines(export);
        Path shortExport = Files.write(folder.resolve("short.ndjson"), lines.subList(0, 1));
        Path gap = Files.write(folder.resolve("gap.ndjson"), lines.subList(1, lines.size()));
        ObjectNode forged = head.deepCopy();
        forged.put("rootHash", AuditApi.leafHash(JsonEdit.parse("{\"forged\": true}")));
        Path forgedHead = auditor.save("forged.json", forged);
        // When / Then
        assertThat(OfflineVerification.verify(shortExport, auditor.save("head.json", head), keys))
                .satisfies(o -> assertThat(o.exit()).isEqualTo(1))
                .satisfies(o -> assertThat(o.output()).contains("the export has 1 events"));
        assertThat(OfflineVerification.verify(gap, auditor.save("head.json", head), keys).output())
                .contains("FAIL event 0 is missing from the export");
        assertThat(OfflineVerification.verify(export, forgedHead, keys).output())
                .contains("FAIL tree head: the signature does not verify")
                .contains("FAIL the root of the first");
        assertThat(OfflineVerification.verify(export, folder.resolve("absent.json"), keys).exit()).isEqualTo(2);
    }

    @Test
    void theApplicationRoleCannotChangeTheLog() throws SQLException {
        // Given
        loggedReport();
        for (String change : CHANGES) {
            // When / Then
            try (Connection connection = application.getConnection();
                    Statement statement = connection
                            .createStatement()) {
                assertThatThrownBy(() -> statement.execute(change)).as(change).isInstanceOf(SQLException.class)
                        .hasMessageContaining("permission denied");
            }
            try (Connection connection = Ledger.superuser(); Statement statement = connection.createStatement()) {
                assertThatThrownBy(() -> statement.execute(change)).as(change).isInstanceOf(SQLException.class)
                        .hasMessageContaining("append-only");
            }
        }
    }

    @Test
    void anEventChangedInTheDatabaseIsNamedByTheVerifierAndFailsItsProof() throws Exception {
        // Given a report's events, signed into a head
        OfflineVerification auditor = new OfflineVerification(folder);
        List<JsonNode> events = loggedReport();
        JsonNode submitted = events.stream().filter(e -> e.path("type").asText().equals("report.submitted"))
                .findFirst().orElseThrow();
        JsonNode untouched = events.get(0);
        long seq = submitted.path("seq").asLong();
        JsonNode head = AuditApi.awaitHeadCovering(seq);
        Path savedHead = auditor.save("head.json", head);
        Path keys = auditor.keys();
        String original = details(seq);
        try {
            // When a superuser rewrites where the report was sent, bypassing the triggers
            tamper(seq, "jsonb_set(details, '{destinations}', '[\"nowhere\"]')");
            // Then the offline verifier names the event
            Outcome outcome = OfflineVerification.verify(auditor.export("tampered.ndjson"), savedHead, keys);
            assertThat(outcome.exit()).isEqualTo(1);
            assertThat(outcome.output()).contains("FAIL event " + seq + " (report.submitted) does not match its leaf"
                    + " hash");
            // and so does its inclusion proof, while the events around it still prove
            JsonNode served = JsonEdit.parse(AuditApi.get("/v1/audit/events/" + seq).asString());
            assertThat(served.path("details").path("destinations").get(0).asText()).isEqualTo("nowhere");
            assertThat(AuditApi.leafHash(served)).isNotEqualTo(served.path("leafHash").asText());
            assertThat(AuditApi.provenIncluded(served, head)).isFalse();
            assertThat(AuditApi.provenIncluded(untouched, head)).isTrue();
        } finally {
            tamper(seq, "'" + original.replace("'", "''") + "'::jsonb");
        }
        assertThat(AuditApi.provenIncluded(JsonEdit.parse(AuditApi.get("/v1/audit/events/" + seq).asString()), head))
                .isTrue();
    }

    private static String details(long seq) throws SQLException {
        try (Connection connection = Ledger.superuser();
                PreparedStatement select = connection
                        .prepareStatement("SELECT details::text FROM audit_event WHERE seq = ?")) {
            select.setLong(1, seq);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        }
    }

    /** Sets an event's details as a superuser who disabled the triggers for the session. */
    private static void tamper(long seq, String details) throws SQLException {
        try (Connection connection = Ledger.superuser(); Statement statement = connection.createStatement()) {
            statement.execute("SET session_replication_role = replica");
            statement.execute("UPDATE audit_event SET details = " + details + " WHERE seq = " + seq);
        }
    }
}
