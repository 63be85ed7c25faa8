package org.tipline.gateway.security;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.tipline.gateway.support.AuditApi;
import org.tipline.gateway.support.LocalStackTestResource;
import org.tipline.gateway.support.SyntheticReports;
import org.tipline.gateway.support.TestApi;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tipline.gateway.support.Problems.assertProblem;

/**
 * Per-platform rate limits: a platform over its limit gets 429 with {@code Retry-After} before anything is read or
 * kept, other platforms are not affected, and the refused requests do not become audit events.
 */
@QuarkusTest
class RateLimitTest {

    @Test
    void aPlatformOverItsLimitGets429WithRetryAfterAndNothingIsKept() {
        // Given: 2 requests a second, bursts of 3
        String limited = TestApi.newPlatformWithId(LocalStackTestResource.RATE_LIMITED_PLATFORM, "US_NCMEC");
        String other = TestApi.newPlatform();
        String key = UUID.randomUUID().toString();
        List<Integer> statuses = new ArrayList<>();
        // When
        for (int i = 0; i < 3; i++) {
            statuses.add(TestApi.as(limited).get("/v1/reports").statusCode());
        }
        Response refused = RestAssured.given().header("Authorization", "Bearer " + limited)
                .header("Idempotency-Key", key).contentType("application/json").body(SyntheticReports.minimal())
                .post("/v1/reports?finish=true");
        // Then
        assertThat(statuses).containsOnly(200);
        assertProblem(refused, 429);
        assertThat(refused.jsonPath().getString("type")).isEqualTo("urn:tipline:problem:rate-limited");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 2L);
        assertThat(TestApi.as(other).get("/v1/reports").statusCode()).as("another platform").isEqualTo(200);

        // When the platform waits as told, the same request with the same key is new, not a replay
        Awaitility.await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(600))
                .until(() -> TestApi.as(limited).get("/v1/reports").statusCode() == 200);
        List<String> filed = new ArrayList<>();
        Awaitility.await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(600)).until(() -> {
            Response retried = RestAssured.given().header("Authorization", "Bearer " + limited)
                    .header("Idempotency-Key", key).contentType("application/json").body(SyntheticReports.minimal())
                    .post("/v1/reports?finish=true");
            if (retried.statusCode() == 429) {
                return false;
            }
            assertThat(retried.statusCode()).isEqualTo(202);
            assertThat(retried.header("Idempotent-Replayed")).isNull();
            filed.add(retried.jsonPath().getString("reportId"));
            return true;
        });
        AuditApi.awaitEvents("reportId=" + filed.get(0), found -> !found.isEmpty()); // sequenced after any refusal
        assertThat(AuditApi.events("type=report.rejected&platformId=" + LocalStackTestResource.RATE_LIMITED_PLATFORM))
                .as("a refused flood is counted, not audited").isEmpty();
    }
}
