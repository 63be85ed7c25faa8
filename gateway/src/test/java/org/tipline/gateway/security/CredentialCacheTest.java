package org.tipline.gateway.security;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.tipline.gateway.platform.db.ChangeNotices;
import org.tipline.gateway.support.Ledger;
import org.tipline.gateway.support.TestApi;

import io.quarkus.test.junit.QuarkusTest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keys kept between requests stop working as soon as their revocation is announced, however it was made: through the
 * admin API (at once on this instance, {@code ProblemDocumentTest}), or by SQL in the ledger (the trigger's notice);
 * and when the listening connection is lost, whatever was announced meanwhile is not missed. The cache keeps keys for
 * 30 seconds, and each test waits at most 10: without the notices they would fail.
 */
@QuarkusTest
class CredentialCacheTest {

    private static final Duration NOTICE = Duration.ofSeconds(10);

    @Test
    void aKeyRevokedBySqlInTheLedgerIsRefusedOnceTheNoticeArrives() throws Exception {
        // Given: a key used, so kept
        String key = TestApi.newKey("auditor");
        String id = status(key, 200);
        status(key, 200);
        // When
        revokeInTheLedger(id);
        // Then
        Awaitility.await().atMost(NOTICE).pollInterval(Duration.ofMillis(50))
                .until(() -> statusCode(key) == 401);
    }

    @Test
    void noticesMissedWhileTheListenerWasDisconnectedAreNotMissed() throws Exception {
        // Given: a key used, so kept
        String key = TestApi.newKey("auditor");
        String id = status(key, 200);
        status(key, 200);
        // When: the listening session is cut, and the key revoked while it reconnects
        int listener = listenerPid();
        try (Connection connection = Ledger.superuser();
                PreparedStatement cut = connection.prepareStatement("SELECT pg_terminate_backend(?)")) {
            cut.setInt(1, listener);
            cut.execute();
        }
        revokeInTheLedger(id);
        // Then: once listening again (lookups skip the cache meanwhile), the key kept before stays refused
        Awaitility.await().atMost(NOTICE).until(() -> {
            int now = listenerPid();
            return now != 0 && now != listener;
        });
        for (int i = 0; i < 5; i++) {
            assertThat(statusCode(key)).as("request %d after the listener reconnected", i).isEqualTo(401);
        }
    }

    private static String status(String key, int expected) {
        return given().header("Authorization", "Bearer " + key).get("/v1/status").then().statusCode(expected)
                .extract().path("principal");
    }

    private static int statusCode(String key) {
        return given().header("Authorization", "Bearer " + key).get("/v1/status").statusCode();
    }

    private static void revokeInTheLedger(String id) throws Exception {
        try (Connection connection = Ledger.superuser();
                PreparedStatement revoke = connection.prepareStatement(
                        "UPDATE credential SET revoked_at = now(), revoked_by = 'test-sql' WHERE id = ?")) {
            revoke.setObject(1, UUID.fromString(id));
            assertThat(revoke.executeUpdate()).isEqualTo(1);
        }
    }

    /** The backend of the gateway's listening session (0 while there is none). */
    private static int listenerPid() throws Exception {
        try (Connection connection = Ledger.superuser();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT pid FROM pg_stat_activity WHERE application_name = ?")) {
            select.setString(1, ChangeNotices.APPLICATION_NAME);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getInt(1) : 0;
            }
        }
    }
}
