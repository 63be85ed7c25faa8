package org.tipline.gateway.platform.worker;

import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.tipline.gateway.support.FailingRounds;
import org.tipline.gateway.support.LogCapture;
import org.tipline.gateway.support.SyntheticReports;
import org.tipline.gateway.support.TestApi;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every background worker of the running gateway, killed in its loop by an unexpected exception: readiness goes DOWN
 * naming that worker, the loop restarts by itself, readiness comes back UP, and the worker does its work again. The
 * exception's message (which could quote content) reaches neither the health check nor the logs.
 */
@QuarkusTest
class WorkerRestartTest {

    @Inject
    Workers workers;

    @Inject
    FailingRounds failing;

    @Test
    void everyWorkerKilledByAnUnexpectedExceptionTurnsReadinessDownAndRestarts() {
        // Given: every worker that loops (the topic provisioner has done its one job and ended)
        List<String> loops = workers.statuses().stream().filter(status -> status.state() != Worker.State.DONE)
                .map(Worker.Status::name).toList();
        assertThat(loops).contains("outbox-relay", "ack-consumer", "audit-sequencer", "audit-feed", "report-expiry",
                "idempotency-purge", "outbox-gauges");
        try (LogCapture logs = LogCapture.start("org.tipline")) {
            for (String name : loops) {
                Worker worker = workers.get(name).orElseThrow();
                long failuresBefore = worker.status().failures();
                // When
                failing.arm(name);
                worker.wakeUp();
                // Then
                awaitReadiness(503, ready -> assertThat(ready.getString("checks.find { it.name == 'Background"
                        + " workers' }.data.'" + name + "'")).startsWith("FAILED: failed: SimulatedBug"));
                failing.disarm(name);
                long roundsAtDisarm = failing.rounds(name);
                worker.wakeUp();
                awaitReadiness(200, ready -> assertThat(ready.getString("status")).isEqualTo("UP"));
                Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                    worker.wakeUp();
                    assertThat(failing.rounds(name)).as(name + " runs rounds again").isGreaterThan(roundsAtDisarm);
                });
                assertThat(worker.status().healthy()).as(name).isTrue();
                assertThat(worker.status().failures()).as(name).isGreaterThan(failuresBefore);
            }
            assertThat(String.join("\n", logs.lines())).contains("failed unexpectedly")
                    .doesNotContain("SYNTHETIC-SECRET-MARKER");
        }
        // And the relay, restarted, still forwards
        String platform = TestApi.newPlatform();
        String reportId = TestApi.as(platform).contentType("application/json").body(SyntheticReports.minimal())
                .post("/v1/reports?finish=true").then().statusCode(202).extract().path("reportId");
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(TestApi.as(platform)
                .get("/v1/reports/" + reportId).jsonPath().getString("destinations[0].state")).isEqualTo("FORWARDED"));
    }

    private static void awaitReadiness(int status, java.util.function.Consumer<JsonPath> check) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            var response = org.tipline.gateway.support.Management.given().get("/q/health/ready");
            assertThat(response.statusCode()).isEqualTo(status);
            check.accept(response.jsonPath());
        });
    }
}
