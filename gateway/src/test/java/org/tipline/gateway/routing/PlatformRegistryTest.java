package org.tipline.gateway.routing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.tipline.gateway.support.Ledger;
import org.tipline.gateway.support.TestApi;

import io.quarkus.test.junit.QuarkusTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A platform's regimes are kept between reports for up to {@link PlatformRegistry#FRESH_FOR} (a minute), yet a change
 * made in the ledger is routed by once the trigger's notice arrives: the test waits at most 10 seconds, so without the
 * notices it would fail.
 */
@QuarkusTest
class PlatformRegistryTest {

    @Inject
    PlatformRegistry registry;

    @Test
    void aRegimeChangedBySqlInTheLedgerIsReadOnceTheNoticeArrives() throws Exception {
        // Given: a platform's regimes read, so kept
        String id = "registry-test-" + UUID.randomUUID().toString().substring(0, 8);
        TestApi.newPlatformWithId(id, "US_NCMEC");
        assertThat(registry.regimes(id)).containsExactly(Regime.US_NCMEC);
        assertThat(registry.regimes(id)).containsExactly(Regime.US_NCMEC);
        // When
        try (Connection connection = Ledger.superuser();
                PreparedStatement update = connection.prepareStatement(
                        "UPDATE platform SET regimes = ARRAY['US_NCMEC', 'UK_NCA'] WHERE id = ?")) {
            update.setString(1, id);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
        // Then
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> registry.regimes(id).equals(Set.of(Regime.US_NCMEC, Regime.UK_NCA)));
    }

    @Test
    void aPlatformNotRegisteredYetIsNotRememberedAsHavingNoRegimes() {
        String id = "registry-test-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(registry.regimes(id)).isEmpty();
        TestApi.newPlatformWithId(id, "US_NCMEC");
        assertThat(registry.regimes(id)).containsExactly(Regime.US_NCMEC);
    }
}
