package org.tipline.gateway.platform.http;

import org.junit.jupiter.api.Test;
import org.tipline.gateway.support.Management;
import org.tipline.gateway.support.SyntheticReports;
import org.tipline.gateway.support.TestApi;

import io.quarkus.test.junit.QuarkusTest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** The operator's signals are exported in Prometheus format at /q/metrics. */
@QuarkusTest
class MetricsTest {

    @Test
    void intakeDeliveryAndOutboxMetricsAreExported() {
        // Given
        String platform = TestApi.newPlatform();
        String id = TestApi.as(platform).contentType("application/json").body(SyntheticReports.minimal())
                .post("/v1/reports?finish=true").then().statusCode(202).extract().path("reportId");
        TestApi.as(TestApi.newIntakeKey("ncmec")).contentType("application/json")
                .body("{\"reportId\": \"" + id + "\", \"status\": \"ACCEPTED\", \"externalReference\": \"SYN-1\"}")
                .post("/v1/intake/ncmec/acks").then().statusCode(200);
        TestApi.as(platform).contentType("application/json").body("{\"colour\": \"red\"}").post("/v1/reports").then()
                .statusCode(400);
        // When
        String metrics = Management.metrics();
        // Then
        assertThat(given().get("/q/metrics").statusCode()).as("not on the API port").isEqualTo(404);
        assertThat(metrics).contains("tipline_reports_accepted_total{outcome=\"submitted\"}")
                .contains("tipline_reports_rejected_total{code=\"UNKNOWN_FIELD\",reason=\"MALFORMED_REQUEST\"}")
                .contains("tipline_outbox_depth{destination=\"ncmec\"}")
                .contains("tipline_outbox_oldest_age_seconds{destination=\"ncmec\"}")
                .contains("tipline_delivery_forward_latency_seconds_bucket")
                .containsPattern("tipline_acks_total\\{[^}]*outcome=\"RECORDED\"[^}]*status=\"ACCEPTED\"[^}]*} [1-9]");
    }
}
